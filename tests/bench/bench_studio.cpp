// SPDX-License-Identifier: Apache-2.0
// GUI speed figures, offscreen. One line per figure: name, value, limit, PASS/FAIL (and by how
// much it failed).
//   first_paint_ms        open the 1,000-endpoint spec (1,050 nodes) → first painted window
//   max_gui_stall_ms      longest event-loop stall (1 ms timer probe) while it is re-validated
//   edit_gui_stall_ms     the same after a form edit of one endpoint (edit excluded, see edit_ms)
//   fit_repaint_ms        fit-to-view + synchronous repaint of the 1,050-node canvas
//   keystroke_ms          keystroke in Source → diagnostics shown (debounce excluded), ~60 lines:
//                         median, and keystroke_max_ms the slowest of 40
//   max_gui_stall_5k_ms   longest stall while a 5,000-endpoint spec (5,050 nodes) is re-validated
//   pan_frame_ms          median frame while panning the 5,000-node canvas at 50 % zoom
// UIS_BENCH_ONLY=stall|keystroke|large runs one part (for a profiler); UIS_BENCH_VERBOSE=1
// prints every sample; UIS_BENCH_SLOW_EVENTS=MS prints, while a stall is probed, every gap over
// 3 ms and every event that kept the GUI thread MS or longer, with the widgets it painted.
#include "analysisapplier.h"
#include "analysisrunner.h"
#include "codeeditor.h"
#include "graphscene.h"
#include "graphview.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "pipelinedocument.h"
#include "problemsdock.h"
#include "problemsmodel.h"
#include "sourceview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace uis;

namespace {

QElapsedTimer g_clock;

/// Same bytes as tests/bench/gen_large_spec.py for n endpoints.
QByteArray largeSpec(int n)
{
    QByteArray o;
    o += "version: \"1.1\"\nname: large-market-data\ndescription: Generated benchmark spec with many endpoints\n"
         "created_by: bench\nprovider:\n  name: bench_api\n  display_name: Benchmark API\n  provider_type: rest_api\n"
         "  base_url: https://api.example.com\n  tenant_id: bench-team\n  owner: bench@example.com\n  mode: micro_batch\n"
         "  parallelism: 8\n  schedule:\n    trigger_interval: 5 minutes\n"
         "  config:\n    executor_memory: 8g\n    executor_cores: \"4\"\n    s3_endpoint: http://minio:9000\n  endpoints:\n";
    for (int i = 0; i < n; ++i) {
        o += QStringLiteral("    - name: feed_%1\n").arg(i, 4, 10, QLatin1Char('0')).toUtf8();
        o += QStringLiteral("      path: /v3/reference/feed/%1\n").arg(i).toUtf8();
        o += "      method: GET\n      auth: api_key\n      headers:\n        Authorization: \"Bearer {{api_key}}\"\n"
             "        Accept: application/json\n      query_params:\n        market: stocks\n        limit: \"1000\"\n";
        o += QStringLiteral("        region: region_%1\n").arg(i % 17).toUtf8();
        o += "      pagination: cursor\n      response_path: $.results\n      field_mapping:\n        ticker: symbol\n"
             "        name: company_name\n        market_cap: market_capitalization\n";
        o += QStringLiteral("      rate_limit_per_second: %1\n").arg(10 + i % 40).toUtf8();
        o += "      schema:\n        - { name: symbol, type: string, nullable: false }\n"
             "        - { name: company_name, type: string }\n        - { name: market_capitalization, type: double }\n";
    }
    o += "  transforms:\n";
    for (int i = 0; i < 25; ++i)
        o += QStringLiteral("    - name: step_%1\n      type: filter\n      condition: market_capitalization > %2\n")
                 .arg(i, 2, 10, QLatin1Char('0'))
                 .arg(i * 1000)
                 .toUtf8();
    o += "  sinks:\n";
    for (int i = 0; i < 25; ++i)
        o += QStringLiteral("    - name: landing_%1\n      type: parquet\n      inputs: [step_%1]\n      config:\n"
                            "        bucket: landing-zone\n        path_prefix: large/%1\n        compression: snappy\n")
                 .arg(i, 2, 10, QLatin1Char('0'))
                 .toUtf8();
    return o;
}

/// Records when the first paint of a widget has finished.
class PaintProbe : public QObject
{
public:
    qint64 firstPaintMs = -1;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && firstPaintMs < 0)
            QTimer::singleShot(0, this, [this] {
                if (firstPaintMs < 0)
                    firstPaintMs = g_clock.elapsed();
            });
        return false;
    }
};

/// UIS_BENCH_SLOW_EVENTS: the threshold in ms for events worth printing, 0 when off.
int slowEventMs()
{
    static const int ms = qEnvironmentVariableIntValue("UIS_BENCH_SLOW_EVENTS");
    return ms;
}

void trace(const char *format, double a = 0, double b = 0)
{
    if (slowEventMs() > 0) {
        std::printf(format, a, b);
        std::fflush(stdout);
    }
}

/// The longest gap between ticks of a 1 ms timer: how long the event loop was blocked.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) {
                m_max = std::max(m_max, now - m_last);
                if (now - m_last > 3000000)
                    trace("  gap %.1f ms, ending %.1f ms after the probe started\n",
                          (now - m_last) / 1e6, now / 1e6);
            }
            m_last = now;
        });
    }
    void start()
    {
        trace("  (stall probe on)\n");
        m_clock.start();
        m_last = -1;
        m_max = 0;
        m_timer.start();
    }
    double stop()
    {
        trace("  (stall probe off)\n");
        m_timer.stop();
        return m_max / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_max = 0;
};

/// Prints one figure; on a miss, by how much. Returns whether it passed.
bool report(const char *name, double value, double limit, const QString &extra = {})
{
    const bool pass = value >= 0 && value < limit;
    const QString verdict = pass        ? QStringLiteral("PASS")
                            : value < 0 ? QStringLiteral("FAIL (not measured)")
                                        : QStringLiteral("FAIL by %1 ms (%2 %)")
                                              .arg(value - limit, 0, 'f', 1)
                                              .arg(100 * (value - limit) / limit, 0, 'f', 0);
    std::printf("studio.%-26s %8.1f ms  (limit %.0f ms)  %s%s\n", name, value, limit,
                qPrintable(verdict),
                extra.isEmpty() ? "" : qPrintable(QStringLiteral("  ") + extra));
    std::fflush(stdout);
    return pass;
}

/// Runs the event loop until `done()` holds (checked every 1 ms and whenever `wake` is called)
/// or `timeoutMs` pass. Not QTest::qWaitFor or qWait: between rounds of events they sleep
/// 10 ms, blocking the GUI thread themselves, so the stall probe measured the bench's own
/// sleeps and a keystroke's latency was rounded up to them.
bool spin(const std::function<bool()> &done, int timeoutMs, std::function<void()> *wake = nullptr)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check, limit;
    check.setTimerType(Qt::PreciseTimer);
    check.setInterval(1);
    const auto test = [&] {
        if (done())
            loop.quit();
    };
    QObject::connect(&check, &QTimer::timeout, &loop, test);
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (wake)
        *wake = test;
    check.start();
    limit.start(timeoutMs);
    loop.exec();
    if (wake)
        *wake = {};
    return done();
}

/// Runs the event loop for `ms`.
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Until the result for the current text is shown in every view (with `findingsOnly`, until
/// its findings are: Problems, badges, squiggles, the form; the compile for the Preview may
/// still run); checked the moment the applier reports it, so the time is not rounded up to
/// the check interval.
bool waitFor(MainWindow &w, int timeoutMs, bool findingsOnly = false)
{
    std::function<void()> wake;
    const QMetaObject::Connection c =
        QObject::connect(w.applier(), &AnalysisApplier::applied, w.applier(), [&] {
            if (wake)
                wake();
        });
    const bool ok = spin(
        [&] {
            return (findingsOnly || !w.analysis()->isBusy()) &&
                   w.analysis()->lastResult().revision == w.document()->revision() &&
                   !w.applier()->isBusy();
        },
        timeoutMs, &wake);
    QObject::disconnect(c);
    return ok;
}

/// The probe's own floor (an idle loop) and a known 12 ms block, which it must see: a stall
/// figure is only as good as the probe.
bool checkProbe(StallProbe &stall)
{
    pause(200); // Qt's own start-up work (fonts, the platform plugin) runs first
    stall.start();
    pause(60);
    const double idle = stall.stop();
    stall.start();
    pause(10);
    QTimer::singleShot(0, [] {
        QElapsedTimer t;
        t.start();
        while (t.nsecsElapsed() < 12000000) {
        }
    });
    pause(30);
    const double blocked = stall.stop();
    const bool ok = idle < 5 && blocked >= 12;
    std::printf(
        "studio.probe_check: idle loop %.1f ms (< 5), a 12 ms block seen as %.1f ms (>= 12)  %s\n",
        idle, blocked, ok ? "PASS" : "FAIL");
    std::fflush(stdout);
    return ok;
}

bool verbose()
{
    return qEnvironmentVariableIsSet("UIS_BENCH_VERBOSE");
}

bool wanted(const char *part)
{
    const QByteArray only = qgetenv("UIS_BENCH_ONLY");
    return only.isEmpty() || only == part;
}

QString writeSpec(QTemporaryDir &dir, int endpoints)
{
    const QString path = dir.filePath(QStringLiteral("large-%1.uis.yaml").arg(endpoints));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(largeSpec(endpoints));
    return path;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// The longest stall while `w` re-validates its text (started from a timer, so that the GUI
/// thread's share of starting the run is measured too).
double revalidationStall(MainWindow &w, StallProbe &stall)
{
    waitFor(w, 60000);
    w.applier()->resetLongestSlice();
    stall.start();
    pause(10);
    w.analysis()->runNow();
    waitFor(w, 60000);
    pause(50); // let queued repaints after the result run too
    return stall.stop();
}

/// With UIS_BENCH_SLOW_EVENTS=MS: every top-level event that kept the GUI thread MS or longer
/// (receiver class, event type, wall and CPU time), and the widgets it painted, with their
/// parents: where a stall comes from.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (slowEventMs() <= 0)
            return QApplication::notify(receiver, event);
        if (m_depth > 0) {
            if (event->type() != QEvent::Paint)
                return QApplication::notify(receiver, event);
            QElapsedTimer t;
            t.start();
            const bool r = QApplication::notify(receiver, event);
            m_paints.append({receiver, t.nsecsElapsed() / 1e6});
            return r;
        }
        m_paints.clear();
        const QByteArray name = receiver->metaObject()->className();
        const int type = event->type();
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        ++m_depth;
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = t.nsecsElapsed() / 1e6;
        if (ms < slowEventMs())
            return r;
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC,
                      &now); // to find the event in `perf record -k CLOCK_MONOTONIC`
        std::printf("  slow event, %s, type %d: %.1f ms (CPU %.1f ms), ended at %lld.%06ld s\n",
                    name.constData(), type, ms, threadCpuMs() - cpu0, (long long)now.tv_sec,
                    now.tv_nsec / 1000);
        for (const auto &[widget, paintMs] : std::as_const(m_paints)) {
            if (paintMs < 0.3 || !widget)
                continue;
            QByteArray who = widget->metaObject()->className();
            for (QObject *o = widget->parent(); o; o = o->parent())
                who += QByteArray(" < ") + o->metaObject()->className();
            std::printf("    painted %s: %.1f ms\n", who.constData(), paintMs);
        }
        std::fflush(stdout);
        return r;
    }

private:
    int m_depth = 0;
    QList<std::pair<QPointer<QObject>, double>> m_paints;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v[v.size() / 2];
}

/// Keystrokes in Source on `path`'s `parallelism:` line, each alternating between a valid value
/// and one the validator rejects, timed to updated diagnostics: `<name>_ms` (median, limit
/// `frameMs`) and `<name>_max_ms` (slowest, limit two frames more). Returns the failures.
int keystrokes(const QString &path, const char *name, int count, double frameMs)
{
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openFile(path);
    waitFor(w, 60000);
    w.analysis()->setDebounce(60000); // excluded: we trigger the run ourselves
    w.showSource();
    CodeEditor *ed = w.sourceView()->editor();
    int line = 0;
    for (int i = 0; i < ed->lines(); ++i) {
        if (ed->text(i).contains(QStringLiteral("parallelism:"))) {
            line = i;
            break;
        }
    }
    int failures = 0;
    QList<double> times, cpu;
    for (int i = 0; i < count; ++i) {
        ed->setCursorPosition(line, int(ed->text(line).size()) - 1);
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        QTest::keyClick(ed, i % 2 ? Qt::Key_Backspace : Qt::Key_X);
        w.analysis()->runNow();
        waitFor(w, 5000, true);
        times.append(t.nsecsElapsed() / 1e6);
        cpu.append(threadCpuMs() - cpu0);
        if (verbose())
            std::printf("  %s %.1f ms (findings %lld ms)\n", name, times.last(),
                        w.analysis()->lastResult().elapsedMs);
        const bool hasError = w.problemsDock()->model()->count(Severity::Error) > 0;
        if (hasError != (i % 2 == 0)) {
            std::printf("studio.%s: diagnostics did not follow the edit\n", name);
            ++failures;
            break;
        }
        waitFor(w, 60000); // the compile for the Preview too, before the next keystroke
    }
    std::sort(times.begin(), times.end());
    const QByteArray medianName = QByteArray(name) + "_ms";
    const QByteArray maxName = QByteArray(name) + "_max_ms";
    failures += !report(
        medianName.constData(), median(times), frameMs,
        QStringLiteral("(median of %1, %2 lines; findings median %3 ms; GUI "
                       "thread CPU median %4 ms, max %5 ms)")
            .arg(times.size())
            .arg(ed->lines())
            .arg(w.analysis()->lastResult().elapsedMs)
            .arg(median(cpu), 0, 'f', 1)
            .arg(cpu.isEmpty() ? -1 : *std::max_element(cpu.begin(), cpu.end()), 0, 'f', 1));
    failures += !report(maxName.constData(), times.isEmpty() ? -1 : times.last(), 2 * frameMs + 1,
                        QStringLiteral("(slowest of %1)").arg(times.size()));
    w.document()->undoStack()->setClean();
    return failures;
}

} // namespace

int main(int argc, char *argv[])
{
    g_clock.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("UIS-bench"));
    QApplication::setApplicationName(QStringLiteral("uis-studio-bench"));

    QTemporaryDir dir;
    const QString big = writeSpec(dir, 1000);
    if (big.isEmpty())
        return 1;
    const qint64 setup = g_clock.elapsed();
    int failures = 0;
    StallProbe stall;
    failures += !checkProbe(stall);

    if (wanted("stall")) {
        // 1. Open the large spec: time to the first painted window.
        g_clock.restart();
        MainWindow w;
        w.resize(1400, 900);
        PaintProbe paint;
        w.graphView()->viewport()->installEventFilter(&paint);
        w.openFile(big);
        w.show();
        // A window that never paints reports -1 below and fails the figure.
        (void)spin([&] { return paint.firstPaintMs >= 0; }, 10000);
        failures += !report("first_paint_ms", double(paint.firstPaintMs), 1500,
                            QStringLiteral("(%1 nodes; spec written in %2 ms, not counted)")
                                .arg(w.document()->graph()->nodeCount())
                                .arg(setup));

        // 2. Its re-validation runs off the GUI thread: measure the longest stall meanwhile.
        const double maxStall = revalidationStall(w, stall);
        failures += !report(
            "max_gui_stall_ms", maxStall, 8,
            QStringLiteral("(analysis took %1 ms on its thread; longest apply slice %2 ms CPU)")
                .arg(w.analysis()->lastResult().elapsedMs)
                .arg(w.applier()->longestSliceMs(), 0, 'f', 1));

        // 2b. A form edit of one endpoint, then its re-validation: the edit itself (patching the
        // text, rebuilding the graph) is synchronous and reported apart; the stall after it is
        // what applying the changed result costs.
        {
            waitFor(w, 60000);
            QElapsedTimer t;
            t.start();
            w.document()->setValue(QStringLiteral("/provider/endpoints/500/rate_limit_per_second"),
                                   SourceNode::makeInt(0));
            const double editMs = t.nsecsElapsed() / 1e6;
            w.applier()->resetLongestSlice();
            stall.start();
            w.analysis()->runNow();
            waitFor(w, 60000);
            pause(50);
            const double editStall = stall.stop();
            failures += !report("edit_gui_stall_ms", editStall, 8,
                                QStringLiteral("(after a form edit that took %1 ms; longest apply "
                                               "slice %2 ms CPU; %3 problems)")
                                    .arg(editMs, 0, 'f', 1)
                                    .arg(w.applier()->longestSliceMs(), 0, 'f', 1)
                                    .arg(w.problemsDock()->model()->rowCount()));
            w.document()->undoStack()->undo();
            waitFor(w, 60000);
        }

        // 4. Fit to view and repaint the 1,050-node canvas.
        w.showDesign();
        pause(20);
        QList<double> fits;
        for (int i = 0; i < 5; ++i) {
            w.graphView()->resetZoom();
            w.graphView()->viewport()->repaint();
            QElapsedTimer t;
            t.start();
            w.graphView()->fitToView();
            const double fitOnly = t.nsecsElapsed() / 1e6;
            w.graphView()->viewport()->repaint();
            fits.append(t.nsecsElapsed() / 1e6);
            if (verbose())
                std::printf("  fit %.1f ms, fit+repaint %.1f ms, zoom %.3f\n", fitOnly, fits.last(), w.graphView()->zoom());
        }
        std::sort(fits.begin(), fits.end());
        failures += !report("fit_repaint_ms", fits[fits.size() / 2], 50,
                            QStringLiteral("(median of 5, max %1 ms, %2 items)")
                                .arg(fits.last(), 0, 'f', 1)
                                .arg(w.graphScene()->items().size()));
        w.document()->undoStack()->clear();
    }

    // 3. Keystroke → updated diagnostics, debounce excluded: on a typical template within a
    // frame, on the 1,050-node spec within two.
    if (wanted("keystroke")) {
        failures += keystrokes(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/rest-to-parquet-iceberg.uis.yaml"),
            "keystroke", 40, 16);
        failures += keystrokes(big, "keystroke_1k", 20, 33);
    }

    // 5. A 5,000-endpoint spec: stall while re-validated, frames while panning.
    if (wanted("large")) {
        const QString huge = writeSpec(dir, 5000);
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        w.openFile(huge);
        const double maxStall = revalidationStall(w, stall);
        failures += !report("max_gui_stall_5k_ms", maxStall, 16,
                            QStringLiteral("(%1 nodes; analysis took %2 ms on its thread)")
                                .arg(w.document()->graph()->nodeCount())
                                .arg(w.analysis()->lastResult().elapsedMs));

        // Pan at 50 % (names readable, hundreds of nodes and the fan of default inputs in
        // view): each frame is one scroll step and the repaint it causes.
        w.showDesign();
        GraphView *view = w.graphView();
        view->resetZoom();
        for (int i = 0; i < 3; ++i)
            view->zoomOut(); // 1 / 1.25^3 = 51 %
        const NodeId middle = w.document()->graph()->nodeForName(QStringLiteral("feed_2500"));
        if (NodeItem *n = w.graphScene()->nodeItem(middle))
            view->centerOn(n);
        pause(50);
        QList<double> frames, frameCpu;
        for (int i = 0; i < 120; ++i) {
            const int sign = (i / 30) % 2 ? -1 : 1;
            QElapsedTimer t;
            t.start();
            const double cpu0 = threadCpuMs();
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + sign * 24);
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + sign * 12);
            QCoreApplication::processEvents(); // the frame: paint what scrolled into view
            if (i >= 10) {                     // the first frames fill the node caches
                frames.append(t.nsecsElapsed() / 1e6);
                frameCpu.append(threadCpuMs() - cpu0);
            }
        }
        std::sort(frames.begin(), frames.end());
        failures +=
            !report("pan_frame_ms", median(frames), 16,
                    QStringLiteral(
                        "(median of %1 frames at %2 % zoom, max %3 ms, %4 items; CPU median %5 ms)")
                        .arg(frames.size())
                        .arg(qRound(view->zoom() * 100))
                        .arg(frames.isEmpty() ? -1 : frames.last(), 0, 'f', 1)
                        .arg(w.graphScene()->items().size())
                        .arg(median(frameCpu), 0, 'f', 1));
        w.document()->undoStack()->clear();
    }
    return failures ? 1 : 0;
}

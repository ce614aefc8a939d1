// SPDX-License-Identifier: Apache-2.0
// GUI speed figures, offscreen. One line per figure: name, value, limit, PASS/FAIL.
//   first_paint_ms        open the 1,000-endpoint spec → first painted window
//   max_gui_stall_ms      longest event-loop stall (1 ms timer probe) while it is re-validated
//   keystroke_ms          keystroke in Source → diagnostics shown (debounce excluded), ~60 lines
//   fit_repaint_ms        fit-to-view + synchronous repaint of the 1,050-node canvas
#include "analysisrunner.h"
#include "codeeditor.h"
#include "graphscene.h"
#include "graphview.h"
#include "mainwindow.h"
#include "pipelinedocument.h"
#include "problemsdock.h"
#include "problemsmodel.h"
#include "sourceview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

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
            if (m_last >= 0)
                m_max = std::max(m_max, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = -1;
        m_max = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return m_max / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_max = 0;
};

void report(const char *name, double value, double limit, const QString &extra = {})
{
    std::printf("studio.%-26s %8.1f ms  (limit %.0f ms)  %s%s\n", name, value, limit, value <= limit ? "PASS" : "FAIL",
                extra.isEmpty() ? "" : qPrintable(QStringLiteral("  ") + extra));
    std::fflush(stdout);
}

bool waitFor(MainWindow &w, int timeoutMs)
{
    return QTest::qWaitFor([&] { return !w.analysis()->isBusy() && w.analysis()->lastResult().revision == w.document()->revision(); },
                           timeoutMs);
}

} // namespace

int main(int argc, char *argv[])
{
    g_clock.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("UIS-bench"));
    QApplication::setApplicationName(QStringLiteral("uis-studio-bench"));

    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("large.uis.yaml"));
    {
        QFile f(big);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(largeSpec(1000));
    }
    const qint64 setup = g_clock.elapsed();
    int failures = 0;

    // 1. Open the large spec: time to the first painted window.
    g_clock.restart();
    StallProbe stall;
    {
        MainWindow w;
        w.resize(1400, 900);
        PaintProbe paint;
        w.graphView()->viewport()->installEventFilter(&paint);
        w.openFile(big);
        w.show();
        // A window that never paints reports -1 below and fails the figure.
        (void)QTest::qWaitFor([&] { return paint.firstPaintMs >= 0; }, 10000);
        report("first_paint_ms", double(paint.firstPaintMs), 1500,
               QStringLiteral("(%1 nodes; spec written in %2 ms, not counted)").arg(w.document()->graph()->nodeCount()).arg(setup));
        failures += paint.firstPaintMs > 1500;

        // 2. Its re-validation runs off the GUI thread: measure the longest stall meanwhile.
        waitFor(w, 20000);
        w.analysis()->runNow();
        stall.start();
        waitFor(w, 20000);
        QTest::qWait(50); // let queued repaints after the result run too
        const double maxStall = stall.stop();
        report("max_gui_stall_ms", maxStall, 16,
               QStringLiteral("(analysis took %1 ms on its thread)").arg(w.analysis()->lastResult().elapsedMs));
        failures += maxStall > 16;

        // 4. Fit to view and repaint the 1,050-node canvas.
        w.showDesign();
        QTest::qWait(20);
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
            if (qEnvironmentVariableIsSet("UIS_BENCH_VERBOSE"))
                std::printf("  fit %.1f ms, fit+repaint %.1f ms, zoom %.3f\n", fitOnly, fits.last(), w.graphView()->zoom());
        }
        std::sort(fits.begin(), fits.end());
        report("fit_repaint_ms", fits[fits.size() / 2], 50,
               QStringLiteral("(median of 5, max %1 ms, %2 items)").arg(fits.last(), 0, 'f', 1).arg(w.graphScene()->items().size()));
        failures += fits[fits.size() / 2] > 50;
        w.document()->undoStack()->clear();
    }

    // 3. Keystroke → updated diagnostics on a typical template, debounce excluded.
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        w.openFile(QStringLiteral(UIS_SOURCE_DIR "/resources/templates/rest-to-parquet-iceberg.uis.yaml"));
        waitFor(w, 10000);
        w.analysis()->setDebounce(60000); // excluded: we trigger the run ourselves
        w.showSource();
        CodeEditor *ed = w.sourceView()->editor();
        int line = 0;
        for (int i = 0; i < ed->lines(); ++i) {
            if (ed->text(i).contains(QStringLiteral("parallelism:")))
                line = i;
        }
        QList<double> times;
        for (int i = 0; i < 40; ++i) {
            ed->setCursorPosition(line, int(ed->text(line).size()) - 1);
            QElapsedTimer t;
            t.start();
            // Alternate between a valid value and one the validator rejects.
            QTest::keyClick(ed, i % 2 ? Qt::Key_Backspace : Qt::Key_X);
            w.analysis()->runNow();
            waitFor(w, 5000);
            times.append(t.nsecsElapsed() / 1e6);
            const bool hasError = w.problemsDock()->model()->count(Severity::Error) > 0;
            if (hasError != (i % 2 == 0)) {
                std::printf("studio.keystroke: diagnostics did not follow the edit\n");
                ++failures;
                break;
            }
        }
        std::sort(times.begin(), times.end());
        report("keystroke_ms", times[times.size() / 2], 30,
               QStringLiteral("(median of %1, max %2 ms, %3 lines)").arg(times.size()).arg(times.last(), 0, 'f', 1).arg(ed->lines()));
        failures += times[times.size() / 2] > 30;
        w.document()->undoStack()->setClean();
    }
    return failures ? 1 : 0;
}

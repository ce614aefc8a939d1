// SPDX-License-Identifier: Apache-2.0
#include "testsdock.h"

#include "elidedlabel.h"

#include "datapreviewdock.h"
#include "datapreviewrunner.h"
#include "pipelinedocument.h"
#include "pipelinetests.h"
#include "specloader.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <csignal>
#include <unistd.h>

namespace uis {

namespace {

enum Column { ColCase, ColSpark, ColFlink, ColTime };

QString yamlScalar(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isString()) // JSON strings are valid YAML double-quoted scalars
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString yamlRows(const QList<QJsonObject> &rows, const QString &indent)
{
    QString out;
    for (const QJsonObject &r : rows) {
        QStringList cells;
        for (auto it = r.begin(); it != r.end(); ++it)
            cells << QStringLiteral("%1: %2").arg(it.key(), yamlScalar(it.value()));
        out += indent + QStringLiteral("- { ") + cells.join(QStringLiteral(", ")) +
               QStringLiteral(" }\n");
    }
    return out;
}

} // namespace

TestsDock::TestsDock(PipelineDocument *document, QWidget *parent)
    : QDockWidget(tr("Tests"), parent), m_document(document)
{
    setObjectName(QStringLiteral("TestsDock"));
    auto *body = new QWidget(this);
    // The buttons sit in a tool bar, which folds what does not fit into its » menu: the dock
    // shares the bottom with other panels and must not widen the window.
    auto *tools = new QToolBar(body);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto button = [this, tools](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        tools->addWidget(b);
        return b;
    };
    m_runAll = button(tr("Run All"), tr("Run every case of the tests file (uisctl test)"));
    m_runOne = button(tr("Run Selected"), tr("Run the selected case"));
    m_stop = button(tr("Stop"), tr("Stop the engines"));
    m_fromPreview = button(tr("New Case from Preview"),
                           tr("Append a case made from the Data Preview's rows to the tests file"));
    m_engine = new QComboBox(this);
    m_engine->addItem(tr("Spec's engine"), QString());
    m_engine->addItem(tr("Both engines"), QStringLiteral("both"));
    tools->addWidget(m_engine);
    auto *bar = new QHBoxLayout;
    bar->addWidget(tools);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setVisible(false);
    bar->addWidget(m_busy);
    m_status = new ElidedLabel(this);
    bar->addWidget(m_status, 1);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Case"), tr("Spark"), tr("Flink"), tr("Time")});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setSectionResizeMode(ColCase, QHeaderView::Stretch);
    m_diff = new QPlainTextEdit(this);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setPlaceholderText(tr("The row diff of the selected case: - missing, + unexpected"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(m_diff);

    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setWidget(body);

    connect(m_runAll, &QToolButton::clicked, this, [this] { run(); });
    connect(m_runOne, &QToolButton::clicked, this, [this] {
        if (QTreeWidgetItem *it = m_tree->currentItem())
            run(it->text(ColCase));
    });
    connect(m_stop, &QToolButton::clicked, this, &TestsDock::stop);
    connect(m_fromPreview, &QToolButton::clicked, this, [this] {
        const QString e = addCaseFromPreview();
        m_status->setText(
            e.isEmpty() ? tr("Case added to %1").arg(QFileInfo(testsPath()).fileName()) : e);
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &TestsDock::showSelected);
    connect(m_document, &PipelineDocument::filePathChanged, this, &TestsDock::reload);
    setRunning(false);
    reload();
}

TestsDock::~TestsDock()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_pgid > 0)
            ::kill(-pid_t(m_pgid), SIGKILL);
        m_process->waitForFinished(3000);
    }
}

QString TestsDock::testsPath() const
{
    return m_document->isUntitled() ? QString()
                                    : PipelineTests::pathForSpec(m_document->filePath());
}

QString TestsDock::sessionChoice()
{
    // The designer's engine-sessions setting (Preferences; StudioSettings::engineSessions on the
    // Data Preview's side, the same key): a cold engine only when asked for.
    const QString choice = QSettings().value(QStringLiteral("engines/sessions")).toString();
    return choice == QLatin1String("none") ? choice : QStringLiteral("auto");
}

QProcessEnvironment TestsDock::environment()
{
    // A pair this run starts stops after the designer's idle time (the "engines/idleSeconds"
    // setting; the runners' default when unset).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const int idle = QSettings().value(QStringLiteral("engines/idleSeconds")).toInt();
    if (idle > 0)
        env.insert(QStringLiteral("UIS_SESSIONS_IDLE_SECONDS"), QString::number(idle));
    return env;
}

QString TestsDock::uisctlPath()
{
    // Next to the studio; UIS_BIN_DIR (the build's bin folder) for tests run from elsewhere.
    const QString fromEnv = qEnvironmentVariable("UIS_BIN_DIR");
    if (!fromEnv.isEmpty() && QFileInfo::exists(fromEnv + QStringLiteral("/uisctl")))
        return fromEnv + QStringLiteral("/uisctl");
    return QCoreApplication::applicationDirPath() + QStringLiteral("/uisctl");
}

void TestsDock::reload()
{
    m_tree->clear();
    m_diffs.clear();
    m_diff->clear();
    const QString path = testsPath();
    if (path.isEmpty()) {
        m_status->setText(tr("Save the pipeline to give it a tests file"));
        return;
    }
    if (!QFileInfo::exists(path)) {
        m_status->setText(
            tr("No %1 yet: add a case from the Data Preview").arg(QFileInfo(path).fileName()));
        return;
    }
    const PipelineTests tests = PipelineTests::readFile(path);
    for (const PipelineTestCase &c : tests.cases)
        new QTreeWidgetItem(m_tree, {c.name, QString(), QString(), QString()});
    const int errors = countSeverity(tests.diagnostics, Severity::Error);
    m_status->setText(errors ? tr("%1: %2 error(s): %3")
                                   .arg(QFileInfo(path).fileName())
                                   .arg(errors)
                                   .arg(tests.diagnostics.first().message)
                             : tr("%n case(s)", nullptr, int(tests.cases.size())));
}

QTreeWidgetItem *TestsDock::itemFor(const QString &name) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->text(ColCase) == name)
            return m_tree->topLevelItem(i);
    }
    return nullptr;
}

void TestsDock::run(const QString &name)
{
    if (m_process)
        return;
    if (m_document->isUntitled()) {
        m_status->setText(tr("Save the pipeline first: the cases run on the saved file"));
        return;
    }
    if (m_document->isModified()) {
        QString error;
        if (!m_document->save(&error)) {
            m_status->setText(tr("Cannot save: %1").arg(error));
            return;
        }
    }
    reload();
    QStringList args{QStringLiteral("test"), m_document->filePath(), QStringLiteral("--format"),
                     QStringLiteral("json")};
    if (!name.isEmpty())
        args << QStringLiteral("--case") << name;
    if (const QString e = m_engine->currentData().toString(); !e.isEmpty())
        args << QStringLiteral("--engine") << e;
    args << QStringLiteral("--session") << sessionChoice();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *it = m_tree->topLevelItem(i);
        if (name.isEmpty() || it->text(ColCase) == name) {
            it->setText(ColSpark, QString());
            it->setText(ColFlink, QString());
        }
    }
    m_stdout.clear();
    m_stderr.clear();
    m_process = new QProcess(this);
    m_process->setProgram(uisctlPath());
    m_process->setArguments(args);
    m_process->setProcessEnvironment(environment());
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setChildProcessModifier([] { ::setsid(); });
    connect(m_process, &QProcess::started, this, [this] { m_pgid = m_process->processId(); });
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process->readAllStandardOutput(); });
    connect(m_process, &QProcess::readyReadStandardError, this, &TestsDock::readProgress);
    connect(m_process, &QProcess::finished, this, [this](int code) { onFinished(code); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || !m_process)
            return;
        m_status->setText(tr("Cannot start %1: %2").arg(uisctlPath(), m_process->errorString()));
        m_process->deleteLater();
        m_process = nullptr;
        setRunning(false);
    });
    setRunning(true);
    m_status->setText(tr("Starting the engine…"));
    m_process->start();
}

void TestsDock::stop()
{
    if (!m_process)
        return;
    if (m_pgid > 0)
        ::kill(-pid_t(m_pgid), SIGTERM);
    else
        m_process->terminate();
    m_status->setText(tr("Stopping…"));
}

void TestsDock::readProgress()
{
    m_stderr += m_process->readAllStandardError();
    const qsizetype nl = m_stderr.lastIndexOf('\n');
    if (nl < 0)
        return;
    const QList<QByteArray> lines = m_stderr.left(nl).split('\n');
    for (const QByteArray &l : lines) {
        QString text = QString::fromUtf8(l);
        if (text.startsWith(QLatin1String("uisctl test: ")))
            m_status->setText(text.mid(13));
    }
}

void TestsDock::onFinished(int exitCode)
{
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
    m_process->deleteLater();
    m_process = nullptr;
    m_pgid = 0;
    setRunning(false);
    const QJsonDocument doc = QJsonDocument::fromJson(m_stdout);
    if (!doc.isObject()) {
        // The tests file's diagnostics (file:line:col) or a usage error: show them.
        m_diff->setPlainText(QString::fromUtf8(m_stderr));
        m_status->setText(exitCode == 0 ? tr("Done")
                                        : tr("uisctl test failed (exit %1)").arg(exitCode));
        return;
    }
    applyResult(doc.object());
    const QString verdict =
        doc.object().value(QLatin1String("passed")).toBool() ? tr("All passed") : tr("Failed");
    const QStringList where = sessions(doc.object());
    m_status->setText(where.isEmpty()
                          ? verdict
                          : verdict + QStringLiteral(" · ") + where.join(QStringLiteral(" · ")));
}

QStringList TestsDock::sessions(const QJsonObject &result)
{
    QStringList out;
    for (const QJsonValue &ev : result.value(QLatin1String("engines")).toArray()) {
        const QJsonObject e = ev.toObject();
        const QString session = e.value(QLatin1String("session")).toString();
        if (session.isEmpty())
            continue;
        const QString engine = e.value(QLatin1String("engine")).toString() == QLatin1String("flink")
                                   ? tr("Flink")
                                   : tr("Spark");
        const QString why = e.value(QLatin1String("session_note")).toString();
        out << (session == QLatin1String("warm") ? tr("%1: warm").arg(engine)
                : why.isEmpty()                  ? tr("%1: cold").arg(engine)
                                                 : tr("%1: cold (%2)").arg(engine, why));
    }
    return out;
}

void TestsDock::applyResult(const QJsonObject &result)
{
    for (const QJsonValue &ev : result.value(QLatin1String("engines")).toArray()) {
        const QJsonObject e = ev.toObject();
        const QString engine = e.value(QLatin1String("engine")).toString();
        const int col = engine == QLatin1String("flink") ? ColFlink : ColSpark;
        if (e.value(QLatin1String("status")).toString() == QLatin1String("skipped")) {
            for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
                m_tree->topLevelItem(i)->setText(col, tr("n/a"));
                m_tree->topLevelItem(i)->setToolTip(col,
                                                    e.value(QLatin1String("reason")).toString());
            }
            continue;
        }
        for (const QJsonValue &cv : e.value(QLatin1String("cases")).toArray()) {
            const QJsonObject c = cv.toObject();
            const QString name = c.value(QLatin1String("name")).toString();
            QTreeWidgetItem *it = itemFor(name);
            if (!it)
                it = new QTreeWidgetItem(m_tree, {name});
            const QString status = c.value(QLatin1String("status")).toString();
            it->setText(col, status == QLatin1String("passed")   ? tr("✔ pass")
                             : status == QLatin1String("failed") ? tr("✘ fail")
                                                                 : tr("error"));
            it->setForeground(col, status == QLatin1String("passed") ? QColor(0x2e, 0x7d, 0x32)
                                                                     : QColor(0xc6, 0x28, 0x28));
            it->setText(ColTime, QStringLiteral("%1 s").arg(
                                     c.value(QLatin1String("duration")).toDouble(), 0, 'f', 1));
            QStringList text;
            for (const QJsonValue &l : c.value(QLatin1String("diff")).toArray())
                text << l.toString();
            if (c.contains(QLatin1String("error")))
                text << c.value(QLatin1String("error")).toString();
            QString &d = m_diffs[name];
            d += QStringLiteral("[%1] %2\n").arg(engine, status);
            if (!text.isEmpty())
                d += text.join(QLatin1Char('\n')) + QLatin1Char('\n');
        }
    }
    showSelected();
}

void TestsDock::showSelected()
{
    QTreeWidgetItem *it = m_tree->currentItem();
    m_diff->setPlainText(it ? m_diffs.value(it->text(ColCase)) : QString());
}

QString TestsDock::diffText() const
{
    return m_diff->toPlainText();
}

QString TestsDock::statusText() const
{
    return m_status->text();
}

void TestsDock::setRunning(bool running)
{
    m_busy->setVisible(running);
    m_runAll->setEnabled(!running);
    m_runOne->setEnabled(!running);
    m_fromPreview->setEnabled(!running);
    m_stop->setEnabled(running);
}

QString TestsDock::addCaseFromPreview()
{
    const QString path = testsPath();
    if (path.isEmpty())
        return tr("Save the pipeline first: its tests file goes next to it");
    auto *window = qobject_cast<QMainWindow *>(this->window());
    DataPreviewDock *preview = window ? window->findChild<DataPreviewDock *>() : nullptr;
    if (!preview || preview->runner()->nodes().isEmpty())
        return tr("Preview data first (F5): the new case takes the preview's rows");
    const DataPreviewRunner *runner = preview->runner();
    const LoadedSpec loaded = SpecLoader::load(m_document->text().toUtf8());
    QString inputs, expect;
    for (const Endpoint &e : loaded.spec.provider.endpoints) {
        for (const PreviewNode &n : runner->nodes()) {
            if (n.kind == QLatin1String("source") &&
                (n.name == e.name || n.name.endsWith(QLatin1Char('_') + e.name))) {
                inputs += QStringLiteral("      %1:\n").arg(e.name) +
                          yamlRows(n.rows, QStringLiteral("        "));
                break;
            }
        }
    }
    for (int i = 0; i < loaded.spec.provider.sinks.size(); ++i) {
        const QString sink = loaded.spec.sinkName(i);
        const PreviewNode *n = runner->node(runner->previewNodeFor(sink));
        expect += QStringLiteral("      %1:\n").arg(sink) +
                  (n ? yamlRows(n->rows, QStringLiteral("        ")) : QString());
    }
    if (inputs.isEmpty())
        return tr("The preview has no source rows");
    const PipelineTests existing = PipelineTests::readFile(path);
    QString name = QStringLiteral("from preview");
    for (int k = 2; std::any_of(existing.cases.begin(), existing.cases.end(),
                                [&name](const PipelineTestCase &c) { return c.name == name; });
         ++k)
        name = QStringLiteral("from preview %1").arg(k);
    QFile f(path);
    const bool exists = f.exists();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    QString text;
    if (!exists)
        text += QStringLiteral("# Golden-data cases of %1, run by `uisctl test`.\ntests:\n")
                    .arg(QFileInfo(m_document->filePath()).fileName());
    text +=
        QStringLiteral("  # The expected rows are the preview's rows before the sink: check them "
                       "against what the spec means before trusting them.\n"
                       "  - name: %1\n    inputs:\n%2    expect:\n%3")
            .arg(name, inputs, expect);
    f.write(text.toUtf8());
    f.close();
    reload();
    return QString();
}

} // namespace uis

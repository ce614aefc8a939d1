// SPDX-License-Identifier: Apache-2.0
#include "datapreviewdock.h"

#include "elidedlabel.h"

#include "compilesupport.h"
#include "datapreviewmodel.h"
#include "datapreviewrunner.h"
#include "graphscene.h"
#include "pipelinedocument.h"
#include "previewcomparisonmodel.h"
#include "previewcomparisonview.h"
#include "previewsamples.h"
#include "previewsamplesdialog.h"
#include "specloader.h"
#include "studioicons.h"
#include "studiosettings.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace uis {

namespace {

// Explicit singular and plural: the strings read right even without a translation loaded.
QString rows(qsizetype n)
{
    return n == 1 ? DataPreviewDock::tr("1 row") : DataPreviewDock::tr("%1 rows").arg(n);
}

QString seconds(qint64 ms)
{
    return DataPreviewDock::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

DataPreviewDock::DataPreviewDock(PipelineDocument *document, QWidget *parent)
    : QDockWidget(tr("Data Preview"), parent), m_document(document),
      m_runner(new DataPreviewRunner(this)), m_second(new DataPreviewRunner(this)),
      m_model(new DataPreviewModel(this))
{
    setObjectName(QStringLiteral("dataPreviewDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    // The controls sit in a tool bar, which folds what does not fit into its » menu: the dock
    // shares the bottom with other panels and must not widen the window.
    auto *tools = new QToolBar(body);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_run = new QToolButton(body);
    m_run->setObjectName(QStringLiteral("previewRun"));
    m_run->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_run->setAutoRaise(false);
    tools->addWidget(m_run);
    auto *samples = new QToolButton(body);
    samples->setObjectName(QStringLiteral("previewSamples"));
    samples->setText(tr("Samples…"));
    samples->setToolTip(
        tr("Sample records for WebSocket, webhook and CDC sources (else the first case of the "
           "spec's tests.yaml)"));
    tools->addWidget(samples);
    connect(samples, &QToolButton::clicked, this, &DataPreviewDock::editSamples);
    auto *engineLabel = new QLabel(tr("Eng&ine:"), body);
    m_engineChoice = new QComboBox(body);
    m_engineChoice->setObjectName(QStringLiteral("previewEngine"));
    m_engineChoice->addItem(tr("Spec's engine"), int(EngineChoice::Spec));
    m_engineChoice->addItem(tr("Spark"), int(EngineChoice::Spark));
    m_engineChoice->addItem(tr("Flink"), int(EngineChoice::Flink));
    m_engineChoice->addItem(tr("Both"), int(EngineChoice::Both));
    m_engineChoice->setToolTip(
        tr("The engine the preview runs on: the spec's own, Spark, Flink, or Both (Spark, then "
           "Flink, rows side by side with the differing cells highlighted)"));
    engineLabel->setBuddy(m_engineChoice);
    tools->addSeparator();
    tools->addWidget(engineLabel);
    tools->addWidget(m_engineChoice);
    auto *nodeLabel = new QLabel(tr("&Node:"), body);
    m_nodes = new QComboBox(body);
    m_nodes->setObjectName(QStringLiteral("previewNode"));
    // Wide enough for a node's name and its comparison result; the tool bar folds what does
    // not fit into its » menu.
    m_nodes->setMinimumContentsLength(28);
    m_nodes->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_nodes->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_nodes->setToolTip(tr("The source or transform whose rows are shown; follows the canvas selection"));
    nodeLabel->setBuddy(m_nodes);
    tools->addSeparator();
    tools->addWidget(nodeLabel);
    tools->addWidget(m_nodes);
    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(tools);
    m_busy = new QProgressBar(body);
    m_busy->setObjectName(QStringLiteral("previewBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->setMaximumHeight(12);
    m_busy->hide();
    bar->addWidget(m_busy);
    m_status = new ElidedLabel(body);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    m_message = new QLabel(body);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);

    m_table = new QTableView(body);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_compare = new PreviewComparisonView(body);
    m_compare->setObjectName(QStringLiteral("previewComparison"));
    m_pages = new QStackedWidget(body);
    m_pages->addWidget(m_table);
    m_pages->addWidget(m_compare);
    layout->addWidget(m_pages, 1);
    setWidget(body);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(200);
    connect(m_ticker, &QTimer::timeout, this, &DataPreviewDock::updateStatus);

    connect(m_run, &QToolButton::clicked, this, [this] { isRunning() ? stop() : run(); });
    connect(m_nodes, &QComboBox::currentIndexChanged, this, &DataPreviewDock::onSelectorChanged);
    connectRunner(m_runner);
    connectRunner(m_second);
    // The engines that apply follow the spec, a moment after typing stops.
    m_choicesTimer = new QTimer(this);
    m_choicesTimer->setSingleShot(true);
    m_choicesTimer->setInterval(300);
    connect(m_choicesTimer, &QTimer::timeout, this, &DataPreviewDock::updateEngineChoices);
    connect(m_document, &PipelineDocument::changed, this, [this] {
        updateStatus();
        m_choicesTimer->start();
    });

    setRunning(false);
    showMessage(tr("Run the sources and transforms of this pipeline on a few rows on the spec's "
                   "engine (Spark "
                   "or Flink, a dry run: no sink is written) to see the data of each node."),
                false);
    updateEngineChoices();
}

DataPreviewDock::~DataPreviewDock() = default;

void DataPreviewDock::setScene(GraphScene *scene)
{
    if (m_scene)
        m_scene->disconnect(this);
    m_scene = scene;
    if (m_scene)
        connect(m_scene, &GraphScene::selectedNodesChanged, this, &DataPreviewDock::onCanvasSelection);
}

bool DataPreviewDock::isRunning() const
{
    return m_runner->isRunning() || m_second->isRunning();
}

void DataPreviewDock::connectRunner(DataPreviewRunner *r)
{
    connect(r, &DataPreviewRunner::started, this, [this] {
        if (!m_active)
            setRunning(true);
    });
    connect(r, &DataPreviewRunner::progress, this, [this, r](const QString &t) {
        m_progress = t;
        // Until the first rows arrive the table is empty: say what the runner is doing there.
        if (r->isRunning() && m_runner->nodes().isEmpty() && r->nodes().isEmpty() &&
            m_errors.isEmpty())
            showMessage(
                tr("Running the sources and transforms on a local %1…\n%2").arg(engineLabel(r), t),
                false);
        updateStatus();
    });
    connect(r, &DataPreviewRunner::nodeAdded, this,
            [this, r](const QString &n) { onNodeAdded(r, n); });
    connect(r, &DataPreviewRunner::nodeChanged, this,
            [this, r](const QString &n) { onNodeChanged(r, n); });
    connect(r, &DataPreviewRunner::finished, this, [this, r] { onRunEnded(r, QString()); });
    connect(r, &DataPreviewRunner::failed, this,
            [this, r](const QString &message) { onRunEnded(r, message); });
    connect(r, &DataPreviewRunner::cancelled, this, [this, r] { onRunEnded(r, QString()); });
}

void DataPreviewDock::onRunEnded(DataPreviewRunner *r, const QString &failure)
{
    if (!failure.isEmpty()) {
        m_errors << (m_bothRun ? tr("%1: %2").arg(engineLabel(r), failure) : failure);
        showMessage(m_errors.join(QLatin1Char('\n')), true);
    }
    if (r == m_runner && m_bothRun && !m_stopping) {
        // Both: Flink after Spark (two JVM engines at once would starve a small machine).
        m_progress.clear();
        m_secondStarted = true;
        m_second->setSpecPath(m_document->filePath());
        m_second->start(m_runText, m_runFormat); // a failure to start ends the run (failed)
        updateStatus();
        return;
    }
    if (isRunning())
        return;
    setRunning(false);
    if (m_errors.isEmpty() && !sessionNote().isEmpty())
        showMessage(sessionNote(), false);
    if (r->state() == DataPreviewRunner::State::Finished && !m_bothRun)
        fitColumns();
}

QString DataPreviewDock::sessionNote() const
{
    // The runner's own reason for a cold run (no server could start, the gateway cannot plan
    // the script, ...): the user sees why this preview was slow.
    QStringList notes;
    for (const DataPreviewRunner *r : {m_runner, m_second}) {
        if ((r == m_runner || m_secondStarted) && !r->coldReason().isEmpty())
            notes << tr("%1 ran on a cold engine: %2").arg(engineLabel(r), r->coldReason());
    }
    return notes.join(QLatin1Char('\n'));
}

DataPreviewDock::EngineChoice DataPreviewDock::engineChoice() const
{
    return EngineChoice(m_engineChoice->currentData().toInt());
}

bool DataPreviewDock::setEngineChoice(EngineChoice choice)
{
    updateEngineChoices();
    const int i = m_engineChoice->findData(int(choice));
    const auto *items = qobject_cast<const QStandardItemModel *>(m_engineChoice->model());
    if (i < 0 || (items && !items->item(i)->isEnabled()))
        return false;
    m_engineChoice->setCurrentIndex(i);
    return true;
}

void DataPreviewDock::updateEngineChoices()
{
    auto *items = qobject_cast<QStandardItemModel *>(m_engineChoice->model());
    const LoadedSpec loaded = SpecLoader::load(m_document->text().toUtf8(), m_document->format());
    QString whySpark;
    QString whyFlink;
    Engine own = Engine::None;
    if (loaded.parsed()) {
        own = engineFor(loaded.spec);
        // The compiler's own rule for what each engine lacks: one home per rule.
        auto why = [&loaded](Engine e) {
            QStringList lines;
            for (const Diagnostic &d : CompileSupport::connectorDiagnostics(loaded.spec, e))
                lines << d.message;
            return lines.join(QLatin1Char('\n'));
        };
        whySpark = why(Engine::Spark);
        whyFlink = why(Engine::Flink);
    }
    m_engineChoice->setItemText(0, own == Engine::Flink   ? tr("Spec's engine (Flink)")
                                   : own == Engine::Spark ? tr("Spec's engine (Spark)")
                                                          : tr("Spec's engine"));
    m_engineChoice->setItemData(0, tr("Preview on the engine the spec names or its mode implies"),
                                Qt::ToolTipRole);
    const QString both = (whySpark + QLatin1Char('\n') + whyFlink).trimmed();
    const QString tips[3] = {
        whySpark.isEmpty() ? tr("Preview on a local Spark, whatever engine the spec names")
                           : whySpark,
        whyFlink.isEmpty()
            ? tr("Preview on a local Flink mini-cluster, whatever engine the spec names")
            : whyFlink,
        both.isEmpty()
            ? tr("Preview on Spark, then on Flink, and show each node's rows side by side with the "
                 "differing cells highlighted")
            : both};
    const bool enabled[3] = {whySpark.isEmpty(), whyFlink.isEmpty(), both.isEmpty()};
    for (int i = 0; i < 3; ++i) {
        m_engineChoice->setItemData(i + 1, tips[i], Qt::ToolTipRole);
        if (items)
            items->item(i + 1)->setEnabled(enabled[i]);
    }
    if (m_engineChoice->currentIndex() > 0 && !enabled[m_engineChoice->currentIndex() - 1])
        m_engineChoice->setCurrentIndex(0);
}

void DataPreviewDock::run()
{
    if (isRunning())
        return;
    // The node on screen stays on screen when it still exists after the run.
    if (!currentNode().isEmpty())
        m_wanted = currentNode();
    if (m_scene) {
        const QList<NodeId> sel = m_scene->selectedNodes();
        if (sel.size() == 1) {
            if (const GraphNode *n = m_document->graph()->node(sel.first()))
                m_wanted = n->name;
        }
    }
    m_hasRun = true;
    m_progress.clear();
    m_runRevision = m_document->revision();
    {
        const QSignalBlocker block(m_nodes);
        m_nodes->clear();
    }
    m_model->clear();
    m_compare->clear();
    updateEngineChoices();
    const EngineChoice choice = engineChoice();
    m_bothRun = choice == EngineChoice::Both;
    m_secondStarted = false;
    m_stopping = false;
    m_errors.clear();
    m_pages->setCurrentWidget(m_bothRun ? static_cast<QWidget *>(m_compare) : m_table);
    m_runText = m_document->text().toUtf8();
    m_runFormat = m_document->format();
    m_runner->setEngine(choice == EngineChoice::Spark || m_bothRun ? Engine::Spark
                        : choice == EngineChoice::Flink            ? Engine::Flink
                                                                   : Engine::None);
    m_second->setEngine(Engine::Flink);
    for (DataPreviewRunner *r : {m_runner, m_second})
        r->setSessions(StudioSettings::engineSessions(), StudioSettings::engineIdleSeconds());
    m_runner->setSpecPath(m_document->filePath());
    if (m_runner->start(m_runText, m_runFormat))
        showMessage(tr("Starting a local %1…").arg(engineText()), false);
}

void DataPreviewDock::editSamples()
{
    const LoadedSpec loaded = SpecLoader::load(m_document->text().toUtf8(), m_document->format());
    const QStringList endpoints = PreviewSamples::endpointsNeedingSamples(loaded.spec);
    if (endpoints.isEmpty()) {
        showMessage(
            tr("This pipeline's sources are read by the preview itself: no sample records needed."),
            false);
        return;
    }
    QHash<QString, QJsonArray> current = PreviewSamples::fromTestsFile(m_document->filePath());
    for (const QString &e : endpoints) {
        if (!m_runner->samples(e).isEmpty())
            current.insert(e, m_runner->samples(e));
    }
    PreviewSamplesDialog dialog(endpoints, current, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QHash<QString, QJsonArray> rows = dialog.rows();
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        m_runner->setSamples(it.key(), it.value());
}

QString DataPreviewDock::engineText() const
{
    if (!m_bothRun)
        return engineLabel(m_runner);
    return m_second->sessionChoice() == QLatin1String("none")
               ? tr("Spark, then a Flink mini-cluster")
               : tr("Spark, then Flink");
}

QString DataPreviewDock::engineLabel(const DataPreviewRunner *r) const
{
    // Warm previews run on the shared Flink session cluster, cold ones on a mini-cluster.
    if (r->engine() != Engine::Flink)
        return tr("Spark");
    return r->sessionChoice() == QLatin1String("none") ? tr("Flink mini-cluster") : tr("Flink");
}

QString DataPreviewDock::sessionText(const DataPreviewRunner *r) const
{
    if (!r->warmUrl().isEmpty())
        return tr("on the warm %1 session %2").arg(engineLabel(r), r->warmUrl());
    if (!r->coldReason().isEmpty())
        return tr("on a cold engine: %1").arg(r->coldReason());
    return QString();
}

void DataPreviewDock::stop()
{
    m_stopping = true; // Both: no Flink run after a stopped Spark one
    m_runner->cancel();
    m_second->cancel();
}

QString DataPreviewDock::currentNode() const
{
    return m_nodes->currentData().toString();
}

bool DataPreviewDock::showNode(const QString &name)
{
    QString target = m_runner->previewNodeFor(name);
    if (target.isEmpty())
        target = name;
    const int i = m_nodes->findData(target);
    if (i < 0)
        return false;
    m_nodes->setCurrentIndex(i);
    return true;
}

QString DataPreviewDock::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString DataPreviewDock::statusText() const
{
    return m_status->text();
}

void DataPreviewDock::setRunning(bool running)
{
    m_active = running;
    m_run->setText(running ? tr("Stop") : tr("Run"));
    m_run->setIcon(style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_run->setToolTip(
        running
            ? tr("Stop the preview (its engine's process group is ended; with Both, both engines)")
            : tr("Preview data: run the sources and transforms on the first %1 of each node")
                  .arg(rows(m_runner->limit())));
    m_busy->setVisible(running);
    if (!running && m_hasRun && !m_message->property("error").toBool())
        showMessage(QString(), false); // the "running…" note
    if (running)
        m_ticker->start();
    else
        m_ticker->stop();
    updateStatus();
    Q_EMIT runningChanged(running);
}

void DataPreviewDock::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { background: rgba(220, 50, 47, 30); border: 1px solid "
                                                    "rgba(220, 50, 47, 140); border-radius: 3px; padding: 6px; }")
                                   : QStringLiteral("QLabel { background: rgba(38, 139, 210, 22); border: 1px solid "
                                                    "rgba(38, 139, 210, 90); border-radius: 3px; padding: 6px; }"));
}

void DataPreviewDock::updateStatus()
{
    // Short on the line (the dock shares the bottom with other panels), complete in the tooltip.
    QStringList parts;
    QStringList details;
    if (m_bothRun) {
        // Both: where each engine is, the runner's last words, the shown node's comparison.
        parts << runnerState(m_runner, true) << runnerState(m_second, m_secondStarted);
        details << parts << sessionText(m_runner);
        if (m_secondStarted)
            details << sessionText(m_second);
        if (isRunning() && !m_progress.isEmpty())
            parts << m_progress;
        details << m_progress;
        if (m_compare->compared())
            details << tr("%1: %2").arg(currentNode(), m_compare->summaryText());
        if (!isRunning() && m_document->revision() != m_runRevision) {
            parts << tr("spec changed: run again");
            details << tr(
                "the spec changed since this preview: run it again to see the current data");
        }
        details.removeAll(QString());
        m_status->setText(parts.join(QStringLiteral("  ·  ")));
        m_status->setToolTip(details.join(QLatin1Char('\n')));
        return;
    }
    const DataPreviewRunner::State state = m_runner->state();
    const QString elapsed = seconds(m_runner->elapsedMs());
    if (const PreviewNode *node = m_runner->node(currentNode())) {
        parts << (node->complete ? rows(node->rows.size()) : tr("%1 so far").arg(rows(node->rows.size())));
        details << tr("%1: %2, %3")
                       .arg(node->name, parts.last(),
                            node->columns.size() == 1 ? tr("1 column") : tr("%1 columns").arg(node->columns.size()));
    }
    const qsizetype nodes = m_runner->nodes().size();
    const QString nodeCount = nodes == 1 ? tr("1 node") : tr("%1 nodes").arg(nodes);
    switch (state) {
    case DataPreviewRunner::State::Idle:
        break;
    case DataPreviewRunner::State::Running:
        parts << tr("running %1").arg(elapsed);
        if (!m_progress.isEmpty())
            parts << m_progress;
        details << tr("running for %1").arg(elapsed) << m_progress;
        break;
    case DataPreviewRunner::State::Finished:
        parts << tr("%1 in %2").arg(nodeCount, elapsed);
        details << tr("%1 previewed in %2 (the first %3 of each)")
                       .arg(nodeCount, elapsed, rows(m_runner->limit()))
                << sessionText(m_runner);
        break;
    case DataPreviewRunner::State::Failed:
        parts << tr("failed after %1").arg(elapsed);
        details << parts.last();
        break;
    case DataPreviewRunner::State::Cancelled:
        parts << tr("stopped after %1").arg(elapsed);
        details << parts.last();
        break;
    }
    if (m_hasRun && state != DataPreviewRunner::State::Running && m_document->revision() != m_runRevision) {
        parts << tr("spec changed: run again");
        details << tr("the spec changed since this preview: run it again to see the current data");
    }
    details.removeAll(QString());
    m_status->setText(parts.join(QStringLiteral("  ·  ")));
    m_status->setToolTip(details.join(QLatin1Char('\n')));
}

QString DataPreviewDock::runnerState(const DataPreviewRunner *r, bool started) const
{
    const QString engine = r == m_second ? tr("Flink") : tr("Spark");
    if (!started)
        return m_active && !m_stopping ? tr("%1: waiting").arg(engine)
                                       : tr("%1: not run").arg(engine);
    const QString elapsed = seconds(r->elapsedMs());
    switch (r->state()) {
    case DataPreviewRunner::State::Idle:
        break;
    case DataPreviewRunner::State::Running:
        return tr("%1: running %2").arg(engine, elapsed);
    case DataPreviewRunner::State::Finished: {
        const qsizetype n = r->nodes().size();
        return tr("%1: %2 in %3")
            .arg(engine, n == 1 ? tr("1 node") : tr("%1 nodes").arg(n), elapsed);
    }
    case DataPreviewRunner::State::Failed:
        return tr("%1: failed after %2").arg(engine, elapsed);
    case DataPreviewRunner::State::Cancelled:
        return tr("%1: stopped after %2").arg(engine, elapsed);
    }
    return engine;
}

const PreviewNode *DataPreviewDock::sparkNode(const QString &key) const
{
    return m_runner->node(key);
}

const PreviewNode *DataPreviewDock::flinkNode(const QString &key) const
{
    if (!m_bothRun)
        return nullptr;
    // Selector items are Spark's names when Spark has the node (its sources are named apart).
    const PreviewNode *spark = m_runner->node(key);
    return spark ? m_second->matching(*spark) : m_second->node(key);
}

void DataPreviewDock::onNodeAdded(DataPreviewRunner *r, const QString &name)
{
    const PreviewNode *node = r->node(name);
    if (!node)
        return;
    if (!m_message->property("error").toBool())
        showMessage(QString(), false);
    // Both: a Flink node goes under the item of Spark's node that shows the same data.
    QString key = name;
    if (r == m_second) {
        if (const PreviewNode *spark = m_runner->matching(*node))
            key = spark->name;
    }
    int i = m_nodes->findData(key);
    if (i < 0) {
        const QSignalBlocker block(m_nodes);
        m_nodes->addItem(StudioIcons::kind(node->kind == QLatin1String("source")
                                               ? NodeKind::Endpoint
                                               : NodeKind::Transform),
                         key, key);
        i = m_nodes->count() - 1;
    }
    updateItemText(i);
    const bool wanted =
        !m_wanted.isEmpty() && (m_wanted == key || m_runner->previewNodeFor(m_wanted) == key);
    if (m_nodes->currentIndex() < 0 || wanted)
        m_nodes->setCurrentIndex(i);
    if (i == m_nodes->currentIndex())
        onSelectorChanged();
}

void DataPreviewDock::onNodeChanged(DataPreviewRunner *r, const QString &name)
{
    QString key = name;
    if (r == m_second) {
        if (const PreviewNode *node = r->node(name)) {
            if (const PreviewNode *spark = m_runner->matching(*node))
                key = spark->name;
        }
    }
    updateItemText(m_nodes->findData(key));
    if (key == currentNode()) {
        showCurrent();
        if (!m_bothRun && m_model->rowCount() > 0 && m_model->rowCount() <= m_runner->limit())
            fitColumns();
    }
    updateStatus();
}

void DataPreviewDock::updateItemText(int index)
{
    if (index < 0)
        return;
    const QString name = m_nodes->itemData(index).toString();
    const PreviewNode *node = m_runner->node(name);
    if (!node)
        node = flinkNode(name);
    if (!node)
        return;
    const QString kind = node->kind == QLatin1String("source") ? tr("source") : tr("transform");
    QString text = node->complete ? tr("%1 (%2)").arg(name, rows(node->rows.size())) : name;
    if (m_bothRun) {
        const QString verdict = PreviewComparisonView::verdict(sparkNode(name), flinkNode(name));
        text = verdict.isEmpty() ? name : tr("%1 (%2)").arg(name, verdict);
    }
    m_nodes->setItemText(index, text);
    m_nodes->setItemData(index, tr("%1 %2").arg(kind, name), Qt::ToolTipRole);
}

void DataPreviewDock::showCurrent()
{
    const QString key = currentNode();
    if (m_bothRun) {
        m_compare->setNodes(sparkNode(key), flinkNode(key));
        return;
    }
    if (const PreviewNode *node = m_runner->node(key))
        m_model->setNode(*node);
    else
        m_model->clear();
}

void DataPreviewDock::onSelectorChanged()
{
    showCurrent();
    if (!m_bothRun)
        fitColumns();
    updateStatus();
}

void DataPreviewDock::onCanvasSelection(const QList<NodeId> &ids)
{
    if (ids.size() != 1)
        return;
    const GraphNode *n = m_document->graph()->node(ids.first());
    if (!n)
        return;
    if (!showNode(n->name) && isRunning())
        m_wanted = n->name; // shown once it arrives
}

void DataPreviewDock::fitColumns()
{
    PreviewComparisonView::fitColumns(m_table, 160);
}

} // namespace uis

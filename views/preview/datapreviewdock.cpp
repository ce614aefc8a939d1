// SPDX-License-Identifier: Apache-2.0
#include "datapreviewdock.h"

#include "datapreviewmodel.h"
#include "datapreviewrunner.h"
#include "graphscene.h"
#include "pipelinedocument.h"
#include "previewsamples.h"
#include "previewsamplesdialog.h"
#include "specloader.h"
#include "studioicons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
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
    : QDockWidget(tr("Data Preview"), parent), m_document(document), m_runner(new DataPreviewRunner(this)),
      m_model(new DataPreviewModel(this))
{
    setObjectName(QStringLiteral("dataPreviewDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    m_run = new QToolButton(body);
    m_run->setObjectName(QStringLiteral("previewRun"));
    m_run->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_run->setAutoRaise(false);
    bar->addWidget(m_run);
    auto *samples = new QToolButton(body);
    samples->setObjectName(QStringLiteral("previewSamples"));
    samples->setText(tr("Samples…"));
    samples->setToolTip(
        tr("Sample records for WebSocket, webhook and CDC sources (else the first case of the "
           "spec's tests.yaml)"));
    bar->addWidget(samples);
    connect(samples, &QToolButton::clicked, this, &DataPreviewDock::editSamples);
    auto *nodeLabel = new QLabel(tr("&Node:"), body);
    m_nodes = new QComboBox(body);
    m_nodes->setObjectName(QStringLiteral("previewNode"));
    m_nodes->setMinimumContentsLength(22);
    m_nodes->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_nodes->setToolTip(tr("The source or transform whose rows are shown; follows the canvas selection"));
    nodeLabel->setBuddy(m_nodes);
    bar->addWidget(nodeLabel);
    bar->addWidget(m_nodes);
    m_busy = new QProgressBar(body);
    m_busy->setObjectName(QStringLiteral("previewBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->setMaximumHeight(12);
    m_busy->hide();
    bar->addWidget(m_busy);
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long status must not widen the dock (and squeeze its neighbours): it is cut instead,
    // and whole in the tooltip.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setMinimumWidth(40);
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
    layout->addWidget(m_table, 1);
    setWidget(body);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(200);
    connect(m_ticker, &QTimer::timeout, this, &DataPreviewDock::updateStatus);

    connect(m_run, &QToolButton::clicked, this, [this] { isRunning() ? stop() : run(); });
    connect(m_nodes, &QComboBox::currentIndexChanged, this, &DataPreviewDock::onSelectorChanged);
    connect(m_runner, &DataPreviewRunner::started, this, [this] { setRunning(true); });
    connect(m_runner, &DataPreviewRunner::progress, this, [this](const QString &t) {
        m_progress = t;
        // Until the first rows arrive the table is empty: say what the runner is doing there.
        if (isRunning() && m_runner->nodes().isEmpty())
            showMessage(
                tr("Running the sources and transforms on a local %1…\n%2").arg(engineText(), t),
                false);
        updateStatus();
    });
    connect(m_runner, &DataPreviewRunner::nodeAdded, this, &DataPreviewDock::onNodeAdded);
    connect(m_runner, &DataPreviewRunner::nodeChanged, this, &DataPreviewDock::onNodeChanged);
    connect(m_runner, &DataPreviewRunner::finished, this, [this] {
        setRunning(false);
        fitColumns();
    });
    connect(m_runner, &DataPreviewRunner::failed, this, [this](const QString &message) {
        setRunning(false);
        showMessage(message, true);
    });
    connect(m_runner, &DataPreviewRunner::cancelled, this, [this] { setRunning(false); });
    connect(m_document, &PipelineDocument::changed, this, [this] { updateStatus(); });

    setRunning(false);
    showMessage(tr("Run the sources and transforms of this pipeline on a few rows on the spec's "
                   "engine (Spark "
                   "or Flink, a dry run: no sink is written) to see the data of each node."),
                false);
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
    return m_runner->isRunning();
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
    m_runner->setSpecPath(m_document->filePath());
    if (m_runner->start(m_document->text().toUtf8(), m_document->format()))
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
    return m_runner->engine() == Engine::Flink ? tr("Flink mini-cluster") : tr("Spark");
}

void DataPreviewDock::stop()
{
    m_runner->cancel();
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
    m_run->setText(running ? tr("Stop") : tr("Run"));
    m_run->setIcon(style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_run->setToolTip(
        running ? tr("Stop the preview (its engine's process group is ended)")
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
        details << tr("%1 previewed in %2 (the first %3 of each)").arg(nodeCount, elapsed, rows(m_runner->limit()));
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

void DataPreviewDock::onNodeAdded(const QString &name)
{
    const PreviewNode *node = m_runner->node(name);
    if (!node)
        return;
    if (!m_message->property("error").toBool())
        showMessage(QString(), false);
    int i = m_nodes->findData(name);
    if (i < 0) {
        const QSignalBlocker block(m_nodes);
        m_nodes->addItem(StudioIcons::kind(node->kind == QLatin1String("source") ? NodeKind::Endpoint : NodeKind::Transform),
                         name, name);
        i = m_nodes->count() - 1;
    }
    updateItemText(i);
    const bool wanted = !m_wanted.isEmpty() && (m_wanted == name || m_runner->previewNodeFor(m_wanted) == name);
    if (m_nodes->currentIndex() < 0 || wanted)
        m_nodes->setCurrentIndex(i);
    if (i == m_nodes->currentIndex())
        onSelectorChanged();
}

void DataPreviewDock::onNodeChanged(const QString &name)
{
    updateItemText(m_nodes->findData(name));
    if (name == currentNode()) {
        if (const PreviewNode *node = m_runner->node(name))
            m_model->setNode(*node);
        if (m_model->rowCount() > 0 && m_model->rowCount() <= m_runner->limit())
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
        return;
    const QString kind = node->kind == QLatin1String("source") ? tr("source") : tr("transform");
    m_nodes->setItemText(index, node->complete ? tr("%1 (%2)").arg(name, rows(node->rows.size())) : name);
    m_nodes->setItemData(index, tr("%1 %2").arg(kind, name), Qt::ToolTipRole);
}

void DataPreviewDock::onSelectorChanged()
{
    const PreviewNode *node = m_runner->node(currentNode());
    if (node)
        m_model->setNode(*node);
    else
        m_model->clear();
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
    QHeaderView *h = m_table->horizontalHeader();
    h->resizeSections(QHeaderView::ResizeToContents);
    const int cap = qMax(160, m_table->viewport()->width() / 2);
    for (int c = 0; c < h->count(); ++c) {
        if (h->sectionSize(c) > cap)
            h->resizeSection(c, cap);
    }
}

} // namespace uis

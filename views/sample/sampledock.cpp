// SPDX-License-Identifier: Apache-2.0
#include "sampledock.h"

#include "driftchecker.h"
#include "elidedlabel.h"
#include "inferredschemanode.h"
#include "jsontreemodel.h"
#include "keeptestcasecommand.h"
#include "paginationdetector.h"
#include "pipelinedocument.h"
#include "pipelinetests.h"
#include "placeholdervalues.h"
#include "recordstablemodel.h"
#include "samplepagesview.h"
#include "sampletestcase.h"
#include "setvalue.h"
#include "studioicons.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace uis {

SampleDock::SampleDock(PipelineDocument *document, TokenStore *tokens, QWidget *parent)
    : QDockWidget(tr("Sample"), parent), m_document(document), m_sampler(new EndpointSampler(this)),
      m_values(new PlaceholderValues(tokens, this))
{
    setObjectName(QStringLiteral("SampleDock"));
    auto *body = new QWidget(this);

    m_endpoints = new QComboBox(body);
    m_endpoints->setObjectName(QStringLiteral("sampleEndpoint"));
    m_endpoints->setMinimumContentsLength(12);
    m_endpoints->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_limit = new QSpinBox(body);
    m_limit->setRange(1, 100000);
    m_limit->setValue(100);
    m_limit->setToolTip(tr("Records to keep"));
    m_maxPages = new QSpinBox(body);
    m_maxPages->setRange(1, 100);
    m_maxPages->setValue(3);
    m_maxPages->setToolTip(tr("Pages to follow (REST)"));
    m_sample = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Sample"), body);
    m_sample->setObjectName(QStringLiteral("sampleStart"));
    m_stop = new QPushButton(tr("Stop"), body);
    m_stop->setObjectName(QStringLiteral("sampleStop"));
    m_progress = new QProgressBar(body);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(90);
    m_status = new ElidedLabel(body);
    m_status->setObjectName(QStringLiteral("sampleStatus"));
    // A tool bar folds what does not fit into its » menu: the dock shares the bottom with
    // other panels and must not widen the window.
    auto *bar = new QToolBar(body);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(new QLabel(tr("Endpoint: "), body));
    bar->addWidget(m_endpoints);
    bar->addWidget(new QLabel(tr(" Records: "), body));
    bar->addWidget(m_limit);
    bar->addWidget(new QLabel(tr(" Pages: "), body));
    bar->addWidget(m_maxPages);
    bar->addWidget(m_sample);
    bar->addWidget(m_stop);
    // In a tool bar a widget shows and hides through its action.
    m_progressAction = bar->addWidget(m_progress);

    // Records: the table, and the selected record as a tree to map from.
    m_records = new RecordsTableModel(this);
    m_table = new QTableView(body);
    m_table->setObjectName(QStringLiteral("sampleRecords"));
    m_table->setModel(m_records);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_treeModel = new JsonTreeModel(this);
    m_tree = new QTreeView(body);
    m_tree->setObjectName(QStringLiteral("sampleRecordTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setToolTip(tr("Click a field to map it; double-click (or Enter) to apply"));
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_mapHint = new ElidedLabel(tr("Click a field of the record to map it"), body);
    m_mapHint->setObjectName(QStringLiteral("sampleMapHint"));
    m_mapName = new QLineEdit(body);
    m_mapName->setObjectName(QStringLiteral("sampleMapName"));
    m_mapName->setPlaceholderText(tr("column name"));
    m_mapButton = new QPushButton(tr("Map"), body);
    m_mapButton->setObjectName(QStringLiteral("sampleMap"));
    m_mapButton->setEnabled(false);
    auto *treeBox = new QWidget(body);
    auto *treeLayout = new QVBoxLayout(treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_tree, 1);
    treeLayout->addWidget(m_mapHint);
    auto *mapRow = new QHBoxLayout;
    mapRow->addWidget(m_mapName, 1);
    mapRow->addWidget(m_mapButton);
    treeLayout->addLayout(mapRow);
    auto *recordsSplit = new QSplitter(Qt::Horizontal, body);
    recordsSplit->addWidget(m_table);
    recordsSplit->addWidget(treeBox);
    recordsSplit->setStretchFactor(0, 3);
    recordsSplit->setStretchFactor(1, 2);

    m_pages = new SamplePagesView(body);

    auto *schemaBox = new QWidget(body);
    // A CDC endpoint of several tables has one schema: theirs merged; each can be looked at.
    m_schemaOfLabel = new QLabel(tr("Schema of:"), schemaBox);
    m_schemaOf = new QComboBox(schemaBox);
    m_schemaOf->setObjectName(QStringLiteral("sampleSchemaOf"));
    m_schemaOf->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_schemaOf->hide(); // shown for several tables only
    m_schemaOfLabel->hide();
    m_schema = new QTableWidget(0, 5, schemaBox);
    m_schema->setObjectName(QStringLiteral("sampleSchema"));
    m_schema->setHorizontalHeaderLabels(
        {tr("Field"), tr("Type"), tr("Nullable"), tr("Nulls"), tr("Missing")});
    m_schema->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_schema->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_schema->verticalHeader()->setVisible(false);
    m_schema->verticalHeader()->setDefaultSectionSize(m_schema->fontMetrics().height() + 6);
    m_apply = new QPushButton(tr("Apply as Schema"), schemaBox);
    m_apply->setObjectName(QStringLiteral("sampleApplySchema"));
    m_apply->setToolTip(tr("Write the inferred schema into the endpoint (undoable)"));
    auto *schemaLayout = new QVBoxLayout(schemaBox);
    schemaLayout->setContentsMargins(0, 0, 0, 0);
    auto *schemaOfRow = new QHBoxLayout;
    schemaOfRow->addWidget(m_schemaOfLabel);
    schemaOfRow->addWidget(m_schemaOf);
    schemaOfRow->addStretch(1);
    schemaLayout->addLayout(schemaOfRow);
    schemaLayout->addWidget(m_schema, 1);
    auto *applyRow = new QHBoxLayout;
    applyRow->addStretch(1);
    applyRow->addWidget(m_apply);
    schemaLayout->addLayout(applyRow);

    m_pagination = new QPlainTextEdit(body);
    m_pagination->setObjectName(QStringLiteral("samplePagination"));
    m_pagination->setReadOnly(true);
    m_drift = new QTreeWidget(body);
    m_drift->setObjectName(QStringLiteral("sampleDrift"));
    m_drift->setHeaderLabels({tr("Drift"), tr("Line"), tr("Code")});
    m_drift->setRootIsDecorated(false);
    m_drift->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_tabs = new QTabWidget(body);
    m_tabs->addTab(recordsSplit, tr("Records"));
    m_tabs->addTab(m_pages, tr("Pages"));
    m_tabs->addTab(schemaBox, tr("Schema"));
    m_tabs->addTab(m_pagination, tr("Pagination"));
    m_tabs->addTab(m_drift, tr("Drift"));

    m_keep = new QPushButton(tr("Keep as Test Case"), body);
    m_keep->setObjectName(QStringLiteral("sampleKeepTest"));
    m_keep->setToolTip(tr("Append a case with these records as inputs to the spec's .tests.yaml"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_keep);

    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(bar);
    layout->addWidget(m_tabs, 1);
    bottom->insertWidget(0, m_status, 1);
    layout->addLayout(bottom);
    setWidget(body);

    connect(m_sample, &QPushButton::clicked, this, &SampleDock::sample);
    connect(m_stop, &QPushButton::clicked, this, &SampleDock::stop);
    connect(m_values, &PlaceholderValues::resolved, this, &SampleDock::startSampling);
    connect(m_values, &PlaceholderValues::cancelled, this, [this] {
        setRunning(false);
        setStatus(tr("Sampling cancelled: no values for the placeholders"));
    });
    connect(m_sampler, &EndpointSampler::progress, this, &SampleDock::setStatus);
    connect(m_sampler, &EndpointSampler::pageFetched, this, [this](const SamplePage &page) {
        m_pages->addPage(page, [this](const QString &t) { return maskText(t); });
    });
    connect(m_sampler, &EndpointSampler::finished, this, &SampleDock::onFinished);
    connect(m_sampler, &EndpointSampler::failed, this, &SampleDock::onFailed);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SampleDock::showRecord);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SampleDock::showMapAction);
    connect(m_schemaOf, &QComboBox::currentIndexChanged, this, &SampleDock::showSchema);
    const auto mapCurrent = [this] {
        QString error;
        if (!map(m_tree->currentIndex(), m_mapName->text().trimmed(), &error))
            setStatus(error);
    };
    connect(m_tree, &QTreeView::activated, this, mapCurrent);
    connect(m_mapButton, &QPushButton::clicked, this, mapCurrent);
    connect(m_mapName, &QLineEdit::returnPressed, this, mapCurrent);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        QString error;
        setStatus(applySchema(&error) ? tr("Schema applied (Undo takes it back)") : error);
    });
    connect(m_keep, &QPushButton::clicked, this, [this] {
        QString error;
        if (!keepAsTestCase(&error))
            setStatus(error);
    });
    connect(m_document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & (DocumentChange::Tree | DocumentChange::File))
            refreshEndpoints();
        if (c.what & DocumentChange::Tree)
            showDrift();
    });
    refreshEndpoints();
    setRunning(false);
}

SampleDock::~SampleDock() = default;

bool SampleDock::isRunning() const
{
    return m_stop->isEnabled();
}

const EndpointSample &SampleDock::sampleResult() const
{
    return m_sampler->result();
}

void SampleDock::setStatus(const QString &text)
{
    m_status->setText(maskText(text));
    if (!text.isEmpty())
        Q_EMIT message(m_status->text());
}

QString SampleDock::maskText(const QString &text) const
{
    QString t = text;
    for (const QString &s : m_sampler->result().secrets) {
        if (!s.isEmpty())
            t.replace(s, QStringLiteral("****"));
    }
    return t;
}

void SampleDock::refreshEndpoints()
{
    const QString current = m_endpoints->currentText();
    const Spec &spec = m_document->spec();
    QStringList names;
    for (const Endpoint &e : spec.provider.endpoints)
        names << e.name;
    QStringList now;
    for (int i = 0; i < m_endpoints->count(); ++i)
        now << m_endpoints->itemText(i);
    if (now != names) {
        m_endpoints->clear();
        m_endpoints->addItems(names);
        if (names.contains(current))
            m_endpoints->setCurrentText(current);
    }
    setRunning(isRunning());
}

int SampleDock::endpointIndex() const
{
    const QString name = m_hasSample ? m_sampledEndpoint : m_endpoints->currentText();
    const auto &eps = m_document->spec().provider.endpoints;
    for (qsizetype i = 0; i < eps.size(); ++i) {
        if (eps.at(i).name == name)
            return int(i);
    }
    return -1;
}

QString SampleDock::endpointPointer() const
{
    return QStringLiteral("/provider/endpoints/%1").arg(endpointIndex());
}

void SampleDock::setRunning(bool running)
{
    if (running != m_stop->isEnabled())
        Q_EMIT runningChanged(running);
    const bool can = m_endpoints->count() > 0;
    m_sample->setEnabled(!running && can);
    m_stop->setEnabled(running);
    if (m_progressAction)
        m_progressAction->setVisible(running);
    m_endpoints->setEnabled(!running);
    m_apply->setEnabled(!running && m_hasSample && !m_sampler->result().schema.isEmpty());
    m_keep->setEnabled(!running && m_hasSample && !m_sampler->result().records.isEmpty());
}

void SampleDock::sampleEndpoint(const QString &name)
{
    refreshEndpoints();
    const int i = m_endpoints->findText(name);
    if (i >= 0)
        m_endpoints->setCurrentIndex(i);
    sample();
}

void SampleDock::sample()
{
    if (isRunning())
        return;
    if (!m_document->ensureTree()) {
        setStatus(tr("The source has syntax errors; fix them in Source first"));
        return;
    }
    const Spec &spec = m_document->spec();
    QString why;
    if (!EndpointSampler::canSample(spec.provider.providerType, &why)) {
        setStatus(why);
        return;
    }
    m_hasSample = false;
    const int index = endpointIndex();
    if (index < 0) {
        setStatus(tr("The spec has no endpoint to sample"));
        return;
    }
    m_sampledEndpoint = spec.provider.endpoints.at(index).name;
    setRunning(true);
    setStatus(tr("Finding the placeholders' values…"));
    m_values->start(EndpointSampler::placeholdersOf(spec, index));
}

void SampleDock::startSampling(const QHash<QString, QString> &values)
{
    const int index = endpointIndex();
    if (index < 0) {
        onFailed(tr("the endpoint `%1` is gone").arg(m_sampledEndpoint));
        return;
    }
    m_pages->clear();
    RestSampleOptions options;
    options.maxRecords = m_limit->value();
    options.maxPages = m_maxPages->value();
    setStatus(tr("Sampling %1…").arg(m_sampledEndpoint));
    m_sampler->start(m_document->spec(), index, PlaceholderValues::lookup(values), options);
}

void SampleDock::stop()
{
    m_sampler->stop();
}

void SampleDock::onFailed(const QString &message)
{
    m_hasSample = false;
    setRunning(false);
    setStatus(tr("Sampling %1 failed: %2").arg(m_sampledEndpoint, message));
    Q_EMIT driftChanged();
}

void SampleDock::onFinished()
{
    m_hasSample = true;
    const EndpointSample &r = m_sampler->result();
    m_records->setRecords(r.records, r.schema, r.metadata, r.metadataFields);
    if (r.records.isEmpty())
        m_treeModel->setJson(QJsonValue());
    else
        m_table->selectRow(0);
    showRecord();
    {
        const QSignalBlocker block(m_schemaOf);
        m_schemaOf->clear();
        m_schemaOf->addItem(tr("the endpoint (%n table(s) merged)", nullptr, int(r.tables.size())));
        for (const SampledTable &t : r.tables)
            m_schemaOf->addItem(t.name);
        const bool several = r.tables.size() > 1;
        m_schemaOf->setVisible(several);
        m_schemaOfLabel->setVisible(several);
        m_apply->setToolTip(several ? tr("Write the endpoint's one schema (every table's columns "
                                         "merged) into the endpoint (undoable)")
                                    : tr("Write the inferred schema into the endpoint (undoable)"));
    }
    showSchema();
    showPagination();
    showDrift();
    setRunning(false);
    QString status = tr("%n record(s) from %1", nullptr, int(r.records.size())).arg(r.endpoint);
    if (!r.pages.isEmpty())
        status += tr(", %n response(s)", nullptr, int(r.pages.size()));
    if (!r.notes.isEmpty())
        status += QStringLiteral(" — ") + r.notes.join(QStringLiteral("; "));
    setStatus(status);
    Q_EMIT driftChanged();
}

void SampleDock::showRecord()
{
    const int row = m_table->currentIndex().row();
    const EndpointSample &r = m_sampler->result();
    const bool valid = row >= 0 && row < r.records.size();
    // The metadata is shown as the last node, apart from the value it describes.
    const QString label = r.providerType == QLatin1String("kafka")      ? tr("(Kafka message)")
                          : r.providerType == QLatin1String("database") ? tr("(source table)")
                                                                        : tr("(source)");
    m_treeModel->setJson(
        valid ? r.records.at(row) : QJsonValue(),
        valid && row < r.metadata.size() ? r.metadata.at(row).toObject() : QJsonObject(), label);
    m_tree->expandToDepth(1);
    showMapAction();
}

MapAction SampleDock::actionFor(const QModelIndex &treeIndex) const
{
    const int index = endpointIndex();
    if (!treeIndex.isValid() || index < 0)
        return {};
    if (m_treeModel->isMetadata(treeIndex)) {
        MapAction none;
        none.description = tr("Where the record came from, not part of its value: the schema, "
                              "field_mapping and test cases take the value only");
        return none;
    }
    const Endpoint &e = m_document->spec().provider.endpoints.at(index);
    QMap<QString, QString> mapping;
    for (const auto &kv : e.fieldMapping)
        mapping.insert(kv.first, kv.second);
    return SampleMapping::forNode(m_treeModel->path(treeIndex), m_treeModel->value(treeIndex),
                                  e.responsePath, mapping);
}

void SampleDock::showMapAction()
{
    const MapAction a = actionFor(m_tree->currentIndex());
    m_mapHint->setText(a.description.isEmpty() ? tr("Click a field of the record to map it")
                                               : a.description);
    m_mapName->setEnabled(a.kind == MapAction::AddFieldMapping);
    m_mapName->setText(a.targetField);
    m_mapButton->setEnabled(a.kind != MapAction::None);
    m_mapButton->setText(a.kind == MapAction::SetResponsePath ? tr("Use as Records") : tr("Map"));
}

bool SampleDock::map(const QModelIndex &treeIndex, const QString &target, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const MapAction a = actionFor(treeIndex);
    if (a.kind == MapAction::None) {
        *error = a.description.isEmpty() ? tr("Choose a field of the record") : a.description;
        return false;
    }
    if (!m_document->ensureTree()) {
        *error = tr("The source has syntax errors; fix them in Source first");
        return false;
    }
    SetValue *cmd = nullptr;
    if (a.kind == MapAction::SetResponsePath) {
        cmd = new SetValue(m_document, endpointPointer() + QStringLiteral("/response_path"),
                           SourceNode::makeString(a.responsePath));
        cmd->setText(tr("Read records from %1").arg(a.responsePath));
    } else {
        const QString name = target.isEmpty() ? a.targetField : target;
        cmd = new SetValue(
            m_document,
            pointerAppend(endpointPointer() + QStringLiteral("/field_mapping"), a.sourceField),
            SourceNode::makeString(name));
        cmd->setText(tr("Map %1 as %2").arg(a.sourceField, name));
    }
    if (cmd->isNoOp()) {
        delete cmd;
        *error = tr("The endpoint says so already");
        return false;
    }
    const QString done = cmd->text();
    m_document->undoStack()->push(cmd); // may merge into the previous step and delete cmd
    if (a.kind == MapAction::SetResponsePath) {
        // The records are elsewhere now: read the fetched pages again, no new request.
        if (m_sampler->reread(a.responsePath, m_limit->value()))
            setRunning(true);
        setStatus(tr("Records read from %1").arg(a.responsePath));
    } else {
        setStatus(done);
    }
    return true;
}

bool SampleDock::applySchema(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const int index = endpointIndex();
    if (!m_hasSample || index < 0 || m_sampler->result().schema.isEmpty()) {
        *error = tr("Sample the endpoint first: the schema is inferred from its records");
        return false;
    }
    if (!m_document->ensureTree()) {
        *error = tr("The source has syntax errors; fix them in Source first");
        return false;
    }
    QMap<QString, QString> mapping;
    for (const auto &kv : m_document->spec().provider.endpoints.at(index).fieldMapping)
        mapping.insert(kv.first, kv.second);
    auto *cmd = new SetValue(m_document, endpointPointer() + QStringLiteral("/schema"),
                             InferredSchemaNode::build(m_sampler->result().schema, mapping));
    cmd->setText(tr("Apply inferred schema to %1").arg(m_sampledEndpoint));
    if (cmd->isNoOp()) {
        delete cmd;
        *error = tr("The endpoint declares this schema already");
        return false;
    }
    m_document->undoStack()->push(cmd);
    return true;
}

bool SampleDock::keepAsTestCase(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!m_hasSample || m_sampler->result().records.isEmpty()) {
        *error = tr("Sample the endpoint first: the case takes its records");
        return false;
    }
    if (m_document->isUntitled()) {
        *error = tr("Save the pipeline first: its tests file goes next to it");
        return false;
    }
    const QString path = PipelineTests::pathForSpec(m_document->filePath());
    std::optional<QByteArray> before;
    if (QFile f(path); f.exists()) {
        if (!f.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(path, f.errorString());
            return false;
        }
        before = f.readAll();
    }
    SampleTestCase::Input in;
    in.specFileName = QFileInfo(m_document->filePath()).fileName();
    in.endpoint = m_sampledEndpoint;
    in.records = m_sampler->result().records;
    in.secrets = m_sampler->result().secrets;
    const Spec &spec = m_document->spec();
    for (int i = 0; i < spec.provider.sinks.size(); ++i)
        in.sinks << spec.sinkName(i);
    QString caseName, why;
    const QString text = SampleTestCase::appendTo(before ? QString::fromUtf8(*before) : QString(),
                                                  in, &caseName, &why);
    if (text.isEmpty()) {
        *error = tr("%1: %2").arg(QFileInfo(path).fileName(), why);
        return false;
    }
    if (!KeepTestCaseCommand::write(path, text.toUtf8(), &why)) {
        *error = tr("Cannot write %1: %2").arg(path, why);
        return false;
    }
    m_document->undoStack()->push(new KeepTestCaseCommand(path, before, text.toUtf8(), caseName));
    setStatus(tr("Case “%1” added to %2: fill its expect from the Data Preview (Tests panel)")
                  .arg(caseName, QFileInfo(path).fileName()));
    return true;
}

void SampleDock::showSchema()
{
    const EndpointSample &r = m_sampler->result();
    const int table = m_schemaOf->currentIndex() - 1; // 0: the endpoint's
    const QList<InferredField> &fields =
        table >= 0 && table < r.tables.size() ? r.tables.at(table).catalogue : r.schema;
    m_schema->setRowCount(int(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        const InferredField &f = fields.at(i);
        const QStringList cells{f.name, f.type, f.nullable ? tr("yes") : tr("no"),
                                QString::number(f.nulls), QString::number(f.missing)};
        for (int c = 0; c < cells.size(); ++c)
            m_schema->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
}

void SampleDock::showPagination()
{
    const EndpointSample &r = m_sampler->result();
    if (r.providerType != QLatin1String("rest_api")) {
        m_pagination->setPlainText(tr("Pagination applies to REST endpoints only."));
        return;
    }
    QString t;
    for (const PaginationProposal &p : r.pagination) {
        t += maskText(PaginationDetector::evidence(p)) + QLatin1Char('\n');
        t += p.confirmed ? tr("  confirmed: page 2 answered with new records\n")
                         : tr("  not confirmed\n");
        if (!p.note.isEmpty())
            t += QStringLiteral("  ") + maskText(p.note) + QLatin1Char('\n');
    }
    if (t.isEmpty())
        t = tr("No pagination detected: the responses show no next link, cursor, page or offset.");
    m_pagination->setPlainText(t);
}

DiagnosticList SampleDock::drift() const
{
    const int index = endpointIndex();
    const SourceNode *tree = m_document->tree();
    if (!m_hasSample || index < 0 || !tree)
        return {};
    const EndpointSample &r = m_sampler->result();
    return DriftChecker::check(*tree, index, m_document->spec().provider.endpoints.at(index),
                               r.schema, r.recordCount);
}

void SampleDock::showDrift()
{
    m_drift->clear();
    const DiagnosticList found = drift();
    for (const Diagnostic &d : found) {
        auto *item = new QTreeWidgetItem(m_drift, {d.message, QString::number(d.line), d.code});
        item->setIcon(0, StudioIcons::severity(d.severity));
    }
    if (found.isEmpty() && m_hasSample)
        new QTreeWidgetItem(m_drift,
                            {tr("No drift: every sampled record fits the declared schema")});
}

} // namespace uis

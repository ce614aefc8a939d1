// SPDX-License-Identifier: Apache-2.0
#include "changesdock.h"

#include "changesdelegate.h"
#include "changesmodel.h"
#include "nodeitem.h"
#include "pipelinedocument.h"
#include "studioicons.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace uis {

namespace {

QString nodeChangeText(const NodeChange &c)
{
    switch (c.kind) {
    case NodeChange::Kind::Added:
        return ChangesDock::tr("+ %1 %2 added").arg(c.role, c.name);
    case NodeChange::Kind::Removed:
        return ChangesDock::tr("− %1 %2 removed").arg(c.role, c.name);
    case NodeChange::Kind::Changed:
        break;
    }
    return ChangesDock::tr("~ %1 %2 changed").arg(c.role, c.name);
}

QColor nodeChangeColor(NodeChange::Kind k)
{
    switch (k) {
    case NodeChange::Kind::Added:
        return QColor(0x1a, 0x7f, 0x37);
    case NodeChange::Kind::Removed:
        return QColor(0xcf, 0x22, 0x2e);
    case NodeChange::Kind::Changed:
        break;
    }
    return QColor(0x9a, 0x67, 0x00);
}

} // namespace

ChangesDock::ChangesDock(PipelineDocument *document, QWidget *parent)
    : QDockWidget(tr("Changes"), parent), m_document(document),
      m_computer(new ChangesComputer(this)), m_debounce(new QTimer(this)),
      m_model(new ChangesModel(this)), m_delegate(new ChangesDelegate(this)),
      m_view(new QTableView), m_base(new QComboBox), m_show(new QComboBox),
      m_nodes(new QListWidget), m_summary(new QLabel)
{
    setObjectName(QStringLiteral("ChangesDock"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ChangesDock::refresh);

    // Base: HEAD, the saved file, or any revision the user types (`main~2`, a hash).
    m_base->setEditable(true);
    m_base->setInsertPolicy(QComboBox::NoInsert);
    m_base->addItem(tr("HEAD"), QStringLiteral("HEAD"));
    m_base->addItem(tr("Last saved"), ChangesRequest::SavedBase);
    m_base->setToolTip(
        tr("Compare with a Git revision (HEAD, main~1, a commit hash) or the saved file"));
    m_base->setMinimumContentsLength(12);
    connect(m_base, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_base->lineEdit(), &QLineEdit::editingFinished, this, [this] { refresh(); });

    m_show->setToolTip(tr("The spec, or one of the artifacts it compiles to"));
    m_show->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_show->setMinimumContentsLength(10);
    connect(m_show, &QComboBox::activated, this, &ChangesDock::showSelected);

    m_restore =
        new QAction(StudioIcons::icon(QStringLiteral("undo")), tr("Restore This Version"), this);
    m_restore->setObjectName(QStringLiteral("restoreVersion"));
    m_restore->setToolTip(tr("Replace the text with the base version (undoable)"));
    connect(m_restore, &QAction::triggered, this, [this] {
        QString error;
        if (!restoreBase(&error))
            Q_EMIT message(error);
    });
    auto *restoreButton = new QToolButton;
    restoreButton->setDefaultAction(m_restore);
    restoreButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_summary->setTextFormat(Qt::PlainText);
    // A long summary must not widen the dock (and the window): it is cut, and whole in the tooltip.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(new QLabel(tr("Compare with:")));
    bar->addWidget(m_base);
    bar->addWidget(new QLabel(tr("Show:")));
    bar->addWidget(m_show);
    bar->addWidget(m_summary, 1);
    bar->addWidget(restoreButton);

    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setObjectName(QStringLiteral("changesView"));
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(ChangesModel::OldLineColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ChangesModel::NewLineColumn, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(ChangesModel::OldTextColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(ChangesModel::NewTextColumn, QHeaderView::Stretch);

    m_nodes->setObjectName(QStringLiteral("changedNodes"));
    m_nodes->setToolTip(tr("Nodes added, removed or changed, in spec terms"));

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_nodes);
    split->addWidget(m_view);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 900});

    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setWidget(box);

    connect(m_computer, &ChangesComputer::finished, this, &ChangesDock::onFinished);
    connect(m_document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & DocumentChange::File)
            refresh(); // opened or saved as: compare at once
        else if (c.what & DocumentChange::Text)
            schedule();
    });
    // Saving changes the "Last saved" base and may change nothing else.
    connect(m_document, &PipelineDocument::modifiedChanged, this, [this] { schedule(); });
    // Artifacts are compiled only while the view can be seen.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_haveResult && !m_result.request.artifacts)
            refresh();
        Q_EMIT changeMarksChanged(visible && m_haveResult ? changeMarks(m_result.nodes)
                                                          : QHash<QString, int>());
    });
    updateRestore();
}

void ChangesDock::setDark(bool dark)
{
    m_delegate->setDark(dark);
    m_model->setDark(dark);
}

void ChangesDock::setBase(const QString &base)
{
    const int i = m_base->findData(base);
    if (i >= 0)
        m_base->setCurrentIndex(i);
    else
        m_base->setEditText(base);
    refresh();
}

QString ChangesDock::base() const
{
    const int i = m_base->findText(m_base->currentText());
    if (i >= 0)
        return m_base->itemData(i).toString();
    const QString typed = m_base->currentText().trimmed();
    return typed.isEmpty() ? QStringLiteral("HEAD") : typed;
}

void ChangesDock::schedule()
{
    m_debounce->start();
}

void ChangesDock::refresh()
{
    m_debounce->stop();
    ChangesRequest r;
    r.filePath = m_document->filePath();
    r.fileName = m_document->isUntitled() ? m_document->displayName() : r.filePath;
    r.text = m_document->text().toUtf8();
    r.base = base();
    r.artifacts = isVisible();
    r.revision = m_document->revision();
    m_computer->request(r);
}

void ChangesDock::onFinished(const ChangesResult &result)
{
    m_result = result;
    m_haveResult = true;
    if (!m_haveVcs || !(result.vcs == m_vcs)) {
        m_haveVcs = true;
        m_vcs = result.vcs;
        Q_EMIT vcsStateChanged(m_vcs);
    }

    m_nodes->clear();
    for (const NodeChange &c : result.nodes) {
        auto *item = new QListWidgetItem(nodeChangeText(c), m_nodes);
        item->setForeground(nodeChangeColor(c.kind));
        item->setData(Qt::UserRole, c.name);
    }

    const QString shown = m_show->currentData().toString();
    m_show->clear();
    m_show->addItem(tr("Spec"), QString());
    for (const ArtifactDiff &a : result.artifacts)
        m_show->addItem(a.target, a.target);
    const int keep = m_show->findData(shown);
    m_show->setCurrentIndex(keep >= 0 ? keep : 0);
    showSelected();
    updateRestore();
    if (isVisible())
        Q_EMIT changeMarksChanged(changeMarks(result.nodes));
    Q_EMIT updated();
}

void ChangesDock::showSelected()
{
    const QString target = m_show->currentData().toString();
    if (!m_result.hasBase) {
        m_model->setHunks({});
        m_summary->setText(
            m_result.baseError.isEmpty() ? QString() : tr("No base: %1").arg(m_result.baseError));
        return;
    }
    if (target.isEmpty()) {
        m_model->setHunks(m_result.specHunks);
    } else {
        for (const ArtifactDiff &a : std::as_const(m_result.artifacts)) {
            if (a.target == target)
                m_model->setHunks(TextDiff::hunks(a.oldContent, a.newContent));
        }
    }
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("No differences from %1").arg(m_result.baseLabel));
        return;
    }
    QString text = tr("−%1 +%2 lines vs %3")
                       .arg(m_model->removedLines())
                       .arg(m_model->addedLines())
                       .arg(m_result.baseLabel);
    if (!m_result.nodes.isEmpty())
        text += tr(" · %n node(s) changed", nullptr, int(m_result.nodes.size()));
    if (m_result.request.artifacts)
        text += tr(" · %n artifact(s) changed", nullptr, int(m_result.artifacts.size()));
    m_summary->setText(text);
    m_summary->setToolTip(text);
}

QHash<QString, int> ChangesDock::changeMarks(const QList<NodeChange> &nodes)
{
    QHash<QString, int> marks;
    for (const NodeChange &c : nodes) {
        if (c.kind != NodeChange::Kind::Removed)
            marks.insert(c.name,
                         int(c.kind == NodeChange::Kind::Added ? NodeItem::ChangeMark::Added
                                                               : NodeItem::ChangeMark::Changed));
    }
    return marks;
}

void ChangesDock::updateRestore()
{
    m_restore->setEnabled(m_haveResult && m_result.hasBase && m_result.request.base == base() &&
                          !m_result.specHunks.isEmpty());
}

bool ChangesDock::restoreBase(QString *error)
{
    if (!m_haveResult || !m_result.hasBase) {
        if (error)
            *error = tr("There is no base version to restore.");
        return false;
    }
    return m_document->restoreVersion(m_result.baseText, m_result.baseLabel, error);
}

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "problemsdock.h"

#include "problemitemdelegate.h"
#include "problemsfiltermodel.h"
#include "problemsmodel.h"
#include "studioicons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace uis {

ProblemsDock::ProblemsDock(QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_model(new ProblemsModel(this))
    , m_filter(new ProblemsFilterModel(this))
    , m_view(new QTreeView)
    , m_search(new QLineEdit)
{
    setObjectName(QStringLiteral("ProblemsDock"));
    m_filter->setSourceModel(m_model);

    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 3, 6, 3);
    bar->setSpacing(4);
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
        auto *b = new QToolButton;
        b->setCheckable(true);
        b->setChecked(true);
        b->setAutoRaise(true);
        b->setIcon(StudioIcons::severity(s));
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(b, &QToolButton::toggled, this, [this, s](bool on) { m_filter->setSeverityVisible(s, on); });
        m_buttons[int(s)] = b;
        bar->addWidget(b);
    }
    m_buttons[0]->setToolTip(tr("Show errors"));
    m_buttons[1]->setToolTip(tr("Show warnings"));
    m_buttons[2]->setToolTip(tr("Show information"));
    bar->addStretch();
    m_search->setPlaceholderText(tr("Filter problems"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    connect(m_search, &QLineEdit::textChanged, m_filter, &ProblemsFilterModel::setText);
    bar->addWidget(m_search);
    layout->addLayout(bar);

    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setItemDelegate(new ProblemItemDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view);
    setWidget(w);

    auto activate = [this](const QModelIndex &proxy) {
        const QModelIndex src = m_filter->mapToSource(proxy);
        if (src.isValid())
            Q_EMIT problemActivated(m_model->diagnostic(src.row()));
    };
    connect(m_view, &QTreeView::clicked, this, activate);
    connect(m_view, &QTreeView::activated, this, activate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsDock::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProblemsDock::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProblemsDock::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProblemsDock::updateCounts);
    updateCounts();
}

void ProblemsDock::setDiagnostics(const DiagnosticList &diagnostics) { m_model->setDiagnostics(diagnostics); }

void ProblemsDock::updateCounts()
{
    const int e = m_model->count(Severity::Error);
    const int w = m_model->count(Severity::Warning);
    const int i = m_model->count(Severity::Info);
    m_buttons[0]->setText(tr("%n error(s)", nullptr, e));
    m_buttons[1]->setText(tr("%n warning(s)", nullptr, w));
    m_buttons[2]->setText(tr("%n info", nullptr, i));
    setWindowTitle(e + w + i ? tr("Problems (%1)").arg(e + w + i) : tr("Problems"));
}

} // namespace uis

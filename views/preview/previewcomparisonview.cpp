// SPDX-License-Identifier: Apache-2.0
#include "previewcomparisonview.h"

#include "datapreviewrunner.h"
#include "previewcomparisonmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace uis {

namespace {

const char *const kEngines[2] = {"Spark", "Flink"};

QStringList names(const PreviewNode &n)
{
    QStringList out;
    for (const PreviewColumn &c : n.columns)
        out << c.name;
    return out;
}

bool comparable(const PreviewNode *spark, const PreviewNode *flink)
{
    return spark && flink && spark->complete && flink->complete;
}

PreviewComparisonResult compareNodes(const PreviewNode &spark, const PreviewNode &flink)
{
    return PreviewComparison::compare(spark.rows, flink.rows,
                                      PreviewComparison::sharedColumns(names(spark), names(flink)));
}

QString rowCount(qsizetype n)
{
    return n == 1 ? PreviewComparisonView::tr("1 row")
                  : PreviewComparisonView::tr("%1 rows").arg(n);
}

QString cellCount(int n)
{
    return n == 1 ? PreviewComparisonView::tr("1 differing cell")
                  : PreviewComparisonView::tr("%1 differing cells").arg(n);
}

} // namespace

PreviewComparisonView::PreviewComparisonView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewCompareSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true); // a long summary must not widen the dock
    layout->addWidget(m_summary);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    for (int side = 0; side < 2; ++side) {
        auto *pane = new QWidget(splitter);
        auto *v = new QVBoxLayout(pane);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        m_titles[side] = new QLabel(pane);
        QFont bold = m_titles[side]->font();
        bold.setBold(true);
        m_titles[side]->setFont(bold);
        v->addWidget(m_titles[side]);
        m_models[side] = new PreviewComparisonModel(this);
        QTableView *t = new QTableView(pane);
        t->setObjectName(side == 0 ? QStringLiteral("previewSparkTable")
                                   : QStringLiteral("previewFlinkTable"));
        t->setModel(m_models[side]);
        t->setSelectionBehavior(QAbstractItemView::SelectItems);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setWordWrap(false);
        t->setTextElideMode(Qt::ElideRight);
        t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        t->horizontalHeader()->setHighlightSections(false);
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
        t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        t->setToolTip(tr("Rows %1 previewed; line by line opposite the other engine's")
                          .arg(QLatin1String(kEngines[side])));
        m_tables[side] = t;
        v->addWidget(t, 1);
        splitter->addWidget(pane);
    }
    // Paired rows stay opposite each other.
    QScrollBar *a = m_tables[0]->verticalScrollBar();
    QScrollBar *b = m_tables[1]->verticalScrollBar();
    connect(a, &QScrollBar::valueChanged, b, &QScrollBar::setValue);
    connect(b, &QScrollBar::valueChanged, a, &QScrollBar::setValue);
    layout->addWidget(splitter, 1);
    clear();
}

void PreviewComparisonView::clear()
{
    setNodes(nullptr, nullptr);
}

QString PreviewComparisonView::verdict(const PreviewNode *spark, const PreviewNode *flink)
{
    if (!comparable(spark, flink))
        return QString();
    const int n = compareNodes(*spark, *flink).differingCells;
    return n == 0 ? tr("same on both") : cellCount(n);
}

void PreviewComparisonView::setNodes(const PreviewNode *spark, const PreviewNode *flink)
{
    const PreviewNode *nodes[2] = {spark, flink};
    m_compared = comparable(spark, flink);
    m_result = m_compared ? compareNodes(*spark, *flink) : PreviewComparisonResult();
    for (int side = 0; side < 2; ++side) {
        const PreviewNode *own = nodes[side];
        const PreviewNode *other = nodes[1 - side];
        const QString otherEngine = QLatin1String(kEngines[1 - side]);
        QString title = QLatin1String(kEngines[side]);
        if (own)
            title = own->complete ? tr("%1 — %2").arg(title, rowCount(own->rows.size()))
                                  : tr("%1 — %2 so far").arg(title, rowCount(own->rows.size()));
        else
            title = tr("%1 — no rows (yet)").arg(title);
        m_titles[side]->setText(title);
        if (!own) {
            m_models[side]->clearLines();
            continue;
        }
        QList<PreviewComparisonModel::Line> lines;
        if (m_compared) {
            for (const PreviewRowPair &p : std::as_const(m_result.pairs))
                lines.append(
                    {side == 0 ? p.left : p.right, side == 0 ? p.right : p.left, p.differing});
        } else {
            for (int r = 0; r < own->rows.size(); ++r)
                lines.append({r, -1, {}});
        }
        m_models[side]->setLines(*own, lines, other ? other->rows : QList<QJsonObject>(),
                                 otherEngine);
        fitColumns(m_tables[side]);
    }
    m_summary->setText(summaryText());
    m_summary->setToolTip(
        tr("Rows are paired by content (their order differs between engines); values compare as "
           "in pipeline tests: numbers within a relative 1e-9, timestamps as UTC instants. Hover "
           "a highlighted cell for the other engine's value."));
}

QString PreviewComparisonView::summaryText() const
{
    if (!m_compared)
        return tr("Spark and Flink rows are compared once both engines have sent them.");
    if (m_result.identical())
        return tr("Same rows on Spark and Flink (%1 compared columns).")
            .arg(m_result.columns.size());
    QStringList parts{cellCount(m_result.differingCells)};
    if (m_result.leftOnly > 0)
        parts << (m_result.leftOnly == 1 ? tr("1 row only on Spark")
                                         : tr("%1 rows only on Spark").arg(m_result.leftOnly));
    if (m_result.rightOnly > 0)
        parts << (m_result.rightOnly == 1 ? tr("1 row only on Flink")
                                          : tr("%1 rows only on Flink").arg(m_result.rightOnly));
    return tr("%1 (highlighted; hover a cell for the other engine's value).")
        .arg(parts.join(QStringLiteral(", ")));
}

void PreviewComparisonView::fitColumns(QTableView *table, int minCap)
{
    QHeaderView *h = table->horizontalHeader();
    h->resizeSections(QHeaderView::ResizeToContents);
    const int cap = qMax(minCap, table->viewport()->width() / 2);
    for (int c = 0; c < h->count(); ++c) {
        if (h->sectionSize(c) > cap)
            h->resizeSection(c, cap);
    }
}

} // namespace uis

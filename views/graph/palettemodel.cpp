// SPDX-License-Identifier: Apache-2.0
#include "palettemodel.h"

#include "graphscene.h"
#include "specschema.h"
#include "studioicons.h"

#include <QMimeData>

namespace uis {

namespace {
QString describeTransform(const QString &t)
{
    if (t == QLatin1String("field_mapping"))
        return PaletteModel::tr("Rename fields");
    if (t == QLatin1String("sql"))
        return PaletteModel::tr("SQL over the inputs");
    if (t == QLatin1String("filter"))
        return PaletteModel::tr("Keep rows matching a condition");
    if (t == QLatin1String("schema_validation"))
        return PaletteModel::tr("Enforce types and not-null");
    if (t == QLatin1String("dedupe"))
        return PaletteModel::tr("Drop repeated keys within a time");
    if (t == QLatin1String("watermark"))
        return PaletteModel::tr("Event time for streaming");
    if (t == QLatin1String("window_aggregate"))
        return PaletteModel::tr("Tumbling or hopping window aggregates");
    return {};
}

QString describeSink(const QString &t)
{
    if (t == QLatin1String("parquet"))
        return PaletteModel::tr("Parquet files in a landing zone");
    if (t == QLatin1String("iceberg"))
        return PaletteModel::tr("An Iceberg table");
    if (t == QLatin1String("clickhouse"))
        return PaletteModel::tr("A ClickHouse table over JDBC");
    if (t == QLatin1String("kafka"))
        return PaletteModel::tr("A Kafka topic");
    if (t == QLatin1String("rest_api"))
        return PaletteModel::tr("One HTTP request per row");
    if (t == QLatin1String("console"))
        return PaletteModel::tr("Print rows (local runs)");
    return {};
}
} // namespace

PaletteModel::PaletteModel(QObject *parent)
    : QStandardItemModel(parent)
{
    rebuild();
}

void PaletteModel::setProviderType(const QString &providerType)
{
    if (providerType == m_providerType)
        return;
    m_providerType = providerType;
    rebuild();
}

void PaletteModel::rebuild()
{
    clear();
    auto group = [this](const QString &title) {
        auto *g = new QStandardItem(title);
        g->setFlags(Qt::ItemIsEnabled);
        QFont f = g->font();
        f.setBold(true);
        g->setFont(f);
        appendRow(g);
        return g;
    };
    auto entry = [](QStandardItem *g, NodeKind kind, const QString &type, const QString &label, const QString &tip) {
        auto *i = new QStandardItem(StudioIcons::kind(kind), label);
        i->setData(int(kind), KindRole);
        i->setData(type, TypeRole);
        i->setToolTip(tip);
        i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        g->appendRow(i);
    };
    QStandardItem *eps = group(tr("Sources"));
    const QString pt = m_providerType.isEmpty() ? QStringLiteral("rest_api") : m_providerType;
    entry(eps, NodeKind::Endpoint, pt, tr("%1 endpoint").arg(pt), tr("A feed of the provider (%1)").arg(pt));
    QStandardItem *ts = group(tr("Transforms"));
    for (const QString &t : SpecSchema::transformTypes())
        entry(ts, NodeKind::Transform, t, t, describeTransform(t));
    QStandardItem *ss = group(tr("Sinks"));
    for (const QString &t : SpecSchema::sinkTypes())
        entry(ss, NodeKind::Sink, t, t, describeSink(t));
}

QStringList PaletteModel::mimeTypes() const { return {QString::fromLatin1(NodeMimeType)}; }

QMimeData *PaletteModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &i : indexes) {
        if (!i.data(TypeRole).isValid())
            continue;
        auto *m = new QMimeData;
        const QString payload = nodeKindName(NodeKind(i.data(KindRole).toInt())) + QLatin1Char(':') + i.data(TypeRole).toString();
        m->setData(QString::fromLatin1(NodeMimeType), payload.toUtf8());
        return m;
    }
    return nullptr;
}

} // namespace uis

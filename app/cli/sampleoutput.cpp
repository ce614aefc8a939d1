// SPDX-License-Identifier: Apache-2.0
#include "sampleoutput.h"

#include "jsonrecords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace uis::cli {

namespace {

QJsonValue flatValue(const QJsonValue &record, const QString &path)
{
    QJsonValue cur = record;
    if (!record.isObject())
        return path == QLatin1String("value") ? record : QJsonValue(QJsonValue::Undefined);
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!cur.isObject())
            return QJsonValue(QJsonValue::Undefined);
        cur = cur.toObject().value(part);
    }
    return cur;
}

// `{name: a, type: int, nullable: true}`, a flow mapping of the spec's `schema`.
QString schemaEntry(const InferredField &f)
{
    return QStringLiteral("{name: %1, type: %2, nullable: %3}")
        // `decimal(p,s)` quoted: a bare comma ends a flow mapping's value
        .arg(SampleOutput::yamlScalar(f.name),
             f.type.contains(QLatin1Char(',')) ? QStringLiteral("\"%1\"").arg(f.type) : f.type,
             f.nullable ? QStringLiteral("true") : QStringLiteral("false"));
}

QString comment(const QString &s)
{
    QString c = s;
    c.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return c;
}

} // namespace

QString SampleOutput::jsonLines(const QJsonArray &records)
{
    QString out;
    for (const QJsonValue &r : records) {
        if (r.isObject() || r.isArray())
            out += JsonRecords::cellText(r);
        else
            out += QString::fromUtf8(QJsonDocument(QJsonArray{r}).toJson(QJsonDocument::Compact))
                       .mid(1)
                       .chopped(1);
        out += QLatin1Char('\n');
    }
    return out;
}

QString SampleOutput::jsonArray(const QJsonArray &records)
{
    return QString::fromUtf8(QJsonDocument(records).toJson(QJsonDocument::Indented));
}

QString SampleOutput::table(const QJsonArray &records, const QList<InferredField> &columns,
                            const QJsonArray &metadata, const QStringList &metadataFields,
                            int width)
{
    QList<QStringList> rows;
    const QStringList meta = metadata.size() == records.size() ? metadataFields : QStringList();
    QStringList head = meta;
    for (const InferredField &c : columns)
        head.append(c.name);
    QList<int> widths;
    for (const QString &h : head)
        widths.append(int(std::min<qsizetype>(h.size(), width)));
    for (qsizetype n = 0; n < records.size(); ++n) {
        const QJsonValue r = records.at(n);
        QStringList row;
        for (qsizetype i = 0; i < head.size(); ++i) {
            QString t = JsonRecords::cellText(i < meta.size()
                                                  ? metadata.at(n).toObject().value(meta.at(i))
                                                  : flatValue(r, columns.at(i - meta.size()).name));
            t.replace(QLatin1Char('\n'), QLatin1Char(' '));
            if (t.size() > width)
                t = t.left(width - 1) + QChar(0x2026);
            widths[i] = std::max(widths[i], int(t.size()));
            row.append(t);
        }
        rows.append(row);
    }
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            QString c = cells.at(i).left(width);
            s += c.leftJustified(widths[i]) +
                 (i + 1 < cells.size() ? QStringLiteral("  ") : QString());
        }
        while (s.endsWith(QLatin1Char(' ')))
            s.chop(1);
        return s + QLatin1Char('\n');
    };
    QString out = line(head);
    QStringList rule;
    for (int w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    out += line(rule);
    for (const QStringList &r : rows)
        out += line(r);
    return out;
}

QString SampleOutput::yamlScalar(const QString &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.()/-]*$"));
    static const QRegularExpression reserved(
        QStringLiteral("^(true|false|yes|no|on|off|null|y|n|~)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (plain.match(s).hasMatch() && !reserved.match(s).hasMatch())
        return s;
    QString q = s;
    q.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    q.replace(QLatin1Char('"'), QLatin1String("\\\""));
    q.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString SampleOutput::inferYaml(const QString &endpoint, const QList<InferredField> &schema,
                                const QString &declared,
                                const QList<PaginationProposal> &pagination, qint64 records,
                                const QList<SampledTable> &tables)
{
    QString out = QStringLiteral("# inferred from %1 sampled record(s)\n").arg(records);
    out += QStringLiteral("endpoints:\n  %1:\n").arg(yamlScalar(endpoint));
    if (tables.size() > 1) {
        out += QStringLiteral("    # %1 tables read into one table share the endpoint's one "
                              "schema: their columns merged. Each table's own:\n")
                   .arg(tables.size());
        for (const SampledTable &t : tables) {
            out += QStringLiteral("    # %1 (%2 row(s) read):\n").arg(t.name).arg(t.rows.size());
            for (const InferredField &f : t.catalogue)
                out += QStringLiteral("    #   - %1\n").arg(schemaEntry(f));
        }
    }
    if (schema.isEmpty()) {
        out += QStringLiteral("    schema: []\n");
    } else {
        out += QStringLiteral("    schema:\n");
        for (const InferredField &f : schema)
            out += QStringLiteral("      - %1\n").arg(schemaEntry(f));
    }
    const QString current = declared.isEmpty() ? QStringLiteral("none") : declared.toLower();
    QString confirmed;
    for (const PaginationProposal &p : pagination) {
        if (p.confirmed) {
            confirmed = p.style;
            if (p.style != current)
                out += QStringLiteral("    pagination: %1  # %2%3\n")
                           .arg(p.style, comment(PaginationDetector::evidence(p)),
                                current == QLatin1String("none")
                                    ? QString()
                                    : QStringLiteral("; declared `%1` is wrong").arg(current));
            else
                out += QStringLiteral("    # pagination: %1 (as declared) confirmed: %2\n")
                           .arg(p.style, comment(PaginationDetector::evidence(p)));
        }
    }
    for (const PaginationProposal &p : pagination) {
        if (!p.confirmed)
            out += QStringLiteral("    # pagination %1 not confirmed: %2\n")
                       .arg(p.style, comment(PaginationDetector::evidence(p)));
    }
    return out;
}

} // namespace uis::cli

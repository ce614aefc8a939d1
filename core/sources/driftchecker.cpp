// SPDX-License-Identifier: Apache-2.0
#include "driftchecker.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace uis {

namespace {

bool decimalParts(const QString &type, int *precision, int *scale)
{
    static const QRegularExpression re(QStringLiteral(R"(^decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(type.trimmed());
    if (!m.hasMatch())
        return false;
    *precision = m.captured(1).toInt();
    *scale = m.captured(2).toInt();
    return true;
}

Diagnostic at(const SourceNode &tree, Severity severity, const QString &code,
              const QString &message, const QString &pointer)
{
    Diagnostic d{severity, code, message, pointer, 0, 0};
    // The position of the value, else the closest enclosing one the reader recorded.
    QString p = pointer;
    while (true) {
        if (const SourceNode *n = tree.at(p); n && n->pos().line > 0) {
            d.line = n->pos().line;
            d.column = n->pos().column;
            break;
        }
        if (p.isEmpty())
            break;
        p.truncate(p.lastIndexOf(QLatin1Char('/')));
    }
    return d;
}

} // namespace

bool DriftChecker::accepts(const QString &declaredType, const QString &inferred)
{
    const QString declared = declaredType.trimmed().toLower();
    if (declared == inferred || declared == QLatin1String("string") ||
        declared == QLatin1String("json"))
        return true;
    if (declared == QLatin1String("long") || declared == QLatin1String("bigint"))
        return inferred == QLatin1String("int");
    if (declared == QLatin1String("double") || declared == QLatin1String("float"))
        return inferred == QLatin1String("int") || inferred == QLatin1String("long");
    if (declared == QLatin1String("timestamp"))
        return inferred == QLatin1String("date") || inferred == QLatin1String("int") ||
               inferred == QLatin1String("long");
    int p = 0, s = 0, ip = 0, is = 0;
    if (decimalParts(declared, &p, &s)) {
        if (inferred == QLatin1String("int"))
            return p - s >= 10;
        if (inferred == QLatin1String("long"))
            return p - s >= 19;
        // A number with a fraction (JSON, or a CSV cell like `187.37`) is read into the decimal
        // by both engines, rounded to its scale; its digits aren't kept in the sample, so this
        // is no type change (the bundled template's decimal prices were flagged otherwise).
        if (inferred == QLatin1String("double"))
            return true;
        return decimalParts(inferred, &ip, &is) && ip - is <= p - s && is <= s;
    }
    return false;
}

DiagnosticList DriftChecker::check(const SourceNode &tree, int endpointIndex,
                                   const Endpoint &endpoint, const QList<InferredField> &sampled,
                                   qint64 records)
{
    DiagnosticList out;
    const QString base = QStringLiteral("/provider/endpoints/%1").arg(endpointIndex);
    if (!endpoint.hasSchema) {
        out.append(at(tree, Severity::Warning, QStringLiteral("UIS-W-DRIFT-NO-SCHEMA"),
                      QStringLiteral("endpoint `%1` declares no schema, so there is nothing to "
                                     "compare the sample with (`uisctl sample --infer` proposes "
                                     "one)")
                          .arg(endpoint.name),
                      base + QStringLiteral("/name")));
        return out;
    }
    QHash<QString, const InferredField *> byName;
    for (const InferredField &f : sampled)
        byName.insert(f.name, &f);
    QSet<QString> covered;
    for (qsizetype i = 0; i < endpoint.schema.size(); ++i) {
        const SchemaField &d = endpoint.schema.at(i);
        const QString ptr = QStringLiteral("%1/schema/%2").arg(base).arg(i);
        // The sampled name: the declared one, or the source of a mapping onto it.
        QString raw = d.name;
        if (!byName.contains(raw)) {
            for (const auto &kv : endpoint.fieldMapping) {
                if (kv.second == d.name && byName.contains(kv.first)) {
                    raw = kv.first;
                    break;
                }
            }
        }
        const InferredField *f = byName.value(raw);
        if (!f) {
            // A declared json (or string) column may hold a whole object the sample flattened.
            bool parent = false;
            for (const InferredField &s : sampled) {
                if (s.name.startsWith(raw + QLatin1Char('.'))) {
                    parent = true;
                    covered.insert(s.name);
                }
            }
            if (parent && (d.type == QLatin1String("json") || d.type == QLatin1String("string")))
                continue;
            if (records > 0)
                out.append(at(tree, Severity::Error, QStringLiteral("UIS-E-DRIFT-FIELD-GONE"),
                              QStringLiteral("`%1` is declared but none of the %2 sampled "
                                             "records has it")
                                  .arg(d.name)
                                  .arg(records),
                              ptr + QStringLiteral("/name")));
            continue;
        }
        covered.insert(f->name);
        if (!accepts(d.type, f->type))
            out.append(at(tree, Severity::Error, QStringLiteral("UIS-E-DRIFT-TYPE"),
                          QStringLiteral("`%1` is declared `%2` but the sample holds `%3` values")
                              .arg(d.name, d.type, f->type),
                          ptr + QStringLiteral("/type")));
        if (!d.nullable && f->nulls > 0)
            out.append(at(tree, Severity::Error, QStringLiteral("UIS-E-DRIFT-NULLS"),
                          QStringLiteral("`%1` is declared `nullable: false` but is null in %2 of "
                                         "%3 sampled records")
                              .arg(d.name)
                              .arg(f->nulls)
                              .arg(records),
                          ptr + QStringLiteral("/nullable")));
        else if (!d.nullable && f->missing > 0)
            out.append(at(tree, Severity::Warning, QStringLiteral("UIS-W-DRIFT-NULLABLE"),
                          QStringLiteral("`%1` is declared `nullable: false` but is missing from "
                                         "%2 of %3 sampled records (newly optional)")
                              .arg(d.name)
                              .arg(f->missing)
                              .arg(records),
                          ptr + QStringLiteral("/nullable")));
    }
    for (const InferredField &f : sampled) {
        if (covered.contains(f.name))
            continue;
        // A mapped field declared under its target name was matched above.
        out.append(
            at(tree, Severity::Warning, QStringLiteral("UIS-W-DRIFT-NEW-FIELD"),
               QStringLiteral("the sample has `%1` (%2%3), which the schema does not "
                              "declare")
                   .arg(f.name, f.type, f.nullable ? QStringLiteral(", nullable") : QString()),
               base + QStringLiteral("/schema")));
    }
    sortDiagnostics(out);
    return out;
}

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "flinksemantics.h"

#include "sqlshape.h"

#include <QRegularExpression>

namespace uis {

bool FlinkSemantics::isIntegerType(const QString &type)
{
    return type == QLatin1String("INT") || type == QLatin1String("BIGINT") ||
           type == QLatin1String("SMALLINT") || type == QLatin1String("TINYINT");
}

QString FlinkSemantics::avgAsDouble(const QString &expr, const FlinkRelation &in)
{
    static const QRegularExpression avg(
        QStringLiteral("\\bavg\\s*\\(\\s*(DISTINCT\\s+)?(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\\s*\\)"),
        QRegularExpression::CaseInsensitiveOption);
    // Matches inside string literals and quoted identifiers do not count.
    const QString skeleton = SqlShape::skeleton(expr);
    QString out;
    qsizetype last = 0;
    auto it = avg.globalMatch(expr);
    while (it.hasNext()) {
        const auto m = it.next();
        if (skeleton.mid(m.capturedStart(), 3).compare(QLatin1String("AVG")) != 0)
            continue;
        const QString arg = m.captured(2);
        const FlinkColumn *c = in.column(SqlShape::unquoteIdentifier(arg));
        if (!c || !isIntegerType(c->type))
            continue;
        out += expr.mid(last, m.capturedStart() - last);
        out += QStringLiteral("AVG(%1CAST(%2 AS DOUBLE))").arg(m.captured(1).toUpper(), arg);
        last = m.capturedEnd();
    }
    out += expr.mid(last);
    return out;
}

} // namespace uis

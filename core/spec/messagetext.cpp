// SPDX-License-Identifier: Apache-2.0
#include "messagetext.h"

#include "specschema.h"

namespace uis {

QString MessageText::quoted(const QString &s)
{
    return QLatin1Char('`') + s + QLatin1Char('`');
}

QString MessageText::listOf(const QStringList &values)
{
    QStringList q;
    for (const QString &v : values)
        q.append(quoted(v));
    return q.join(QStringLiteral(", "));
}

QString MessageText::didYouMean(const QString &word, const QStringList &candidates)
{
    const QString best = closestMatch(word, candidates);
    return best.isEmpty() ? QString() : QStringLiteral("; did you mean %1?").arg(quoted(best));
}

QString MessageText::suggestionOrChoices(const QString &word, const QStringList &candidates)
{
    const QString hint = didYouMean(word, candidates);
    return hint.isEmpty() ? QStringLiteral("; expected one of %1").arg(listOf(candidates)) : hint;
}

QString MessageText::article(const QString &type)
{
    if (type == QLatin1String("null"))
        return QStringLiteral("empty");
    const bool vowel = type.startsWith(QLatin1Char('a')) || type.startsWith(QLatin1Char('i')) ||
                       type.startsWith(QLatin1Char('o'));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + type;
}

} // namespace uis

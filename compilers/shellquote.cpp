// SPDX-License-Identifier: Apache-2.0
#include "shellquote.h"

namespace uis {

namespace {

bool isSafe(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    if (c.isLetterOrNumber())
        return true;
    switch (c.toLatin1()) {
    case '_':
    case '-':
    case '+':
    case '=':
    case '/':
    case ':':
    case '.':
    case ',':
    case '%':
    case '@':
    case '^':
        return true;
    default:
        return false;
    }
}

} // namespace

QString ShellQuote::quote(const QString &argument)
{
    if (argument.isEmpty())
        return QStringLiteral("''");
    bool safe = true;
    for (QChar c : argument) {
        if (!isSafe(c)) {
            safe = false;
            break;
        }
    }
    // A leading '=' or '~' could be special in some shells (zsh '=cmd', tilde expansion).
    if (safe && argument.front() != QLatin1Char('=') && argument.front() != QLatin1Char('~'))
        return argument;
    QString out;
    out.reserve(argument.size() + 2);
    out += QLatin1Char('\'');
    for (QChar c : argument) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString ShellQuote::join(const QStringList &argv)
{
    QStringList parts;
    parts.reserve(argv.size());
    for (const QString &a : argv)
        parts.append(quote(a));
    return parts.join(QLatin1Char(' '));
}

} // namespace uis

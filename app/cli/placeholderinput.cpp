// SPDX-License-Identifier: Apache-2.0
#include "placeholderinput.h"

#include "cliloop.h"
#include "tokenstore.h"

#include <cstdio>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace uis::cli {

namespace {

/// Reads a line from the terminal without echo (secrets stay off the screen).
std::optional<QString> promptHidden(CliContext &ctx, const QString &question)
{
    if (!::isatty(STDIN_FILENO))
        return std::nullopt;
    ctx.err << question;
    ctx.err.flush();
    termios old{};
    const bool haveTerm = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios noEcho = old;
        noEcho.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &noEcho);
    }
    char buf[4096];
    const bool ok = std::fgets(buf, sizeof buf, stdin) != nullptr;
    if (haveTerm)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    ctx.err << "\n";
    if (!ok)
        return std::nullopt;
    QString v = QString::fromLocal8Bit(buf);
    while (v.endsWith(QLatin1Char('\n')) || v.endsWith(QLatin1Char('\r')))
        v.chop(1);
    return v;
}

} // namespace

QHash<QString, QString> placeholderValues(const QList<Placeholder> &placeholders, CliContext &ctx)
{
    QHash<QString, QString> values;
    std::unique_ptr<TokenStore> secrets; // opened only when the environment lacks a value
    for (const Placeholder &ph : placeholders) {
        const QString var = PlaceholderResolver::variableFor(ph);
        if (const auto v = PlaceholderResolver::fromEnvironment(ph)) {
            values.insert(var, *v);
            continue;
        }
        if (!secrets) {
            secrets = std::make_unique<TokenStore>();
            secrets->setTimeout(5000);
        }
        QString stored;
        CliLoop loop;
        secrets->read(TokenStore::placeholderKey(ph.id()), secrets.get(),
                      [&](const QString &value, const QString &) {
                          stored = value;
                          loop.quit();
                      });
        loop.exec();
        if (!stored.isEmpty()) {
            values.insert(var, stored);
            continue;
        }
        if (const auto typed =
                promptHidden(ctx, QStringLiteral("value for %1 (%2): ").arg(ph.text, var)))
            values.insert(var, *typed);
    }
    return values;
}

} // namespace uis::cli

// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"

namespace uis::cli {

QString ArgParser::parse(const QStringList &args)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            m_positional.append(a);
            continue;
        }
        QString name = a.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        if (m_flags.contains(name)) {
            if (inlineValue)
                return QStringLiteral("option --%1 takes no value").arg(name);
            m_values.insert(name, QStringLiteral("1"));
        } else if (m_options.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size())
                    return QStringLiteral("option --%1 needs a value").arg(name);
                value = args[++i];
            }
            m_values.insert(name, value);
        } else {
            return QStringLiteral("unknown option --%1").arg(name);
        }
    }
    return QString();
}

std::optional<int> ArgParser::parseCommand(const QStringList &args, CliContext &ctx,
                                           const char *command, const QString &help)
{
    if (const QString e = parse(args); !e.isEmpty()) {
        ctx.err << "uisctl " << command << ": " << e << "\n" << help;
        return ExitUsage;
    }
    if (isSet(QStringLiteral("help"))) {
        ctx.out << help;
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace uis::cli

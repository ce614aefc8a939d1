// SPDX-License-Identifier: Apache-2.0
#include "placeholder.h"

#include <QSet>

namespace uis {

namespace {

bool isNameChar(QChar c, bool first)
{
    if (c == u'_' || (c.unicode() < 128 && c.isLetter()))
        return true;
    if (first)
        return false;
    return (c.unicode() < 128 && c.isDigit()) || c == u'-' || c == u'.';
}

bool validName(QStringView s, bool allowDots)
{
    if (s.isEmpty() || !isNameChar(s.front(), true))
        return false;
    for (QChar c : s) {
        if (!isNameChar(c, false) || (!allowDots && (c == u'.' || c == u'-')))
            return false;
    }
    return true;
}

bool validSecretPart(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!(c.unicode() < 128 &&
              (c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u'/')))
            return false;
    }
    return true;
}

/// Where a node is: its parent's step and its key or index. The JSON pointer is spelled out
/// only for a node that has a placeholder or an error (most have none).
struct Step
{
    const Step *parent;
    const SourceNode *mapChild; ///< the child of a map (its key), or nullptr
    int index;                  ///< the index in a list
};

QString pointerOf(const Step *s)
{
    if (!s)
        return QString();
    const QString base = pointerOf(s->parent);
    return s->mapChild ? pointerAppend(base, s->mapChild->key()) : pointerAppend(base, s->index);
}

/// Whether `text` has a `{{`: every string of a spec is asked, most have no `{` at all, and a
/// search for one character is much cheaper than one for two.
bool hasDoubleBrace(QStringView text)
{
    for (qsizetype at = text.indexOf(u'{'); at >= 0 && at + 1 < text.size();
         at = text.indexOf(u'{', at + 1)) {
        if (text.at(at + 1) == u'{')
            return true;
    }
    return false;
}

void scanNode(const SourceNode &n, const Step *step, QList<Placeholder> &out,
              QList<PlaceholderError> *errors)
{
    if (n.isString()) {
        // scan() finds nothing and reports nothing without a `{{`.
        if (!hasDoubleBrace(n.text()))
            return;
        QList<PlaceholderError> errs;
        QList<Placeholder> found = PlaceholderScanner::scan(n.text(), errors ? &errs : nullptr);
        if (found.isEmpty() && errs.isEmpty())
            return;
        const QString ptr = pointerOf(step);
        for (Placeholder &p : found) {
            p.pointer = ptr;
            out.append(p);
        }
        for (PlaceholderError &e : errs) {
            e.pointer = ptr;
            errors->append(e);
        }
        return;
    }
    const bool map = n.isMap();
    int i = 0;
    for (const SourceNode &c : n.children()) {
        const Step child{step, map ? &c : nullptr, i};
        scanNode(c, &child, out, errors);
        ++i;
    }
}

} // namespace

QString Placeholder::id() const
{
    switch (kind) {
    case Kind::Env:
        return QStringLiteral("env.") + name;
    case Kind::Secret:
        return QStringLiteral("secret.") + name;
    case Kind::Name:
        break;
    }
    return name;
}

namespace {
/// Where the pair `cc` starts in `text` from `from`, or -1. A search for the first character
/// (SIMD in Qt), then a look at the next: a compiled script is megabytes with few braces, and
/// Qt's two-character substring search costs several times as much per character.
qsizetype findPair(QStringView text, char16_t c, qsizetype from)
{
    while (true) {
        const qsizetype i = text.indexOf(QChar(c), from);
        if (i < 0 || i + 1 >= text.size())
            return -1;
        if (text[i + 1] == QChar(c))
            return i;
        from = i + 1;
    }
}
} // namespace

QList<Placeholder> PlaceholderScanner::scan(QStringView text, QList<PlaceholderError> *errors)
{
    QList<Placeholder> out;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = findPair(text, u'{', from);
        if (open < 0)
            break;
        const qsizetype close = findPair(text, u'}', open + 2);
        if (close < 0) {
            if (errors)
                errors->append({QStringLiteral("`{{` is never closed with `}}`"), open, {}});
            break;
        }
        const QStringView inner = text.mid(open + 2, close - open - 2).trimmed();
        Placeholder p;
        p.text = text.mid(open, close - open + 2).toString();
        p.offset = open;
        bool ok = false;
        if (inner.startsWith(u"env.")) {
            p.kind = Placeholder::Kind::Env;
            p.name = inner.mid(4).toString();
            ok = validName(p.name, false);
        } else if (inner.startsWith(u"secret.")) {
            p.kind = Placeholder::Kind::Secret;
            const QStringView rest = inner.mid(7);
            const qsizetype colon = rest.indexOf(u':');
            if (colon > 0) {
                p.scope = rest.left(colon).toString();
                p.key = rest.mid(colon + 1).toString();
                p.name = rest.toString();
                ok = validSecretPart(p.scope) && validSecretPart(p.key);
            }
        } else {
            p.kind = Placeholder::Kind::Name;
            p.name = inner.toString();
            ok = validName(p.name, true);
        }
        if (ok) {
            out.append(p);
        } else if (errors) {
            errors->append({QStringLiteral("`%1` is not a placeholder; write `{{name}}`, "
                                           "`{{env.NAME}}` or `{{secret.SCOPE:KEY}}`")
                                .arg(p.text),
                            open,
                            {}});
        }
        from = close + 2;
    }
    return out;
}

QList<Placeholder> PlaceholderScanner::scanTree(const SourceNode &root,
                                                QList<PlaceholderError> *errors)
{
    QList<Placeholder> out;
    scanNode(root, nullptr, out, errors);
    return out;
}

QList<Placeholder> PlaceholderScanner::unique(const QList<Placeholder> &all)
{
    QList<Placeholder> out;
    QSet<QString> seen;
    for (const Placeholder &p : all) {
        if (!seen.contains(p.id())) {
            seen.insert(p.id());
            out.append(p);
        }
    }
    return out;
}

bool PlaceholderScanner::contains(QStringView text)
{
    return hasDoubleBrace(text) && !scan(text).isEmpty();
}

QString PlaceholderResolver::resolve(QStringView text, const Lookup &lookup, QStringList *missing)
{
    const QList<Placeholder> found = PlaceholderScanner::scan(text);
    if (found.isEmpty())
        return text.toString();
    QString out;
    qsizetype pos = 0;
    for (const Placeholder &p : found) {
        out += text.mid(pos, p.offset - pos);
        if (std::optional<QString> v = lookup(p)) {
            out += *v;
        } else {
            out += p.text;
            if (missing && !missing->contains(p.id()))
                missing->append(p.id());
        }
        pos = p.offset + p.text.size();
    }
    out += text.mid(pos);
    return out;
}

SourceNode PlaceholderResolver::resolveTree(const SourceNode &root, const Lookup &lookup,
                                            QStringList *missing)
{
    SourceNode copy = root;
    std::function<void(SourceNode &)> walk = [&](SourceNode &n) {
        if (n.isString()) {
            n.setText(resolve(n.text(), lookup, missing));
            return;
        }
        for (SourceNode &c : n.children())
            walk(c);
    };
    walk(copy);
    return copy;
}

QString PlaceholderResolver::secretVariable(QStringView scope, QStringView key)
{
    QString out = QStringLiteral("UIS_SECRET_");
    const QString joined = scope.toString() + QLatin1Char('_') + key.toString();
    // By code point, not UTF-16 unit, so a character outside the BMP is one `_` as in Python.
    for (const char32_t c : joined.toUcs4()) {
        const bool alnum =
            (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
        out += alnum ? QChar(char16_t(c)).toUpper() : QChar(u'_');
    }
    return out;
}

QString PlaceholderResolver::variableFor(const Placeholder &p)
{
    switch (p.kind) {
    case Placeholder::Kind::Env:
        return p.name;
    case Placeholder::Kind::Secret:
        return secretVariable(p.scope, p.key);
    case Placeholder::Kind::Name:
        break;
    }
    return p.name.toUpper();
}

std::optional<QString> PlaceholderResolver::fromEnvironment(const Placeholder &p)
{
    QByteArray var;
    switch (p.kind) {
    case Placeholder::Kind::Env:
        var = p.name.toUtf8();
        break;
    case Placeholder::Kind::Secret:
        var = secretVariable(p.scope, p.key).toUtf8();
        break;
    case Placeholder::Kind::Name:
        if (qEnvironmentVariableIsSet(p.name.toUtf8().constData()))
            return qEnvironmentVariable(p.name.toUtf8().constData());
        var = p.name.toUpper()
                  .replace(QLatin1Char('.'), QLatin1Char('_'))
                  .replace(QLatin1Char('-'), QLatin1Char('_'))
                  .toUtf8();
        break;
    }
    if (!qEnvironmentVariableIsSet(var.constData()))
        return std::nullopt;
    return qEnvironmentVariable(var.constData());
}

QString PlaceholderResolver::mask(QStringView text)
{
    return resolve(
        text, [](const Placeholder &) { return std::optional<QString>(QStringLiteral("****")); });
}

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace uis {

/// One `{{…}}` reference in a spec value.
struct Placeholder
{
    enum class Kind { Name, Env, Secret };
    Kind kind = Kind::Name;
    QString text;  ///< the whole `{{…}}` as written
    QString name;  ///< Name: the name; Env: the variable; Secret: `SCOPE:KEY`
    QString scope; ///< Secret only
    QString key;   ///< Secret only
    qsizetype offset = 0;
    QString pointer; ///< where it was found, when scanned from a tree

    /// A stable id for prompts and keychain entries: `name`, `env.NAME`, `secret.SCOPE:KEY`.
    QString id() const;
    bool operator==(const Placeholder &o) const { return kind == o.kind && name == o.name; }
};

/// A `{{` that does not form a valid placeholder.
struct PlaceholderError
{
    QString message;
    qsizetype offset = 0;
    QString pointer;
};

/// Finds `{{name}}`, `{{env.NAME}}` and `{{secret.SCOPE:KEY}}` in text and in whole trees.
class PlaceholderScanner
{
public:
    static QList<Placeholder> scan(QStringView text, QList<PlaceholderError> *errors = nullptr);
    /// Every placeholder in every string value (and key) of the tree, with JSON Pointers.
    static QList<Placeholder> scanTree(const SourceNode &root,
                                       QList<PlaceholderError> *errors = nullptr);
    /// The distinct placeholders (by id), in first-seen order.
    static QList<Placeholder> unique(const QList<Placeholder> &all);
    static bool contains(QStringView text);
};

/**
 * Substitutes placeholders at submit time. The lookup returns the value for a placeholder or
 * nullopt; unresolved ones stay verbatim and are listed in `missing`.
 */
class PlaceholderResolver
{
public:
    using Lookup = std::function<std::optional<QString>(const Placeholder &)>;

    static QString resolve(QStringView text, const Lookup &lookup, QStringList *missing = nullptr);
    static SourceNode resolveTree(const SourceNode &root, const Lookup &lookup,
                                  QStringList *missing = nullptr);
    /// Looks `{{env.NAME}}` up in the process environment, `{{name}}` in env `NAME` (as written,
    /// then upper-cased) and `{{secret.S:K}}` in env `UIS_SECRET_S_K`.
    static std::optional<QString> fromEnvironment(const Placeholder &p);
    /// The same text with every placeholder's value replaced by `****` (for confirmation views).
    static QString mask(QStringView text);
};

} // namespace uis

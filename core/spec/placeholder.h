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
    /**
     * The secret-to-variable rule: the environment variable a runner reads the value of
     * `{{secret.SCOPE:KEY}}` from. dcp-local hands resolved values to a job in exactly these
     * variables, and the Python runners (`runners/`) must compute the same name.
     *
     * - SCOPE is the text between `secret.` and the first `:`, KEY everything after that `:`
     *   (the placeholder is trimmed of spaces inside the braces first).
     * - Join them as `SCOPE + "_" + KEY`.
     * - Replace every character (every Unicode code point) that is not an ASCII letter or digit
     *   (`[^A-Za-z0-9]`) with one `_`; runs are not collapsed, nothing is trimmed.
     * - Upper-case the result (it is ASCII by now) and put `UIS_SECRET_` in front.
     *
     * Python: `"UIS_SECRET_" + re.sub(r"[^A-Za-z0-9]", "_", f"{scope}_{key}").upper()`.
     * Examples: `{{secret.reg:token}}` → `UIS_SECRET_REG_TOKEN`, `{{secret.prod-db:api.key}}`
     * → `UIS_SECRET_PROD_DB_API_KEY`, `{{secret.team/a:b__c}}` → `UIS_SECRET_TEAM_A_B__C`.
     */
    static QString secretVariable(QStringView scope, QStringView key);
    /**
     * The environment variable a runner reads a placeholder's value from: `{{env.X}}` → `X`
     * as written, `{{name}}` → the name upper-cased (`{{api_key}}` → `API_KEY`, dots and dashes
     * kept), `{{secret.S:K}}` → secretVariable().
     */
    static QString variableFor(const Placeholder &p);
    /// Looks `{{env.NAME}}` up in the process environment, `{{name}}` in env `NAME` (as written,
    /// then upper-cased with `.` and `-` as `_`) and `{{secret.S:K}}` in secretVariable().
    static std::optional<QString> fromEnvironment(const Placeholder &p);
    /// The same text with every placeholder's value replaced by `****` (for confirmation views).
    static QString mask(QStringView text);
};

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis {

/**
 * Pieces of diagnostic messages shared by the format rules and the validation passes, so every
 * message quotes values, lists choices and suggests corrections the same way.
 */
class MessageText
{
public:
    /// The value in backquotes: `value`.
    static QString quoted(const QString &s);
    /// Each value quoted, joined with ", ".
    static QString listOf(const QStringList &values);
    /// "; did you mean `best`?" for the closest candidate, or "" when none is close.
    static QString didYouMean(const QString &word, const QStringList &candidates);
    /// The suggestion, or "; expected one of `a`, `b`" when there is none.
    static QString suggestionOrChoices(const QString &word, const QStringList &candidates);
    /// "a string", "an object", "empty" for a type name of SourceNode::typeName().
    static QString article(const QString &typeName);
};

} // namespace uis

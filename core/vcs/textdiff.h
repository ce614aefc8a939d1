// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace uis {

/// One line of a hunk: unchanged, removed from the old text or added in the new one.
struct DiffLine
{
    enum class Kind { Context, Removed, Added };
    Kind kind = Kind::Context;
    int oldLine = 0; ///< 1-based in the old text; 0 for added lines
    int newLine = 0; ///< 1-based in the new text; 0 for removed lines
    QString text;    ///< without the line break
};

/// A run of changes with its context, as in a unified diff.
struct DiffHunk
{
    QString header; ///< `@@ -a,b +c,d @@`
    QList<DiffLine> lines;
};

/**
 * Line diffs of two texts, computed by libgit2 (Myers, the algorithm `git diff` uses), so the
 * output matches what reviewers see in Git.
 */
class TextDiff
{
public:
    /// The hunks that turn `oldText` into `newText`; empty when they are equal.
    static QList<DiffHunk> hunks(const QByteArray &oldText, const QByteArray &newText,
                                 int context = 3);
    /// A unified diff with `--- oldLabel` / `+++ newLabel` headers; empty when equal.
    static QByteArray unified(const QByteArray &oldText, const QByteArray &newText,
                              const QString &oldLabel, const QString &newLabel, int context = 3);
    /// The changed middle of two lines (common prefix and suffix removed), for intra-line
    /// highlights: {start, length} in `a` and in `b`.
    struct Span
    {
        int start = 0;
        int length = 0;
    };
    static std::pair<Span, Span> changedSpan(const QString &a, const QString &b);
};

} // namespace uis

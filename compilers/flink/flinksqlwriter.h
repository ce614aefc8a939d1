// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis {

/**
 * Writes Flink SQL text: quoting that the Flink 1.20/2.x parser accepts, and a script made of
 * statements, comments and blank lines.
 *
 * Identifiers are always backticked (a backtick inside is doubled), string literals are
 * single-quoted with `'` doubled. Neither needs any other escaping: newlines, `;`, `--` and
 * non-ASCII text are literal inside quotes. Comments never contain a line break.
 */
class FlinkSqlWriter
{
public:
    /// A writer that keeps no text serves a compile that wants its findings only (validate):
    /// the parts run as for the script, and may skip building text that no finding depends on.
    explicit FlinkSqlWriter(bool keepText = true) : m_keepText(keepText) {}
    bool keepsText() const { return m_keepText; }

    /// `` `name` ``.
    static QString identifier(const QString &name);
    /// Appends `` `name` `` to `out` (no string of its own).
    static void appendIdentifier(QString &out, const QString &name);
    /// `` `a`.`b`.`c` `` from the given parts.
    static QString path(const QStringList &parts);
    /// `'text'`.
    static QString literal(const QString &text);
    /// `INTERVAL '5' SECOND` (also MINUTE, HOUR, DAY; `'0.5' SECOND` below a second).
    static QString interval(qint64 ms);
    /// `'key' = 'value'`.
    static QString option(const QString &key, const QString &value);

    /// Appends `-- text` (one line per line of `text`).
    void comment(const QString &text);
    /// Appends an empty line.
    void blank();
    /// Appends `SET 'key' = 'value';`.
    void set(const QString &key, const QString &value);
    /// Appends a statement; `;` and a line break are added.
    void statement(const QString &sql);
    /// `CREATE ... WITH (\n  'k' = 'v',\n  ...\n)` body helper: the options, one per line.
    static QString withClause(const QList<QPair<QString, QString>> &options);

    /// The script so far, ending with a line break.
    QString text() const;
    /// Appends text() to `out` without a copy of its own.
    void appendTo(QString &out) const;
    /// What appendTo() appends, valid while the writer lives and writes nothing more.
    QStringView textView() const;
    /// Whether text() is only whitespace.
    bool isBlank() const;
    /// The length of text(); 0 when it holds no line (text() is then one line break).
    qsizetype textSize() const;

private:
    /// Appends one line of the script.
    void line(QStringView text);

    QString m_text; ///< every line so far, each followed by a line break
    bool m_keepText = true;
};

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "textdiff.h"

#include "libgit2init.h"

#include <git2.h>

namespace uis {

QList<DiffHunk> TextDiff::hunks(const QByteArray &oldText, const QByteArray &newText, int context)
{
    QList<DiffHunk> out;
    if (oldText == newText)
        return out;
    LibGit2Init::ensure();
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.context_lines = uint32_t(std::max(0, context));
    // Specs and artifacts are text even when a value holds odd bytes; never "Binary files differ".
    opts.flags |= GIT_DIFF_FORCE_TEXT;
    git_patch *patch = nullptr;
    if (git_patch_from_buffers(&patch, oldText.constData(), size_t(oldText.size()), "a",
                               newText.constData(), size_t(newText.size()), "b", &opts) != 0)
        return out;
    const size_t hunkCount = git_patch_num_hunks(patch);
    for (size_t h = 0; h < hunkCount; ++h) {
        const git_diff_hunk *hunk = nullptr;
        size_t lineCount = 0;
        if (git_patch_get_hunk(&hunk, &lineCount, patch, h) != 0)
            continue;
        DiffHunk dh;
        dh.header = QString::fromUtf8(hunk->header, int(hunk->header_len)).trimmed();
        for (size_t l = 0; l < lineCount; ++l) {
            const git_diff_line *line = nullptr;
            if (git_patch_get_line_in_hunk(&line, patch, h, l) != 0)
                continue;
            DiffLine dl;
            switch (line->origin) {
            case GIT_DIFF_LINE_ADDITION:
                dl.kind = DiffLine::Kind::Added;
                break;
            case GIT_DIFF_LINE_DELETION:
                dl.kind = DiffLine::Kind::Removed;
                break;
            case GIT_DIFF_LINE_CONTEXT:
                dl.kind = DiffLine::Kind::Context;
                break;
            default: // "\ No newline at end of file" markers
                continue;
            }
            dl.oldLine = std::max(0, line->old_lineno);
            dl.newLine = std::max(0, line->new_lineno);
            QByteArray text(line->content, int(line->content_len));
            if (text.endsWith('\n'))
                text.chop(1);
            if (text.endsWith('\r'))
                text.chop(1);
            dl.text = QString::fromUtf8(text);
            dh.lines.append(dl);
        }
        out.append(dh);
    }
    git_patch_free(patch);
    return out;
}

QByteArray TextDiff::unified(const QByteArray &oldText, const QByteArray &newText,
                             const QString &oldLabel, const QString &newLabel, int context)
{
    const QList<DiffHunk> hs = hunks(oldText, newText, context);
    if (hs.isEmpty())
        return {};
    QByteArray out;
    out += "--- " + oldLabel.toUtf8() + '\n';
    out += "+++ " + newLabel.toUtf8() + '\n';
    for (const DiffHunk &h : hs) {
        out += h.header.toUtf8() + '\n';
        for (const DiffLine &l : h.lines) {
            out += l.kind == DiffLine::Kind::Added     ? '+'
                   : l.kind == DiffLine::Kind::Removed ? '-'
                                                       : ' ';
            out += l.text.toUtf8() + '\n';
        }
    }
    return out;
}

std::pair<TextDiff::Span, TextDiff::Span> TextDiff::changedSpan(const QString &a, const QString &b)
{
    int prefix = 0;
    const int shorter = int(std::min(a.size(), b.size()));
    while (prefix < shorter && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return {Span{prefix, int(a.size()) - prefix - suffix},
            Span{prefix, int(b.size()) - prefix - suffix}};
}

} // namespace uis

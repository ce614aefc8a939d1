// SPDX-License-Identifier: Apache-2.0
#include "sourcelines.h"

namespace uis {

int SourceLines::lineStart(int off) const
{
    while (off > 0 && m_src[off - 1] != '\n')
        --off;
    return off;
}

int SourceLines::lineEndAfter(int off) const
{
    const int nl = int(m_src.indexOf('\n', off));
    return nl < 0 ? int(m_src.size()) : nl + 1;
}

int SourceLines::column(int off) const
{
    return off - lineStart(off);
}

bool SourceLines::onlySpacesBefore(int off) const
{
    for (int i = lineStart(off); i < off; ++i) {
        if (m_src[i] != ' ')
            return false;
    }
    return true;
}

int SourceLines::lineIndent(int off) const
{
    int i = lineStart(off);
    const int s = i;
    while (i < m_src.size() && m_src[i] == ' ')
        ++i;
    return i - s;
}

int SourceLines::colonEnd(int keyOff) const
{
    int p = keyOff;
    if (p < 0 || p >= m_src.size())
        return -1;
    const char q = m_src[p];
    if (q == '"' || q == '\'') {
        for (++p; p < m_src.size(); ++p) {
            if (q == '"' && m_src[p] == '\\') {
                ++p;
                continue;
            }
            if (m_src[p] == q) {
                if (q == '\'' && p + 1 < m_src.size() && m_src[p + 1] == '\'') {
                    ++p;
                    continue;
                }
                ++p;
                break;
            }
        }
    }
    for (; p < m_src.size(); ++p) {
        if (m_src[p] == '\n')
            return -1;
        if (m_src[p] == ':' &&
            (p + 1 >= m_src.size() || m_src[p + 1] == ' ' || m_src[p + 1] == '\n' ||
             m_src[p + 1] == '\r' || q == '"' || q == '\'' || m_json))
            return p + 1;
    }
    return -1;
}

int SourceLines::dashOf(const SourceNode &item) const
{
    int p = item.beginOffset() - 1;
    while (p >= 0 && m_src[p] == ' ')
        --p;
    return p >= 0 && m_src[p] == '-' ? p : -1;
}

int SourceLines::pastOwnComments(int at, int col) const
{
    int end = at;
    for (int pos = at; pos < m_src.size();) {
        const int next = lineEndAfter(pos);
        int i = pos;
        while (i < next && m_src[i] == ' ')
            ++i;
        if (i < next && m_src[i] == '#') {
            if (i - pos <= col)
                break;
            end = next;
        } else if (i < next && m_src[i] != '\n' && m_src[i] != '\r') {
            break;
        }
        pos = next;
    }
    return end;
}

} // namespace uis

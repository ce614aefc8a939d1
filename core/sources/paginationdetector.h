// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pagewalker.h"
#include "samplepage.h"

#include <QList>
#include <QString>

namespace uis {

/**
 * Finds how a REST endpoint pages, from its responses. Page 1 gives the candidates, most
 * specific first:
 *
 * | style         | seen on page 1                                                          |
 * |---------------|-------------------------------------------------------------------------|
 * | `link_header` | a `Link` header with `rel="next"`                                       |
 * | `cursor`      | a non-empty cursor field the runner reads (PageWalker::cursorFields()): |
 * |               | a next link (absolute, or relative starting with `/`) or a token       |
 * | `page`        | `page`, `current_page`, `page_number` (or a total of pages) in the body |
 * |               | (top level or one object down), or a `page` query parameter             |
 * | `offset`      | `offset` in the body (top level or one object down) or the query        |
 *
 * A candidate is only a guess until confirm() has seen page 2 fetched the way the runner
 * would fetch it (PageWalker): it must answer 2xx with records that differ from page 1's.
 * A body without any of these hints yields no candidate, so an API that does not paginate gets
 * no proposal.
 */
class PaginationDetector
{
public:
    /// Candidates from page 1 (the plain request), each with its field and page-1 value.
    static QList<PaginationProposal> candidates(const SamplePage &page1,
                                                const PageWalker::Params &params);
    /// A candidate for `style` whatever page 1 shows (to check a declared style).
    static PaginationProposal forStyle(const QString &style, const SamplePage &page1,
                                       const PageWalker::Params &params);
    /**
     * Checks `p` against the runner's first two pages of it: fills page2Value, confirmed and
     * note. `page2` may be null when the runner would stop after page 1 (`stopNote` says why).
     */
    static void confirm(PaginationProposal *p, const SamplePage &page1, const SamplePage *page2,
                        const QString &stopNote = {});
    /// `cursor (next_url: "…" on page 1, "…" on page 2)`, for output and logs.
    static QString evidence(const PaginationProposal &p);
};

} // namespace uis

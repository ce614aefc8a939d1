// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "samplepage.h"

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace uis {

/**
 * The requests the Spark runner sends for one `pagination` style, one page after another
 * (runners/uis_runners/spark/rest_fetch.py, `fetch_rest`), so that what a sample follows, and
 * what the detector confirms, is what a job will do:
 *
 * - `none`: one request.
 * - `cursor`: the first non-empty of cursorFields() in the body; an absolute URL is followed as
 *   is, one starting with `/` is resolved against the endpoint's URL, anything else is sent as
 *   `?cursor=`. Stops at a page without records or without a cursor.
 * - `offset`: `limit` (the endpoint's `limit` query parameter, else 100) and `offset` from 0,
 *   advanced by each page's record count; stops at a page shorter than the limit.
 * - `page`: `page` from 1; stops at an empty page.
 * - `link_header`: RFC 8288 `Link: <url>; rel="next"`, resolved against the request.
 */
class PageWalker
{
public:
    using Params = QList<QPair<QString, QString>>;

    /// `endpointUrl` is base_url + path; `params` the endpoint's query parameters (resolved).
    PageWalker(const QString &style, const QUrl &endpointUrl, const Params &params);

    /// The fields the runner takes a cursor or next link from, in its order.
    static const QStringList &cursorFields();
    /// The first non-empty cursor field of a body, with its name; "" when there is none.
    static QString cursorValue(const QJsonValue &body, QString *field = nullptr);
    /// The `rel="next"` target of a Link header, resolved against `base`; empty when none.
    static QUrl linkNext(const QByteArray &header, const QUrl &base);
    /// Whether the style is one this walker knows (`none`, `cursor`, …).
    static bool knownStyle(const QString &style);

    QString style() const { return m_style; }
    /// The limit an `offset` walk sends.
    int pageSize() const { return m_pageSize; }

    /// The first request.
    QUrl first();
    /// The request after `page` (which answered the previous one), or an empty URL where the
    /// runner would stop.
    QUrl next(const SamplePage &page);

private:
    QUrl build(const Params &extra) const;

    QString m_style;
    QUrl m_url;
    Params m_params;
    int m_pageSize = 100;
    qint64 m_offset = 0;
    int m_page = 1;
};

} // namespace uis

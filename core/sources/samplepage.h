// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace uis {

/// One response of a sampled REST endpoint: what the Sample view and `uisctl sample` show.
struct SamplePage
{
    int number = 0;     ///< 1-based, in the order fetched
    QString purpose;    ///< "" for the endpoint's own pages, else e.g. "confirm cursor"
    QUrl url;           ///< as requested, placeholders resolved: never print it
    QString displayUrl; ///< the same request with placeholders as written (safe to log)
    int status = 0;     ///< HTTP status, 0 when there was no answer
    QList<QPair<QByteArray, QByteArray>> headers; ///< response headers
    qint64 elapsedMs = 0;
    QByteArray body; ///< at most the sampler's byte bound
    bool truncated = false;
    QJsonValue json;    ///< the body parsed, Undefined when it is not JSON
    QJsonArray records; ///< after `response_path`
    QString error;      ///< why the page failed, "" when it did not

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool ok() const { return error.isEmpty() && status / 100 == 2; }
};

/// A pagination style found in the responses, with the evidence for it.
struct PaginationProposal
{
    QString style;      ///< the spec's value: cursor, offset, page or link_header
    QString field;      ///< where it was seen: `next_url`, `Link header`, `offset`, `page`, …
    QString page1Value; ///< the field's value on page 1
    QString page2Value; ///< on page 2, once fetched
    QUrl page2Url;      ///< the request for page 2, as the runner would send it
    bool confirmed = false;
    QString note; ///< why it was not confirmed, or what to add to the spec
};

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "pagewalker.h"

#include "jsonrecords.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace uis {

namespace {

QString paramValue(const PageWalker::Params &params, const QString &key)
{
    for (const auto &kv : params) {
        if (kv.first == key)
            return kv.second;
    }
    return {};
}

void setParam(PageWalker::Params &params, const QString &key, const QString &value)
{
    for (auto &kv : params) {
        if (kv.first == key) {
            kv.second = value;
            return;
        }
    }
    params.append({key, value});
}

} // namespace

PageWalker::PageWalker(const QString &style, const QUrl &endpointUrl, const Params &params)
    : m_style(style.isEmpty() ? QStringLiteral("none") : style.toLower()), m_url(endpointUrl),
      m_params(params)
{
    if (m_style == QLatin1String("link"))
        m_style = QStringLiteral("link_header");
    if (m_style == QLatin1String("offset")) {
        bool ok = false;
        const int limit = paramValue(m_params, QStringLiteral("limit")).toInt(&ok);
        m_pageSize = ok && limit > 0 ? limit : 100;
        setParam(m_params, QStringLiteral("limit"), QString::number(m_pageSize));
    }
}

const QStringList &PageWalker::cursorFields()
{
    // rest_fetch.py CURSOR_FIELDS, in its order.
    static const QStringList fields{
        QStringLiteral("next_url"),         QStringLiteral("next"),
        QStringLiteral("next_page_url"),    QStringLiteral("nextPageUrl"),
        QStringLiteral("next_cursor"),      QStringLiteral("nextCursor"),
        QStringLiteral("cursor"),           QStringLiteral("links.next"),
        QStringLiteral("meta.next_cursor"), QStringLiteral("pagination.next_cursor"),
        QStringLiteral("paging.next"),      QStringLiteral("response_metadata.next_cursor")};
    return fields;
}

QString PageWalker::cursorValue(const QJsonValue &body, QString *field)
{
    for (const QString &f : cursorFields()) {
        const QJsonValue v = JsonRecords::dotted(body, f);
        // Python's `v not in (None, "", False)`: 0 counts as False too.
        if (v.isUndefined() || v.isNull() || v.isObject() || v.isArray() ||
            (v.isBool() && !v.toBool()) || (v.isString() && v.toString().isEmpty()) ||
            (v.isDouble() && v.toDouble() == 0))
            continue;
        if (field)
            *field = f;
        if (v.isString())
            return v.toString();
        if (v.isBool())
            return QStringLiteral("True");
        return v.toVariant().toString();
    }
    return {};
}

QUrl PageWalker::linkNext(const QByteArray &header, const QUrl &base)
{
    static const QRegularExpression part(QStringLiteral(R"(^\s*<([^>]*)>\s*;(.*)$)"));
    static const QRegularExpression rel(QStringLiteral(R"re(rel\s*=\s*"?next"?)re"));
    for (const QString &p : QString::fromUtf8(header).split(QLatin1Char(','))) {
        const auto m = part.match(p);
        if (m.hasMatch() && rel.match(m.captured(2)).hasMatch())
            return base.resolved(QUrl(m.captured(1)));
    }
    return {};
}

bool PageWalker::knownStyle(const QString &style)
{
    static const QStringList known{QStringLiteral("none"),        QStringLiteral("cursor"),
                                   QStringLiteral("offset"),      QStringLiteral("page"),
                                   QStringLiteral("link_header"), QStringLiteral("link")};
    return style.isEmpty() || known.contains(style.toLower());
}

QUrl PageWalker::build(const Params &extra) const
{
    QUrl u = m_url;
    QUrlQuery q(u);
    for (const auto &kv : m_params)
        q.addQueryItem(kv.first, kv.second);
    for (const auto &kv : extra)
        q.addQueryItem(kv.first, kv.second);
    u.setQuery(q);
    return u;
}

QUrl PageWalker::first()
{
    if (m_style == QLatin1String("offset"))
        return build({{QStringLiteral("offset"), QString::number(m_offset)}});
    if (m_style == QLatin1String("page"))
        return build({{QStringLiteral("page"), QString::number(m_page)}});
    return build({});
}

QUrl PageWalker::next(const SamplePage &page)
{
    const qsizetype n = page.records.size();
    if (m_style == QLatin1String("cursor")) {
        const QString next = cursorValue(page.json);
        if (next.isEmpty() || n == 0)
            return {};
        static const QRegularExpression absolute(QStringLiteral("^https?://"));
        if (absolute.match(next).hasMatch())
            return QUrl(next);
        if (next.startsWith(QLatin1Char('/')))
            return m_url.resolved(QUrl(next));
        setParam(m_params, QStringLiteral("cursor"), next);
        return build({});
    }
    if (m_style == QLatin1String("offset")) {
        if (n < m_pageSize)
            return {};
        m_offset += n;
        return build({{QStringLiteral("offset"), QString::number(m_offset)}});
    }
    if (m_style == QLatin1String("page")) {
        if (n == 0)
            return {};
        ++m_page;
        return build({{QStringLiteral("page"), QString::number(m_page)}});
    }
    if (m_style == QLatin1String("link_header"))
        return linkNext(page.header("link"), page.url);
    return {};
}

} // namespace uis

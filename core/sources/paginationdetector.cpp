// SPDX-License-Identifier: Apache-2.0
#include "paginationdetector.h"

#include "jsonrecords.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace uis {

namespace {

const QStringList &pageKeys()
{
    static const QStringList keys{QStringLiteral("page"),        QStringLiteral("current_page"),
                                  QStringLiteral("currentPage"), QStringLiteral("page_number"),
                                  QStringLiteral("pageNumber"),  QStringLiteral("total_pages"),
                                  QStringLiteral("totalPages"),  QStringLiteral("last_page")};
    return keys;
}

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isUndefined())
        return {};
    if (v.isDouble() || v.isBool() || v.isNull())
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// The path of the first of `keys` in the body, at the top or one object down ("meta.page").
QString findKey(const QJsonValue &body, const QStringList &keys)
{
    if (!body.isObject())
        return {};
    const QJsonObject o = body.toObject();
    for (const QString &k : keys) {
        if (o.contains(k) && !o.value(k).isObject() && !o.value(k).isArray())
            return k;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isObject())
            continue;
        const QJsonObject inner = it.value().toObject();
        for (const QString &k : keys) {
            if (inner.contains(k) && !inner.value(k).isObject() && !inner.value(k).isArray())
                return it.key() + QLatin1Char('.') + k;
        }
    }
    return {};
}

bool hasParam(const PageWalker::Params &params, const QString &key)
{
    for (const auto &kv : params) {
        if (kv.first == key)
            return true;
    }
    return false;
}

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

// The evidence field of a body-or-query style on a page: the body field if it has one.
QString valueOn(const PaginationProposal &p, const SamplePage &page)
{
    if (p.style == QLatin1String("link_header"))
        return PageWalker::linkNext(page.header("link"), page.url).toString();
    if (p.style == QLatin1String("cursor"))
        return PageWalker::cursorValue(page.json);
    if (p.field.startsWith(QLatin1Char('?')))
        return queryValue(page.url, p.field.mid(1));
    return scalarText(JsonRecords::dotted(page.json, p.field));
}

} // namespace

QList<PaginationProposal> PaginationDetector::candidates(const SamplePage &page1,
                                                         const PageWalker::Params &params)
{
    QList<PaginationProposal> out;
    if (!page1.ok())
        return out;
    if (const QUrl next = PageWalker::linkNext(page1.header("link"), page1.url); next.isValid()) {
        PaginationProposal p;
        p.style = QStringLiteral("link_header");
        p.field = QStringLiteral("Link header");
        p.page1Value = next.toString();
        out.append(p);
    }
    QString cursorField;
    if (const QString c = PageWalker::cursorValue(page1.json, &cursorField); !c.isEmpty()) {
        PaginationProposal p;
        p.style = QStringLiteral("cursor");
        p.field = cursorField;
        p.page1Value = c;
        out.append(p);
    }
    const QString pageField = findKey(page1.json, pageKeys());
    if (!pageField.isEmpty() || hasParam(params, QStringLiteral("page")))
        out.append(forStyle(QStringLiteral("page"), page1, params));
    const QString offsetField = findKey(page1.json, {QStringLiteral("offset")});
    if (!offsetField.isEmpty() || hasParam(params, QStringLiteral("offset")))
        out.append(forStyle(QStringLiteral("offset"), page1, params));
    return out;
}

PaginationProposal PaginationDetector::forStyle(const QString &style, const SamplePage &page1,
                                                const PageWalker::Params &)
{
    PaginationProposal p;
    p.style = style == QLatin1String("link") ? QStringLiteral("link_header") : style;
    if (p.style == QLatin1String("link_header")) {
        p.field = QStringLiteral("Link header");
    } else if (p.style == QLatin1String("cursor")) {
        QString field;
        PageWalker::cursorValue(page1.json, &field);
        p.field = field.isEmpty() ? PageWalker::cursorFields().first() : field;
    } else if (p.style == QLatin1String("page")) {
        const QString f = findKey(page1.json, pageKeys().mid(0, 5));
        p.field = f.isEmpty() ? QStringLiteral("?page") : f;
    } else if (p.style == QLatin1String("offset")) {
        const QString f = findKey(page1.json, {QStringLiteral("offset")});
        p.field = f.isEmpty() ? QStringLiteral("?offset") : f;
    }
    p.page1Value = valueOn(p, page1);
    return p;
}

void PaginationDetector::confirm(PaginationProposal *p, const SamplePage &page1,
                                 const SamplePage *page2, const QString &stopNote)
{
    p->confirmed = false;
    if (p->field.startsWith(QLatin1Char('?')) || p->page1Value.isEmpty())
        p->page1Value = valueOn(*p, page1);
    if (!page2) {
        p->note =
            stopNote.isEmpty() ? QStringLiteral("the runner would stop after page 1") : stopNote;
        return;
    }
    p->page2Url = page2->url;
    p->page2Value = valueOn(*p, *page2);
    if (!page2->error.isEmpty()) {
        p->note = QStringLiteral("page 2 failed: %1").arg(page2->error);
        return;
    }
    if (!page2->ok()) {
        p->note = QStringLiteral("page 2 answered HTTP %1").arg(page2->status);
        return;
    }
    if (page2->records.isEmpty()) {
        p->note = QStringLiteral("page 2 has no records");
        return;
    }
    if (page2->records == page1.records) {
        p->note = QStringLiteral("page 2 returned the same records as page 1: the API ignores "
                                 "this way of asking for the next page");
        return;
    }
    p->confirmed = true;
    p->note.clear();
}

QString PaginationDetector::evidence(const PaginationProposal &p)
{
    QString s = QStringLiteral("%1 (%2: \"%3\" on page 1").arg(p.style, p.field, p.page1Value);
    if (!p.page2Url.isEmpty())
        s += QStringLiteral(", \"%1\" on page 2").arg(p.page2Value);
    s += QLatin1Char(')');
    if (!p.note.isEmpty())
        s += QStringLiteral(": ") + p.note;
    return s;
}

} // namespace uis

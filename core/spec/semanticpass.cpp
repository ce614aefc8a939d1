// SPDX-License-Identifier: Apache-2.0
#include "semanticpass.h"

#include "formatrules.h"
#include "messagetext.h"
#include "placeholder.h"
#include "specschema.h"
#include "validationcontext.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <string_view>

namespace uis {

namespace {

using M = MessageText;
const QString kRequired = QStringLiteral("UIS-E-REQUIRED");
const QString kRange = QStringLiteral("UIS-E-RANGE");

bool isSecretKey(QStringView key)
{
    // Every key of the spec is asked: fold case and `-` into a stack buffer, no allocation.
    QVarLengthArray<char16_t, 64> buf(key.size());
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t c = key[i].unicode();
        buf[i] = c == u'-' ? u'_' : (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
    }
    // std::u16string_view searches inline; QStringView::contains calls out for each word.
    const std::u16string_view k(buf.constData(), size_t(buf.size()));
    if (k == u"secret_header")
        return false; // its value names a header, it is not a secret
    auto has = [&](std::u16string_view word) { return k.find(word) != k.npos; };
    return k == u"authorization" || has(u"password") || has(u"secret") || has(u"token") ||
           has(u"api_key") || has(u"apikey");
}

QString typeOf(const SourceNode &n)
{
    const SourceNode *t = n.find(u"type");
    return t ? t->text() : QString();
}

} // namespace

SemanticPass::SemanticPass(ValidationContext &context) : m_ctx(context) {}

void SemanticPass::run()
{
    checkProvider();
    checkSecretsAndPlaceholders();
}

void SemanticPass::checkProvider()
{
    const SourceNode *p = m_ctx.root().find(u"provider");
    if (!p || !p->isMap())
        return;
    const QString ptr = QStringLiteral("/provider");
    const QString &providerType = m_ctx.providerType();
    // mode ↔ provider_type
    const SourceNode *mode = p->find(u"mode");
    if (mode && mode->isString() && SpecSchema::modes().contains(mode->text()) &&
        SpecSchema::providerTypes().contains(providerType)) {
        const QStringList allowed = SpecSchema::modesFor(providerType);
        if (!allowed.contains(mode->text()))
            m_ctx.error(QStringLiteral("UIS-E-MODE-PROVIDER"),
                        QStringLiteral("mode `%1` does not fit provider_type `%2`; use %3")
                            .arg(mode->text(), providerType, M::listOf(allowed)),
                        ptr + QStringLiteral("/mode"), mode->pos());
    }
    // base_url where the type needs one
    if ((providerType == QLatin1String("rest_api") || providerType == QLatin1String("websocket") ||
         providerType == QLatin1String("file_ftp")) &&
        !p->find(u"base_url"))
        m_ctx.error(kRequired,
                    QStringLiteral("provider_type `%1` needs a `base_url`").arg(providerType),
                    ptr + QStringLiteral("/base_url"), p->pos());
    // schedule: exactly one
    if (const SourceNode *s = p->find(u"schedule"); s && s->isMap()) {
        const bool ti = s->find(u"trigger_interval"), cron = s->find(u"cron");
        if (ti == cron)
            m_ctx.error(QStringLiteral("UIS-E-SCHEDULE"),
                        ti ? QStringLiteral("schedule has both `trigger_interval` and `cron`; "
                                            "keep one")
                           : QStringLiteral("schedule needs `trigger_interval` or `cron`"),
                        ptr + QStringLiteral("/schedule"), s->pos());
    }
    checkConfig(*p);
    checkEndpoints(*p);
    checkTransforms(*p);
    checkSinks(*p);
}

void SemanticPass::checkConfig(const SourceNode &p)
{
    const SourceNode *cfg = p.find(u"config");
    if (!cfg || !cfg->isMap())
        return;
    QStringList names;
    for (const auto &k : SpecSchema::configKeys())
        names.append(k.first);
    for (const SourceNode &c : cfg->children()) {
        const QString ptr = pointerAppend(QStringLiteral("/provider/config"), c.key());
        const QString &k = c.key();
        if (!names.contains(k)) {
            if (!k.contains(QLatin1Char('.')))
                m_ctx.warning(QStringLiteral("UIS-W-UNKNOWN-KEY"),
                              QStringLiteral("unknown config key `%1`%2; keys with a dot "
                                             "(`spark.…`, `taskmanager.…`) pass through as "
                                             "engine conf")
                                  .arg(k, M::didYouMean(k, names)),
                              ptr, c.keyPos());
            continue;
        }
        if (c.isScalar()) // otherwise the type error is already reported
            m_ctx.report(FormatRules::configValueProblem(k, c.text()), ptr, c.pos());
    }
}

void SemanticPass::checkEndpoints(const SourceNode &p)
{
    const SourceNode *eps = p.find(u"endpoints");
    if (!eps || !eps->isList())
        return;
    const QString &providerType = m_ctx.providerType();
    int i = 0;
    for (const SourceNode &e : eps->children()) {
        const QString ptr = pointerAppend(QStringLiteral("/provider/endpoints"), i++);
        if (!e.isMap())
            continue;
        checkMappingTargets(e, u"field_mapping", ptr);
        checkSchemaNames(e, ptr);
        if (providerType == QLatin1String("rest_api")) {
            const SourceNode *body = e.find(u"body");
            const SourceNode *method = e.find(u"method");
            if (body && !body->isNull() && !(method && method->text() == QLatin1String("POST")))
                m_ctx.error(QStringLiteral("UIS-E-BODY-METHOD"),
                            QStringLiteral("a `body` is sent only with `method: POST`"),
                            ptr + QStringLiteral("/body"), body->pos());
        }
        if (providerType == QLatin1String("database")) {
            const SourceNode *conn = e.find(u"connector");
            if (conn && conn->text() == QLatin1String("postgres-cdc") && !e.find(u"slot_name"))
                m_ctx.error(kRequired,
                            QStringLiteral("postgres-cdc needs a `slot_name` (the replication "
                                           "slot)"),
                            ptr + QStringLiteral("/slot_name"), e.pos());
        }
    }
    if (providerType == QLatin1String("kafka") &&
        m_ctx.textAt(u"/provider/config/kafka_bootstrap_servers").isEmpty())
        m_ctx.error(kRequired,
                    QStringLiteral("kafka providers need `config.kafka_bootstrap_servers` "
                                   "(host:port,…)"),
                    QStringLiteral("/provider/config/kafka_bootstrap_servers"),
                    m_ctx.posOf(QStringLiteral("/provider/config")));
}

void SemanticPass::checkMappingTargets(const SourceNode &obj, QStringView key, const QString &ptr)
{
    const SourceNode *m = obj.find(key);
    if (!m || !m->isMap())
        return;
    QHash<QString, QString> seen;
    for (const SourceNode &c : m->children()) {
        if (!c.isScalar())
            continue;
        if (seen.contains(c.text())) {
            m_ctx.error(QStringLiteral("UIS-E-MAPPING-CONFLICT"),
                        QStringLiteral("`%1` and `%2` both map to `%3`; a target can have one "
                                       "source")
                            .arg(seen.value(c.text()), c.key(), c.text()),
                        pointerAppend(pointerAppend(ptr, key), c.key()), c.pos());
        } else {
            seen.insert(c.text(), c.key());
        }
    }
}

void SemanticPass::checkSchemaNames(const SourceNode &obj, const QString &ptr)
{
    const SourceNode *s = obj.find(u"schema");
    if (!s || !s->isList())
        return;
    QSet<QString> seen;
    int i = 0;
    for (const SourceNode &f : s->children()) {
        const SourceNode *n = f.find(u"name");
        const QString fptr = pointerAppend(ptr + QStringLiteral("/schema"), i++);
        if (!n || !n->isString())
            continue;
        if (seen.contains(n->text()))
            m_ctx.error(
                QStringLiteral("UIS-E-DUPLICATE-NAME"),
                QStringLiteral("column `%1` is declared twice in the schema").arg(n->text()),
                fptr + QStringLiteral("/name"), n->pos());
        seen.insert(n->text());
    }
}

void SemanticPass::checkTransforms(const SourceNode &p)
{
    const SourceNode *ts = p.find(u"transforms");
    if (!ts || !ts->isList())
        return;
    int i = 0;
    for (const SourceNode &t : ts->children()) {
        const QString ptr = pointerAppend(QStringLiteral("/provider/transforms"), i++);
        if (!t.isMap())
            continue;
        const QString type = typeOf(t);
        if (type == QLatin1String("field_mapping"))
            checkMappingTargets(t, u"mapping", ptr);
        if (type == QLatin1String("schema_validation"))
            checkSchemaNames(t, ptr);
        if (type == QLatin1String("window_aggregate")) {
            const SourceNode *w = t.find(u"window");
            const SourceNode *s = t.find(u"slide");
            const auto wMs = w ? FormatRules::durationMs(w->text()) : std::nullopt;
            const auto sMs = s ? FormatRules::durationMs(s->text()) : std::nullopt;
            if (wMs && sMs && *sMs > *wMs)
                m_ctx.error(QStringLiteral("UIS-E-WINDOW"),
                            QStringLiteral("slide `%1` is longer than window `%2`; rows would "
                                           "fall between windows")
                                .arg(s->text(), w->text()),
                            ptr + QStringLiteral("/slide"), s->pos());
            if (const SourceNode *a = t.find(u"aggregates"); a && a->isMap() && a->size() == 0)
                m_ctx.error(kRequired,
                            QStringLiteral("`aggregates` needs at least one `output: expression`"),
                            ptr + QStringLiteral("/aggregates"), a->pos());
        }
        if (type == QLatin1String("dedupe")) {
            if (const SourceNode *k = t.find(u"keys"); k && k->isList() && k->size() == 0)
                m_ctx.error(kRequired, QStringLiteral("`keys` needs at least one column"),
                            ptr + QStringLiteral("/keys"), k->pos());
        }
    }
}

void SemanticPass::needConfig(const SourceNode &sink, const QString &ptr, const QString &key,
                              const QString &why)
{
    const SourceNode *cfg = sink.find(u"config");
    const SourceNode *v = cfg && cfg->isMap() ? cfg->find(key) : nullptr;
    if (!v || v->isNull())
        m_ctx.error(kRequired, why, ptr + QStringLiteral("/config/") + key,
                    cfg && cfg->isMap() ? cfg->pos() : sink.pos());
}

void SemanticPass::checkSinks(const SourceNode &p)
{
    const SourceNode *ss = p.find(u"sinks");
    if (!ss || !ss->isList())
        return;
    int i = 0;
    for (const SourceNode &s : ss->children()) {
        const QString ptr = pointerAppend(QStringLiteral("/provider/sinks"), i++);
        if (!s.isMap())
            continue;
        const QString type = typeOf(s);
        const SourceNode *cfg = s.find(u"config");
        auto cfgNode = [&](QStringView key) -> const SourceNode * {
            return cfg && cfg->isMap() ? cfg->find(key) : nullptr;
        };
        const QString cptr = ptr + QStringLiteral("/config/");
        if (type == QLatin1String("parquet")) {
            if (!cfgNode(u"bucket") && !cfgNode(u"path"))
                m_ctx.error(kRequired,
                            QStringLiteral("parquet sink needs `config.bucket` or `config.path`"),
                            cptr + QStringLiteral("bucket"), cfg ? cfg->pos() : s.pos());
            if (const SourceNode *c = cfgNode(u"compression"))
                m_ctx.report(
                    FormatRules::choiceProblem(QStringLiteral("compression"), c->text(),
                                               {QStringLiteral("snappy"), QStringLiteral("zstd"),
                                                QStringLiteral("gzip"), QStringLiteral("none")}),
                    cptr + QStringLiteral("compression"), c->pos());
        } else if (type == QLatin1String("iceberg")) {
            if (const SourceNode *c = cfgNode(u"catalog_type")) {
                m_ctx.report(
                    FormatRules::choiceProblem(
                        QStringLiteral("catalog_type"), c->text(),
                        {QStringLiteral("hive"), QStringLiteral("hadoop"), QStringLiteral("rest")}),
                    cptr + QStringLiteral("catalog_type"), c->pos());
                if (c->text() == QLatin1String("rest") && !cfgNode(u"uri"))
                    m_ctx.error(kRequired, QStringLiteral("a rest catalog needs `config.uri`"),
                                cptr + QStringLiteral("uri"), cfg->pos());
            }
        } else if (type == QLatin1String("clickhouse")) {
            needConfig(s, ptr, QStringLiteral("url"),
                       QStringLiteral("clickhouse sink needs `config.url` "
                                      "(jdbc:clickhouse://host:8123/db)"));
            const SourceNode *u = cfgNode(u"url");
            const QString url = u && u->isScalar() ? u->text() : QString();
            if (!url.isEmpty() && !url.startsWith(QLatin1String("jdbc:clickhouse://")) &&
                !url.startsWith(QLatin1String("jdbc:ch://")) && !PlaceholderScanner::contains(url))
                m_ctx.error(QStringLiteral("UIS-E-URL-SCHEME"),
                            QStringLiteral("clickhouse `config.url` must be a JDBC URL "
                                           "`jdbc:clickhouse://host:port/db`, not `%1`")
                                .arg(url),
                            cptr + QStringLiteral("url"), u->pos());
        } else if (type == QLatin1String("kafka")) {
            if (!cfgNode(u"bootstrap_servers") &&
                m_ctx.textAt(u"/provider/config/kafka_bootstrap_servers").isEmpty())
                m_ctx.error(kRequired,
                            QStringLiteral("kafka sink needs `config.bootstrap_servers` (or "
                                           "provider `config.kafka_bootstrap_servers`)"),
                            cptr + QStringLiteral("bootstrap_servers"), cfg ? cfg->pos() : s.pos());
            if (const SourceNode *t = cfgNode(u"transactional"); t && !t->toBool())
                m_ctx.error(QStringLiteral("UIS-E-TYPE"),
                            QStringLiteral("`transactional` must be true or false"),
                            cptr + QStringLiteral("transactional"), t->pos());
        } else if (type == QLatin1String("rest_api")) {
            checkRestSink(s, ptr);
        }
    }
}

void SemanticPass::checkRestSink(const SourceNode &s, const QString &ptr)
{
    needConfig(s, ptr, QStringLiteral("url"),
               QStringLiteral("rest_api sink needs `config.url`, the endpoint rows are sent to"));
    const SourceNode *cfg = s.find(u"config");
    if (!cfg || !cfg->isMap())
        return;
    const QString cptr = ptr + QStringLiteral("/config");
    if (const SourceNode *u = cfg->find(u"url");
        u && u->isString() && !PlaceholderScanner::contains(u->text()))
        m_ctx.report(FormatRules::urlProblem(u->text(),
                                             {QStringLiteral("http"), QStringLiteral("https")},
                                             QStringLiteral("this setting")),
                     cptr + QStringLiteral("/url"), u->pos());
    if (const SourceNode *m = cfg->find(u"method"); m) {
        const QStringList methods{QStringLiteral("POST"), QStringLiteral("PUT"),
                                  QStringLiteral("PATCH")};
        if (!methods.contains(m->text()))
            m_ctx.error(QStringLiteral("UIS-E-ENUM"),
                        QStringLiteral("`%1` is not a delivery method; use %2")
                            .arg(m->text(), M::listOf(methods)),
                        cptr + QStringLiteral("/method"), m->pos());
    }
    if (const SourceNode *h = cfg->find(u"headers"); h && !h->isMap())
        m_ctx.report(
            FormatRules::typeProblem(QStringLiteral("headers"), *h, QStringLiteral("a mapping")),
            cptr + QStringLiteral("/headers"), h->pos());
    if (const SourceNode *r = cfg->find(u"max_requests_per_second"); r) {
        const auto v = r->toDouble();
        if (!v || *v <= 0)
            m_ctx.error(kRange,
                        QStringLiteral("`max_requests_per_second` must be a number greater than 0"),
                        cptr + QStringLiteral("/max_requests_per_second"), r->pos());
    }
    if (const SourceNode *retry = cfg->find(u"retry"))
        checkRetry(*retry, cptr + QStringLiteral("/retry"));
}

void SemanticPass::checkRetry(const SourceNode &retry, const QString &rptr)
{
    if (!retry.isMap()) {
        m_ctx.report(
            FormatRules::typeProblem(QStringLiteral("retry"), retry, QStringLiteral("a mapping")),
            rptr, retry.pos());
        return;
    }
    const QStringList known{QStringLiteral("max_attempts"), QStringLiteral("retry_status_codes"),
                            QStringLiteral("base_delay"), QStringLiteral("max_delay")};
    for (const SourceNode &c : retry.children()) {
        const QString k = c.key();
        const QString kp = pointerAppend(rptr, k);
        if (k == QLatin1String("max_attempts")) {
            if (!c.toInt())
                m_ctx.report(FormatRules::typeProblem(k, c, QStringLiteral("a whole number")), kp,
                             c.pos());
            else if (*c.toInt() < 1)
                m_ctx.error(kRange, QStringLiteral("`max_attempts` must be at least 1"), kp,
                            c.pos());
        } else if (k == QLatin1String("retry_status_codes")) {
            if (!c.isList()) {
                m_ctx.report(
                    FormatRules::typeProblem(k, c, QStringLiteral("a list of HTTP status codes")),
                    kp, c.pos());
                continue;
            }
            int j = 0;
            for (const SourceNode &code : c.children()) {
                const auto v = code.toInt();
                if (!v || *v < 100 || *v > 599)
                    m_ctx.error(kRange,
                                QStringLiteral("`%1` is not an HTTP status code (100-599)")
                                    .arg(code.text()),
                                pointerAppend(kp, j), code.pos());
                ++j;
            }
        } else if (k == QLatin1String("base_delay") || k == QLatin1String("max_delay")) {
            if (!(c.isString() && FormatRules::isDuration(c.text())) && !c.toDouble())
                m_ctx.error(
                    QStringLiteral("UIS-E-DURATION"),
                    QStringLiteral("`%1` must be a duration such as `500 ms` or `30 s`").arg(k), kp,
                    c.pos());
        } else {
            m_ctx.warning(
                QStringLiteral("UIS-W-UNKNOWN-KEY"),
                QStringLiteral("unknown key `%1` in retry%2").arg(k, M::didYouMean(k, known)), kp,
                c.keyPos());
        }
    }
}

void SemanticPass::checkSecretsAndPlaceholders()
{
    QList<PlaceholderError> errors;
    PlaceholderScanner::scanTree(m_ctx.root(), &errors);
    for (const PlaceholderError &e : errors)
        m_ctx.error(QStringLiteral("UIS-E-PLACEHOLDER"), e.message, e.pointer,
                    m_ctx.posOf(e.pointer));
    scanSecrets(m_ctx.root(), QString());
}

namespace {

/// Where a node is (its parent's step and its key or index); the pointer is spelled out only
/// for a warning.
struct SecretStep
{
    const SecretStep *parent;
    const SourceNode *mapChild; ///< the child of a map (its key), or nullptr
    int index;                  ///< the index in a list
};

QString pointerOf(const QString &root, const SecretStep *s)
{
    if (!s)
        return root;
    const QString base = pointerOf(root, s->parent);
    return s->mapChild ? pointerAppend(base, s->mapChild->key()) : pointerAppend(base, s->index);
}

void scanSecretsAt(ValidationContext &ctx, const SourceNode &n, const QString &root,
                   const SecretStep *step)
{
    if (n.isMap()) {
        for (const SourceNode &c : n.children()) {
            const SecretStep child{step, &c, 0};
            if (c.isString() && !c.text().isEmpty() && isSecretKey(c.key()) &&
                !PlaceholderScanner::contains(c.text()))
                ctx.warning(QStringLiteral("UIS-W-LITERAL-SECRET"),
                            QStringLiteral("`%1` holds a literal credential; use a placeholder "
                                           "such as `{{secret.scope:%1}}` or `{{env.NAME}}` so "
                                           "it is never stored in the spec")
                                .arg(c.key()),
                            pointerOf(root, &child), c.pos());
            else
                scanSecretsAt(ctx, c, root, &child);
        }
    } else if (n.isList()) {
        int i = 0;
        for (const SourceNode &c : n.children()) {
            const SecretStep child{step, nullptr, i++};
            scanSecretsAt(ctx, c, root, &child);
        }
    }
}

} // namespace

void SemanticPass::scanSecrets(const SourceNode &n, const QString &ptr)
{
    // Pointers are built only for what is reported: building one per node was most of the scan.
    scanSecretsAt(m_ctx, n, ptr, nullptr);
}

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "schemapass.h"

#include "formatrules.h"
#include "messagetext.h"
#include "specschema.h"
#include "validationcontext.h"

namespace uis {

namespace {
using K = FieldDef::Kind;
using M = MessageText;
const QString kRequired = QStringLiteral("UIS-E-REQUIRED");
} // namespace

SchemaPass::SchemaPass(ValidationContext &context) : m_ctx(context) {}

bool SchemaPass::run()
{
    const SourceNode &root = m_ctx.root();
    if (!root.isMap()) {
        m_ctx.error(QStringLiteral("UIS-E-TYPE"),
                    QStringLiteral("a spec is a mapping with `version`, `name` and `provider`; "
                                   "this document is %1")
                        .arg(M::article(root.typeName())),
                    QString(), root.pos());
        return false;
    }
    checkObject(root, *m_ctx.schema().object(u"spec"), QString());
    return true;
}

const ObjectDef *SchemaPass::resolveObject(const QString &type, const SourceNode &n) const
{
    const SpecSchema &schema = m_ctx.schema();
    if (type == QLatin1String("endpoint"))
        return schema.object(SpecSchema::endpointObject(m_ctx.providerType()));
    if (type == QLatin1String("transform") || type == QLatin1String("sink")) {
        const SourceNode *t = n.find(u"type");
        if (!t || !t->isString())
            return nullptr;
        return schema.object(type + QLatin1Char('.') + t->text());
    }
    return schema.object(type);
}

void SchemaPass::checkObjectOfType(const SourceNode &n, const QString &type, const QString &ptr)
{
    if (const ObjectDef *def = resolveObject(type, n)) {
        checkObject(n, *def, ptr, type);
        return;
    }
    // Unknown provider/transform/sink type: check what every variant shares, and say
    // nothing about the other keys, since we cannot know which apply.
    const SpecSchema &schema = m_ctx.schema();
    if (type == QLatin1String("endpoint")) {
        if (const SourceNode *name = n.find(u"name"))
            checkField(*name, *schema.object(u"endpoint.rest_api")->field(u"name"),
                       pointerAppend(ptr, u"name"));
        else
            m_ctx.error(kRequired, QStringLiteral("endpoint needs a `name`"), ptr, n.pos());
        return;
    }
    const ObjectDef *any =
        schema.object(type + QLatin1String(type == QLatin1String("sink") ? ".console" : ".filter"));
    for (const QString &f :
         {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("inputs")}) {
        const FieldDef *fd = any->field(f);
        if (const SourceNode *c = n.find(f))
            checkField(*c, *fd, pointerAppend(ptr, f));
        else if (fd->required)
            missing(n, ptr, *fd, type);
    }
}

void SchemaPass::missing(const SourceNode &parent, const QString &ptr, const FieldDef &f,
                         const QString &what)
{
    QString msg = QStringLiteral("%1 is missing required `%2`").arg(what, f.name);
    if (f.kind == K::Enum)
        msg += QStringLiteral(" (one of %1)").arg(M::listOf(f.enumValues));
    m_ctx.error(kRequired, msg, pointerAppend(ptr, f.name), parent.pos());
}

void SchemaPass::checkObject(const SourceNode &n, const ObjectDef &def, const QString &ptr,
                             const QString &kind)
{
    for (const SourceNode &c : n.children()) {
        const QString cptr = pointerAppend(ptr, c.key());
        if (const FieldDef *f = def.field(c.key())) {
            checkField(c, *f, cptr);
            continue;
        }
        unknownKey(c, def, cptr, kind);
    }
    for (const FieldDef &f : def.fields) {
        if (!f.required)
            continue;
        const SourceNode *c = n.find(f.name);
        if (c && c->isNull())
            m_ctx.error(kRequired, QStringLiteral("`%1` is empty; it needs a value").arg(f.name),
                        pointerAppend(ptr, f.name), c->pos());
        else if (!c)
            missing(n, ptr, f, ptr.isEmpty() ? QStringLiteral("the spec") : M::quoted(ptr));
    }
}

void SchemaPass::unknownKey(const SourceNode &c, const ObjectDef &def, const QString &ptr,
                            const QString &kind)
{
    const QString key = c.key();
    const QString notApplicable = QStringLiteral("UIS-W-FIELD-NOT-APPLICABLE");
    if (kind == QLatin1String("endpoint")) {
        const QStringList types = m_ctx.schema().providerTypesWithEndpointField(key);
        if (!types.isEmpty()) {
            m_ctx.warning(notApplicable,
                          QStringLiteral("`%1` is a field of %2 endpoints; %3 endpoints ignore it")
                              .arg(key, types.join(QStringLiteral("/")), m_ctx.providerType()),
                          ptr, c.keyPos());
            return;
        }
    }
    if (kind == QLatin1String("transform") || kind == QLatin1String("sink")) {
        QStringList owners;
        for (const ObjectDef &o : m_ctx.schema().objects()) {
            if (o.name.startsWith(kind + QLatin1Char('.')) && o.field(key))
                owners.append(o.name.mid(kind.size() + 1));
        }
        if (!owners.isEmpty()) {
            m_ctx.warning(notApplicable,
                          QStringLiteral("`%1` belongs to %2 %3s; this %3 ignores it")
                              .arg(key, owners.join(QStringLiteral("/")), kind),
                          ptr, c.keyPos());
            return;
        }
    }
    m_ctx.warning(QStringLiteral("UIS-W-UNKNOWN-KEY"),
                  QStringLiteral("unknown key `%1` in %2%3")
                      .arg(key, def.title, M::didYouMean(key, def.fieldNames())),
                  ptr, c.keyPos());
}

bool SchemaPass::expectType(const SourceNode &n, bool ok, const QString &expected,
                            const QString &ptr, const QString &hint)
{
    if (ok)
        return true;
    const QStringList tokens = splitPointer(ptr);
    const QString name = tokens.isEmpty() ? QString() : tokens.last();
    return !m_ctx.report(FormatRules::typeProblem(name, n, expected, hint), ptr, n.pos());
}

void SchemaPass::checkField(const SourceNode &n, const FieldDef &f, const QString &ptr)
{
    if (n.isNull() && !f.required)
        return; // `key:` with no value counts as absent
    switch (f.kind) {
    case K::String:
    case K::Integer:
    case K::Number:
    case K::Boolean:
    case K::Enum:
        // One value on its own: the rules the form editors ask too.
        m_ctx.report(FormatRules::scalarProblem(f, n, m_ctx.providerType()), ptr, n.pos());
        break;
    case K::StringList:
        if (expectType(n, n.isList(), QStringLiteral("a list"), ptr,
                       n.isScalar() ? QStringLiteral("write [%1]").arg(n.text()) : QString())) {
            int i = 0;
            for (const SourceNode &c : n.children()) {
                expectType(c, c.isString(), QStringLiteral("a string"), pointerAppend(ptr, i));
                ++i;
            }
        }
        break;
    case K::TextMap:
    case K::ScalarMap:
        if (expectType(n, n.isMap(), QStringLiteral("a mapping"), ptr)) {
            for (const SourceNode &c : n.children())
                expectType(c, c.isScalar(), QStringLiteral("a single value"),
                           pointerAppend(ptr, c.key()));
        }
        break;
    case K::FreeMap:
        expectType(n, n.isMap(), QStringLiteral("a mapping"), ptr);
        break;
    case K::Object:
        if (expectType(n, n.isMap(), QStringLiteral("a mapping"), ptr))
            checkObjectOfType(n, f.objectType, ptr);
        break;
    case K::ObjectList:
        if (expectType(n, n.isList(), QStringLiteral("a list"), ptr)) {
            if (f.required && n.size() == 0)
                m_ctx.error(kRequired, QStringLiteral("`%1` needs at least one entry").arg(f.name),
                            ptr, n.pos());
            int i = 0;
            for (const SourceNode &c : n.children()) {
                const QString cptr = pointerAppend(ptr, i++);
                if (expectType(c, c.isMap(), QStringLiteral("a mapping"), cptr))
                    checkObjectOfType(c, f.objectType, cptr);
            }
        }
        break;
    case K::Any:
        break;
    }
}

} // namespace uis

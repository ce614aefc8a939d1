// SPDX-License-Identifier: Apache-2.0
#include "graphpass.h"

#include "messagetext.h"
#include "validationcontext.h"

#include <QHash>

#include <functional>

namespace uis {

GraphPass::GraphPass(ValidationContext &context) : m_ctx(context) {}

void GraphPass::run()
{
    checkNames();
    QSet<QString> all;
    for (const NodeRef &r : std::as_const(m_endpoints))
        all.insert(r.name);
    for (const NodeRef &r : std::as_const(m_transforms))
        all.insert(r.name);
    QHash<QString, QStringList> edges; // transform → its inputs
    for (const NodeRef &t : std::as_const(m_transforms)) {
        QStringList ins;
        checkInputs(t.ptr, all, QStringLiteral("transform"), &ins);
        edges.insert(t.name, ins);
    }
    // Sinks may also read `<t>_dead_letter`, the dead letters of a schema_validation `t` with
    // `on_invalid: dead_letter` (both engines make that node).
    QSet<QString> sinkInputs = all;
    for (const NodeRef &t : std::as_const(m_transforms)) {
        const SourceNode *n = m_ctx.root().at(t.ptr);
        const SourceNode *type = n ? n->find(u"type") : nullptr;
        const SourceNode *policy = n ? n->find(u"on_invalid") : nullptr;
        if (type && type->text() == QLatin1String("schema_validation") && policy &&
            policy->text() == QLatin1String("dead_letter"))
            sinkInputs.insert(t.name + QStringLiteral("_dead_letter"));
    }
    for (const NodeRef &s : std::as_const(m_sinks))
        checkInputs(s.ptr, sinkInputs, QStringLiteral("sink"), nullptr);
    checkCycles(edges);
}

QList<GraphPass::NodeRef> GraphPass::nodes(QStringView listKey, const QString &kind) const
{
    QList<NodeRef> out;
    const QString listPtr = QStringLiteral("/provider/") + listKey.toString();
    const SourceNode *l = m_ctx.root().at(listPtr);
    if (!l || !l->isList())
        return out;
    QHash<QString, int> perType;
    int i = 0;
    for (const SourceNode &n : l->children()) {
        const QString ptr = pointerAppend(listPtr, i++);
        if (!n.isMap())
            continue;
        const SourceNode *name = n.find(u"name");
        QString nm = name && name->isString() ? name->text() : QString();
        if (kind == QLatin1String("sink")) {
            const SourceNode *t = n.find(u"type");
            const QString type = t ? t->text() : QString();
            const int k = ++perType[type];
            if (nm.isEmpty() && !type.isEmpty())
                nm = QStringLiteral("%1_%2").arg(type).arg(k);
        }
        if (nm.isEmpty())
            continue;
        out.append(NodeRef{nm, kind, ptr, name ? name->pos() : n.pos()});
    }
    return out;
}

void GraphPass::checkNames()
{
    m_endpoints = nodes(u"endpoints", QStringLiteral("endpoint"));
    m_transforms = nodes(u"transforms", QStringLiteral("transform"));
    m_sinks = nodes(u"sinks", QStringLiteral("sink"));
    QHash<QString, NodeRef> seen;
    for (const QList<NodeRef> *list : {&m_endpoints, &m_transforms, &m_sinks}) {
        for (const NodeRef &r : *list) {
            if (seen.contains(r.name)) {
                const NodeRef &first = seen.value(r.name);
                m_ctx.error(QStringLiteral("UIS-E-DUPLICATE-NAME"),
                            QStringLiteral("name `%1` is already used by the %2 on line %3; "
                                           "names must be unique across endpoints, transforms "
                                           "and sinks")
                                .arg(r.name, first.kind)
                                .arg(first.namePos.line),
                            r.ptr + QStringLiteral("/name"), r.namePos);
            } else {
                seen.insert(r.name, r);
            }
        }
    }
}

void GraphPass::checkInputs(const QString &ptr, const QSet<QString> &allowed, const QString &kind,
                            QStringList *explicitInputs)
{
    const SourceNode *in = m_ctx.root().at(ptr + QStringLiteral("/inputs"));
    if (!in || !in->isList())
        return;
    int i = 0;
    for (const SourceNode &c : in->children()) {
        const QString cptr = pointerAppend(ptr + QStringLiteral("/inputs"), i++);
        if (!c.isString())
            continue;
        if (!allowed.contains(c.text())) {
            // Sorted only for a message: sorting every node's candidates made validation
            // quadratic in the number of nodes.
            QStringList candidates(allowed.begin(), allowed.end());
            candidates.sort();
            QString hint = MessageText::didYouMean(c.text(), candidates);
            if (hint.isEmpty() && !candidates.isEmpty())
                hint = QStringLiteral("; known nodes: ") + MessageText::listOf(candidates);
            m_ctx.error(QStringLiteral("UIS-E-INPUT-UNKNOWN"),
                        QStringLiteral("%1 input `%2` names no endpoint or transform%3")
                            .arg(kind, c.text(), hint),
                        cptr, c.pos());
        } else if (explicitInputs) {
            explicitInputs->append(c.text());
        }
    }
}

void GraphPass::checkCycles(const QHash<QString, QStringList> &edges)
{
    // Default inputs (the previous transform) point backwards, so only explicit ones can
    // close a cycle; a depth-first search over them finds it.
    QHash<QString, int> state; // 0 new, 1 on stack, 2 done
    QSet<QString> reported;
    std::function<bool(const QString &, QStringList &)> dfs = [&](const QString &n,
                                                                  QStringList &path) {
        state[n] = 1;
        path.append(n);
        for (const QString &in : edges.value(n)) {
            if (!edges.contains(in))
                continue; // endpoints have no inputs
            if (state.value(in) == 1) {
                const qsizetype start = path.indexOf(in);
                QStringList cycle = path.mid(start);
                cycle.append(in);
                if (!reported.contains(in)) {
                    for (const QString &c : cycle)
                        reported.insert(c);
                    // Report at the cycle's first transform in document order.
                    const NodeRef *ref = nullptr;
                    for (const NodeRef &t : std::as_const(m_transforms)) {
                        if (cycle.contains(t.name)) {
                            ref = &t;
                            break;
                        }
                    }
                    const QString at = ref->ptr + QStringLiteral("/inputs");
                    m_ctx.error(QStringLiteral("UIS-E-INPUT-CYCLE"),
                                QStringLiteral("inputs form a cycle: %1; a transform cannot "
                                               "read its own output")
                                    .arg(cycle.join(QStringLiteral(" → "))),
                                at, m_ctx.posOf(at));
                }
                continue;
            }
            if (state.value(in) == 0 && dfs(in, path))
                return true;
        }
        path.removeLast();
        state[n] = 2;
        return false;
    };
    for (const NodeRef &t : std::as_const(m_transforms)) {
        if (state.value(t.name) == 0) {
            QStringList path;
            dfs(t.name, path);
        }
    }
}

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "jsonconvert.h"

#include "jsontext.h"

#include <cmath>

namespace uis {

OrderedJson toOrderedJson(const SourceNode &n)
{
    switch (n.kind()) {
    case SourceNode::Kind::Null:
        return nullptr;
    case SourceNode::Kind::Scalar:
        switch (n.scalarType()) {
        case SourceNode::ScalarType::Int:
            if (auto v = n.toInt())
                return *v;
            return toStd(n.text());
        case SourceNode::ScalarType::Float:
            if (auto v = n.toDouble(); v && std::isfinite(*v))
                return *v;
            return toStd(n.text());
        case SourceNode::ScalarType::Bool:
            return *n.toBool();
        case SourceNode::ScalarType::Null:
            return nullptr;
        case SourceNode::ScalarType::String:
            return toStd(n.text());
        }
        return nullptr;
    case SourceNode::Kind::Map: {
        OrderedJson o = OrderedJson::object();
        for (const SourceNode &c : n.children())
            o[toStd(c.key())] = toOrderedJson(c);
        return o;
    }
    case SourceNode::Kind::List: {
        OrderedJson a = OrderedJson::array();
        for (const SourceNode &c : n.children())
            a.push_back(toOrderedJson(c));
        return a;
    }
    }
    return nullptr;
}

QByteArray dumpJson(const OrderedJson &json, int indent)
{
    std::string s;
    if (indent < 0) // compact: nlohmann's own
        s = json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    else
        JsonText(s, unsigned(indent)).write(json, 0);
    s += '\n';
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace uis

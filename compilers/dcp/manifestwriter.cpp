// SPDX-License-Identifier: Apache-2.0
#include "manifestwriter.h"

#include "specwriter.h"

namespace uis {

namespace {

/// The lists yaml-cpp writes in flow style: up to 8 scalars (`[exchange, date]`).
bool shortScalarList(const OrderedJson &l)
{
    if (l.empty() || l.size() > 8)
        return false;
    for (const auto &c : l) {
        if (c.is_structured())
            return false;
    }
    return true;
}

/// Key-ordered JSON as a tree, for the general writer.
SourceNode toNode(const OrderedJson &j)
{
    switch (j.type()) {
    case OrderedJson::value_t::object: {
        SourceNode m = SourceNode::makeMap();
        for (auto it = j.begin(); it != j.end(); ++it)
            m.insert(QString::fromStdString(it.key()), toNode(it.value()));
        return m;
    }
    case OrderedJson::value_t::array: {
        SourceNode l = SourceNode::makeList();
        for (const auto &c : j)
            l.append(toNode(c));
        return l;
    }
    case OrderedJson::value_t::string:
        return SourceNode::makeString(QString::fromStdString(j.get<std::string>()));
    case OrderedJson::value_t::boolean:
        return SourceNode::makeBool(j.get<bool>());
    case OrderedJson::value_t::number_integer:
    case OrderedJson::value_t::number_unsigned:
        return SourceNode::makeInt(j.get<qint64>());
    case OrderedJson::value_t::number_float:
        return SourceNode::makeScalar(QString::fromStdString(j.dump()),
                                      SourceNode::ScalarType::Float);
    default:
        return SourceNode::makeNull();
    }
}

} // namespace

QByteArray ManifestWriter::write(const OrderedJson &root)
{
    // One pass over the JSON; only what it does not cover goes through the tree and yaml-cpp.
    if (std::optional<QByteArray> fast = writeFast(root))
        return *fast;
    return writeGeneral(root);
}

QByteArray ManifestWriter::writeGeneral(const OrderedJson &root)
{
    return SpecWriter::toYaml(toNode(root));
}

std::optional<QByteArray> ManifestWriter::writeFast(const OrderedJson &root)
{
    if (!root.is_object())
        return std::nullopt;
    ManifestWriter w;
    w.m_out.reserve(1 << 16);
    if (root.empty())
        w.m_out = "{}\n";
    else if (!w.map(root, 0))
        return std::nullopt;
    return QByteArray(w.m_out.data(), qsizetype(w.m_out.size()));
}

void ManifestWriter::spaces(int n)
{
    m_out.append(size_t(n), ' ');
}

bool ManifestWriter::map(const OrderedJson &m, int indent)
{
    // The first key follows `- ` (or starts the document) where the cursor already is.
    bool first = true;
    for (auto it = m.begin(); it != m.end(); ++it) {
        if (!first)
            spaces(indent);
        first = false;
        if (!key(it.key()))
            return false;
        m_out += ':';
        const OrderedJson &v = it.value();
        if (v.is_array() && it.key() == "schema" && !v.empty()) {
            // Schema entries read best as one-line `{name: x, type: string}` (SpecWriter).
            m_out += '\n';
            for (const auto &item : v) {
                spaces(indent + 2);
                m_out += "- ";
                if (item.is_object() ? !flow(item) : !value(item, indent + 2, true))
                    return false;
                if (item.is_object())
                    m_out += '\n';
            }
            continue;
        }
        if (v.is_structured() && !v.empty() && !(v.is_array() && shortScalarList(v))) {
            m_out += '\n';
            spaces(indent + 2);
            if (!(v.is_object() ? map(v, indent + 2) : list(v, indent + 2)))
                return false;
            continue;
        }
        if (v.is_structured() && v.empty()) {
            // yaml-cpp puts an empty block map or list on a line of its own.
            m_out += '\n';
            spaces(indent + 2);
            m_out += v.is_object() ? "{}\n" : "[]\n";
            continue;
        }
        m_out += ' ';
        if (!value(v, indent, false))
            return false;
    }
    return true;
}

bool ManifestWriter::list(const OrderedJson &l, int indent)
{
    bool first = true;
    for (const auto &item : l) {
        if (!first)
            spaces(indent);
        first = false;
        m_out += "- ";
        if (!value(item, indent, true))
            return false;
    }
    return true;
}

bool ManifestWriter::value(const OrderedJson &v, int indent, bool afterDash)
{
    if (v.is_object()) {
        if (v.empty()) {
            m_out += "{}\n";
            return true;
        }
        if (!afterDash)
            return false; // block maps under keys are written by map()
        return map(v, indent + 2);
    }
    if (v.is_array()) {
        if (v.empty()) {
            // yaml-cpp writes `- {}` but puts an empty list item on a line of its own, after a
            // bare `-`.
            if (afterDash)
                m_out.pop_back();
            m_out += '\n';
            spaces(indent + 2);
            m_out += "[]\n";
            return true;
        }
        if (!shortScalarList(v))
            return false; // a block list right inside a list: `- - a`
        if (!flow(v))
            return false;
        m_out += '\n';
        return true;
    }
    if (!scalar(v, false))
        return false;
    m_out += '\n';
    return true;
}

bool ManifestWriter::flow(const OrderedJson &v)
{
    // Inside `{…}` and `[…]` SpecWriter quotes values by its block rule and keys by its flow
    // rule; yaml-cpp then quotes what flow style cannot hold plain.
    if (v.is_object()) {
        m_out += '{';
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!first)
                m_out += ", ";
            first = false;
            if (it.key().size() > 200 || !string(it.key(), true, true))
                return false;
            m_out += ": ";
            const OrderedJson &c = it.value();
            if (c.is_object() || (c.is_array() && !c.empty() && !shortScalarList(c)))
                return false;
            if (c.is_array() ? !flow(c) : !scalar(c, true))
                return false;
        }
        m_out += '}';
        return true;
    }
    if (v.is_array()) {
        m_out += '[';
        bool first = true;
        for (const auto &c : v) {
            if (!first)
                m_out += ", ";
            first = false;
            if (c.is_structured() || !scalar(c, true))
                return false;
        }
        m_out += ']';
        return true;
    }
    return scalar(v, true);
}

bool ManifestWriter::scalar(const OrderedJson &v, bool inFlow)
{
    switch (v.type()) {
    case OrderedJson::value_t::string:
        return string(v.get_ref<const std::string &>(), false, inFlow);
    case OrderedJson::value_t::boolean:
        m_out += v.get<bool>() ? "true" : "false";
        return true;
    case OrderedJson::value_t::number_integer:
    case OrderedJson::value_t::number_unsigned:
    case OrderedJson::value_t::number_float:
        m_out += v.dump();
        return true;
    case OrderedJson::value_t::null:
        m_out += '~';
        return true;
    default:
        return false;
    }
}

bool ManifestWriter::key(const std::string &k)
{
    // yaml-cpp needs the `? key` form past 1,024 characters; SpecWriter switches at 200.
    if (k.size() > 200)
        return false;
    return string(k, true, false);
}

bool ManifestWriter::string(const std::string &s, bool specFlow, bool yamlFlow)
{
    // Printable ASCII and line breaks only: anything else takes yaml-cpp's escaping rules.
    bool newline = false, flowIndicator = false;
    for (const char c : s) {
        if (c == '\n')
            newline = true;
        else if (c < 0x20 || c > 0x7E)
            return false;
        flowIndicator =
            flowIndicator || c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}';
    }
    const QString text = QString::fromLatin1(s.data(), qsizetype(s.size()));
    // SpecWriter's rule, plus what yaml-cpp itself never writes plain in flow style: the flow
    // indicators.
    if (!newline && !(yamlFlow && flowIndicator) && !SpecWriter::needsQuotes(text, specFlow)) {
        m_out += s;
        return true;
    }
    m_out += '"';
    for (const char c : s) {
        if (c == '"')
            m_out += "\\\"";
        else if (c == '\\')
            m_out += "\\\\";
        else if (c == '\n')
            m_out += "\\n";
        else
            m_out += c;
    }
    m_out += '"';
    return true;
}

} // namespace uis

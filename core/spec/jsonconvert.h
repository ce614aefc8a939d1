// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

namespace uis {

/// Key-ordered JSON, the form every JSON artifact is built in so output is deterministic.
using OrderedJson = nlohmann::ordered_json;

/// Converts a tree to JSON keeping key order and scalar types.
OrderedJson toOrderedJson(const SourceNode &node);
/// `s` as UTF-8 std::string, for building JSON.
inline std::string toStd(const QString &s)
{
    // ASCII, nearly every name and value of a spec, is copied straight into the std::string
    // (short ones fit in it without an allocation); the rest goes through UTF-8 conversion.
    const char16_t *d = reinterpret_cast<const char16_t *>(s.utf16());
    const qsizetype n = s.size();
    std::string out(size_t(n), '\0');
    for (qsizetype i = 0; i < n; ++i) {
        if (d[i] >= 0x80) {
            const QByteArray b = s.toUtf8();
            return std::string(b.constData(), size_t(b.size()));
        }
        out[size_t(i)] = char(d[i]);
    }
    return out;
}
/// An empty object with room for `keys` entries. A growing ordered object copies every value
/// it holds (its keys are const, so its entries cannot move): a document that takes large
/// arrays before its last keys must reserve, or it copies them whole on each growth.
inline OrderedJson objectWithRoom(std::size_t keys)
{
    OrderedJson o = OrderedJson::object();
    o.get_ref<OrderedJson::object_t &>().reserve(keys);
    return o;
}
/// Pretty-printed JSON with a trailing newline, UTF-8 kept as is.
QByteArray dumpJson(const OrderedJson &json, int indent = 2);

} // namespace uis

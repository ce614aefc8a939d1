// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jsonconvert.h"

#include <QByteArray>

#include <optional>

namespace uis {

/**
 * Writes key-ordered JSON as block YAML in one pass, byte for byte as SpecWriter::toYaml()
 * writes the same tree (yaml-cpp, 2-space indent; flow `[a, b]` for up to 8 scalars, flow maps
 * for `schema` entries; scalars quoted by SpecWriter's rules).
 *
 * Covers what manifests hold: plain and double-quoted printable ASCII (line breaks as `\n`),
 * numbers, booleans, nulls, nested maps and lists. Anything else (other control characters,
 * non-ASCII text, keys over 200 characters, lists of lists of maps) writeFast() refuses, and
 * write() then takes the general way: the JSON as a SourceNode tree through SpecWriter::toYaml().
 */
class ManifestWriter
{
public:
    /// The YAML of `root` (a JSON object).
    static QByteArray write(const OrderedJson &root);
    /// The one-pass YAML, or nullopt when `root` holds something it does not cover.
    static std::optional<QByteArray> writeFast(const OrderedJson &root);
    /// The general way: a SourceNode tree through SpecWriter::toYaml().
    static QByteArray writeGeneral(const OrderedJson &root);

private:
    ManifestWriter() = default;
    bool map(const OrderedJson &m, int indent);
    bool list(const OrderedJson &l, int indent);
    bool value(const OrderedJson &v, int indent, bool afterDash);
    bool flow(const OrderedJson &v);
    bool scalar(const OrderedJson &v, bool flow);
    /// `specFlow`: SpecWriter's flow rule applies (keys); `yamlFlow`: inside `{…}`/`[…]`.
    bool string(const std::string &s, bool specFlow, bool yamlFlow);
    bool key(const std::string &k);
    void spaces(int n);

    std::string m_out;
};

} // namespace uis

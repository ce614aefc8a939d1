// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace uis {

/**
 * Pretty-printed JSON text, byte for byte what nlohmann's `dump(indent, ' ', false,
 * error_handler_t::replace)` writes, without its per-character escaping loop: plain ASCII runs
 * of a string are copied whole. Large jobs (the SQL script, thousands of sources) spend most
 * of their serialisation there. Anything unusual (non-ASCII text, floats, binary) still goes
 * through nlohmann, so the two cannot disagree.
 */
class JsonText
{
public:
    using Json = nlohmann::ordered_json;

    explicit JsonText(std::string &out, unsigned indentStep = 2) : m_out(out), m_step(indentStep) {}

    /// Appends `value` as if it started at column `indent` (its nested lines indented from
    /// there, `indentStep` spaces a level).
    void write(const Json &value, unsigned indent);
    /// Appends `text` quoted and escaped, as a JSON string.
    void writeString(const std::string &text);

private:
    void writeWithNlohmann(const Json &value, unsigned indent);

    std::string &m_out;
    unsigned m_step;
};

} // namespace uis

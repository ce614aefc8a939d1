// SPDX-License-Identifier: Apache-2.0
#include "jsontext.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace uis {

void JsonText::writeWithNlohmann(const Json &value, unsigned indent)
{
    nlohmann::detail::serializer<Json> s(nlohmann::detail::output_adapter<char, std::string>(m_out),
                                         ' ', nlohmann::detail::error_handler_t::replace);
    s.dump(value, true, false, m_step, indent);
}

namespace {

constexpr std::uint64_t kOnes = ~std::uint64_t(0) / 255; // 0x0101…01

/// Whether any of the 8 bytes in `w` is below 0x20, a `"`, a `\` or above 0x7f.
bool needsCare(std::uint64_t w)
{
    const std::uint64_t high = kOnes * 0x80;
    auto hasZero = [&](std::uint64_t x) { return (x - kOnes) & ~x & high; };
    return ((w - kOnes * 0x20) & ~w & high) || hasZero(w ^ (kOnes * '"')) ||
           hasZero(w ^ (kOnes * '\\')) || (w & high);
}

} // namespace

void JsonText::writeString(const std::string &text)
{
    const size_t start = m_out.size();
    m_out += '"';
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p < end) {
        const char *run = p;
        // Eight bytes at a time while none needs escaping, then byte by byte.
        for (std::uint64_t w; end - p >= 8 && (std::memcpy(&w, p, 8), !needsCare(w));)
            p += 8;
        while (p < end && static_cast<unsigned char>(*p) >= 0x20 &&
               static_cast<unsigned char>(*p) < 0x80 && *p != '"' && *p != '\\')
            ++p;
        m_out.append(run, size_t(p - run));
        if (p == end)
            break;
        const char c = *p++;
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) >= 0x80) {
                // nlohmann decodes UTF-8 to escape (and repair) it: hand it the whole string.
                m_out.resize(start);
                writeWithNlohmann(Json(text), 0);
                return;
            } else {
                static const char hex[] = "0123456789abcdef";
                const char u[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
                m_out.append(u, sizeof u);
            }
        }
    }
    m_out += '"';
}

void JsonText::write(const Json &value, unsigned indent)
{
    switch (value.type()) {
    case Json::value_t::object: {
        if (value.empty()) {
            m_out += "{}";
            return;
        }
        m_out += "{\n";
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                m_out += ",\n";
            first = false;
            m_out.append(indent + m_step, ' ');
            writeString(it.key());
            m_out += ": ";
            write(it.value(), indent + m_step);
        }
        m_out += '\n';
        m_out.append(indent, ' ');
        m_out += '}';
        return;
    }
    case Json::value_t::array: {
        if (value.empty()) {
            m_out += "[]";
            return;
        }
        m_out += "[\n";
        bool first = true;
        for (const Json &element : value) {
            if (!first)
                m_out += ",\n";
            first = false;
            m_out.append(indent + m_step, ' ');
            write(element, indent + m_step);
        }
        m_out += '\n';
        m_out.append(indent, ' ');
        m_out += ']';
        return;
    }
    case Json::value_t::string:
        writeString(value.get_ref<const std::string &>());
        return;
    case Json::value_t::boolean:
        m_out += value.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::null:
        m_out += "null";
        return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
        char buf[24];
        const auto r = value.is_number_unsigned()
                           ? std::to_chars(buf, buf + sizeof buf, value.get<std::uint64_t>())
                           : std::to_chars(buf, buf + sizeof buf, value.get<std::int64_t>());
        m_out.append(buf, size_t(r.ptr - buf));
        return;
    }
    default: // floats (nlohmann's shortest round-trip form), binary, discarded
        writeWithNlohmann(value, indent);
        return;
    }
}

} // namespace uis

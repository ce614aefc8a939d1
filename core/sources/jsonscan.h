// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

namespace uis {

/**
 * A JSON scanner made for schema inference: it feeds a handler the events nlohmann's SAX parser
 * would (null, boolean, number_integer, number_unsigned, number_float, string, key,
 * start_object, end_object, start_array, end_array), at several times its speed: no
 * std::string per value, no exceptions, no document. Strict enough to reject malformed text
 * with a position. A number with a fraction or exponent, or one that overflows 64 bits, is
 * reported as a float whose value is not computed (inference needs its kind only).
 */
template <typename Handler> class JsonScan
{
public:
    JsonScan(const char *begin, const char *end) : m_begin(begin), m_p(begin), m_end(end) {}

    bool document(Handler &r)
    {
        ws();
        if (!value(r, 0))
            return false;
        ws();
        return m_p == m_end || fail("text after the value");
    }
    QString error() const { return m_error; }

private:
    bool fail(const char *what)
    {
        if (m_error.isEmpty())
            m_error =
                QStringLiteral("byte %1: %2").arg(m_p - m_begin + 1).arg(QString::fromLatin1(what));
        return false;
    }
    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool literal(const char *word, size_t n)
    {
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return fail("unexpected character");
        m_p += n;
        return true;
    }
    static void utf8(std::string &out, uint cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    bool hex4(uint *out)
    {
        if (m_end - m_p < 4)
            return fail("short \\u escape");
        uint v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= uint(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= uint(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= uint(c - 'A' + 10);
            else
                return fail("bad \\u escape");
        }
        *out = v;
        return true;
    }
    // At the opening quote; leaves the decoded text in m_text.
    bool string()
    {
        ++m_p;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\')
            ++m_p;
        m_text.assign(start, size_t(m_p - start));
        while (m_p < m_end && *m_p == '\\') {
            ++m_p;
            if (m_p >= m_end)
                return fail("unterminated string");
            const char e = *m_p++;
            switch (e) {
            case '"':
                m_text += '"';
                break;
            case '\\':
                m_text += '\\';
                break;
            case '/':
                m_text += '/';
                break;
            case 'b':
                m_text += '\b';
                break;
            case 'f':
                m_text += '\f';
                break;
            case 'n':
                m_text += '\n';
                break;
            case 'r':
                m_text += '\r';
                break;
            case 't':
                m_text += '\t';
                break;
            case 'u': {
                uint cp = 0;
                if (!hex4(&cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    m_p += 2;
                    uint low = 0;
                    if (!hex4(&low))
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                utf8(m_text, cp);
                break;
            }
            default:
                return fail("bad escape");
            }
            start = m_p;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\')
                ++m_p;
            m_text.append(start, size_t(m_p - start));
        }
        if (m_p >= m_end)
            return fail("unterminated string");
        ++m_p;
        return true;
    }
    bool number(Handler &r)
    {
        const char *start = m_p;
        bool negative = false, fraction = false;
        if (*m_p == '-') {
            negative = true;
            ++m_p;
        }
        std::uint64_t v = 0;
        bool overflow = false;
        const char *digits = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            const std::uint64_t d = std::uint64_t(*m_p - '0');
            if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
                overflow = true;
            v = v * 10 + d;
            ++m_p;
        }
        if (m_p == digits)
            return fail("bad number");
        while (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E' || *m_p == '+' ||
                               *m_p == '-' || (*m_p >= '0' && *m_p <= '9'))) {
            fraction = true;
            ++m_p;
        }
        if (fraction || overflow) {
            static const std::string none;
            return r.number_float(0.0, none);
        }
        if (negative) {
            if (v > std::uint64_t(std::numeric_limits<qint64>::max()) + 1)
                return r.number_float(0.0, std::string());
            return r.number_integer(v == std::uint64_t(std::numeric_limits<qint64>::max()) + 1
                                        ? std::numeric_limits<qint64>::min()
                                        : -qint64(v));
        }
        Q_UNUSED(start);
        return r.number_unsigned(v);
    }
    bool value(Handler &r, int depth)
    {
        if (depth > 512)
            return fail("nested too deeply");
        if (m_p >= m_end)
            return fail("unexpected end");
        switch (*m_p) {
        case '{': {
            ++m_p;
            r.start_object(0);
            ws();
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return r.end_object();
            }
            while (true) {
                ws();
                if (m_p >= m_end || *m_p != '"')
                    return fail("expected a key");
                if (!string())
                    return false;
                r.key(m_text);
                ws();
                if (m_p >= m_end || *m_p != ':')
                    return fail("expected ':'");
                ++m_p;
                ws();
                if (!value(r, depth + 1))
                    return false;
                ws();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == '}') {
                    ++m_p;
                    return r.end_object();
                }
                return fail("expected ',' or '}'");
            }
        }
        case '[': {
            ++m_p;
            r.start_array(0);
            ws();
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return r.end_array();
            }
            while (true) {
                ws();
                if (!value(r, depth + 1))
                    return false;
                ws();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == ']') {
                    ++m_p;
                    return r.end_array();
                }
                return fail("expected ',' or ']'");
            }
        }
        case '"':
            if (!string())
                return false;
            return r.string(m_text);
        case 't':
            return literal("true", 4) && r.boolean(true);
        case 'f':
            return literal("false", 5) && r.boolean(false);
        case 'n':
            return literal("null", 4) && r.null();
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return number(r);
            return fail("unexpected character");
        }
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::string m_text;
    QString m_error;
};

} // namespace uis

// SPDX-License-Identifier: Apache-2.0
#include "specreader.h"

#include <nlohmann/json.hpp>
#include <yaml.h>

#include <QHash>
#include <QString>

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace uis {

namespace {

Diagnostic readError(const QString &code, const QString &message, int line, int column)
{
    return Diagnostic{Severity::Error, code, message, QString(), line, column};
}

/// Maps byte offsets to 1-based line/column (column in characters, not bytes).
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &data) : m_data(data)
    {
        m_starts.push_back(0);
        for (qsizetype i = 0; i < data.size(); ++i) {
            if (data[i] == '\n')
                m_starts.push_back(i + 1);
        }
    }
    SourcePos pos(qsizetype offset) const
    {
        offset = std::clamp<qsizetype>(offset, 0, m_data.size());
        auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const qsizetype lineStart = *(it - 1);
        int col = 1;
        for (qsizetype i = lineStart; i < offset; ++i) {
            if ((uchar(m_data[i]) & 0xC0) != 0x80)
                ++col;
        }
        return SourcePos{int(it - m_starts.begin()), col};
    }

private:
    const QByteArray &m_data;
    std::vector<qsizetype> m_starts;
};

/// Offset of the first byte that is not valid UTF-8 (or a NUL), or -1.
qsizetype firstBadByte(const QByteArray &d, bool *isNul)
{
    const auto *p = reinterpret_cast<const uchar *>(d.constData());
    const qsizetype n = d.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c == 0) {
            *isNul = true;
            return i;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        uint cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid too.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

struct AbortParse
{
    Diagnostic diagnostic;
};

/// Builds the tree from a stream of container/scalar events, shared by both formats.
class TreeBuilder
{
public:
    TreeBuilder(const SpecReader::Limits &limits, DiagnosticList &diags)
        : m_limits(limits), m_diags(diags)
    {}

    void scalar(SourceNode node, SourcePos pos)
    {
        node.setPos(pos);
        add(std::move(node));
    }
    SourceNode &startContainer(SourceNode node, SourcePos pos)
    {
        node.setPos(pos);
        if (int(m_stack.size()) >= m_limits.maxDepth) {
            throw AbortParse{readError(
                QStringLiteral("UIS-E-TOO-DEEP"),
                QStringLiteral("nesting is deeper than %1 levels; a spec never needs that many")
                    .arg(m_limits.maxDepth),
                pos.line, pos.column)};
        }
        SourceNode &n = add(std::move(node));
        m_stack.push_back(Frame{&n});
        return n;
    }
    /// Ends the open container; `end` is its end offset (block collections end with their last
    /// child instead).
    SourceNode &endContainer(int end)
    {
        SourceNode &n = *m_stack.back().node;
        m_stack.pop_back();
        if (n.style() == SourceNode::Style::Block && !n.children().empty())
            end = n.children().back().endOffset();
        n.setSpan(n.beginOffset(), end);
        return n;
    }
    /// A map key; the next value added becomes its entry.
    void key(const QString &k, SourcePos pos, int offset = -1)
    {
        Frame &f = m_stack.back();
        f.key = k;
        f.keyPos = pos;
        f.keyOffset = offset;
        f.haveKey = true;
    }
    bool inMapExpectingKey() const
    {
        return !m_stack.empty() && m_stack.back().node->isMap() && !m_stack.back().haveKey;
    }
    std::optional<SourceNode> takeRoot() { return std::move(m_root); }
    bool hasRoot() const { return m_root.has_value(); }

private:
    struct Frame
    {
        SourceNode *node = nullptr;
        QString key;
        SourcePos keyPos;
        int keyOffset = -1;
        bool haveKey = false;
    };

    SourceNode &add(SourceNode node)
    {
        if (++m_count > m_limits.maxNodes) {
            throw AbortParse{readError(
                QStringLiteral("UIS-E-TOO-LARGE"),
                QStringLiteral("the document expands to more than %1 values (alias bomb?)")
                    .arg(m_limits.maxNodes),
                node.pos().line, node.pos().column)};
        }
        if (m_stack.empty()) {
            m_root = std::move(node);
            return *m_root;
        }
        Frame &f = m_stack.back();
        if (f.node->isList())
            return f.node->append(std::move(node));
        f.haveKey = false;
        if (const SourceNode *dup = f.node->find(f.key)) {
            m_diags.append(Diagnostic{
                Severity::Error, QStringLiteral("UIS-E-DUPLICATE-KEY"),
                QStringLiteral("key `%1` appears twice in the same mapping (first on line %2)")
                    .arg(f.key)
                    .arg(dup->keyPos().line),
                QString(), f.keyPos.line, f.keyPos.column});
            // Parse the duplicate's value into storage of its own: it may be a container that
            // stays on the stack while its children arrive, so it needs a stable address.
            m_discarded.push_back(std::move(node));
            return m_discarded.back();
        }
        node.setKeyOffset(f.keyOffset);
        return f.node->appendEntry(f.key, std::move(node), f.keyPos); // not there: checked above
    }

    const SpecReader::Limits &m_limits;
    DiagnosticList &m_diags;
    std::vector<Frame> m_stack;
    std::optional<SourceNode> m_root;
    std::deque<SourceNode> m_discarded;
    qsizetype m_count = 0;
};

// ---------------------------------------------------------------- YAML

/// Feeds libyaml's event stream into the TreeBuilder. libyaml rather than yaml-cpp's parser:
/// it is the C parser behind PyYAML's CLoader and reads about ten times faster, which the
/// validate benchmark needs; yaml-cpp still writes YAML (SpecWriter).
class YamlEventReader
{
public:
    YamlEventReader(TreeBuilder &b) : m_b(b) {}

    void read(const QByteArray &data)
    {
        m_data = &data;
        m_ascii = std::all_of(data.begin(), data.end(), [](char c) { return uchar(c) < 0x80; });
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(data.constData()),
                                     size_t(data.size()));
        struct Cleanup
        {
            yaml_parser_t *p;
            ~Cleanup() { yaml_parser_delete(p); }
        } cleanup{&parser};

        bool done = false;
        while (!done) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                const yaml_mark_t m = parser.problem_mark;
                QString msg = QString::fromUtf8(parser.problem ? parser.problem : "syntax error");
                if (parser.context)
                    msg = QStringLiteral("%1 %2").arg(msg, QString::fromUtf8(parser.context));
                throw AbortParse{readError(QStringLiteral("UIS-E-PARSE"),
                                           QStringLiteral("malformed YAML: %1").arg(msg),
                                           int(m.line) + 1, int(m.column) + 1)};
            }
            struct EventCleanup
            {
                yaml_event_t *e;
                ~EventCleanup() { yaml_event_delete(e); }
            } eventCleanup{&event};
            done = event.type == YAML_STREAM_END_EVENT;
            handle(event);
        }
    }

private:
    static SourcePos pos(const yaml_mark_t &m) { return SourcePos{int(m.line) + 1, int(m.column) + 1}; }

    /// libyaml counts its marks' index in characters; the patcher needs bytes. Marks arrive in
    /// nearly increasing order, so a cursor that walks from the last one is linear overall.
    int offset(const yaml_mark_t &m)
    {
        if (m_ascii)
            return int(m.index);
        const char *d = m_data->constData();
        const qsizetype n = m_data->size();
        const qsizetype want = qsizetype(m.index);
        auto lead = [&](qsizetype i) { return i >= n || (uchar(d[i]) & 0xC0) != 0x80; };
        while (m_charCursor < want && m_byteCursor < n) {
            ++m_byteCursor;
            while (!lead(m_byteCursor))
                ++m_byteCursor;
            ++m_charCursor;
        }
        while (m_charCursor > want && m_byteCursor > 0) {
            --m_byteCursor;
            while (m_byteCursor > 0 && !lead(m_byteCursor))
                --m_byteCursor;
            --m_charCursor;
        }
        return int(m_byteCursor);
    }

    static SourceNode::Style scalarStyle(yaml_scalar_style_t s)
    {
        switch (s) {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            return SourceNode::Style::SingleQuoted;
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            return SourceNode::Style::DoubleQuoted;
        case YAML_LITERAL_SCALAR_STYLE:
            return SourceNode::Style::Literal;
        case YAML_FOLDED_SCALAR_STYLE:
            return SourceNode::Style::Folded;
        default:
            return SourceNode::Style::Plain;
        }
    }

    static QString anchorOf(const yaml_char_t *a)
    {
        return a ? QString::fromUtf8(reinterpret_cast<const char *>(a)) : QString();
    }

    void handle(const yaml_event_t &e)
    {
        switch (e.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (++m_documents > 1)
                throw AbortParse{readError(
                    QStringLiteral("UIS-E-PARSE"),
                    QStringLiteral("a spec file holds one YAML document; remove the second `---`"),
                    pos(e.start_mark).line, pos(e.start_mark).column)};
            break;
        case YAML_SCALAR_EVENT: {
            const auto &s = e.data.scalar;
            const char *value = reinterpret_cast<const char *>(s.value);
            if (m_b.inMapExpectingKey()) {
                m_b.key(keyText(value, qsizetype(s.length)), pos(e.start_mark),
                        offset(e.start_mark));
                break;
            }
            const QString text = QString::fromUtf8(value, qsizetype(s.length));
            SourceNode::ScalarType type = SourceNode::ScalarType::String;
            const QByteArray tag = s.tag ? QByteArray(reinterpret_cast<const char *>(s.tag)) : QByteArray();
            if (!tag.isEmpty()) {
                if (tag == "tag:yaml.org,2002:int")
                    type = SourceNode::ScalarType::Int;
                else if (tag == "tag:yaml.org,2002:float")
                    type = SourceNode::ScalarType::Float;
                else if (tag == "tag:yaml.org,2002:bool")
                    type = SourceNode::ScalarType::Bool;
                else if (tag == "tag:yaml.org,2002:null")
                    type = SourceNode::ScalarType::Null;
            } else if (s.style == YAML_PLAIN_SCALAR_STYLE) {
                type = resolvePlainScalar(text);
            }
            SourceNode n = SourceNode::makeScalar(text, type);
            n.setStyle(scalarStyle(s.style));
            const int begin = offset(e.start_mark);
            int end = offset(e.end_mark);
            if (s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE) {
                // Their end mark lies past the trailing blank lines, at the next token.
                const char *d = m_data->constData();
                while (end > begin && (d[end - 1] == ' ' || d[end - 1] == '\n' ||
                                       d[end - 1] == '\r' || d[end - 1] == '\t'))
                    --end;
            }
            n.setSpan(begin, end);
            if (s.anchor)
                m_anchors.insert_or_assign(anchorOf(s.anchor), n);
            m_b.scalar(std::move(n), pos(e.start_mark));
            break;
        }
        case YAML_ALIAS_EVENT: {
            const QString name = anchorOf(e.data.alias.anchor);
            auto it = m_anchors.find(name);
            if (it == m_anchors.end())
                throw AbortParse{readError(QStringLiteral("UIS-E-PARSE"),
                                           QStringLiteral("alias `*%1` names no anchor").arg(name),
                                           pos(e.start_mark).line, pos(e.start_mark).column)};
            if (m_b.inMapExpectingKey()) {
                if (!it->second.isScalar())
                    throw complexKey(e.start_mark);
                m_b.key(it->second.text(), pos(e.start_mark), offset(e.start_mark));
                break;
            }
            const SourceNode copy = it->second; // copy: addCopy may rehash m_anchors
            const int begin = offset(e.start_mark);
            addCopy(copy, pos(e.start_mark), begin, offset(e.end_mark));
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            if (m_b.inMapExpectingKey())
                throw complexKey(e.start_mark);
            const bool isSeq = e.type == YAML_SEQUENCE_START_EVENT;
            SourceNode c = isSeq ? SourceNode::makeList() : SourceNode::makeMap();
            const bool flow = isSeq ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                    : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
            c.setStyle(flow ? SourceNode::Style::Flow : SourceNode::Style::Block);
            c.setSpan(offset(e.start_mark), -1);
            m_b.startContainer(std::move(c), pos(e.start_mark));
            m_open.push_back(anchorOf(isSeq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor));
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            SourceNode &n = m_b.endContainer(offset(e.end_mark));
            const QString anchor = m_open.back();
            m_open.pop_back();
            if (!anchor.isEmpty())
                m_anchors.insert_or_assign(anchor, n);
            break;
        }
        default:
            break;
        }
    }

    /// A key's text. A large spec repeats a few dozen keys thousands of times: they share one
    /// string each (less to convert, allocate and keep).
    QString keyText(const char *data, qsizetype size)
    {
        const auto it = m_keys.constFind(QByteArray::fromRawData(data, size));
        if (it != m_keys.constEnd())
            return *it;
        const QString text = QString::fromUtf8(data, size);
        m_keys.insert(QByteArray(data, size), text);
        return text;
    }

    static AbortParse complexKey(const yaml_mark_t &m)
    {
        return AbortParse{readError(QStringLiteral("UIS-E-PARSE"),
                                    QStringLiteral("mapping keys must be plain strings"),
                                    int(m.line) + 1, int(m.column) + 1)};
    }

    /// Adds a copy of an anchored value for an alias; only the copy's root has a span (the
    /// alias token), so a patch never reaches inside it.
    void addCopy(const SourceNode &src, SourcePos p, int begin = -1, int end = -1)
    {
        if (src.isMap() || src.isList()) {
            SourceNode copy = src.isMap() ? SourceNode::makeMap() : SourceNode::makeList();
            copy.setStyle(begin >= 0 ? SourceNode::Style::Alias : SourceNode::Style::Any);
            copy.setSpan(begin, -1);
            m_b.startContainer(std::move(copy), p);
            for (const SourceNode &c : src.children()) {
                if (src.isMap())
                    m_b.key(c.key(), p);
                addCopy(c, p);
            }
            m_b.endContainer(end);
        } else {
            SourceNode copy = src;
            copy.setStyle(begin >= 0 ? SourceNode::Style::Alias : SourceNode::Style::Any);
            copy.setSpan(begin, end);
            copy.setKeyOffset(-1);
            m_b.scalar(std::move(copy), p);
        }
    }

    TreeBuilder &m_b;
    const QByteArray *m_data = nullptr;
    bool m_ascii = true;
    qsizetype m_charCursor = 0;
    qsizetype m_byteCursor = 0;
    std::unordered_map<QString, SourceNode> m_anchors;
    QHash<QByteArray, QString> m_keys;
    std::vector<QString> m_open;
    int m_documents = 0;
};

void readYaml(const QByteArray &data, const SpecReader::Limits &limits, ReadResult &out)
{
    TreeBuilder builder(limits, out.diagnostics);
    try {
        YamlEventReader(builder).read(data);
    } catch (const AbortParse &a) {
        out.diagnostics.append(a.diagnostic);
        return;
    }
    out.root = builder.takeRoot();
}

// ---------------------------------------------------------------- JSON

/// Iterator over the input that records how far nlohmann's lexer has read, so SAX events can be
/// given positions (nlohmann reports none of its own).
struct TrackingIter
{
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    const char *p = nullptr;
    const char **lastRead = nullptr;

    reference operator*() const
    {
        *lastRead = p;
        return *p;
    }
    TrackingIter &operator++()
    {
        ++p;
        return *this;
    }
    TrackingIter operator++(int)
    {
        TrackingIter t = *this;
        ++p;
        return t;
    }
    bool operator==(const TrackingIter &o) const { return p == o.p; }
    bool operator!=(const TrackingIter &o) const { return p != o.p; }
};

class JsonSax
{
public:
    JsonSax(const QByteArray &data, TreeBuilder &b, const LineIndex &lines, const char *&lastRead,
            DiagnosticList &diags)
        : m_data(data), m_b(b), m_lines(lines), m_lastRead(lastRead), m_diags(diags)
    {}

    bool null() { return scalar(SourceNode::makeNull()); }
    bool boolean(bool v) { return scalar(SourceNode::makeBool(v)); }
    bool number_integer(nlohmann::json::number_integer_t v)
    {
        return scalar(SourceNode::makeInt(qint64(v)));
    }
    bool number_unsigned(nlohmann::json::number_unsigned_t v)
    {
        return scalar(SourceNode::makeScalar(QString::number(v), SourceNode::ScalarType::Int));
    }
    bool number_float(nlohmann::json::number_float_t, const std::string &raw)
    {
        return scalar(SourceNode::makeScalar(QString::fromStdString(raw),
                                             SourceNode::ScalarType::Float));
    }
    bool string(std::string &s)
    {
        SourceNode n = SourceNode::makeString(QString::fromUtf8(s.data(), qsizetype(s.size())));
        n.setStyle(SourceNode::Style::DoubleQuoted);
        return scalar(std::move(n));
    }
    bool binary(nlohmann::json::binary_t &) { return scalar(SourceNode::makeNull()); }
    bool start_object(std::size_t) { return container(SourceNode::makeMap()); }
    bool key(std::string &k)
    {
        const auto [begin, end] = tokenSpan();
        m_b.key(QString::fromUtf8(k.data(), qsizetype(k.size())), m_lines.pos(begin), int(begin));
        return true;
    }
    bool end_object()
    {
        m_b.endContainer(int(m_lastRead - m_data.constData()) + 1);
        return true;
    }
    bool start_array(std::size_t) { return container(SourceNode::makeList()); }
    bool end_array()
    {
        m_b.endContainer(int(m_lastRead - m_data.constData()) + 1);
        return true;
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &ex)
    {
        const SourcePos p = m_lines.pos(qsizetype(position) - 1);
        QString msg = QString::fromLocal8Bit(ex.what());
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ";
        // keep only the part a person needs.
        if (int i = msg.indexOf(QLatin1String(": syntax error")); i >= 0)
            msg = msg.mid(i + 2);
        else if (int j = msg.lastIndexOf(QLatin1String("]: ")); j >= 0)
            msg = msg.mid(j + 3);
        m_diags.append(readError(QStringLiteral("UIS-E-PARSE"),
                                 QStringLiteral("malformed JSON: %1").arg(msg), p.line, p.column));
        return false;
    }

    std::optional<Diagnostic> aborted;

private:
    template<class F>
    bool guard(F f)
    {
        try {
            f();
            return true;
        } catch (const AbortParse &a) {
            aborted = a.diagnostic;
            return false;
        }
    }
    bool scalar(SourceNode n)
    {
        const auto [begin, end] = tokenSpan();
        n.setSpan(int(begin), int(end));
        if (n.style() == SourceNode::Style::Any)
            n.setStyle(SourceNode::Style::Plain);
        return guard([&] { m_b.scalar(std::move(n), m_lines.pos(begin)); });
    }
    bool container(SourceNode n)
    {
        const qsizetype at = m_lastRead - m_data.constData();
        n.setStyle(SourceNode::Style::Flow);
        n.setSpan(int(at), -1);
        return guard([&] { m_b.startContainer(std::move(n), m_lines.pos(at)); });
    }
    /// Where the token that just ended begins and ends: walk back from the last byte the lexer
    /// read.
    std::pair<qsizetype, qsizetype> tokenSpan() const
    {
        const char *base = m_data.constData();
        const char *p = m_lastRead;
        auto isDelim = [](char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' ||
                   c == '}' || c == ':';
        };
        // Numbers are read one byte past their end.
        while (p > base && isDelim(*p))
            --p;
        const qsizetype end = p - base + 1;
        if (*p == '"') {
            const char *q = p - 1;
            while (q >= base) {
                if (*q == '"') {
                    int backslashes = 0;
                    for (const char *b = q - 1; b >= base && *b == '\\'; --b)
                        ++backslashes;
                    if (backslashes % 2 == 0)
                        break;
                }
                --q;
            }
            p = std::max(q, base);
        } else {
            while (p > base && !isDelim(p[-1]) && p[-1] != '[' && p[-1] != '{')
                --p;
        }
        return {p - base, end};
    }

    const QByteArray &m_data;
    TreeBuilder &m_b;
    const LineIndex &m_lines;
    const char *&m_lastRead;
    DiagnosticList &m_diags;
};

void readJson(const QByteArray &data, const SpecReader::Limits &limits, ReadResult &out)
{
    TreeBuilder builder(limits, out.diagnostics);
    const LineIndex lines(data);
    const char *lastRead = data.constData();
    JsonSax sax(data, builder, lines, lastRead, out.diagnostics);
    TrackingIter first{data.constData(), &lastRead};
    TrackingIter last{data.constData() + data.size(), &lastRead};
    bool ok = false;
    try {
        ok = nlohmann::json::sax_parse(first, last, &sax);
    } catch (const std::exception &e) {
        out.diagnostics.append(readError(
            QStringLiteral("UIS-E-PARSE"),
            QStringLiteral("malformed JSON: %1").arg(QString::fromLocal8Bit(e.what())), 1, 1));
        return;
    }
    if (sax.aborted) {
        out.diagnostics.append(*sax.aborted);
        return;
    }
    if (ok)
        out.root = builder.takeRoot();
}

} // namespace

Diagnostic SpecReader::tooLarge(qint64 size)
{
    return tooLarge(size, Limits());
}

Diagnostic SpecReader::tooLarge(qint64 size, const Limits &limits)
{
    return readError(QStringLiteral("UIS-E-TOO-LARGE"),
                     QStringLiteral("the file is %1 MiB; specs are limited to %2 MiB")
                         .arg(double(size) / (1024 * 1024), 0, 'f', 1)
                         .arg(limits.maxBytes / (1024 * 1024)),
                     1, 1);
}

ReadResult SpecReader::readSettingsFile(const QByteArray &data, const QString &fileName)
{
    Limits limits;
    limits.maxBytes = 1024 * 1024;
    limits.maxDepth = 16;
    limits.maxNodes = 100000;
    const SpecFormat format =
        formatForFileName(fileName) == SpecFormat::Json ? SpecFormat::Json : SpecFormat::Yaml;
    return read(data, format, limits);
}

SpecFormat SpecReader::formatForFileName(const QString &fileName)
{
    const QString f = fileName.toLower();
    if (f.endsWith(QLatin1String(".json")))
        return SpecFormat::Json;
    if (f.endsWith(QLatin1String(".yaml")) || f.endsWith(QLatin1String(".yml")))
        return SpecFormat::Yaml;
    return SpecFormat::Auto;
}

SpecFormat SpecReader::sniffFormat(const QByteArray &data)
{
    for (char c : data) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return (c == '{' || c == '[') ? SpecFormat::Json : SpecFormat::Yaml;
    }
    return SpecFormat::Yaml;
}

ReadResult SpecReader::read(const QByteArray &data, SpecFormat format)
{
    return read(data, format, Limits());
}

ReadResult SpecReader::read(const QByteArray &input, SpecFormat format, const Limits &limits)
{
    ReadResult out;
    if (input.size() > limits.maxBytes) {
        out.diagnostics.append(tooLarge(input.size(), limits));
        return out;
    }
    QByteArray data = input;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);

    bool isNul = false;
    if (const qsizetype bad = firstBadByte(data, &isNul); bad >= 0) {
        const SourcePos p = LineIndex(data).pos(bad);
        out.diagnostics.append(readError(
            QStringLiteral("UIS-E-ENCODING"),
            isNul ? QStringLiteral("the file contains a NUL byte; it looks binary, not a spec")
                  : QStringLiteral("invalid UTF-8 at byte %1; save the file as UTF-8").arg(bad),
            p.line, p.column));
        return out;
    }

    out.format = format == SpecFormat::Auto ? sniffFormat(data) : format;
    if (out.format == SpecFormat::Json)
        readJson(data, limits, out);
    else
        readYaml(data, limits, out);

    if (!out.root && !hasErrors(out.diagnostics)) {
        out.diagnostics.append(readError(QStringLiteral("UIS-E-EMPTY"),
                                         QStringLiteral("the file is empty; a spec starts with "
                                                        "`version: \"1.1\"`"),
                                         1, 1));
    }
    return out;
}

} // namespace uis

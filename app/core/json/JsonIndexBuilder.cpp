// JsonIndex::parse(): the one translation unit that includes simdjson (a 30,000-line header).
//
// Why a hand-made index over simdjson instead of one of its own forms: its DOM turns every
// number into a double or 64-bit integer (and fails on larger integers), dropping the text
// the tree must show, and its On-Demand API is forward-only, while the tree model and the
// filter walk a document many times, in any order. One On-Demand pass validates the text and
// records where each value is; the values themselves stay in the text.
#include "json/JsonIndex.h"

#include "json/JsonParseMessage.h"

#include <simdjson.h>

#include <limits>

namespace convdesk {

static_assert(JsonIndex::Padding >= qsizetype(simdjson::SIMDJSON_PADDING));

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

class JsonIndexBuilder
{
public:
    JsonIndexBuilder(JsonIndex &index, int maxDepth)
        : m_index(index)
        , m_begin(index.m_text.constData())
        , m_maxDepth(maxDepth)
    {
    }

    error_code build(ondemand::document &document)
    {
        ondemand::json_type type;
        SIMDJSON_TRY(document.type().get(type));
        if (type == ondemand::json_type::array || type == ondemand::json_type::object) {
            ondemand::value root;
            SIMDJSON_TRY(document.get_value().get(root));
            SIMDJSON_TRY(addValue(root, 0, 0, 1));
        } else {
            const NodeId id = newEntry(0, 0);
            std::string_view token;
            SIMDJSON_TRY(document.raw_json_token().get(token));
            SIMDJSON_TRY(addScalar(document, type, token, id));
            // Only white space may follow it (the document may not count a scalar as read).
            const Entry &entry = m_index.m_entries[id];
            for (qsizetype at = entry.textBegin + entry.lengthOrCount; at < m_index.m_text.size(); ++at) {
                if (!isSpace(m_begin[at]))
                    return simdjson::TRAILING_CONTENT;
            }
            return simdjson::SUCCESS;
        }
        // Anything after the root value is an error (simdjson leaves that to the caller).
        if (document.current_location().error() != simdjson::OUT_OF_BOUNDS)
            return simdjson::TRAILING_CONTENT;
        return simdjson::SUCCESS;
    }

private:
    using NodeId = JsonIndex::NodeId;
    using Entry = JsonIndex::Entry;

    quint32 offsetOf(const char *at) const { return quint32(at - m_begin); }

    NodeId newEntry(quint32 keyBegin, quint8 flags)
    {
        const NodeId id = NodeId(m_index.m_entries.size());
        Entry entry;
        entry.keyBegin = keyBegin;
        entry.flags = flags;
        m_index.m_entries.push_back(entry);
        return id;
    }

    // The end of a string whose opening quote is before `at`: its closing quote.
    static const char *closingQuote(const char *at, bool *escaped)
    {
        for (;; ++at) {
            if (*at == '\\') {
                *escaped = true;
                ++at;
            } else if (*at == '"') {
                return at;
            }
        }
    }

    error_code addValue(ondemand::value &value, quint32 keyBegin, quint8 keyFlags, int depth)
    {
        const NodeId id = newEntry(keyBegin, keyFlags);
        ondemand::json_type type;
        SIMDJSON_TRY(value.type().get(type));
        const std::string_view token = value.raw_json_token();
        if (type != ondemand::json_type::array && type != ondemand::json_type::object)
            return addScalar(value, type, token, id);

        if (depth > m_maxDepth)
            return simdjson::DEPTH_ERROR;
        quint32 count = 0;
        if (type == ondemand::json_type::array) {
            m_index.m_entries[id].type = quint8(JsonIndex::Type::Array);
            ondemand::array array;
            SIMDJSON_TRY(value.get_array().get(array));
            for (auto element : array) {
                ondemand::value child;
                SIMDJSON_TRY(element.get(child));
                SIMDJSON_TRY(addValue(child, 0, 0, depth + 1));
                ++count;
            }
        } else {
            m_index.m_entries[id].type = quint8(JsonIndex::Type::Object);
            ondemand::object object;
            SIMDJSON_TRY(value.get_object().get(object));
            for (auto member : object) {
                ondemand::field field;
                SIMDJSON_TRY(std::move(member).get(field));
                const char *keyStart = field.key().raw();
                bool escaped = false;
                closingQuote(keyStart, &escaped); // where it ends is found again when it is read
                if (escaped) { // only then are there escapes to check
                    std::string_view unescaped;
                    SIMDJSON_TRY(field.unescaped_key().get(unescaped));
                }
                SIMDJSON_TRY(addValue(field.value(), offsetOf(keyStart), escaped ? JsonIndex::KeyEscaped : 0, depth + 1));
                ++count;
            }
        }
        Entry &entry = m_index.m_entries[id];
        entry.textBegin = offsetOf(token.data());
        entry.lengthOrCount = count;
        entry.end = NodeId(m_index.m_entries.size());
        return simdjson::SUCCESS;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    // The length of the JSON number `token` starts with (its grammar: -?(0|[1-9][0-9]*)
    // (.[0-9]+)?([eE][+-]?[0-9]+)?), followed by a delimiter; 0 when it is not one.
    static size_t numberLength(std::string_view token, bool *integer)
    {
        size_t at = 0;
        const auto digits = [&] {
            const size_t first = at;
            while (at < token.size() && isDigit(token[at]))
                ++at;
            return at - first;
        };
        if (at < token.size() && token[at] == '-')
            ++at;
        if (at < token.size() && token[at] == '0')
            ++at;
        else if (digits() == 0)
            return 0;
        if (at < token.size() && token[at] == '.') {
            *integer = false;
            ++at;
            if (digits() == 0)
                return 0;
        }
        if (at < token.size() && (token[at] == 'e' || token[at] == 'E')) {
            *integer = false;
            ++at;
            if (at < token.size() && (token[at] == '+' || token[at] == '-'))
                ++at;
            if (digits() == 0)
                return 0;
        }
        if (at < token.size()) {
            const char next = token[at];
            if (!isSpace(next) && next != ',' && next != ']' && next != '}')
                return 0;
        }
        return at;
    }

    // `source` is an ondemand::value or, for a scalar document, the document.
    template<typename Source>
    error_code addScalar(Source &source, ondemand::json_type type, std::string_view token, NodeId id)
    {
        using Type = JsonIndex::Type;
        Entry &entry = m_index.m_entries[id];
        entry.textBegin = offsetOf(token.data());
        entry.end = id + 1;
        switch (type) {
        case ondemand::json_type::string: {
            bool escaped = false;
            const char *close = closingQuote(token.data() + 1, &escaped);
            entry.lengthOrCount = quint32(close + 1 - token.data());
            entry.type = quint8(Type::String);
            if (escaped) { // unescaped control characters and bad UTF-8 were refused before
                entry.flags |= JsonIndex::ValueEscaped;
                std::string_view unescaped;
                SIMDJSON_TRY(source.get_string().get(unescaped));
            }
            return simdjson::SUCCESS;
        }
        case ondemand::json_type::number: {
            // Read as a double, which checks it as nlohmann does (1e400 overflows in both);
            // any length of digits reads, so an integer beyond 64 bits is accepted.
            double number = 0;
            SIMDJSON_TRY(source.get_double().get(number));
            bool integer = true;
            const size_t length = numberLength(token, &integer);
            if (length == 0)
                return simdjson::NUMBER_ERROR;
            entry.lengthOrCount = quint32(length);
            entry.type = quint8(integer ? Type::Integer : Type::Number);
            return simdjson::SUCCESS;
        }
        case ondemand::json_type::boolean: {
            bool flag = false;
            SIMDJSON_TRY(source.get_bool().get(flag));
            entry.lengthOrCount = flag ? 4 : 5;
            entry.type = quint8(flag ? Type::True : Type::False);
            return simdjson::SUCCESS;
        }
        case ondemand::json_type::null: {
            bool null = false;
            SIMDJSON_TRY(source.is_null().get(null));
            if (!null)
                return simdjson::N_ATOM_ERROR;
            entry.lengthOrCount = 4;
            entry.type = quint8(Type::Null);
            return simdjson::SUCCESS;
        }
        case ondemand::json_type::array:
        case ondemand::json_type::object:
            break;
        }
        return simdjson::INCORRECT_TYPE;
    }

    JsonIndex &m_index;
    const char *m_begin;
    int m_maxDepth;
};

std::shared_ptr<const JsonIndex> JsonIndex::parse(QByteArray text, JsonParseError *error, int maxDepth)
{
    JsonParseError scratch;
    JsonParseError &err = error ? *error : scratch;
    err = {};
    const qsizetype size = text.size();
    auto index = std::make_shared<JsonIndex>();
    error_code code = simdjson::CAPACITY;
    if (size > 0 && size < qsizetype(std::numeric_limits<quint32>::max()) - Padding) {
        // simdjson reads up to SIMDJSON_PADDING bytes past the end: they must belong to the
        // buffer (their content does not matter). Most bodies already have room; the others
        // are copied once.
        // (Room after the end, not capacity() - size(): the bytes may start past the start of
        // their buffer.)
        if (text.data_ptr().freeSpaceAtEnd() < Padding)
            text.reserve(size + Padding);
        index->m_text = std::move(text);
        // An entry for about every 16 bytes of an ordinary answer: fewer reallocations.
        index->m_entries.reserve(size_t(size / 16) + 1);
        ondemand::parser parser;
        code = parser.allocate(size_t(size), size_t(std::max(maxDepth, 1)) + 1);
        ondemand::document document;
        // A UTF-8 byte order mark before the value is skipped, as nlohmann (Json::parse) does.
        const size_t skipped = index->m_text.startsWith("\xef\xbb\xbf") ? 3 : 0;
        if (code == simdjson::SUCCESS)
            code = parser.iterate(index->m_text.constData() + skipped, size_t(size) - skipped,
                                  size_t(index->m_text.capacity()) - skipped)
                       .get(document);
        if (code == simdjson::SUCCESS) {
            JsonIndexBuilder builder(*index, maxDepth);
            code = builder.build(document);
        }
    }
    if (code == simdjson::SUCCESS)
        return index; // (unused capacity is never touched: it costs address space, not memory)
    // The rare failure is described by Json::parse, in the words used for every JSON text the
    // app reads (where it is, what was expected); simdjson's codes say less.
    const QByteArray &original = index->m_text.isNull() ? text : index->m_text;
    if (!Json::parse(original, &err, maxDepth))
        return nullptr;
    // Should nlohmann read what simdjson refused, simdjson's reason, behind the lead-in of
    // every reason JsonParseMessage does not know.
    err.message = JsonParseMessage::explain(QString::fromUtf8(simdjson::error_message(code)));
    return nullptr;
}

} // namespace convdesk

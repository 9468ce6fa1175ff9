#pragma once

#include "json/JsonDocument.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace convdesk {

// Where each value of a JSON text sits, byte for byte: a tree of spans over the UTF-8 text,
// in the text's order, so a reader can show a number as its exact text (never through a
// double) and an editor can splice one value without touching the bytes around it.
// QJsonDocument cannot do this (it sorts keys and rounds big integers), nor can a parsed
// ordered_json (it forgets how each value was written).
class JsonTextSpans
{
public:
    enum class Kind { String, Integer, Number, Boolean, Null, Object, Array };

    struct Span
    {
        Kind kind = Kind::Null;
        bool hasKey = false;   // an object member (else an array element or the root)
        QString key;           // the decoded member name
        size_t start = 0;      // the key's opening quote, or the value when there is no key
        size_t keyEnd = 0;     // one past the key's closing quote (== start without a key)
        size_t valueBegin = 0;
        size_t valueEnd = 0;   // one past the value
        std::vector<Span> children; // members or elements of an object or array

        bool isContainer() const { return kind == Kind::Object || kind == Kind::Array; }
    };

    // Validates and scans; nothing (with *error) when the text is not JSON.
    static std::optional<JsonTextSpans> scan(const QString &text, JsonParseError *error = nullptr);
    // For UTF-8 text that Json::parse has already accepted.
    static JsonTextSpans scanValid(std::string utf8);

    const Span &root() const { return m_root; }
    const std::string &utf8() const { return m_utf8; }

    QString valueText(const Span &span) const; // exactly as written: `1.0`, `"a\n"`, `{ }`
    QString stringValue(const Span &span) const; // a string's decoded text ("" for others)

    // The kind a scalar's exact text has: Integer only for `-?digits` that fit in 64 bits.
    static Kind kindOf(std::string_view valueText);
    // Whether text is one JSON number (`12`, `-3.5`, `1e6`), nothing around it.
    static bool isJsonNumber(std::string_view text);
    // JSON's white space: space, tab, line feed and carriage return (RFC 8259).
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    // Where the string starting with its quote at `pos` ends (just past its closing quote; the
    // end of `text` if it is not closed). Shared with JsonTextEditor, which scans the same text.
    static size_t skipString(const std::string &text, size_t pos);
    // Whether text is `-?digits` without a leading zero that fits in 64 signed bits.
    static bool isInt64(std::string_view text);

private:
    std::string m_utf8;
    Span m_root;
};

} // namespace convdesk

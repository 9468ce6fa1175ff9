#include "json/JsonTextSpans.h"

#include <charconv>

namespace convdesk {

namespace {

size_t skipSpace(const std::string &text, size_t pos)
{
    while (pos < text.size() && JsonTextSpans::isSpace(text[pos]))
        ++pos;
    return pos;
}

QString decodeString(const std::string &text, size_t begin, size_t end)
{
    const auto value = Json::parse(QByteArrayView(text.data() + begin, qsizetype(end - begin)));
    return value && value->is_string() ? Json::toQString(value->get<std::string>()) : QString();
}

// The scanner works on text that Json::parse has already accepted, so it only finds the
// boundaries of values; it never has to report a syntax error. The depth was bounded by
// Json::parse, so the recursion is too.
size_t scanValue(const std::string &text, size_t pos, JsonTextSpans::Span &span)
{
    span.valueBegin = pos;
    const char first = text[pos];
    if (first == '"') {
        span.kind = JsonTextSpans::Kind::String;
        span.valueEnd = JsonTextSpans::skipString(text, pos);
        return span.valueEnd;
    }
    if (first == '{' || first == '[') {
        const bool isObject = first == '{';
        span.kind = isObject ? JsonTextSpans::Kind::Object : JsonTextSpans::Kind::Array;
        pos = skipSpace(text, pos + 1);
        while (pos < text.size() && text[pos] != '}' && text[pos] != ']') {
            JsonTextSpans::Span child;
            child.start = pos;
            child.keyEnd = pos;
            if (isObject) {
                child.hasKey = true;
                child.keyEnd = JsonTextSpans::skipString(text, pos);
                child.key = decodeString(text, pos, child.keyEnd);
                pos = skipSpace(text, skipSpace(text, child.keyEnd) + 1); // past ':'
            }
            pos = skipSpace(text, scanValue(text, pos, child));
            span.children.push_back(std::move(child));
            if (pos < text.size() && text[pos] == ',')
                pos = skipSpace(text, pos + 1);
        }
        span.valueEnd = pos + 1;
        return span.valueEnd;
    }
    // A number or a literal: up to the next delimiter.
    while (pos < text.size() && !JsonTextSpans::isSpace(text[pos]) && text[pos] != ',' && text[pos] != '}' && text[pos] != ']')
        ++pos;
    span.valueEnd = pos;
    span.kind = JsonTextSpans::kindOf(std::string_view(text).substr(span.valueBegin, pos - span.valueBegin));
    return pos;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

size_t JsonTextSpans::skipString(const std::string &text, size_t pos)
{
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos;
        else if (text[pos] == '"')
            return pos + 1;
    }
    return text.size();
}

std::optional<JsonTextSpans> JsonTextSpans::scan(const QString &text, JsonParseError *error)
{
    const QByteArray utf8 = text.toUtf8();
    if (!Json::parse(utf8, error))
        return std::nullopt;
    return scanValid(std::string(utf8.constData(), size_t(utf8.size())));
}

JsonTextSpans JsonTextSpans::scanValid(std::string utf8)
{
    JsonTextSpans spans;
    spans.m_utf8 = std::move(utf8);
    const size_t begin = skipSpace(spans.m_utf8, 0);
    spans.m_root.start = begin;
    spans.m_root.keyEnd = begin;
    if (begin < spans.m_utf8.size())
        scanValue(spans.m_utf8, begin, spans.m_root);
    return spans;
}

QString JsonTextSpans::valueText(const Span &span) const
{
    return Json::toQString(m_utf8.substr(span.valueBegin, span.valueEnd - span.valueBegin));
}

QString JsonTextSpans::stringValue(const Span &span) const
{
    return span.kind == Kind::String ? decodeString(m_utf8, span.valueBegin, span.valueEnd) : QString();
}

JsonTextSpans::Kind JsonTextSpans::kindOf(std::string_view valueText)
{
    if (valueText.empty())
        return Kind::Null;
    switch (valueText.front()) {
    case '"': return Kind::String;
    case '{': return Kind::Object;
    case '[': return Kind::Array;
    case 't': case 'f': return Kind::Boolean;
    case 'n': return Kind::Null;
    default: return isInt64(valueText) ? Kind::Integer : Kind::Number;
    }
}

bool JsonTextSpans::isJsonNumber(std::string_view text)
{
    // The grammar of RFC 8259 section 6, by hand: std::from_chars and QString::toDouble
    // accept forms JSON does not (a leading '+', "inf", hex, "1.").
    size_t pos = 0;
    if (pos < text.size() && text[pos] == '-')
        ++pos;
    if (pos >= text.size() || !isDigit(text[pos]))
        return false;
    if (text[pos] == '0')
        ++pos;
    else
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        if (pos >= text.size() || !isDigit(text[pos]))
            return false;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
            ++pos;
        if (pos >= text.size() || !isDigit(text[pos]))
            return false;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
    }
    return pos == text.size();
}

bool JsonTextSpans::isInt64(std::string_view text)
{
    const size_t digits = !text.empty() && text.front() == '-' ? 1 : 0;
    if (digits >= text.size() || (text[digits] == '0' && text.size() > digits + 1))
        return false;
    for (size_t i = digits; i < text.size(); ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    // from_chars reads exactly '-' and digits and reports overflow; no double on the way.
    qint64 number = 0;
    const auto [last, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    return error == std::errc() && last == text.data() + text.size();
}

} // namespace convdesk

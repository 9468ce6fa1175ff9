#include "json/JsonDocument.h"

#include "json/JsonParseMessage.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace convdesk {

namespace {

void locate(QByteArrayView bytes, qsizetype offset, JsonParseError *error)
{
    offset = qBound(qsizetype(0), offset, bytes.size());
    error->offset = offset;
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    error->line = line;
    error->column = int(QString::fromUtf8(bytes.sliced(lineStart, offset - lineStart)).size()) + 1;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("convdesk::Json", text);
}

} // namespace

QString JsonParseError::describe() const
{
    if (line <= 0)
        return message;
    return QCoreApplication::translate("convdesk::Json", "line %1, column %2: %3")
        .arg(line).arg(column).arg(message);
}

namespace Json {

int nestingDepth(QByteArrayView bytes)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '[': case '{': deepest = std::max(deepest, ++depth); break;
        case ']': case '}': --depth; break;
        default: break;
        }
    }
    return deepest;
}

std::optional<OrderedJson> parse(QByteArrayView bytes, JsonParseError *error, int maxDepth)
{
    JsonParseError scratch;
    JsonParseError &err = error ? *error : scratch;
    err = {};
    if (bytes.trimmed().isEmpty()) {
        err.message = tr("the text is empty");
        locate(bytes, 0, &err);
        return std::nullopt;
    }
    // nlohmann stops at a NUL byte as if the text ended there, and would accept "{}\0junk":
    // JSON never contains one (not even inside strings), so it is an error wherever it is.
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        err.message = tr("the text contains a NUL character, which JSON does not allow");
        locate(bytes, nul, &err);
        return std::nullopt;
    }
    if (const int depth = nestingDepth(bytes); depth > maxDepth) {
        err.message = tr("nesting is %1 levels deep; at most %2 are accepted").arg(depth).arg(maxDepth);
        return std::nullopt;
    }
    try {
        return OrderedJson::parse(bytes.begin(), bytes.end());
    } catch (const nlohmann::json::parse_error &e) {
        // nlohmann reports "[json.exception.parse_error.101] parse error at line 1, column 2:
        // syntax error while parsing value - invalid literal; last read: 'x'"; keep the reason.
        QString what = QString::fromUtf8(e.what());
        if (const qsizetype colon = what.indexOf(QLatin1String(": "), what.indexOf(QLatin1String("parse error"))); colon >= 0)
            what = what.mid(colon + 2);
        err.message = JsonParseMessage::explain(what);
        locate(bytes, qsizetype(e.byte) > 0 ? qsizetype(e.byte) - 1 : 0, &err);
    } catch (const std::exception &e) {
        err.message = QString::fromUtf8(e.what());
    }
    return std::nullopt;
}

QByteArray serialize(const OrderedJson &value, int indent)
{
    const std::string text = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

QString toQString(const std::string &utf8)
{
    if (utf8.size() < 3 || utf8.compare(0, 3, "\xef\xbb\xbf") != 0)
        return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless
                                                       | QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

QString toText(const OrderedJson &value, int indent)
{
    return QString::fromUtf8(serialize(value, indent));
}

} // namespace Json
} // namespace convdesk

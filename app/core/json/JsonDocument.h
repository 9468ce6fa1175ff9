#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace convdesk {

// Insertion-ordered JSON with exact 64-bit integers. QJsonObject sorts keys, so it cannot
// show a conversation in the server's order; nlohmann's ordered_json (a Debian package)
// keeps both the order and int64/uint64 values.
using OrderedJson = nlohmann::ordered_json;

struct JsonParseError
{
    QString message;
    qsizetype offset = -1; // byte offset of the problem, 0-based
    int line = 0;          // 1-based, 0 when unknown
    int column = 0;        // 1-based, in characters of that line

    QString describe() const; // "line 3, column 7: unexpected '}'"
};

namespace Json {

inline constexpr int DefaultMaxDepth = 512;

// Parses UTF-8 JSON. Nesting deeper than maxDepth is rejected before parsing so that
// hostile input cannot exhaust the stack of anything that later walks the tree.
std::optional<OrderedJson> parse(QByteArrayView bytes, JsonParseError *error = nullptr,
                                 int maxDepth = DefaultMaxDepth);

// Compact when indent < 0. Invalid UTF-8 in strings is replaced, never thrown.
QByteArray serialize(const OrderedJson &value, int indent = -1);
QString toText(const OrderedJson &value, int indent = -1);

// Keeps a leading U+FEFF: QString::fromUtf8 drops it as a byte order mark, which would
// change a key or a server_extension that starts with one.
QString toQString(const std::string &utf8);
inline std::string toStdString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return std::string(utf8.constData(), size_t(utf8.size()));
}

// The greatest nesting depth of arrays/objects in the text (strings are skipped).
int nestingDepth(QByteArrayView bytes);

} // namespace Json
} // namespace convdesk

#pragma once

#include "json/JsonDocument.h"
#include "json/JsonIndex.h"
#include "json/JsonPath.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace convdesk {

// How one value of a conversation is presented: the text of the Value column, the tooltip
// behind it and the Type column.
struct DecodedField
{
    enum class Kind {
        Plain,         // shown as it is
        Container,     // object or array, shown as a summary
        Enum,          // "1 · one-to-one"
        Timestamp,     // milliseconds since the epoch, shown as local date-time
        StringBoolean, // "true"/"false" sent as a string
        JsonString,    // a string that holds a JSON object or array
    };

    QString display;  // for the Value column: one line, never much longer than ElideLength characters
    QString toolTip;  // the full value; a decoded one (a date, an enum) also with the raw value behind it
    QString typeName; // for the Type column: "integer", "boolean (string)", ...
    Kind kind = Kind::Plain;
    bool elided = false; // display is shortened; toolTip (and the value itself) has it all
    qsizetype embeddedSize = 0; // JsonString: how many members or elements its JSON has
};

// Turns raw conversation fields into what a support engineer reads: enum numbers with their
// meaning, timestamps as dates, string booleans as booleans, long text shortened. Knows the
// field names of the Yunxin conversation object (both shapes of last_message).
class FieldDecoder
{
    Q_DECLARE_TR_FUNCTIONS(FieldDecoder)
public:
    static constexpr qsizetype ElideLength = 200;
    static constexpr qsizetype ToolTipLimit = 8000;

    // Where a value comes from. Inside JSON decoded from a string (server_extension, an
    // extension) the keys are the app's own, so the vendor's enum and timestamp meanings of
    // names like `type` or `create_time` are not applied there.
    enum class Origin { Conversation, EmbeddedJson };

    // `path` leads from the root of the conversation object to `value`.
    static DecodedField decode(const JsonPath &path, const OrderedJson &value,
                               Origin origin = Origin::Conversation);
    // The same for a value in a parse; numbers show their text exactly as sent (an integer
    // beyond 64 bits too).
    static DecodedField decode(const JsonPath &path, const JsonIndex &index, JsonIndex::NodeId node,
                               Origin origin = Origin::Conversation);

    // Whether a string may hold a JSON object or array, without parsing it: false means
    // embeddedJson() is certainly nullopt. Cheap enough to ask of every string of a document.
    static bool mayHoldEmbeddedJson(std::string_view utf8);
    // The JSON object or array a string holds (surrounding white space ignored); nullopt for
    // anything else, and for strings too long to inspect.
    static std::optional<OrderedJson> embeddedJson(const std::string &utf8);
    // The same JSON as a parse of its own (null when embeddedJson() is nullopt).
    static std::shared_ptr<const JsonIndex> embeddedIndex(const std::string &utf8);

    // The JSON type in words: "object", "array", "string", "integer", "number", "boolean", "null".
    static QString jsonTypeName(const OrderedJson &value);
    static QString jsonTypeName(JsonIndex::Type type);

    // "{12 keys}" / "[3 items]"; empty for scalars.
    static QString containerSummary(const OrderedJson &value);
    static QString containerSummary(bool object, qsizetype count);

    // The meaning of an enum value of the field at `path` ("one-to-one"), or an empty string
    // when the field is not an enum or the value is not one the vendor documents.
    static QString enumMeaning(const JsonPath &path, qint64 value);

    // Text for one table cell: on one line (see oneLine()), and when longer than ElideLength
    // characters its beginning and its end with "…" between them, so a view that elides in
    // the middle shows both ends of any text.
    static QString elide(const QString &text, bool *elided = nullptr);
    // Text on one line: each line break shown as " ↵ ", tabs as spaces.
    static QString oneLine(const QString &text);
    // Text for a tooltip: at most ToolTipLimit characters, then how many more there are.
    static QString limitedToolTip(const QString &text);

private:
    // A scalar: `raw` is its text as shown (a string's own text, a number as sent).
    static DecodedField decodeScalar(const JsonPath &path, const OrderedJson &value, const QString &raw,
                                     const QString &typeName, Origin origin);
};

} // namespace convdesk

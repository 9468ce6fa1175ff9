#pragma once

#include "json/JsonDocument.h"

#include <QList>
#include <QString>

#include <optional>

namespace convdesk {

// One key (or array element, or the whole value) that a save changes.
struct ExtensionChange
{
    enum class Kind { Added, Removed, Changed };

    Kind kind = Kind::Changed;
    QString pointer;      // RFC 6901 JSON Pointer: "/contact/phone", "/a~1b"; "" for the whole value
    QString readablePath; // the same as JsonPath text: "$.contact.phone", "$[\"a/b\"]"; "$" for the whole value
    std::optional<QString> oldValue; // compact JSON (or the plain text); none when Added
    std::optional<QString> newValue; // none when Removed
    QString oldType; // ExtensionChanges::typeName() keys; "" when absent
    QString newType;

    bool wholeValue() const { return pointer.isEmpty(); }
    bool typeChanged() const { return kind == Kind::Changed && oldType != newType; }
};

// What a save changes, key by key, for a person to check before sending. Built on nlohmann's
// own structural diff (RFC 6902) of the loaded and the new value; when a side is not JSON (the
// field may hold any string), one whole-value row stands for the change.
struct ExtensionChanges
{
    enum class Form { Empty, Json, Text }; // Empty: blank text (the field unset or cleared)

    Form beforeForm = Form::Empty;
    Form afterForm = Form::Empty;
    QList<ExtensionChange> changes;

    // The loaded value was JSON, the new one starts like JSON ('{' or '[') but does not parse.
    bool breaksJson = false;
    // The loaded value was an object, the new one is another JSON value or plain text (clearing
    // the field is not counted: an empty value is the field's unset state).
    bool stopsBeingObject = false;
    // The texts differ, the JSON values are equal and in the same key order.
    bool formattingOnly = false;
    // nlohmann's diff is empty (ordered_json equality is order-sensitive, its diff is not), the
    // texts differ only in the order of keys (and perhaps formatting).
    bool orderOnly = false;

    static ExtensionChanges compute(const QString &before, const QString &after);

    // A JSON value's kind as the review names it: "null", "boolean", "integer", "number"
    // (with a fraction or exponent), "string", "array", "object". Plain text is "text".
    static QString typeName(const OrderedJson &value);
    static inline const QString TextType = QStringLiteral("text");

    bool identical() const { return changes.isEmpty() && !formattingOnly && !orderOnly; }
    // Either of the risks that need a second, explicit confirmation.
    bool risky() const { return breaksJson || stopsBeingObject; }
    qsizetype count(ExtensionChange::Kind kind) const;
};

} // namespace convdesk

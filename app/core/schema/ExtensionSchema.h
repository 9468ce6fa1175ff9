#pragma once

#include "json/JsonDocument.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace convdesk {

// One problem of a value against the team's schema: where (an RFC 6901 JSON Pointer into the
// value, "" for the whole value) and what, in plain words in the UI language.
struct SchemaError
{
    QString pointer;
    QString message;
    friend bool operator==(const SchemaError &, const SchemaError &) = default;
};

// What the schema says about one key, for the form: labels, tooltips, editors and defaults.
struct SchemaFieldHints
{
    QString title;                        // "title", or empty
    QString description;                  // "description", or empty
    QStringList types;                    // "type" as given ("string", "integer", ...); empty when any
    QList<OrderedJson> enumValues;        // "enum" (or a "const" as a one-value enum); empty when free
    std::optional<OrderedJson> defaultValue;
    QList<OrderedJson> examples;
    QString format;                       // a hint only
    std::optional<double> minimum, maximum;           // inclusive bounds (exclusive ones folded in
    std::optional<double> exclusiveMinimum, exclusiveMaximum; // kept apart here)
    std::optional<qint64> minLength, maxLength;       // in characters (code points)
    QString pattern;
    bool required = false;                // listed in the parent object's "required"
};

// A team's rules for server_extension: a JSON Schema (draft-07) read from a file, validated
// with valijson (over nlohmann/json), and read for hints that build the form.
// The file is read when load() is called; callers load afresh when they use it, so a team
// can update a shared copy.
class ExtensionSchema
{
    Q_DECLARE_TR_FUNCTIONS(ExtensionSchema)
public:
    // nullopt, with one sentence naming the file and (for a syntax error) line and column, or
    // the keyword and place that make it an invalid schema, when the file cannot be read, is
    // not JSON, or is not a valid draft-07 schema. A missing file is named as such.
    static std::optional<ExtensionSchema> load(const QString &filePath, QString *error);
    // The same for schema text held in memory; `sourceName` stands in for the file name.
    static std::optional<ExtensionSchema> fromText(const QByteArray &text, const QString &sourceName,
                                                   QString *error);

    QString filePath() const;       // as given to load(); empty for fromText()
    QString sha256Hex() const;      // of the file's bytes as read, lowercase hex
    QString title() const;          // the schema's own "title", or empty

    // Every problem of `valueText` (the server_extension text) against the schema. A value
    // that is not JSON is one error at "" saying so (the schema describes JSON).
    QList<SchemaError> validate(const QString &valueText) const;
    QList<SchemaError> validate(const OrderedJson &value) const;

    // Hints for the value at `pointer` ("" is the root object, "/contact/phone" a nested key),
    // following "properties", "items", "$ref" within the file and "definitions"; nullopt when
    // the schema says nothing about it (an "extra" key).
    std::optional<SchemaFieldHints> hintsFor(const QString &pointer) const;
    // The names in "properties" of the object at `objectPointer`, in the schema's order.
    QStringList propertyNames(const QString &objectPointer) const;
    QStringList requiredNames(const QString &objectPointer) const;
    // false when the object at `objectPointer` has "additionalProperties": false.
    bool allowsAdditionalProperties(const QString &objectPointer) const;

    ExtensionSchema(const ExtensionSchema &);
    ExtensionSchema &operator=(const ExtensionSchema &);
    ExtensionSchema(ExtensionSchema &&) noexcept;
    ExtensionSchema &operator=(ExtensionSchema &&) noexcept;
    ~ExtensionSchema();

private:
    struct Data;
    explicit ExtensionSchema(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

} // namespace convdesk

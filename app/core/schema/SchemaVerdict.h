#pragma once

#include "schema/ExtensionSchema.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace convdesk {

// The schema facts of one save, for its audit record: which schema (path and SHA-256 of the
// bytes read), and whether the value passed it. `check` is empty when the profile has no
// schema, so such saves are recorded as before.
struct SchemaVerdict
{
    Q_DECLARE_TR_FUNCTIONS(SchemaVerdict)
public:
    static inline const QString Passed = QStringLiteral("passed");
    static inline const QString Failed = QStringLiteral("failed");
    static inline const QString Skipped = QStringLiteral("skipped"); // the check was turned off

    QString schemaPath;
    QString schemaSha256; // lowercase hex; empty when the file could not be read
    QString check;        // Passed, Failed, Skipped, or empty (no schema)
    QStringList errors;   // "/pointer: message" lines when Failed

    bool isEmpty() const { return check.isEmpty(); }

    // Passed when `errors` is empty, else Failed with one line per error.
    static SchemaVerdict of(const ExtensionSchema &schema, const QList<SchemaError> &errors);
    // The check was turned off (--no-schema-check); the schema, when it could be read, is named.
    static SchemaVerdict skipped(const QString &schemaPath, const QString &schemaSha256 = {});
    // "/contact/phone: must be a string (it is an integer)"; the whole value is "(root)".
    static QString line(const SchemaError &error);

    friend bool operator==(const SchemaVerdict &, const SchemaVerdict &) = default;
};

} // namespace convdesk

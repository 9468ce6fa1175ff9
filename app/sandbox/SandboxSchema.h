#pragma once

#include <QCoreApplication>
#include <QString>

namespace convdesk {

// The sample team schema of the sandbox's demo profile (resources/sandbox/extension-schema.json,
// built in): a ticket pattern, a priority out of four, tags, a VIP flag and an agent. A profile
// names a schema by file, so the sandbox writes it out before naming it.
class SandboxSchema
{
    Q_DECLARE_TR_FUNCTIONS(SandboxSchema)
public:
    static QByteArray text();
    // Writes the schema to `filePath` (replacing a file there); false, with the reason, when
    // it cannot.
    static bool writeTo(const QString &filePath, QString *error);
};

} // namespace convdesk

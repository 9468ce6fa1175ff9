#include "SandboxSchema.h"

#include <QFile>
#include <QSaveFile>

namespace convdesk {

QByteArray SandboxSchema::text()
{
    QFile resource(QStringLiteral(":/sandbox/extension-schema.json"));
    return resource.open(QIODevice::ReadOnly) ? resource.readAll() : QByteArray();
}

bool SandboxSchema::writeTo(const QString &filePath, QString *error)
{
    const QByteArray schema = text();
    QSaveFile file(filePath);
    if (schema.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(schema) != schema.size()
        || !file.commit()) {
        if (error)
            *error = tr("The sandbox's sample schema could not be written to %1: %2")
                         .arg(filePath, schema.isEmpty() ? tr("it is missing from the program") : file.errorString());
        return false;
    }
    return true;
}

} // namespace convdesk

#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>

class QSettings;

namespace convdesk {

class SecretStore;

// Everything a command touches outside itself. main() passes the real streams, settings and
// keychain; tests pass temporary files, an ini file and an InMemorySecretStore.
struct CliContext
{
    FILE *in;
    FILE *out;
    FILE *err;
    QSettings &settings;
    SecretStore &secrets;
    QString auditLogPath;

    // Standard output carries only results (JSON, tables), so it is written as given.
    void printOut(const QByteArray &text) const;
    // Messages and errors: one line each, UTF-8.
    void printErr(const QString &text) const;
};

} // namespace convdesk

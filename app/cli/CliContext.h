#pragma once

#include "api/RateLimitBackoff.h"

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
    // How long a batch run waits on code 416 before it asks again; tests shorten it.
    RateLimitPolicy rateLimit = {};
    // Put before every line printErr() writes: a batch run names the conversation ("ID: ").
    QString errPrefix = {};

    // Standard output carries only results (JSON, tables), so it is written as given.
    void printOut(const QByteArray &text) const;
    // Messages and errors: one line each, UTF-8 (every line of a multi-line text prefixed).
    void printErr(const QString &text) const;

    // A progress line on standard error, rewritten in place; only when it is a terminal, so
    // that logs and pipes get the messages alone. The next printErr() line replaces it.
    bool errIsTerminal() const;
    void printProgress(const QString &text) const;
    void clearProgress() const;

    // Whether a progress line stands unfinished on standard error (kept public so that the
    // context stays an aggregate, built with braces by main() and the tests).
    mutable bool progressShown = false;
};

} // namespace convdesk

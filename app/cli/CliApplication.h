#pragma once

#include "CliExitCode.h"
#include "api/ApiResult.h"
#include "profiles/Profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <memory>
#include <optional>

class QSettings;

namespace convdesk {

class ApiCall;
class ApiClient;
struct SaveConflict;
class ProfileStore;
class SecretStore;

// convdesk-cli: the core for scripting and support escalations. Each command runs to
// completion synchronously (local event loops) and returns a CliExitCode.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(CliApplication)
public:
    CliApplication(FILE *in, FILE *out, FILE *err);
    ~CliApplication();

    int run(const QStringList &arguments);

private:
    int runProfile(const QStringList &args);
    int runProfileAdd(const QStringList &args);
    int runProfileList();
    int runProfileRemove(const QStringList &args);
    int runGet(const QStringList &args);
    int runSetExtension(const QStringList &args);
    int runList(const QStringList &args);
    int runHistory(const QStringList &args);
    int runSandbox();

    // Resolves --profile (or the default), reads its secret and configures the client.
    int prepareClient(ApiClient &client, Profile *profile);
    ApiResult wait(ApiCall *call);
    int reportFailure(const ApiResult &result);
    int reportConflict(const SaveConflict &conflict);
    int usageError(const QString &message);
    bool rejectOptionsOtherThan(const QStringList &allowed);

    void printOut(const QByteArray &text);
    void printErr(const QString &text);

    FILE *m_in;
    FILE *m_out;
    FILE *m_err;
    QCommandLineParser m_parser;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace convdesk

#include "CliApplication.h"
#include "audit/AuditLog.h"
#include "i18n/TranslationLoader.h"
#include "platform/AppIdentity.h"
#include "platform/PrivateFiles.h"
#include "secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    convdesk::AppIdentity::apply();
    // --lang CODE (or CONVDESK_LANG, the GUI's setting, the system locale) picks the language
    // of --help and every message; it is taken out before the commands are parsed.
    QStringList arguments = QCoreApplication::arguments();
    const auto language = convdesk::TranslationLoader::install(
        app, convdesk::TranslationLoader::takeLanguageOption(arguments));
    if (!language.error.isEmpty())
        std::fprintf(stderr, "convdesk-cli: %s\n", qPrintable(language.error));
    QSettings settings;
    // AppKeys and endpoints are nobody else's business: the folder 0700, the file 0600.
    QString privacyProblem;
    if (!convdesk::PrivateFiles::prepareSettingsFile(settings, &privacyProblem))
        std::fprintf(stderr, "convdesk-cli: warning: %s\n", qPrintable(privacyProblem));
    convdesk::KeychainSecretStore secrets(convdesk::AppIdentity::keychainService());
    convdesk::CliContext context{stdin, stdout, stderr, settings, secrets, convdesk::AuditLog::defaultFilePath()};
    convdesk::CliApplication cli(context);
    const int status = cli.run(arguments);
    settings.sync();
    if (privacyProblem.isEmpty() && !convdesk::PrivateFiles::restrictToOwner(settings.fileName(), &privacyProblem))
        std::fprintf(stderr, "convdesk-cli: warning: %s\n", qPrintable(privacyProblem));
    return status;
}

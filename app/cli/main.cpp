#include "CliApplication.h"
#include "i18n/TranslationLoader.h"
#include "platform/AppIdentity.h"

#include <QCoreApplication>

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
    convdesk::CliApplication cli(stdin, stdout, stderr);
    return cli.run(arguments);
}

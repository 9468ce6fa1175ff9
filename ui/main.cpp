#include "DesktopIdentity.h"
#include "MainWindow.h"
#include "api/ConversationLink.h"
#include "i18n/TranslationLoader.h"
#include "platform/AppIdentity.h"
#include "platform/PrivateFiles.h"
#include "platform/SingleInstance.h"
#include "secrets/KeychainSecretStore.h"

#ifdef CONVDESK_DEV_HOOKS
#include "dev/OpenDialogs.h"
#include "dev/Screenshot.h"
#include "dev/StartupProbe.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>
#include <memory>

using namespace convdesk;

namespace {

// --help and --version print and exit; they must work without a display (over SSH, in CI).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                               : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    AppIdentity::apply();
    // Before any text is made, so that --help and the window speak the chosen language.
    QStringList arguments = QCoreApplication::arguments();
    const TranslationLoader::Outcome language =
        TranslationLoader::install(app, TranslationLoader::takeLanguageOption(arguments));
    if (!language.error.isEmpty())
        std::fprintf(stderr, "convdesk: %s\n", qPrintable(language.error));
    if (qobject_cast<QApplication *>(&app)) {
        QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Conversation Desk"));
        DesktopIdentity::apply();
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Look up a NetEase Yunxin IM conversation, inspect it and edit its server_extension."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main", "Work against a built-in simulator on 127.0.0.1 with demo "
                                            "conversations; no account or network needed."));
#ifdef CONVDESK_DEV_HOOKS
    // For scripts/screenshot.sh; not in release builds.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window to PATH once a "
                                                       "conversation is shown, then quit."),
                                        QStringLiteral("PATH"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    // For the accessibility check (tests/a11y); may be given more than once.
    QCommandLineOption openDialogOption(QStringLiteral("open-dialog"),
                                        QStringLiteral("Once a conversation is shown, open the dialog NAME "
                                                       "(profiles, profile, review, history) beside the window."),
                                        QStringLiteral("NAME"));
    openDialogOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(openDialogOption);
#endif
    // Read by TranslationLoader above; declared so that it is accepted and listed.
    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Language of the interface: en or zh_CN (default: the "
                                            "Settings menu's choice, else the system's)."),
        QCoreApplication::translate("main", "CODE"));
    parser.addOption(languageOption);
    parser.addOption(sandboxOption);
    // The desktop entry passes links here (Exec=convdesk %u).
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QCoreApplication::translate("main", "A convdesk://open?profile=…&id=… link to open; a window that is "
                                            "already running opens it instead."),
        QStringLiteral("[link]"));
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    for (qsizetype i = 0; i < positional.size(); ++i) {
        if (i > 0 || !ConversationLink::looksLikeLink(positional.at(i))) {
            std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "convdesk: unexpected argument \"%1\"; see --help.")
                                                        .arg(positional.at(i))));
            return 2;
        }
    }
    const QString link = positional.isEmpty() ? QString() : positional.constFirst().trimmed();
    if (!link.isEmpty()) {
        QString error;
        if (!ConversationLink::parse(link, &error)) {
            std::fprintf(stderr, "convdesk: %s\n", qPrintable(error));
            return 2;
        }
        // One window takes the links: the running one opens it, this start ends here (unless a
        // sandbox window was asked for, which is a window of its own).
        if (!parser.isSet(sandboxOption) && SingleInstance().handOver(link))
            return 0;
    }

    QSettings settings;
    // AppKeys and endpoints are nobody else's business: the folder 0700, the file 0600.
    QString privacyProblem;
    if (!PrivateFiles::prepareSettingsFile(settings, &privacyProblem))
        std::fprintf(stderr, "convdesk: warning: %s\n", qPrintable(privacyProblem));
    KeychainSecretStore secrets(AppIdentity::keychainService());
    MainWindow window(settings, secrets,
                      parser.isSet(sandboxOption) ? MainWindow::Opening::Sandbox : MainWindow::Opening::DefaultProfile);
    // Asked for on the command line, a sandbox that cannot start (after the first paint) ends
    // the program there.
    QObject::connect(&window, &MainWindow::sandboxStartFailed, &window, [](const QString &problem) {
        std::fprintf(stderr, "convdesk: %s\n", qPrintable(problem));
        QCoreApplication::exit(1);
    });
#ifdef CONVDESK_DEV_HOOKS
    if (parser.isSet(screenshotOption))
        captureWhenShown(window, parser.value(screenshotOption));
    if (const QStringList unknown = openDialogsWhenShown(window, settings, secrets, parser.values(openDialogOption));
        !unknown.isEmpty()) {
        std::fprintf(stderr, "convdesk: unknown dialog \"%s\"\n", qPrintable(unknown.constFirst()));
        return 2;
    }
    reportWhenLoadedForBenchmark(window); // only under CONVDESK_BENCH_EXIT_WHEN_LOADED=1
#endif
    window.show();
    // Links opened while the window runs come from later starts of the program. When another
    // window listens already (two windows on purpose), that one takes them.
    SingleInstance linkReceiver;
    if (linkReceiver.listen()) {
        QObject::connect(&linkReceiver, &SingleInstance::messageReceived, &window, [&window](const QString &received) {
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.raise();
            window.activateWindow();
            window.openLink(received);
        });
    }
    if (!link.isEmpty() && window.isSandboxStarting()) {
        // A link may name the sandbox's profile, which exists once the sandbox runs.
        QObject::connect(&window, &MainWindow::sandboxStarted, &window, [&window, link] { window.openLink(link); },
                         Qt::SingleShotConnection);
    } else if (!link.isEmpty()) {
        window.openLink(link);
    }
    const int status = QCoreApplication::exec();
    settings.sync();
    if (privacyProblem.isEmpty() && !PrivateFiles::restrictToOwner(settings.fileName(), &privacyProblem))
        std::fprintf(stderr, "convdesk: warning: %s\n", qPrintable(privacyProblem));
    return status;
}

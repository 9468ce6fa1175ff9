#include "ProfileAddCommand.h"

#include "SecretInput.h"
#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QFileInfo>

namespace convdesk {

ProfileAddCommand::ProfileAddCommand()
    : Command(QStringLiteral("profile add"))
{
}

QString ProfileAddCommand::description(const CliContext &) const
{
    return tr("Store a profile: its region (or a custom endpoint) and its AppKey.\n"
              "The AppSecret is read from standard input and stored in the system keychain.");
}

QList<QCommandLineOption> ProfileAddCommand::options() const
{
    return {
        option(QStringLiteral("region"), tr("Region of a new profile: mainland or overseas."), tr("region")),
        option(QStringLiteral("endpoint"), tr("Custom base URL of a new profile (https, or http on loopback)."),
               tr("url")),
        option(QStringLiteral("backup-endpoint"), tr("Optional backup base URL of a custom profile."), tr("url")),
        option(QStringLiteral("app-key"), tr("AppKey of a new profile."), tr("key")),
        option(QStringLiteral("ca-file"), tr("CA certificates (PEM) a new profile trusts besides the system's."),
               tr("path")),
    };
}

QList<Command::Argument> ProfileAddCommand::arguments() const
{
    return {{QStringLiteral("NAME"), tr("Name of the profile; an existing profile of that name is replaced.")}};
}

int ProfileAddCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(context, tr("profile add takes exactly one NAME."));
    const bool hasRegion = parser.isSet(QStringLiteral("region"));
    const bool hasEndpoint = parser.isSet(QStringLiteral("endpoint"));
    if (hasRegion == hasEndpoint)
        return usageError(context, tr("give exactly one of --region mainland|overseas or --endpoint URL."));
    if (!parser.isSet(QStringLiteral("app-key")))
        return usageError(context, tr("--app-key is required."));

    Profile profile;
    profile.name = args.first();
    profile.appKey = parser.value(QStringLiteral("app-key"));
    if (hasRegion) {
        const QString region = parser.value(QStringLiteral("region"));
        if (!regionFromKey(region, &profile.region) || profile.region == Region::Custom)
            return usageError(context, tr("--region must be mainland or overseas, not \"%1\".").arg(region));
        if (parser.isSet(QStringLiteral("backup-endpoint")))
            return usageError(context, tr("--backup-endpoint goes with --endpoint."));
    } else {
        profile.region = Region::Custom;
        profile.baseUrl = QUrl(parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
        if (parser.isSet(QStringLiteral("backup-endpoint")))
            profile.backupUrl = QUrl(parser.value(QStringLiteral("backup-endpoint")), QUrl::StrictMode);
    }
    if (parser.isSet(QStringLiteral("ca-file")))
        profile.caCertificateFile = QFileInfo(parser.value(QStringLiteral("ca-file"))).absoluteFilePath();
    if (const QString problem = ProfileStore::validate(profile); !problem.isEmpty())
        return usageError(context, problem);

    const QString secret = SecretInput::read(context.in, context.err);
    if (secret.isEmpty())
        return usageError(context, tr("no AppSecret on standard input (pipe it in, e.g. "
                                      "\"printf %s \\\"$SECRET\\\" | convdesk-cli profile add ...\")."));

    // The secret goes to the keychain first: if that fails, nothing at all is stored.
    const SecretResult written = context.secrets.writeBlocking(profile.name, secret);
    if (!written.ok()) {
        context.printErr(
            tr("convdesk-cli: the AppSecret could not be stored in the keychain: %1").arg(written.message));
        return ExitCredentials;
    }
    ProfileStore profiles(context.settings);
    QString error;
    if (!profiles.save(profile, &error)) {
        context.secrets.removeBlocking(profile.name);
        return usageError(context, error);
    }
    profiles.setLastUsed(profile.name);
    context.printErr(tr("Profile \"%1\" saved; its AppSecret is in the system keychain.").arg(profile.name));
    return ExitOk;
}

} // namespace convdesk

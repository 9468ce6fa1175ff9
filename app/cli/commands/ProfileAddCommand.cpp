#include "ProfileAddCommand.h"

#include "SecretInput.h"
#include "profiles/ProfileStore.h"
#include "schema/ExtensionSchema.h"
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
              "The AppSecret is read from standard input and stored in the system keychain.")
           + u'\n'
           + tr("At most 4 KiB of AppSecret are read. An existing profile of the same name, in any case, is "
                "replaced only with --replace.");
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
        option(QStringLiteral("replace"),
               tr("Replace an existing profile of this name (its AppSecret and all its settings).")),
        option(QStringLiteral("extension-schema"),
               tr("A JSON Schema (draft-07) every new server_extension must pass; read when used."), tr("path")),
        option(QStringLiteral("require-reason"),
               tr("Every save with this profile needs a reason (set-extension --reason), recorded in the audit "
                  "log.")),
    };
}

QList<Command::Argument> ProfileAddCommand::arguments() const
{
    return {{QStringLiteral("NAME"), tr("Name of the profile; an existing one is replaced only with --replace.")}};
}

std::optional<Profile> ProfileAddCommand::profileFromOptions(const CliContext &context,
                                                             const QCommandLineParser &parser) const
{
    const QStringList args = parser.positionalArguments();
    const bool hasRegion = parser.isSet(QStringLiteral("region"));
    const bool hasEndpoint = parser.isSet(QStringLiteral("endpoint"));
    QString problem;
    Profile profile;
    if (args.size() != 1)
        problem = tr("profile add takes exactly one NAME.");
    else if (hasRegion == hasEndpoint)
        problem = tr("give exactly one of --region mainland|overseas or --endpoint URL.");
    else if (!parser.isSet(QStringLiteral("app-key")))
        problem = tr("--app-key is required.");
    if (!problem.isEmpty()) {
        usageError(context, problem);
        return std::nullopt;
    }
    profile.name = args.first();
    profile.appKey = parser.value(QStringLiteral("app-key"));
    if (hasRegion) {
        const QString region = parser.value(QStringLiteral("region"));
        if (!regionFromKey(region, &profile.region) || profile.region == Region::Custom)
            problem = tr("--region must be mainland or overseas, not \"%1\".").arg(region);
        else if (parser.isSet(QStringLiteral("backup-endpoint")))
            problem = tr("--backup-endpoint goes with --endpoint.");
    } else {
        profile.region = Region::Custom;
        profile.baseUrl = QUrl(parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
        if (parser.isSet(QStringLiteral("backup-endpoint")))
            profile.backupUrl = QUrl(parser.value(QStringLiteral("backup-endpoint")), QUrl::StrictMode);
    }
    if (parser.isSet(QStringLiteral("ca-file")))
        profile.caCertificateFile = QFileInfo(parser.value(QStringLiteral("ca-file"))).absoluteFilePath();
    profile.requireReason = parser.isSet(QStringLiteral("require-reason"));
    if (parser.isSet(QStringLiteral("extension-schema")) && problem.isEmpty()) {
        profile.extensionSchemaFile = QFileInfo(parser.value(QStringLiteral("extension-schema"))).absoluteFilePath();
        ExtensionSchema::load(profile.extensionSchemaFile, &problem);
    }
    if (problem.isEmpty())
        problem = ProfileStore::validate(profile);
    if (!problem.isEmpty()) {
        usageError(context, problem);
        return std::nullopt;
    }
    return profile;
}

int ProfileAddCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const std::optional<Profile> profile = profileFromOptions(context, parser);
    if (!profile)
        return ExitUsage;
    const std::optional<QString> existing = ProfileStore(context.settings).existingName(profile->name);
    const bool replace = parser.isSet(QStringLiteral("replace"));
    if (existing && !replace)
        return usageError(context, tr("a profile named \"%1\" already exists; to replace its AppSecret and "
                                      "settings, run the same command again with --replace.")
                                       .arg(*existing));

    QString problem;
    const std::optional<QString> secret = SecretInput::read(context.in, context.err, &problem);
    if (!secret)
        return usageError(context, problem);
    if (secret->isEmpty())
        return usageError(context, tr("no AppSecret on standard input (pipe it in, e.g. "
                                      "\"printf %s \\\"$SECRET\\\" | convdesk-cli profile add ...\")."));
    const int status = store(context, *profile, *secret, existing.value_or(QString()));
    if (status == ExitOk)
        context.printErr(tr("Profile \"%1\" saved; its AppSecret is in the system keychain.").arg(profile->name));
    return status;
}

int ProfileAddCommand::store(const CliContext &context, const Profile &profile, const QString &secret,
                             const QString &replacing)
{
    SecretStore &secrets = context.secrets;
    // The previous secret is kept in memory, so that every failure below can put it back.
    std::optional<QString> previous;
    if (!replacing.isEmpty()) {
        const SecretResult old = secrets.readBlocking(replacing);
        if (!old.ok() && old.status != SecretStatus::NotFound) {
            context.printErr(tr("convdesk-cli: nothing was changed: the current AppSecret of \"%1\" could not be "
                                "read from the keychain: %2").arg(replacing, old.message));
            return ExitCredentials;
        }
        if (old.ok())
            previous = old.secret;
    }
    // A name differing only in case: the old secret goes first, for keychains that ignore case.
    const bool renamed = !replacing.isEmpty() && replacing != profile.name;
    if (renamed && previous) {
        if (const SecretResult removed = secrets.removeBlocking(replacing); !removed.ok()) {
            context.printErr(tr("convdesk-cli: nothing was changed: the AppSecret of \"%1\" could not be removed "
                                "from the keychain: %2").arg(replacing, removed.message));
            return ExitCredentials;
        }
    }
    // Puts the keychain back as it was; false when that failed too.
    const auto restoreSecrets = [&] {
        bool restored = true;
        // The new secret goes, unless it took the previous one's place (rewritten just below).
        if (renamed || !previous)
            restored = secrets.removeBlocking(profile.name).ok();
        if (previous)
            restored = secrets.writeBlocking(replacing, *previous).ok() && restored;
        return restored;
    };

    // The secret goes to the keychain first: if that fails, the settings are not touched.
    const SecretResult written = secrets.writeBlocking(profile.name, secret);
    if (!written.ok()) {
        const bool restored = !renamed || !previous || secrets.writeBlocking(replacing, *previous).ok();
        context.printErr(
            tr("convdesk-cli: the AppSecret could not be stored in the keychain: %1").arg(written.message));
        if (!restored)
            context.printErr(tr("convdesk-cli: the previous AppSecret of \"%1\" could not be put back; add that "
                                "profile again with --replace.").arg(replacing));
        return ExitCredentials;
    }
    ProfileStore profiles(context.settings);
    QString error;
    if (!profiles.save(profile, &error, replacing)) {
        context.printErr(tr("convdesk-cli: %1").arg(error));
        context.printErr(restoreSecrets()
                             ? tr("convdesk-cli: nothing was changed: the keychain holds the previous AppSecret, "
                                  "if there was one.")
                             : tr("convdesk-cli: the keychain could not be put back as it was; the AppSecret of "
                                  "\"%1\" may be missing or new. Add the profile again with --replace.")
                                   .arg(replacing.isEmpty() ? profile.name : replacing));
        return ExitUsage; // as before: the settings file, not the keychain, refused
    }
    profiles.setLastUsed(profile.name);
    return ExitOk;
}

} // namespace convdesk

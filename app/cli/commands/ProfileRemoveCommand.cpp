#include "ProfileRemoveCommand.h"

#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QSettings>

namespace convdesk {

ProfileRemoveCommand::ProfileRemoveCommand()
    : Command(QStringLiteral("profile remove"))
{
}

QString ProfileRemoveCommand::description(const CliContext &) const
{
    return tr("Remove a profile and its AppSecret from the system keychain.");
}

QList<Command::Argument> ProfileRemoveCommand::arguments() const
{
    return {{QStringLiteral("NAME"), tr("Name of the profile to remove.")}};
}

int ProfileRemoveCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(context, tr("profile remove takes exactly one NAME."));
    const QString name = args.first();
    ProfileStore profiles(context.settings);
    if (!profiles.names().contains(name))
        return usageError(context, tr("there is no profile named \"%1\".").arg(name));

    // The settings entry goes first: when the file cannot be written the keychain is not
    // touched yet, and when the keychain then fails the entry is put back.
    const std::optional<Profile> entry = profiles.find(name); // nullopt for a damaged entry
    const bool wasLastUsed = profiles.lastUsed() == name;
    if (!profiles.remove(name)) {
        context.printErr(tr("convdesk-cli: nothing was removed: the settings file %1 could not be written; the "
                            "profile \"%2\" and its AppSecret are unchanged.")
                             .arg(context.settings.fileName(), name));
        return ExitCredentials;
    }
    const SecretResult removed = context.secrets.removeBlocking(name);
    if (removed.ok() || removed.status == SecretStatus::NotFound) {
        context.printErr(tr("Profile \"%1\" removed.").arg(name));
        return ExitOk;
    }
    context.printErr(
        tr("convdesk-cli: the AppSecret could not be removed from the keychain: %1").arg(removed.message));
    const bool restored = entry && profiles.save(*entry);
    if (restored && wasLastUsed)
        profiles.setLastUsed(name);
    context.printErr(restored ? tr("convdesk-cli: nothing was removed: the profile \"%1\" and its AppSecret are "
                                   "unchanged.").arg(name)
                              : tr("convdesk-cli: the profile \"%1\" is gone from the settings file, but its "
                                   "AppSecret is still in the keychain; add the profile again with --replace, "
                                   "then remove it.").arg(name));
    return ExitCredentials;
}

} // namespace convdesk

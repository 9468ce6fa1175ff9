#include "ProfileRemoveCommand.h"

#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

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
    if (!profiles.find(name))
        return usageError(context, tr("there is no profile named \"%1\".").arg(name));
    const SecretResult removed = context.secrets.removeBlocking(name);
    if (!removed.ok() && removed.status != SecretStatus::NotFound) {
        context.printErr(
            tr("convdesk-cli: the AppSecret could not be removed from the keychain: %1").arg(removed.message));
        return ExitCredentials;
    }
    if (!profiles.remove(name)) {
        context.printErr(tr("convdesk-cli: the profile \"%1\" could not be removed from the settings file; its "
                            "AppSecret is already gone from the keychain.")
                             .arg(name));
        return ExitCredentials;
    }
    context.printErr(tr("Profile \"%1\" removed.").arg(name));
    return ExitOk;
}

} // namespace convdesk

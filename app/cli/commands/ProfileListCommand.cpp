#include "ProfileListCommand.h"

#include "profiles/ProfileStore.h"

namespace convdesk {

ProfileListCommand::ProfileListCommand()
    : Command(QStringLiteral("profile list"))
{
}

QString ProfileListCommand::description(const CliContext &) const
{
    return tr("List the stored profiles: name, region or endpoint, AppKey, which one is the default, and which "
              "require a reason for every save, and the extension schema each checks values against.");
}

int ProfileListCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(context, tr("profile list takes no arguments."));
    const ProfileStore store(context.settings);
    const QList<Profile> profiles = store.profiles();
    const std::optional<Profile> fallback = store.defaultProfile();
    QByteArray text;
    for (const Profile &profile : profiles) {
        const QString where = profile.region == Region::Custom ? profile.baseUrl.toString()
                                                               : regionKey(profile.region);
        QStringList fields{profile.name, where, profile.appKey};
        if (fallback && fallback->name == profile.name)
            fields << tr("(default)");
        if (profile.requireReason)
            fields << tr("(reason required)");
        if (!profile.extensionSchemaFile.isEmpty())
            fields << tr("(schema: %1)").arg(profile.extensionSchemaFile);
        text += fields.join(u'\t').toUtf8() + '\n';
    }
    if (profiles.isEmpty())
        context.printErr(tr("No profiles yet; add one with \"convdesk-cli profile add\"."));
    context.printOut(text);
    return ExitOk;
}

} // namespace convdesk

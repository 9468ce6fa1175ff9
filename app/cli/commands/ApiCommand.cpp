#include "ApiCommand.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ErrorText.h"
#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>

namespace convdesk {

QCommandLineOption ApiCommand::profileOption()
{
    return option(QStringLiteral("profile"), tr("Profile to use (default: the only or last-used one)."), tr("name"));
}

Command::Argument ApiCommand::conversationIdArgument()
{
    return {QStringLiteral("CONVERSATION_ID"),
            tr("The conversation: account|type|target, e.g. 'acc1|1|acc2' (quote it in the shell).")};
}

std::optional<ConversationId> ApiCommand::conversationIdFrom(const CliContext &context,
                                                             const QCommandLineParser &parser) const
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        usageError(context, tr("%1 takes exactly one CONVERSATION_ID.").arg(name()));
        return std::nullopt;
    }
    QString problem;
    std::optional<ConversationId> id = ConversationId::parse(args.first(), &problem);
    if (!id)
        usageError(context, problem);
    return id;
}

std::optional<QList<IdListEntry>> ApiCommand::batchIds(const CliContext &context,
                                                       const QCommandLineParser &parser) const
{
    const QStringList arguments = parser.positionalArguments();
    const QString idsFrom = IdList::option().names().constFirst();
    if (!parser.isSet(idsFrom))
        return IdList::fromArguments(arguments);
    if (!arguments.isEmpty()) {
        usageError(context, tr("give conversation IDs as arguments or with --ids-from, not both."));
        return std::nullopt;
    }
    QString problem;
    std::optional<QList<IdListEntry>> entries = IdList::read(context, parser.value(idsFrom), &problem);
    if (!entries)
        usageError(context, problem);
    return entries;
}

int ApiCommand::prepareClient(CliContext &context, const QCommandLineParser &parser, ApiClient &client,
                              Profile *profile) const
{
    ProfileStore profiles(context.settings);
    std::optional<Profile> chosen;
    if (parser.isSet(QStringLiteral("profile"))) {
        const QString name = parser.value(QStringLiteral("profile"));
        chosen = profiles.find(name);
        if (!chosen) {
            const QString damaged = profiles.entryProblem(name);
            context.printErr(damaged.isEmpty() ? tr("convdesk-cli: there is no profile named \"%1\".").arg(name)
                                               : tr("convdesk-cli: %1").arg(damaged));
            return ExitCredentials;
        }
    } else {
        chosen = profiles.defaultProfile();
        const QStringList names = profiles.names();
        const QString damaged = profiles.entryProblem(names.size() == 1 ? names.first() : profiles.lastUsed());
        if (!chosen && !damaged.isEmpty()) {
            context.printErr(tr("convdesk-cli: %1").arg(damaged));
            return ExitCredentials;
        }
        if (!chosen) {
            context.printErr(names.isEmpty()
                                 ? tr("convdesk-cli: no profile yet; add one with \"convdesk-cli profile add\".")
                                 : tr("convdesk-cli: several profiles exist; choose one with --profile."));
            return ExitCredentials;
        }
    }
    const SecretResult secret = context.secrets.readBlocking(chosen->name);
    if (!secret.ok()) {
        context.printErr(
            secret.status == SecretStatus::NotFound
                ? tr("convdesk-cli: the keychain has no AppSecret for profile \"%1\"; add the profile again.")
                      .arg(chosen->name)
                : tr("convdesk-cli: the AppSecret could not be read from the keychain: %1").arg(secret.message));
        return ExitCredentials;
    }
    client.setEndpoint(chosen->endpoint());
    client.setCredentials({chosen->appKey, secret.secret});
    profiles.setLastUsed(chosen->name);
    *profile = *chosen;
    return ExitOk;
}

ApiResult ApiCommand::wait(ApiCall *call)
{
    ApiResult result;
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResult &finished) {
        result = finished;
        loop.quit();
    });
    loop.exec();
    return result;
}

int ApiCommand::reportFailure(const CliContext &context, const ApiResult &result)
{
    QString line = tr("convdesk-cli: %1: %2").arg(ErrorText::title(result.error), ErrorText::describe(result));
    if (result.error == ErrorKind::Business)
        line += tr(" [code %1]").arg(result.code);
    line += tr(" (trace id %1)").arg(result.traceId);
    context.printErr(line);
    switch (result.error) {
    case ErrorKind::None: return ExitOk;
    case ErrorKind::Business: return ExitBusiness;
    case ErrorKind::Configuration: return ExitCredentials;
    default: return ExitTransport;
    }
}

} // namespace convdesk

#include "GetCommand.h"

#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "api/ConversationId.h"

namespace convdesk {

GetCommand::GetCommand()
    : ApiCommand(QStringLiteral("get"))
{
}

QString GetCommand::description(const CliContext &) const
{
    return tr("Print the conversation as JSON, in the server's key order.");
}

QList<QCommandLineOption> GetCommand::options() const
{
    return {profileOption()};
}

QList<Command::Argument> GetCommand::arguments() const
{
    return {{QStringLiteral("CONVERSATION_ID"),
             tr("The conversation: account|type|target, e.g. 'acc1|1|acc2' (quote it in the shell).")}};
}

int GetCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(context, tr("get takes exactly one CONVERSATION_ID."));
    QString problem;
    const auto id = ConversationId::parse(args.first(), &problem);
    if (!id)
        return usageError(context, problem);

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(context, parser, client, &profile); status != ExitOk)
        return status;
    ApiResult result = wait(client.getConversation(*id));
    if (!ConversationAnswer::checkConversation(result, *id))
        return reportFailure(context, result);
    context.printOut(Json::serialize(result.data, 2) + '\n');
    return ExitOk;
}

} // namespace convdesk

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
    return {conversationIdArgument()};
}

int GetCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const std::optional<ConversationId> id = conversationIdFrom(context, parser);
    if (!id)
        return ExitUsage;

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

#include "GetCommand.h"

#include "IdList.h"
#include "RateLimitRetry.h"
#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "api/ConversationId.h"

#include <algorithm>

namespace convdesk {

GetCommand::GetCommand()
    : ApiCommand(QStringLiteral("get"))
{
}

QString GetCommand::description(const CliContext &) const
{
    return tr("Print the conversation as JSON, in the server's key order.") + u'\n'
           + tr("With several IDs, or --ids-from FILE|- (one ID per line), each conversation is printed as one\n"
                "line of compact JSON (JSON Lines), in the order given, over one connection; the AppSecret is\n"
                "read once. An ID that fails or is not a conversation ID is named on standard error (\"ID: ...\")\n"
                "and skipped; code 416 (rate limited) is retried after a growing pause. The run ends with the\n"
                "most severe exit code of its conversations: 7, 5, 4, 6, 3, 2, then 0.");
}

QList<QCommandLineOption> GetCommand::options() const
{
    return {profileOption(), IdList::option()};
}

QList<Command::Argument> GetCommand::arguments() const
{
    return {conversationIdArgument()};
}

int GetCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    if (parser.isSet(IdList::option().names().constFirst()) || arguments.size() > 1)
        return runBatch(context, parser);
    if (arguments.isEmpty())
        return usageError(context, tr("get needs a CONVERSATION_ID (or several, or --ids-from FILE)."));

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
    context.printOut(result.data.serialize(2) + '\n');
    return ExitOk;
}

int GetCommand::runBatch(CliContext &context, const QCommandLineParser &parser)
{
    const std::optional<QList<IdListEntry>> entries = batchIds(context, parser);
    if (!entries)
        return ExitUsage;
    int status = IdList::reportInvalid(context, *entries) > 0 ? ExitUsage : ExitOk;
    if (std::none_of(entries->cbegin(), entries->cend(), [](const IdListEntry &entry) { return entry.id.has_value(); }))
        return status;

    // One client for the whole run: one secret read, one kept-alive connection. The calls go
    // one after another: the sandbox answers in about a millisecond, so the process start
    // that a loop of single calls pays is what there is to save, and one connection at a time
    // is what a rate-limited service likes best.
    ApiClient client;
    Profile profile;
    if (const int prepared = prepareClient(context, parser, client, &profile); prepared != ExitOk)
        return prepared;
    for (const IdListEntry &entry : *entries) {
        if (!entry.id)
            continue;
        context.errPrefix = entry.name() + QStringLiteral(": ");
        RateLimitRetry retry(context);
        ApiResult result;
        bool answered = false;
        do {
            result = wait(client.getConversation(*entry.id));
            answered = ConversationAnswer::checkConversation(result, *entry.id);
        } while (!answered && retry.waitAfter(result));
        if (answered)
            context.printOut(result.data.serialize() + '\n');
        else
            status = mostSevereExitCode(status, reportFailure(context, result));
        context.errPrefix.clear();
    }
    return status;
}

} // namespace convdesk

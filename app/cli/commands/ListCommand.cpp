#include "ListCommand.h"

#include "api/ApiClient.h"
#include "api/ConversationId.h"

namespace convdesk {

ListCommand::ListCommand()
    : ApiCommand(QStringLiteral("list"))
{
}

QString ListCommand::description(const CliContext &) const
{
    return tr("List an account's conversations as JSON.");
}

QList<QCommandLineOption> ListCommand::options() const
{
    return {
        profileOption(),
        option(QStringLiteral("limit"), tr("Conversations per page, 1 to 100 (default 100)."), tr("n")),
        option(QStringLiteral("all"), tr("Follow next_token until every page is read.")),
    };
}

QList<Command::Argument> ListCommand::arguments() const
{
    return {{QStringLiteral("ACCOUNT_ID"), tr("The account whose conversations are listed.")}};
}

int ListCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(context, tr("list takes exactly one ACCOUNT_ID."));
    const QString account = args.first();
    if (const QString problem = ConversationId::validateAccountId(account); !problem.isEmpty())
        return usageError(context, problem);
    int limit = 100;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool numeric = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&numeric);
        if (!numeric || limit < 1 || limit > 100)
            return usageError(context, tr("--limit must be a number from 1 to 100."));
    }
    const bool all = parser.isSet(QStringLiteral("all"));

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(context, parser, client, &profile); status != ExitOk)
        return status;

    OrderedJson items = OrderedJson::array();
    QString pageToken;
    OrderedJson lastPage;
    // A server that kept answering has_more would otherwise loop forever.
    constexpr int MaxPages = 10000;
    for (int page = 0; page < MaxPages; ++page) {
        const ApiResult result = wait(client.listConversations(account, pageToken, limit));
        if (!result.ok())
            return reportFailure(context, result);
        lastPage = result.data;
        if (!all)
            break;
        if (lastPage.contains("items") && lastPage["items"].is_array())
            for (const auto &item : lastPage["items"])
                items.push_back(item);
        const bool hasMore = lastPage.value("has_more", false) == true;
        const std::string next = lastPage.contains("next_token") && lastPage["next_token"].is_string()
                                     ? lastPage["next_token"].get<std::string>()
                                     : std::string();
        if (!hasMore || next.empty())
            break;
        pageToken = Json::toQString(next);
    }
    if (!all) {
        context.printOut(Json::serialize(lastPage, 2) + '\n');
        return ExitOk;
    }
    OrderedJson combined = OrderedJson::object();
    combined["has_more"] = false;
    combined["items"] = std::move(items);
    context.printOut(Json::serialize(combined, 2) + '\n');
    return ExitOk;
}

} // namespace convdesk

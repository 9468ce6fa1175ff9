#include "ListCommand.h"

#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "api/ConversationId.h"

#include <QSet>

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
        option(QStringLiteral("max-pages"),
               tr("With --all, read at most n pages (default %1); stopping there exits with 4.")
                   .arg(DefaultMaxPages),
               tr("n")),
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
    int maxPages = DefaultMaxPages;
    if (parser.isSet(QStringLiteral("max-pages"))) {
        bool numeric = false;
        maxPages = parser.value(QStringLiteral("max-pages")).toInt(&numeric);
        if (!numeric || maxPages < 1)
            return usageError(context, tr("--max-pages must be a whole number of at least 1."));
        if (!all)
            return usageError(context, tr("--max-pages goes with --all."));
    }

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(context, parser, client, &profile); status != ExitOk)
        return status;

    if (!all) {
        ApiResult result = wait(client.listConversations(account, {}, limit));
        if (!ConversationAnswer::checkListPage(result, {QString()}))
            return reportFailure(context, result);
        context.printOut(Json::serialize(result.data, 2) + '\n');
        return ExitOk;
    }

    OrderedJson items = OrderedJson::array();
    QString pageToken;
    // Every token sent so far: a server that hands one back again would loop forever.
    QSet<QString> tokensSent;
    for (int page = 0; page < maxPages; ++page) {
        tokensSent.insert(pageToken);
        ApiResult result = wait(client.listConversations(account, pageToken, limit));
        if (!ConversationAnswer::checkListPage(result, tokensSent))
            return reportFailure(context, result);
        const OrderedJson &data = result.data;
        if (data.contains("items") && data["items"].is_array())
            for (const auto &item : data["items"])
                items.push_back(item);
        pageToken = ConversationAnswer::nextPageToken(data); // checked above: new when not empty
        if (pageToken.isEmpty())
            return printAll(context, std::move(items), {});
    }
    const int rows = int(items.size());
    printAll(context, std::move(items), pageToken);
    context.printErr(tr("convdesk-cli: stopped at the page cap, --max-pages %1. Conversations printed: %2. "
                        "The server has more (next_token \"%3\").")
                         .arg(maxPages).arg(rows).arg(pageToken));
    return ExitTransport;
}

int ListCommand::printAll(const CliContext &context, OrderedJson items, const QString &nextToken)
{
    OrderedJson combined = OrderedJson::object();
    combined["has_more"] = !nextToken.isEmpty();
    if (!nextToken.isEmpty())
        combined["next_token"] = Json::toStdString(nextToken);
    combined["items"] = std::move(items);
    context.printOut(Json::serialize(combined, 2) + '\n');
    return ExitOk;
}

} // namespace convdesk

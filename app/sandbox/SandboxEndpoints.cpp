#include "SandboxEndpoints.h"

#include "SandboxRequest.h"
#include "SandboxStore.h"

#include <string>

namespace convdesk {

namespace {
SandboxError invalidParameter(const std::string &detail)
{
    return {SandboxReply::ParameterError, "invalid parameter: " + detail};
}

SandboxReply conversationNotFound()
{
    return SandboxReply::failure(SandboxReply::ParameterError, "conversation not exist");
}

bool isApiVersion(const QString &segment)
{
    return segment == u"v2" || segment == u"v2.1";
}
} // namespace

SandboxEndpoints::Match SandboxEndpoints::match(const SandboxRequest &request)
{
    const QStringList &path = request.segments;
    const bool conversations = path.size() >= 3 && path[0] == u"im" && isApiVersion(path[1])
        && path[2] == u"conversations";
    if (!conversations || path.size() > 4)
        return {};
    const bool get = request.method == "GET";
    if (path.size() == 3)
        return {get ? Route::ListConversations : Route::WrongMethod, {}};
    if (get)
        return {Route::GetConversation, path[3]};
    // The update is documented under v2 only.
    if (request.method == "PATCH" && path[1] == u"v2")
        return {Route::UpdateConversation, path[3]};
    return {Route::WrongMethod, {}};
}

SandboxReply SandboxEndpoints::answer(const Match &match, const SandboxRequest &request,
                                      qint64 nowMs)
{
    switch (match.route) {
    case Route::Unknown:
        return SandboxReply::httpError(404, "404 Not Found: no such endpoint " + request.method
                                                + ' ' + request.encodedPath);
    case Route::WrongMethod:
        return SandboxReply::httpError(405, "405 Method Not Allowed: " + request.method + ' '
                                                + request.encodedPath);
    case Route::GetConversation:
        return getConversation(match.conversationId);
    case Route::UpdateConversation:
        return updateConversation(match.conversationId, request.body, nowMs);
    case Route::ListConversations:
        return listConversations(request);
    }
    return SandboxReply::httpError(500, "500 Internal Server Error");
}

std::optional<SandboxError> SandboxEndpoints::checkConversationId(const QString &conversationId)
{
    if (conversationId.isEmpty())
        return invalidParameter("conversation_id is empty");
    const QStringList parts = conversationId.split(u'|');
    bool numeric = false;
    const int type = parts.size() == 3 ? parts[1].toInt(&numeric) : 0;
    if (parts.size() != 3 || parts[0].isEmpty() || parts[2].isEmpty() || !numeric || type < 1
        || type > 3) {
        return invalidParameter("conversation_id \"" + Json::toStdString(conversationId)
                                + "\" is not account_id|type|target with type 1, 2 or 3");
    }
    return std::nullopt;
}

std::optional<SandboxError> SandboxEndpoints::checkServerExtension(const QString &value)
{
    if (value.size() > MaxServerExtensionLength)
        return SandboxError{SandboxReply::ParameterTooLong,
                            "server_extension too long: at most "
                                + std::to_string(MaxServerExtensionLength) + " characters"};
    return std::nullopt;
}

SandboxReply SandboxEndpoints::getConversation(const QString &conversationId) const
{
    if (const auto error = checkConversationId(conversationId))
        return error->toReply();
    const OrderedJson *conversation = m_store.find(conversationId);
    return conversation ? SandboxReply::success(*conversation) : conversationNotFound();
}

SandboxReply SandboxEndpoints::updateConversation(const QString &conversationId,
                                                  const QByteArray &body, qint64 nowMs)
{
    if (const auto error = checkConversationId(conversationId))
        return error->toReply();

    JsonParseError parseError;
    const std::optional<OrderedJson> json = Json::parse(body, &parseError);
    if (!json)
        return invalidParameter("body is not valid JSON (" + Json::toStdString(parseError.describe())
                                + ")").toReply();
    if (!json->is_object())
        return invalidParameter("body must be a JSON object").toReply();
    const auto field = json->find("server_extension");
    if (field == json->end())
        return invalidParameter("server_extension is required").toReply();
    if (!field->is_string())
        return invalidParameter("server_extension must be a string").toReply();
    const std::string value = field->get<std::string>();
    if (const auto error = checkServerExtension(Json::toQString(value)))
        return error->toReply();

    OrderedJson *conversation = m_store.find(conversationId);
    if (!conversation)
        return conversationNotFound();
    (*conversation)["server_extension"] = value;
    (*conversation)["update_time"] = nowMs;
    return SandboxReply::success(*conversation);
}

SandboxReply SandboxEndpoints::listConversations(const SandboxRequest &request) const
{
    const QString accountId = request.query.queryItemValue(QStringLiteral("account_id"),
                                                           QUrl::FullyDecoded);
    if (accountId.isEmpty())
        return invalidParameter("account_id is required").toReply();

    int limit = MaxListLimit;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool numeric = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&numeric);
        if (!numeric || limit < 1 || limit > MaxListLimit)
            return invalidParameter("limit must be 1 to 100").toReply();
    }

    const QByteArray token = request.query.queryItemValue(QStringLiteral("page_token"),
                                                          QUrl::FullyDecoded).toUtf8();
    const std::optional<SandboxStore::Page> page = m_store.page(accountId, token, limit);
    if (!page)
        return invalidParameter("page_token is not a token this server issued").toReply();

    OrderedJson data = OrderedJson::object();
    data["has_more"] = page->hasMore;
    data["next_token"] = page->nextToken.toStdString();
    data["items"] = OrderedJson::array();
    for (const OrderedJson &item : page->items)
        data["items"].push_back(item);
    return SandboxReply::success(data);
}

} // namespace convdesk

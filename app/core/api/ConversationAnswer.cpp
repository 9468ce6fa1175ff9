#include "api/ConversationAnswer.h"

#include <QCoreApplication>

namespace convdesk::ConversationAnswer {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("convdesk::ConversationAnswer", text);
}

// "a number", "an array": how a value is named in "X is a number, not a string".
QString describeType(const OrderedJson &value)
{
    if (value.is_null())
        return tr("null");
    if (value.is_number())
        return tr("a number");
    if (value.is_boolean())
        return tr("true or false");
    if (value.is_array())
        return tr("an array");
    if (value.is_object())
        return tr("an object");
    return tr("a string");
}

const OrderedJson *member(const OrderedJson &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

QString dataProblem(const OrderedJson &data)
{
    if (data.is_null())
        return tr("the answer has no \"data\" (missing or null).");
    if (!data.is_object())
        return tr("\"data\" is %1, not an object.").arg(describeType(data));
    return {};
}

QString textOf(const OrderedJson &value)
{
    return value.is_string() ? Json::toQString(value.get<std::string>()) : QString::fromUtf8(Json::serialize(value));
}

} // namespace

bool isValidConversation(const OrderedJson &data, const ConversationId &asked, QString *problem)
{
    QString found = dataProblem(data);
    if (found.isEmpty()) {
        const OrderedJson *id = member(data, "conversation_id");
        const OrderedJson *extension = member(data, "server_extension");
        if (!id || !id->is_string()) {
            found = tr("the answer has no conversation_id; the conversation asked for was %1.").arg(asked.toString());
        } else if (ConversationId::parse(textOf(*id)) != std::optional<ConversationId>(asked)) {
            found = tr("the server answered with another conversation (%1) than the one asked for (%2).")
                        .arg(textOf(*id), asked.toString());
        } else if (extension && !extension->is_null() && !extension->is_string()) {
            found = tr("server_extension is %1, not a string.").arg(describeType(*extension));
        }
    }
    if (problem)
        *problem = found;
    return found.isEmpty(); // (it returned a copy of the conversation: 28 ms at 8 MB, unused)
}

bool isValidConversation(const SharedJson &data, const ConversationId &asked, QString *problem)
{
    if (!data.index() || !data.index()->isObject(data.node()))
        return isValidConversation(data.get(), asked, problem);
    OrderedJson checked = OrderedJson::object();
    for (const char *key : {"conversation_id", "server_extension"}) {
        if (const SharedJson value = data.member(key); !value.isNull())
            checked[key] = *value;
    }
    return isValidConversation(checked, asked, problem);
}

bool checkConversation(ApiResult &result, const ConversationId &asked)
{
    if (!result.ok())
        return false;
    QString problem;
    if (!isValidConversation(result.data, asked, &problem)) {
        result.error = ErrorKind::MalformedResponse;
        result.detail = problem;
    }
    return result.ok();
}

QString listPageProblem(const OrderedJson &data, const QSet<QString> &tokensSent)
{
    if (QString problem = dataProblem(data); !problem.isEmpty())
        return problem;
    const OrderedJson *items = member(data, "items");
    if (items && !items->is_null() && !items->is_array())
        return tr("\"items\" is %1, not a list of conversations.").arg(describeType(*items));
    const OrderedJson *hasMore = member(data, "has_more");
    if (!hasMore || !(*hasMore == true || *hasMore == "true"))
        return {};
    const QString next = nextPageToken(data);
    if (next.isEmpty())
        return tr("the server says more pages follow (has_more) but gave no page token to ask for them.");
    if (tokensSent.contains(next))
        return tr("the server repeated the page token \"%1\"; following it would read the same pages "
                  "again forever.").arg(next);
    return {};
}

QString nextPageToken(const OrderedJson &data)
{
    const OrderedJson *hasMore = member(data, "has_more");
    if (!hasMore || !(*hasMore == true || *hasMore == "true"))
        return {};
    const OrderedJson *token = member(data, "next_token");
    return token && token->is_string() ? textOf(*token) : QString();
}

bool checkListPage(ApiResult &result, const QSet<QString> &tokensSent)
{
    if (!result.ok())
        return false;
    if (const QString problem = listPageProblem(result.data, tokensSent); !problem.isEmpty()) {
        result.error = ErrorKind::MalformedResponse;
        result.detail = problem;
    }
    return result.ok();
}

} // namespace convdesk::ConversationAnswer

#include "ConversationSession.h"

#include "ApiCall.h"
#include "ApiClient.h"

namespace convdesk {

namespace {

QString serverExtensionOf(const OrderedJson &conversation)
{
    if (!conversation.is_object())
        return {};
    const auto field = conversation.find("server_extension");
    if (field == conversation.end() || field->is_null())
        return {};
    // Documented as a string; anything else is shown as the JSON it is.
    return field->is_string() ? Json::toQString(field->get<std::string>()) : Json::toText(*field);
}

} // namespace

ConversationSession::ConversationSession(QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(this))
{
    qRegisterMetaType<convdesk::ApiResult>();
}

ConversationSession::~ConversationSession()
{
    if (m_call)
        m_call->disconnect(this); // no signals from a half-destroyed session
}

void ConversationSession::setProfile(const Profile &profile, const Credentials &credentials)
{
    cancel();
    m_profile = profile;
    m_client->setEndpoint(profile.endpoint());
    m_client->setCredentials(credentials);
    if (hasConversation()) {
        m_loadedId = {};
        m_conversation = OrderedJson();
        m_loadedExtension.clear();
        m_partialSaveResponse = false;
        Q_EMIT conversationChanged();
    }
}

void ConversationSession::setCredentials(const Credentials &credentials)
{
    m_client->setCredentials(credentials);
}

QString ConversationSession::refusalReason(Operation operation) const
{
    if (m_operation == Operation::Save)
        return tr("A save is still running; wait for its answer or cancel it.");
    if (m_operation == Operation::Load)
        return tr("A load is still running; wait for its answer or cancel it.");
    if (!hasProfile())
        return tr("Choose a profile first.");
    if (operation == Operation::Save && !hasConversation())
        return tr("Load a conversation before saving.");
    return {};
}

bool ConversationSession::load(const ConversationId &id)
{
    if (!id.isValid() || !refusalReason(Operation::Load).isEmpty())
        return false;
    m_pendingId = id;
    start(Operation::Load, m_client->getConversation(id));
    Q_EMIT loadStarted(id.toString());
    return true;
}

bool ConversationSession::save(const QString &newServerExtension)
{
    if (!refusalReason(Operation::Save).isEmpty())
        return false;
    m_pendingId = m_loadedId;
    m_pendingExtension = newServerExtension;
    start(Operation::Save, m_client->updateServerExtension(m_loadedId, newServerExtension));
    Q_EMIT saveStarted(m_loadedId.toString());
    return true;
}

void ConversationSession::cancel()
{
    if (m_call)
        m_call->cancel(); // reports Cancelled through finish()
}

void ConversationSession::start(Operation operation, ApiCall *call)
{
    m_operation = operation;
    m_call = call;
    connect(call, &ApiCall::finished, this, &ConversationSession::finish);
    Q_EMIT busyChanged(true);
}

void ConversationSession::finish(const ApiResult &result)
{
    const Operation operation = std::exchange(m_operation, Operation::None);
    m_call = nullptr;
    Q_EMIT busyChanged(false);

    if (!result.ok()) {
        Q_EMIT failed(result, operation);
        return;
    }
    if (operation == Operation::Load) {
        applyLoaded(result);
        Q_EMIT loaded(result);
    } else {
        applySaved(result);
        Q_EMIT saved(result);
    }
}

void ConversationSession::applyLoaded(const ApiResult &result)
{
    m_partialSaveResponse = false;
    setConversation(m_pendingId, result.data);
}

void ConversationSession::applySaved(const ApiResult &result)
{
    // The update documents the whole conversation in its answer, but the SDKs model only a
    // handful of fields: what the server sent wins, fields it left out stay as loaded.
    OrderedJson merged = m_conversation.is_object() ? m_conversation : OrderedJson::object();
    bool partial = !result.data.is_object();
    if (result.data.is_object()) {
        for (const auto &[key, value] : m_conversation.items())
            partial = partial || !result.data.contains(key);
        for (const auto &[key, value] : result.data.items())
            merged[key] = value;
    }
    if (!result.data.is_object() || !result.data.contains("server_extension"))
        merged["server_extension"] = Json::toStdString(m_pendingExtension);
    m_partialSaveResponse = partial;
    setConversation(m_pendingId, std::move(merged));
}

void ConversationSession::setConversation(const ConversationId &id, OrderedJson conversation)
{
    m_loadedId = id;
    m_conversation = std::move(conversation);
    m_loadedExtension = serverExtensionOf(m_conversation);
    Q_EMIT conversationChanged();
}

} // namespace convdesk

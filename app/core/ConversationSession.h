#pragma once

#include "ApiResult.h"
#include "ConversationId.h"
#include "Credentials.h"
#include "JsonDocument.h"
#include "Profile.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

namespace convdesk {

class ApiCall;
class ApiClient;

// The conversation the user is working on, and the one call at a time made for it: load it,
// save a new server_extension, cancel. Widget-free so that the window stays a view of it.
// At most one call runs; a second request while busy is refused, so a save can never be
// sent twice.
class ConversationSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationSession)
public:
    enum class Operation { None, Load, Save };
    Q_ENUM(Operation)

    explicit ConversationSession(QObject *parent = nullptr);
    ~ConversationSession() override;

    // Another profile is another app: the running call is cancelled and the loaded
    // conversation forgotten, so nothing loaded with one AppKey is saved with another.
    void setProfile(const Profile &profile, const Credentials &credentials);
    // The same profile with a re-entered secret: what is loaded stays.
    void setCredentials(const Credentials &credentials);
    Profile profile() const { return m_profile; }
    bool hasProfile() const { return !m_profile.name.isEmpty(); }
    ApiClient *client() const { return m_client; }

    // Each returns false (and emits nothing) when refused: busy, or nothing to save.
    bool load(const ConversationId &id);
    bool save(const QString &newServerExtension);
    void cancel();

    bool isBusy() const { return m_operation != Operation::None; }
    Operation operation() const { return m_operation; }
    ConversationId pendingId() const { return m_pendingId; } // what the running load fetches

    bool hasConversation() const { return m_loadedId.isValid(); }
    ConversationId conversationId() const { return m_loadedId; }
    const OrderedJson &conversation() const { return m_conversation; }
    // server_extension of the conversation as the server last showed it (load or save).
    QString loadedServerExtension() const { return m_loadedExtension; }
    // The last save's response lacked fields the loaded conversation had (the SDKs model only
    // a few); those fields are shown as loaded.
    bool lastSaveResponseWasPartial() const { return m_partialSaveResponse; }

    // Words for why load()/save() would be refused now; empty when it would go ahead.
    QString refusalReason(Operation operation) const;

Q_SIGNALS:
    void loadStarted(const QString &conversationId);
    void loaded(const convdesk::ApiResult &result);
    void saveStarted(const QString &conversationId);
    void saved(const convdesk::ApiResult &result);
    // A load or save did not succeed (cancellation included); what was loaded stays.
    void failed(const convdesk::ApiResult &result, convdesk::ConversationSession::Operation operation);
    void busyChanged(bool busy);
    void conversationChanged(); // loaded, saved, or cleared by a profile change

private:
    void start(Operation operation, ApiCall *call);
    void finish(const ApiResult &result);
    void applyLoaded(const ApiResult &result);
    void applySaved(const ApiResult &result);
    void setConversation(const ConversationId &id, OrderedJson conversation);

    ApiClient *m_client;
    Profile m_profile;
    Operation m_operation = Operation::None;
    QPointer<ApiCall> m_call;
    ConversationId m_pendingId;
    QString m_pendingExtension;

    ConversationId m_loadedId;
    OrderedJson m_conversation;
    QString m_loadedExtension;
    bool m_partialSaveResponse = false;
};

} // namespace convdesk

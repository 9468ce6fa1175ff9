#pragma once

#include "api/ApiLimits.h"

#include "SandboxReply.h"

#include <QString>

#include <optional>

namespace convdesk {

class SandboxStore;
struct SandboxRequest;

// The three conversation endpoints: which one a request names, and the answer to it.
class SandboxEndpoints
{
public:
    static constexpr int MaxServerExtensionLength = ApiLimits::MaxServerExtensionLength;
    static constexpr int MaxListLimit = 100;

    enum class Route { Unknown, WrongMethod, GetConversation, UpdateConversation, ListConversations };
    struct Match
    {
        Route route = Route::Unknown;
        QString conversationId; // decoded, for the per-conversation routes
    };

    explicit SandboxEndpoints(SandboxStore &store) : m_store(store) {}

    static Match match(const SandboxRequest &request);
    // An Unknown or WrongMethod match answers with HTTP 404 or 405.
    SandboxReply answer(const Match &match, const SandboxRequest &request, qint64 nowMs);

    static std::optional<SandboxError> checkServerExtension(const QString &value);
    static std::optional<SandboxError> checkConversationId(const QString &conversationId);

private:
    SandboxReply getConversation(const QString &conversationId) const;
    SandboxReply updateConversation(const QString &conversationId, const QByteArray &body,
                                    qint64 nowMs);
    SandboxReply listConversations(const SandboxRequest &request) const;

    SandboxStore &m_store;
};

} // namespace convdesk

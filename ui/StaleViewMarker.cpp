#include "StaleViewMarker.h"

#include "ConversationIdInput.h"
#include "MessageBanner.h"
#include "platform/LocalTime.h"
#include "session/ConversationSession.h"

#include <QLineEdit>

namespace convdesk {

StaleViewMarker::StaleViewMarker(ConversationSession *session, ConversationIdInput *idInput, MessageBanner *banner,
                                 QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_idInput(idInput)
    , m_banner(banner)
{
    connect(m_session, &ConversationSession::loadStarted, this, [this](const QString &id) {
        m_loadingId = id;
        update();
    });
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &, ConversationSession::Operation operation) {
                if (operation == ConversationSession::Operation::Load)
                    m_failedId = m_loadingId;
                update();
            });
    connect(m_session, &ConversationSession::conversationChanged, this, &StaleViewMarker::update);
    connect(m_session, &ConversationSession::busyChanged, this, &StaleViewMarker::update);
    connect(m_idInput->lineEdit(), &QLineEdit::textChanged, this, &StaleViewMarker::update);
}

StaleViewMarker::~StaleViewMarker() = default;

void StaleViewMarker::update()
{
    const auto named = m_idInput->conversationId();
    const bool loadingIt = m_session->operation() == ConversationSession::Operation::Load;
    m_marked = m_session->hasConversation() && named && *named != m_session->conversationId() && !loadingIt;
    if (!m_marked) {
        m_banner->dismiss();
        return;
    }
    const QString shown = m_session->conversationId().toString();
    const QString readAt = LocalTime::withOffset(m_session->fetchedAt());
    const QString asked = named->toString();
    m_banner->showMessage(asked == m_failedId
                              ? tr("Still showing %1, as loaded at %2: loading %3 failed.").arg(shown, readAt, asked)
                              : tr("Showing %1, as loaded at %2. The ID box names %3: press Enter to load it.")
                                    .arg(shown, readAt, asked));
}

} // namespace convdesk

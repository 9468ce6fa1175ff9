#pragma once

#include <QObject>
#include <QString>

namespace convdesk {

class ConversationIdInput;
class ConversationSession;
class MessageBanner;

// Marks the view when it no longer shows the conversation the ID box names: after a failed
// load (the old conversation stays on screen), or while another ID is typed. The banner says
// which conversation is shown and when it was read from the server, so nobody edits the wrong
// one believing it is the one they asked for.
class StaleViewMarker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaleViewMarker)
public:
    StaleViewMarker(ConversationSession *session, ConversationIdInput *idInput, MessageBanner *banner,
                    QObject *parent = nullptr);
    ~StaleViewMarker() override;

    bool isMarked() const { return m_marked; }

public Q_SLOTS:
    void update();

private:
    ConversationSession *m_session;
    ConversationIdInput *m_idInput;
    MessageBanner *m_banner;
    QString m_loadingId;
    QString m_failedId; // the last conversation whose load failed
    bool m_marked = false;
};

} // namespace convdesk

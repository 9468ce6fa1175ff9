#pragma once

#include "api/ApiResult.h"
#include "session/ConversationSession.h"

#include <QObject>
#include <QPointer>

class QAbstractButton;

#include <functional>

namespace convdesk {

class CallStatusBar;
class MessageBanner;

// Tells the user how the main window's calls go: the status bar shows each call's start and
// outcome, the error banner the failures and problems that need attention, and an audit
// record that could not be written is shown with the outcome of its save. What the window
// does next (reverts, pending actions, the conflict dialog) stays in MainWindow; this object
// reports before the window's own handlers run, because it connects first.
class SessionReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionReporter)
public:
    // `hasEdits` says whether a failure left an edit to keep.
    SessionReporter(ConversationSession *session, CallStatusBar *callStatus, MessageBanner *errorBanner,
                    std::function<bool()> hasEdits, QObject *parent = nullptr);
    ~SessionReporter() override;

    // A problem that is not a call outcome, in the banner and the status bar.
    void showProblem(const QString &message);

    // Shown beside the banner after a failure a retry may cure (ErrorText::suggestsRetry):
    // the network, a timeout, a busy or rate-limiting server. A click emits retryRequested().
    void setRetryButton(QAbstractButton *button);

Q_SIGNALS:
    // The failed load of `conversationId`, or the save of the shown conversation, again.
    void retryRequested(convdesk::ConversationSession::Operation operation, const QString &conversationId);

private:
    void showFailure(ConversationSession::Operation operation, const ApiResult &result);
    void offerRetry(bool offer);
    bool showPendingAuditWarning();

    ConversationSession *m_session;
    CallStatusBar *m_callStatus;
    MessageBanner *m_errorBanner;
    std::function<bool()> m_hasEdits;
    QString m_auditWarning; // an audit record that could not be written, shown with the outcome
    QPointer<QAbstractButton> m_retry;
    ConversationSession::Operation m_failedOperation = ConversationSession::Operation::None;
    QString m_failedId;
};

} // namespace convdesk

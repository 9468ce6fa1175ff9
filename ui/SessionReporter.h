#pragma once

#include "api/ApiResult.h"

#include <QObject>

#include <functional>

namespace convdesk {

class CallStatusBar;
class ConversationSession;
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

private:
    void showFailure(const QString &operation, const ApiResult &result);
    bool showPendingAuditWarning();

    ConversationSession *m_session;
    CallStatusBar *m_callStatus;
    MessageBanner *m_errorBanner;
    std::function<bool()> m_hasEdits;
    QString m_auditWarning; // an audit record that could not be written, shown with the outcome
};

} // namespace convdesk

#include "SessionReporter.h"

#include "CallStatusBar.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "api/ErrorText.h"
#include "session/ConversationSession.h"
#include "session/AttemptReconciler.h"
#include "session/GuardedSave.h"

#include <QAbstractButton>

#include <algorithm>

#include <utility>

namespace convdesk {

// The texts are MainWindow's, where the catalogue has them.
SessionReporter::SessionReporter(ConversationSession *session, CallStatusBar *callStatus,
                                 MessageBanner *errorBanner, std::function<bool()> hasEdits, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_callStatus(callStatus)
    , m_errorBanner(errorBanner)
    , m_hasEdits(std::move(hasEdits))
{
    connect(m_session, &ConversationSession::loadStarted, this, [this](const QString &id) {
        m_callStatus->showRunning(MainWindow::tr("Loading %1…").arg(id));
        offerRetry(false);
    });
    connect(m_session, &ConversationSession::saveStarted, this, [this](const QString &id) {
        m_callStatus->showRunning(MainWindow::tr("Checking and saving the server extension of %1…").arg(id));
        offerRetry(false);
    });
    connect(m_session, &ConversationSession::loaded, this, [this](const ApiResult &result) {
        m_callStatus->showResult(MainWindow::tr("Load"), result,
                                 MainWindow::tr("Loaded %1.").arg(m_session->conversationId().toString()));
        m_errorBanner->dismiss();
    });
    connect(m_session, &ConversationSession::saveWaiting, this, [this](const QString &holder) {
        m_callStatus->showRunning(MainWindow::tr("Waiting for another save of this conversation to finish (%1)…")
                                      .arg(holder));
    });
    connect(m_session, &ConversationSession::saved, this, [this](const ApiResult &result) {
        m_callStatus->showResult(MainWindow::tr("Save"), result,
                                 MainWindow::tr("Saved. The server now holds your value."));
        if (const QString note = m_session->lastSaveNote(); !note.isEmpty())
            m_callStatus->showNote(m_callStatus->outcomeText() + u' ' + note);
        if (m_session->lastSaveResponseWasPartial())
            m_callStatus->showNote(
                m_callStatus->outcomeText() + u' '
                + MainWindow::tr("The server returned only some fields; the others are shown as loaded."));
        if (!showPendingAuditWarning())
            m_errorBanner->dismiss();
    });
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &result, ConversationSession::Operation operation) {
                const bool saving = operation == ConversationSession::Operation::Save;
                if (saving && m_session->lastSaveOutcomeUnknown()) {
                    // Not "failed", not "cancelled": what happened is not known.
                    m_callStatus->showStopped(MainWindow::tr("Save: the outcome is unknown; it may have been written."),
                                              result.traceId);
                    m_errorBanner->showMessage(result.detail);
                    showPendingAuditWarning();
                    return;
                }
                if (saving && m_session->lastSaveNotSent() && result.error != ErrorKind::Cancelled) {
                    m_callStatus->showStopped(MainWindow::tr("Not saved: nothing was sent."), {});
                    m_errorBanner->showMessage(result.detail);
                    return;
                }
                showFailure(operation, result);
                if (saving && m_session->lastSaveFailedBeforeWriting() && result.error != ErrorKind::Cancelled)
                    m_callStatus->showNote(m_callStatus->outcomeText() + u' '
                                           + MainWindow::tr("The check before writing failed; nothing was written."));
                showPendingAuditWarning();
            });
    connect(m_session, &ConversationSession::auditFailed, this, [this](const QString &message) {
        m_auditWarning = message;
    });
    connect(m_session, &ConversationSession::conflict, this, [this](const SaveConflict &conflict) {
        m_callStatus->showStopped(
            conflict.overwrittenAfterSave
                ? MainWindow::tr("Saved, but overwritten right after your save: the server extension of %1 "
                                 "now holds another value.")
                      .arg(conflict.id.toString())
                : MainWindow::tr("Not saved: the server extension of %1 changed on the server since it was loaded.")
                      .arg(conflict.id.toString()),
            conflict.traceId);
        if (!showPendingAuditWarning())
            m_errorBanner->dismiss();
    });
    connect(m_session, &ConversationSession::interruptedSavesChecked, this,
            [this](const QList<ReconciledAttempt> &checked, const QStringList &problems) {
                if (!checked.isEmpty()) {
                    const auto applied = std::count_if(checked.cbegin(), checked.cend(),
                                                       [](const ReconciledAttempt &attempt) { return attempt.applied; });
                    m_errorBanner->showMessage(
                        MainWindow::tr("%n earlier save(s) of this profile were interrupted before their outcome was "
                                       "known. Checked now: %1 applied, %2 not applied. History shows them.",
                                       nullptr, int(checked.size()))
                            .arg(applied)
                            .arg(checked.size() - applied));
                }
                for (const QString &problem : problems)
                    m_errorBanner->showMessage(MainWindow::tr("This save attempt could not be recorded in the audit log: %1")
                                                   .arg(problem));
            });
}

SessionReporter::~SessionReporter() = default;

void SessionReporter::showProblem(const QString &message)
{
    offerRetry(false); // the banner no longer shows the failure a retry was for
    m_errorBanner->showMessage(message);
    m_callStatus->showNote(message);
}

void SessionReporter::showFailure(ConversationSession::Operation operation, const ApiResult &result)
{
    const QString name = operation == ConversationSession::Operation::Save ? MainWindow::tr("Save")
                                                                           : MainWindow::tr("Load");
    m_callStatus->showResult(name, result);
    if (result.error == ErrorKind::Cancelled) // a cancel was asked for; the status bar says so
        return;
    m_errorBanner->showFailure(name, result, m_hasEdits());
    m_failedOperation = operation;
    m_failedId = m_session->pendingId().toString();
    offerRetry(ErrorText::suggestsRetry(result));
}

void SessionReporter::setRetryButton(QAbstractButton *button)
{
    m_retry = button;
    m_retry->hide();
    connect(m_retry, &QAbstractButton::clicked, this, [this] {
        offerRetry(false);
        m_errorBanner->dismiss();
        Q_EMIT retryRequested(m_failedOperation, m_failedId);
    });
}

void SessionReporter::offerRetry(bool offer)
{
    if (m_retry)
        m_retry->setVisible(offer);
}

bool SessionReporter::showPendingAuditWarning()
{
    const QString message = std::exchange(m_auditWarning, QString());
    if (message.isEmpty())
        return false;
    m_errorBanner->showMessage(
        MainWindow::tr("This save attempt could not be recorded in the audit log: %1").arg(message));
    return true;
}

} // namespace convdesk

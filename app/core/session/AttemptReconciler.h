#pragma once

#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QPointer>
#include <QString>

#include <memory>

namespace convdesk {

class ApiCall;
class ApiClient;
class ConversationLock;
struct ApiResult;

// One interrupted save, checked.
struct ReconciledAttempt
{
    AuditRecord attempt;  // the Attempt line as written
    bool applied = false; // the value sent is on the server now
    QString serverNow;    // server_extension on the server now
};

// Finishes the audit records of saves whose outcome is not known: the process ended between
// sending the PATCH and recording its outcome (an Attempt line without an Outcome, e.g. after
// kill -9), or the save itself could not tell ("may have been written"). Re-reads each
// conversation and appends an Outcome, "applied" when the value sent is on the server, else
// "interrupted" (not applied). Earlier lines are never rewritten.
//
// Only the attempts made with this client's AppKey can be checked; others wait for a process
// with that profile. Each is checked under its conversation's save lock, taken without
// waiting: a save still running in another process holds it and is left alone. An attempt
// whose conversation cannot be read stays open for the next check.
class AttemptReconciler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptReconciler)
public:
    // source: who checks ("gui", "cli"), written in the Outcome lines. log is not owned.
    AttemptReconciler(ApiClient *client, AuditLog *log, const QString &source, QObject *parent = nullptr);
    ~AttemptReconciler() override;

    // Emits finished() once, from the event loop, also when there is nothing to check.
    void start();
    // Stops a run (a profile switch: the client now belongs to another app). What was checked
    // so far is reported through finished().
    void cancel();
    bool isRunning() const { return m_running; }

    // The open attempts of appKey among the log's lines, oldest first.
    static QList<AuditRecord> openAttempts(const QList<AuditRecord> &lines, const QString &appKey);

Q_SIGNALS:
    // The attempts checked now; problems, e.g. an Outcome line that could not be written.
    void finished(const QList<convdesk::ReconciledAttempt> &checked, const QStringList &problems);

private:
    void next();
    bool stillOpen(const QString &attemptId);
    void onLocked();
    void onRead(const ApiResult &result);
    void done();

    ApiClient *m_client;
    AuditLog *m_log;
    QString m_source;
    bool m_running = false;
    QString m_appKey;
    AuditLogPosition m_logPosition; // how far the log was read
    QSet<QString> m_settled;        // attempts given an Outcome since start()
    QList<AuditRecord> m_open;
    std::unique_ptr<ConversationLock> m_lock;
    QPointer<ApiCall> m_call;
    QList<ReconciledAttempt> m_checked;
    QStringList m_problems;
};

} // namespace convdesk

Q_DECLARE_METATYPE(convdesk::ReconciledAttempt)

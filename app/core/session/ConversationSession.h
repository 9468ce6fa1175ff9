#pragma once

#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "api/Credentials.h"
#include "audit/AuditRecord.h"
#include "json/JsonDocument.h"
#include "json/SharedJson.h"
#include "profiles/Profile.h"
#include "schema/SchemaVerdict.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace convdesk {

class ApiCall;
class ApiClient;
class AuditLog;
class AttemptReconciler;
class GuardedSave;
struct ReconciledAttempt;
struct SaveConflict;

// The conversation the user is working on, and the one call at a time made for it: load it,
// save a new server_extension, cancel. Widget-free so that the window stays a view of it.
// At most one operation runs; a second request while busy is refused, so a save can never be
// sent twice.
//
// Every save is a GuardedSave: the conversation is re-read right before the PATCH, and when
// server_extension is no longer the value loaded, nothing is written and conflict() says
// what the server holds now. With an audit log, every attempt is recorded before its outcome
// is reported, and a save is refused (nothing sent) when the log cannot be written.
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

    // Where save attempts are recorded (not owned; null records nothing), and where they
    // come from ("gui", "cli"). The profile's name is recorded with each.
    void setAuditLog(AuditLog *log, const QString &source);
    AuditLog *auditLog() const { return m_auditLog; }
    // Why a save would be refused for the audit log's sake; empty when it can be written.
    QString auditProblem() const;

    // Each returns false (and emits nothing) when refused: busy, nothing to save, or (saves)
    // an audit log that cannot be written; the reason goes to `refusal` when given.
    bool load(const ConversationId &id);
    // Guarded: writes only if the server still holds loadedServerExtension(). `reason` (why,
    // e.g. a ticket; may be empty) is recorded in the audit log with the attempt.
    bool save(const QString &newServerExtension, const QString &reason, QString *refusal = nullptr);
    // After a conflict, when the user chose to replace the server's value: writes without
    // comparing (it still re-reads first, so the audit log records what was replaced).
    bool overwrite(const QString &newServerExtension, const QString &reason, QString *refusal = nullptr);
    // What the team's schema said of the value the next save() or overwrite() sends, for its
    // audit record; that call uses it and clears it, whether it starts or is refused.
    void setNextSaveSchemaVerdict(const SchemaVerdict &verdict) { m_nextSchemaVerdict = verdict; }
    // Likewise the History save the next save() or overwrite() reverts, for its audit record.
    void setNextSaveRevertOf(const RevertedSave &reverted) { m_nextRevertOf = reverted; }
    void cancel();
    // Finishes the audit records of this profile's saves that an earlier process left without
    // an outcome (see AttemptReconciler); reports through interruptedSavesChecked(). Needs the
    // audit log and credentials; runs beside loads and saves.
    void reconcileInterruptedSaves();

    // After a conflict: the conversation as just re-read becomes the loaded one, so the next
    // save() compares against the server's current value (still guarded against a third
    // writer). Ignored when the conflict is about another conversation than the loaded one.
    void adoptServerState(const SaveConflict &conflict);

    bool isBusy() const { return m_operation != Operation::None; }
    Operation operation() const { return m_operation; }
    ConversationId pendingId() const { return m_pendingId; } // what the running load fetches

    bool hasConversation() const { return m_loadedId.isValid(); }
    ConversationId conversationId() const { return m_loadedId; }
    // The conversation as the server answered it, parsed once: the reply's ApiResult::data,
    // never a copy. sharedConversation() hands the same parse on (to the tree) without
    // copying it; empty when nothing is loaded. conversation() reads it through nlohmann
    // (made on first use: the tree never asks for it).
    const OrderedJson &conversation() const { return *m_conversation; }
    const SharedJson &sharedConversation() const { return m_conversation; }
    // When the shown conversation was last read from the server (a load, a save's answer, a
    // conflict's re-read), so a view kept after a failed load can say how old it is.
    QDateTime fetchedAt() const { return m_fetchedAt; }
    // server_extension of the conversation as the server last showed it (load or save).
    QString loadedServerExtension() const { return m_loadedExtension; }
    // The last save's response lacked fields the loaded conversation had (the SDKs model only
    // a few); those fields are shown as loaded.
    bool lastSaveResponseWasPartial() const { return m_partialSaveResponse; }
    // The last failed save stopped at the re-read before writing: nothing was written.
    bool lastSaveFailedBeforeWriting() const { return m_saveFailedBeforeWriting; }
    // How the last save's outcome was found when it was not the PATCH's own answer (a re-read
    // after a lost answer); empty otherwise.
    QString lastSaveNote() const;
    // The last save's PATCH may or may not have been applied: neither its answer nor a
    // re-read could tell. The failure's detail says so.
    bool lastSaveOutcomeUnknown() const;
    // The last save sent nothing: its attempt could not be recorded, or the save lock taken.
    bool lastSaveNotSent() const { return m_saveNotSent; }

    // Words for why load()/save() would be refused now; empty when it would go ahead.
    QString refusalReason(Operation operation) const;

Q_SIGNALS:
    void loadStarted(const QString &conversationId);
    void loaded(const convdesk::ApiResult &result);
    void saveStarted(const QString &conversationId);
    void saved(const convdesk::ApiResult &result);
    // A load or save did not succeed (cancellation included); what was loaded stays.
    void failed(const convdesk::ApiResult &result, convdesk::ConversationSession::Operation operation);
    // A save found another value on the server than the one loaded (nothing was written), or
    // was overwritten right after it was written (conflict.overwrittenAfterSave).
    void conflict(const convdesk::SaveConflict &conflict);
    // What reconcileInterruptedSaves() found and recorded.
    void interruptedSavesChecked(const QList<convdesk::ReconciledAttempt> &checked, const QStringList &problems);
    // Another process is saving this conversation; this save waits for it to finish.
    void saveWaiting(const QString &holder);
    // A save attempt's audit record could not be written (emitted before its outcome).
    void auditFailed(const QString &message);
    void busyChanged(bool busy);
    void conversationChanged(); // loaded, saved, or cleared by a profile change

private:
    void start(Operation operation, ApiCall *call);
    bool startSave(const QString &newServerExtension, const QString &reason, bool compare, QString *refusal);
    void finish(const ApiResult &result);
    void applyLoaded(const ApiResult &result);
    void applySaved(const ApiResult &result);
    void setConversation(const ConversationId &id, SharedJson conversation);

    ApiClient *m_client;
    GuardedSave *m_guard;
    AttemptReconciler *m_reconciler = nullptr;
    AuditLog *m_auditLog = nullptr;
    QString m_auditSource;
    Profile m_profile;
    Operation m_operation = Operation::None;
    QPointer<ApiCall> m_call;
    ConversationId m_pendingId;
    QString m_pendingExtension;

    ConversationId m_loadedId;
    SharedJson m_conversation;
    QString m_loadedExtension;
    QDateTime m_fetchedAt;
    SchemaVerdict m_nextSchemaVerdict;
    RevertedSave m_nextRevertOf;
    bool m_partialSaveResponse = false;
    bool m_saveFailedBeforeWriting = false;
    bool m_saveNotSent = false;
};

} // namespace convdesk

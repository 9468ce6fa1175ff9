#pragma once

#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "audit/AuditRecord.h"
#include "json/JsonDocument.h"
#include "json/SharedJson.h"
#include "schema/SchemaVerdict.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

namespace convdesk {

class ApiCall;
class ApiClient;
class AuditLog;
class ConversationLock;

// What a guarded save found instead of the value the edit was based on: the three sides of
// the three-way view.
struct SaveConflict
{
    ConversationId id;
    QString loaded;          // server_extension the save was based on
    QString yours;           // the value that was not written, or was written and then replaced
    QString serverNow;       // server_extension on the server now
    SharedJson conversation; // the conversation as just re-read (shared, not copied)
    QString traceId;         // of the re-read
    // The save was written, but the re-read right after it found another value: someone
    // overwrote it (loaded is then your value too).
    bool overwrittenAfterSave = false;
};

// A compare-and-set the API lacks, made as safe as one machine can make it:
//
// 1. A per-conversation lock (ConversationLock) serialises the saves of all convdesk and
//    convdesk-cli processes on this machine, held until step 5 is done.
// 2. The conversation is re-read; when server_extension is no longer the value the edit started
//    from (a missing one counts as ""), nothing is written: conflict().
// 3. An Attempt line is appended to the audit log and synced before anything is sent; when that
//    fails, nothing is sent: notSent(). The PATCH carries a trace id made for that line.
// 4. The PATCH. A business error is a definite "not applied". Any answer that does not prove the
//    save (a lost connection, a timeout, a 5xx, a malformed answer, or one about another
//    conversation or value) is checked by re-reading once: the value is there (applied), it is
//    not (not applied, with the server's value), or the re-read fails too (unknown: "may have
//    been written").
// 5. After a confirmed save the conversation is re-read again; another value there means someone
//    overwrote it right after: conflict() with overwrittenAfterSave.
//
// The Outcome line (same attempt id) is appended before finished() or conflict() is emitted.
// Across machines the API offers no lock: the guard narrows the window, it cannot close it.
// What an audit record carries about a save besides the values: why it was made, and what
// the team's schema said of the value (empty when the profile has none).
struct SaveNotes
{
    QString reason;
    SchemaVerdict schema;
    RevertedSave revertOf{}; // set when the save reverts one from the History
};

class GuardedSave final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedSave)
public:
    enum class Stage { Idle, Locking, Rereading, Writing, Verifying };
    Q_ENUM(Stage)
    // What the last save that reached the PATCH came to.
    enum class Verdict { None, Applied, NotApplied, Unknown, Overwritten };
    Q_ENUM(Verdict)
    // Why a started save sent nothing.
    enum class NotSentReason { AuditLog, Locked, Cancelled };
    Q_ENUM(NotSentReason)

    explicit GuardedSave(ApiClient *client, QObject *parent = nullptr);
    ~GuardedSave() override;

    // Records every attempt in log (not owned; may be null), naming the profile and where the
    // save came from ("gui" or "cli"). The save locks live in the log's folder; without a log
    // nothing is locked.
    void setAuditLog(AuditLog *log, const QString &profileName, const QString &source);
    void setLockWaitMs(int waitMs) { m_lockWaitMs = waitMs; }

    // Each returns false, with the reason in refusal and without emitting anything, when busy
    // or when the audit log cannot be written: then nothing is sent. `reason` (why the save is
    // made, may be empty) is recorded with the attempt.
    bool save(const ConversationId &id, const QString &loadedValue, const QString &newValue,
              const QString &reason, QString *refusal = nullptr);
    bool overwrite(const ConversationId &id, const QString &newValue, const QString &reason,
                   QString *refusal = nullptr);
    // The same with everything recorded beside the value: the reason and the schema's verdict.
    bool save(const ConversationId &id, const QString &loadedValue, const QString &newValue,
              const SaveNotes &notes, QString *refusal = nullptr);
    bool overwrite(const ConversationId &id, const QString &newValue, const SaveNotes &notes,
                   QString *refusal = nullptr);
    void cancel(); // the outcome (a Cancelled result, or what a re-read shows) is still reported

    bool isBusy() const { return m_stage != Stage::Idle; }
    Stage stage() const { return m_stage; }
    Verdict lastVerdict() const { return m_verdict; }
    // One sentence on how the verdict was reached when it was not the PATCH's own answer
    // ("The answer to the save was lost; a re-read shows the value is on the server."); empty
    // otherwise.
    QString lastVerdictNote() const { return m_verdictNote; }
    // Why the last record could not be written; empty when it was.
    QString lastAuditError() const { return m_auditError; }

    // server_extension of a conversation object as a string; missing or null is "".
    static QString serverExtensionOf(const OrderedJson &conversation);
    static QString serverExtensionOf(const SharedJson &conversation); // reads only that member

Q_SIGNALS:
    void stageChanged(convdesk::GuardedSave::Stage stage);
    // Another process is saving this conversation; this save waits for it.
    void lockWaiting(const QString &holder);
    // The server's value differed (nothing was written), or the save was overwritten at once.
    void conflict(const convdesk::SaveConflict &conflict);
    // The re-read failed: nothing was written.
    void rereadFailed(const convdesk::ApiResult &result);
    // The lock could not be taken or the attempt could not be recorded: nothing was sent.
    void notSent(convdesk::GuardedSave::NotSentReason reason, const QString &message);
    // The PATCH's outcome: ok when applied (data is the conversation as re-read when it was);
    // otherwise why not, or that it may have been (lastVerdict() tells which).
    void finished(const convdesk::ApiResult &result);
    // The Outcome line (or a Complete line) could not be written; emitted before the outcome.
    void auditFailed(const QString &message);

private:
    enum class Check { AfterConfirmedSave, AfterUnusableAnswer };

    bool start(const ConversationId &id, const std::optional<QString> &expected, const QString &newValue,
               const SaveNotes &notes, QString *refusal);
    void startReread();
    void onReread(const ApiResult &result);
    void writeAhead();
    void onWritten(const ApiResult &result);
    void startCheck(Check check);
    void onChecked(const ApiResult &reread);
    // Records the Outcome line and reports the result.
    void conclude(Verdict verdict, ApiResult result, const QString &errorKind, const QString &verifiedBy,
                  const QString &note, const std::optional<QString> &valueAfter);
    void stop(); // releases the lock and goes idle

    // Whether an answer about a conversation is usable (ConversationAnswer's rules): empty when
    // it is, else what is wrong.
    QString answerProblem(const ApiResult &result) const;
    void record(int phase, const QString &stage, const ApiResult &result, const QString &errorKind,
                const QString &verifiedBy = {}, const std::optional<QString> &valueAfter = std::nullopt);
    void setStage(Stage stage);

    ApiClient *m_client;
    AuditLog *m_auditLog = nullptr;
    QString m_profileName;
    QString m_source;
    int m_lockWaitMs;

    Stage m_stage = Stage::Idle;
    QPointer<ApiCall> m_call;
    std::unique_ptr<ConversationLock> m_lock;
    bool m_cancelled = false;
    ConversationId m_id;
    std::optional<QString> m_expected; // none for overwrite()
    QString m_newValue;
    QString m_reason;
    SchemaVerdict m_schemaVerdict;
    RevertedSave m_revertOf;
    std::optional<QString> m_valueBefore;
    QString m_attemptId;
    QString m_writeTraceId;
    ApiResult m_writeResult;
    Check m_check = Check::AfterConfirmedSave;
    Verdict m_verdict = Verdict::None;
    QString m_verdictNote;
    QString m_auditError;
};

} // namespace convdesk

Q_DECLARE_METATYPE(convdesk::SaveConflict)

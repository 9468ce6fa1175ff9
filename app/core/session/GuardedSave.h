#pragma once

#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "json/JsonDocument.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace convdesk {

class ApiCall;
class ApiClient;
class AuditLog;

// What a guarded save found instead of the value the edit was based on: the three sides of
// the three-way view.
struct SaveConflict
{
    ConversationId id;
    QString loaded;          // server_extension when the conversation was loaded
    QString yours;           // the value that was not written
    QString serverNow;       // server_extension on the server now
    OrderedJson conversation; // the conversation as just re-read
    QString traceId;         // of the re-read
};

// A compare-and-set the API lacks: right before the PATCH it re-reads the conversation and
// writes only if server_extension is still the value the edit started from (a missing one
// counts as ""). Otherwise it writes nothing and emits conflict(). When the re-read fails,
// nothing is written either. With an AuditLog, every attempt leaves exactly one record,
// written durably before the outcome signal, and a save is refused up front when the log
// cannot be written.
//
// After a conflict the caller chooses: overwrite(), which writes the value without comparing
// (it still re-reads, so the audit records what was overwritten); save() again with
// serverNow as the loaded value, which stays guarded against a third writer; or nothing.
class GuardedSave final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedSave)
public:
    enum class Stage { Idle, Rereading, Writing };
    Q_ENUM(Stage)

    explicit GuardedSave(ApiClient *client, QObject *parent = nullptr);
    ~GuardedSave() override;

    // Records every attempt in log (not owned; may be null), naming the profile and where the
    // save came from ("gui" or "cli").
    void setAuditLog(AuditLog *log, const QString &profileName, const QString &source);

    // Each returns false, with the reason in refusal and without emitting anything, when busy
    // or when the audit log cannot be written: then nothing is sent.
    bool save(const ConversationId &id, const QString &loadedValue, const QString &newValue,
              QString *refusal = nullptr);
    bool overwrite(const ConversationId &id, const QString &newValue, QString *refusal = nullptr);
    void cancel(); // the outcome (a Cancelled result) is still reported and recorded

    bool isBusy() const { return m_stage != Stage::Idle; }
    Stage stage() const { return m_stage; }
    // Why the last record could not be written; empty when it was.
    QString lastAuditError() const { return m_auditError; }

    // server_extension of a conversation object as a string; missing or null is "".
    static QString serverExtensionOf(const OrderedJson &conversation);

Q_SIGNALS:
    void stageChanged(convdesk::GuardedSave::Stage stage);
    // The server's value differed: nothing was written.
    void conflict(const convdesk::SaveConflict &conflict);
    // The re-read failed: nothing was written.
    void rereadFailed(const convdesk::ApiResult &result);
    // The PATCH finished, successfully or not.
    void finished(const convdesk::ApiResult &result);
    // The attempt's audit record could not be written; emitted before the outcome signal.
    void auditFailed(const QString &message);

private:
    bool start(const ConversationId &id, const std::optional<QString> &expected, const QString &newValue,
               QString *refusal);
    void onReread(const ApiResult &result);
    void onWritten(const ApiResult &result);
    void record(const QString &stage, const ApiResult &result, const QString &kindOverride = {});
    void setStage(Stage stage);

    ApiClient *m_client;
    AuditLog *m_auditLog = nullptr;
    QString m_profileName;
    QString m_source;

    Stage m_stage = Stage::Idle;
    QPointer<ApiCall> m_call;
    ConversationId m_id;
    std::optional<QString> m_expected; // none for overwrite()
    QString m_newValue;
    std::optional<QString> m_valueBefore;
    QString m_auditError;
};

} // namespace convdesk

Q_DECLARE_METATYPE(convdesk::SaveConflict)

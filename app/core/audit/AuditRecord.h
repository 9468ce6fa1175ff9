#pragma once

#include "json/JsonDocument.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHashFunctions>
#include <QString>
#include <QStringList>

#include <optional>

namespace convdesk {

struct ApiResult;

// The save a revert from the History undoes: its time and, for write-ahead saves, its attempt
// id (older saves have none). Invalid when the save is not a revert.
struct RevertedSave
{
    QDateTime time;
    QString attemptId;
    bool isValid() const { return time.isValid(); }
    friend bool operator==(const RevertedSave &, const RevertedSave &) = default;
};

// One line of the audit log: one JSON object. Holds what was sent and what came back, never
// the AppSecret (nothing here can carry it).
//
// A save that sends a PATCH is written ahead: an Attempt line, synced to disk before the
// PATCH leaves, and an Outcome line with the same attemptId once the result is known. If the
// process dies in between, the Attempt stays alone ("unknown, interrupted") until a later
// process re-reads the conversation and appends the Outcome (verifiedBy "reconcile"). A save
// that stopped before sending anything (a conflict, a failed re-read) is one Complete line, as
// was every save before write-ahead (such lines have no "phase").
struct AuditRecord
{
    Q_DECLARE_TR_FUNCTIONS(AuditRecord)
public:
    // How the attempt ended, for filtering: errorKind "none" is a success; "conflict" a refused
    // write, "overwritten" a write someone replaced right after; "unknown" a write that may or
    // may not have been applied, like an Attempt without its Outcome; any other a failure.
    enum class Outcome { Success, Failure, Conflict, Unknown };
    enum class Phase { Complete, Attempt, Outcome };

    // Where the attempt stopped: the re-read before writing, or the PATCH itself.
    static inline const QString StageReread = QStringLiteral("reread");
    static inline const QString StageWrite = QStringLiteral("write");
    static inline const QString ConflictKind = QStringLiteral("conflict");
    static inline const QString OverwrittenKind = QStringLiteral("overwritten");
    static inline const QString UnknownKind = QStringLiteral("unknown");
    // An Outcome found by a later process: the attempt's process ended before it knew.
    static inline const QString InterruptedKind = QStringLiteral("interrupted");
    // How an Outcome was established.
    static inline const QString VerifiedByAnswer = QStringLiteral("answer");
    static inline const QString VerifiedByReread = QStringLiteral("reread");
    static inline const QString VerifiedByReconcile = QStringLiteral("reconcile");

    Phase phase = Phase::Complete;
    QString attemptId;                   // pairs an Attempt with its Outcome; empty for Complete

    QDateTime time;                      // UTC, millisecond precision
    QString osUser;
    QString source;                      // "gui" or "cli"
    QString profile;
    QString appKey;
    QString conversationId;
    std::optional<QString> expected;     // the value the guard compared with; none when forced
    std::optional<QString> valueBefore;  // on the server right before the write; none if unknown
    QString valueSent;                   // sent, or that would have been sent (conflict, re-read failure)
    QString stage;                       // StageReread or StageWrite
    QString errorKind;                   // errorKindKey(), or ConflictKind
    int code = 0;                        // business code
    QString msg;
    int httpStatus = 0;
    QString traceId;
    QString verifiedBy;                  // Outcome lines: VerifiedBy*
    std::optional<QString> valueAfter;   // on the server after the save, when it was re-read
    QString reason;                      // why the save was made (a ticket, a note); may be empty
    // The team's schema (SchemaVerdict): its path and SHA-256, "passed", "failed" or "skipped"
    // (empty when the profile has none), and the "/pointer: message" lines of a failed check.
    QString schemaPath;
    QString schemaSha256;
    QString schemaCheck;
    QStringList schemaErrors;
    // A save made by History's "Revert to this value…": the save whose value before it restores.
    RevertedSave revertOf;

    Outcome outcome() const;
    // An Attempt with the result fields of its Outcome: what the History shows as one row.
    // Without an Outcome (nullptr) the row stays an Attempt: "unknown (interrupted)".
    AuditRecord joinedWith(const AuditRecord *outcomeLine) const;
    static QString newAttemptId();
    static QString phaseKey(Phase phase); // "complete", "attempt", "outcome"
    // Fills stage, errorKind, code, msg, httpStatus and traceId from a finished call.
    void setResult(const QString &stageName, const ApiResult &result);

    OrderedJson toJson() const;
    // nullopt, with a reason, for anything that is not a record this class wrote.
    static std::optional<AuditRecord> fromJson(const OrderedJson &json, QString *error = nullptr);

    static QString currentOsUser();
    static QString outcomeKey(Outcome outcome); // "success", "failure", "conflict", "unknown"
    static std::optional<Outcome> outcomeFromKey(const QString &key);

    friend bool operator==(const AuditRecord &, const AuditRecord &) = default;
};

// Qt 6.4 has no qHash for enumerations; QSet<Outcome> needs one.
inline size_t qHash(AuditRecord::Outcome outcome, size_t seed = 0) noexcept
{
    return ::qHash(int(outcome), seed);
}

} // namespace convdesk

#pragma once

#include "json/JsonDocument.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHashFunctions>
#include <QString>

#include <optional>

namespace convdesk {

struct ApiResult;

// One save attempt, as written to the audit log: one JSON object per line. Holds what was
// sent and what came back, never the AppSecret (nothing here can carry it).
struct AuditRecord
{
    Q_DECLARE_TR_FUNCTIONS(AuditRecord)
public:
    // How the attempt ended, for filtering: errorKind "none" is a success, "conflict" a
    // refused write, any other errorKindKey() a failure.
    enum class Outcome { Success, Failure, Conflict };

    // Where the attempt stopped: the re-read before writing, or the PATCH itself.
    static inline const QString StageReread = QStringLiteral("reread");
    static inline const QString StageWrite = QStringLiteral("write");
    static inline const QString ConflictKind = QStringLiteral("conflict");

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

    Outcome outcome() const;
    // Fills stage, errorKind, code, msg, httpStatus and traceId from a finished call.
    void setResult(const QString &stageName, const ApiResult &result);

    OrderedJson toJson() const;
    // nullopt, with a reason, for anything that is not a record this class wrote.
    static std::optional<AuditRecord> fromJson(const OrderedJson &json, QString *error = nullptr);

    static QString currentOsUser();
    static QString outcomeKey(Outcome outcome); // "success", "failure", "conflict"
    static std::optional<Outcome> outcomeFromKey(const QString &key);

    friend bool operator==(const AuditRecord &, const AuditRecord &) = default;
};

// Qt 6.4 has no qHash for enumerations; QSet<Outcome> needs one.
inline size_t qHash(AuditRecord::Outcome outcome, size_t seed = 0) noexcept
{
    return ::qHash(int(outcome), seed);
}

} // namespace convdesk

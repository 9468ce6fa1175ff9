#pragma once

#include "CliContext.h"
#include "CliExitCode.h"
#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "json/JsonDocument.h"
#include "json/JsonTextEditor.h"
#include "schema/ExtensionSchema.h"
#include "schema/SchemaVerdict.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace convdesk {

class ApiClient;
class AuditLog;
struct SaveConflict;

// What set-extension writes to each conversation: a whole new value (with an optional
// expected one), or key edits of the value read, and what is recorded beside it.
struct ExtensionWriteRequest
{
    std::optional<QString> value;            // the whole new value; none for key edits
    std::optional<QString> expected;         // with value: write only over exactly this one
    QList<JsonTextEditor::Edit> edits;       // applied to the value read, which is the guard
    QString reason;
    QString profileName;
    std::optional<ExtensionSchema> schema;   // checks the result of key edits (a whole value is
                                             // checked once, before any conversation)
    SchemaVerdict verdict;                   // recorded with a whole value: its check, or skipped
};

// What one conversation's set-extension came to.
struct ExtensionWriteResult
{
    enum class Outcome {
        Saved,       // written, and still there right after
        Unchanged,   // the key edits change nothing: nothing to write
        Conflict,    // the server's value was not the expected one: nothing written
        Overwritten, // written, then replaced by someone else at once
        Failed,      // not written: refused here or by the server, or the server not reached
        Unknown,     // may or may not have been written (the answer and the check both failed)
        Invalid,     // not a conversation ID (batch runs): skipped, nothing sent
    };

    Outcome outcome = Outcome::Failed;
    int exitCode = ExitUsage;
    QString traceId;          // of the request that decided it; empty when none was sent
    std::optional<int> code;  // the server's business code of that answer, when it gave one
    OrderedJson conversation; // Saved: as re-read after the save; Unchanged: as read
    // Code 416 (or HTTP 429) before anything was written: trying again is safe.
    bool rateLimitedBeforeWriting = false;
    QByteArray retryAfter;    // that answer's Retry-After header

    static QString outcomeKey(Outcome outcome); // "saved", "unchanged", "conflict", ...
    // {"id":…,"outcome":…,"code":…,"trace_id":…,"exit":…}: one JSON Lines record of a batch.
    QByteArray resultLine(const QString &conversationId) const;
};

// One conversation's set-extension, the same for a single ID and for each ID of a batch:
// key edits applied to the value read, the schema check of their result, then GuardedSave,
// which re-reads, records the attempt in the audit log before the PATCH and verifies the
// outcome. Messages go to standard error through the context; nothing to standard output.
class ExtensionWriter
{
    // Its messages are set-extension's own and keep that command's translations.
    Q_DECLARE_TR_FUNCTIONS(SetExtensionCommand)
public:
    ExtensionWriter(const CliContext &context, ApiClient &client, AuditLog &auditLog,
                    const ExtensionWriteRequest &request);

    ExtensionWriteResult write(const ConversationId &id) const;

private:
    // Reads the conversation and applies the edits. False when that failed or changed
    // nothing, with *result saying so; else *value and *expected hold the new and read values.
    bool applyKeyEdits(const ConversationId &id, QString *value, QString *expected,
                       ExtensionWriteResult *result) const;
    void save(const ConversationId &id, const QString &value, const std::optional<QString> &expected,
              const SchemaVerdict &verdict, ExtensionWriteResult *result) const;
    int reportConflict(const SaveConflict &conflict) const;
    static void takeAnswer(const ApiResult &answer, ExtensionWriteResult *result);

    const CliContext &m_context;
    ApiClient &m_client;
    AuditLog &m_auditLog;
    const ExtensionWriteRequest &m_request;
};

} // namespace convdesk

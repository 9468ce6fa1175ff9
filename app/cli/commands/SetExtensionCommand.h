#pragma once

#include "ApiCommand.h"
#include "json/JsonTextEditor.h"

namespace convdesk {

class ApiClient;
class AuditLog;
class ConversationId;
struct ExtensionInput;
struct SaveConflict;

// set-extension CONVERSATION_ID (--value | --file | --stdin) [--allow-empty]
//               [--expect-current | --expect-file]
// set-extension CONVERSATION_ID (--set KEY=JSON | --set-string KEY=TEXT | --unset KEY)...:
// replaces the conversation's server_extension, or edits keys of the value it reads, through
// GuardedSave, which records every attempt in the audit log.
class SetExtensionCommand final : public ApiCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetExtensionCommand)
public:
    SetExtensionCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    QList<Argument> arguments() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;

private:
    static void reconcileInterruptedSaves(const CliContext &context, ApiClient &client, AuditLog &log);
    // Reads the conversation and applies the edits; on ExitOk input holds the new value and the
    // value read as the expected one, or no expected value when the edits change nothing.
    static int applyKeyEdits(const CliContext &context, ApiClient &client, const ConversationId &id,
                             const QList<JsonTextEditor::Edit> &edits, ExtensionInput *input);
    static int reportConflict(const CliContext &context, const SaveConflict &conflict, bool editingKeys);
};

} // namespace convdesk

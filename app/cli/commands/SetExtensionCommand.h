#pragma once

#include "ApiCommand.h"

namespace convdesk {

class ApiClient;
class AuditLog;
class ExtensionWriter;

// set-extension CONVERSATION_ID (--value | --file | --stdin) [--allow-empty]
//               [--expect-current | --expect-file]
// set-extension CONVERSATION_ID (--set KEY=JSON | --set-string KEY=TEXT | --unset KEY)...:
// replaces the conversation's server_extension, or edits keys of the value it reads, through
// GuardedSave, which records every attempt in the audit log (ExtensionWriter).
// set-extension --ids-from FILE|- ...: the same for each conversation of a list, one JSON
// result line per ID.
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
    // Each conversation in turn (code 416 retried), one result line each; the most severe code.
    static int runBatch(CliContext &context, const ExtensionWriter &writer, const QList<IdListEntry> &entries);
};

} // namespace convdesk

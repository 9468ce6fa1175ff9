#pragma once

#include "ApiCommand.h"

namespace convdesk {

class ApiClient;
class AuditLog;
struct SaveConflict;

// set-extension CONVERSATION_ID (--value | --file | --stdin) [--allow-empty]
//               [--expect-current | --expect-file]:
// replaces the conversation's server_extension through GuardedSave, which records every
// attempt in the audit log.
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
    static int reportConflict(const CliContext &context, const SaveConflict &conflict);
};

} // namespace convdesk

#pragma once

#include "ApiCommand.h"

#include <optional>

namespace convdesk {

class ApiClient;
class AuditLog;
struct SaveConflict;

// set-extension CONVERSATION_ID (--value | --file | --stdin) [--expect-current | --expect-file]:
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
    // The new value from --value, --file or --stdin; nullopt after a usage error was printed.
    std::optional<QString> readValue(const CliContext &context, const QCommandLineParser &parser) const;
    // --expect-current or --expect-file; *failed after a usage error was printed.
    std::optional<QString> readExpected(const CliContext &context, const QCommandLineParser &parser,
                                        bool *failed) const;
    static void reconcileInterruptedSaves(const CliContext &context, ApiClient &client, AuditLog &log);
    static int reportConflict(const CliContext &context, const SaveConflict &conflict);
};

} // namespace convdesk

#pragma once

#include "Command.h"

namespace convdesk {

// history: the audit log of save attempts (GUI and CLI), filtered, as a table, JSON or CSV.
class HistoryCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)
public:
    HistoryCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk

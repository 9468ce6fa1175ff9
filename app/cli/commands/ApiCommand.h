#pragma once

#include "Command.h"
#include "IdList.h"
#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "profiles/Profile.h"

#include <optional>

namespace convdesk {

class ApiCall;
class ApiClient;

// A command that talks to the server as one profile (--profile, else the default one).
class ApiCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ApiCommand)
public:
    using Command::Command;

protected:
    static QCommandLineOption profileOption();
    // The one CONVERSATION_ID that get and set-extension take: its help, and the parsed ID
    // (nullopt after a usage error was printed).
    static Argument conversationIdArgument();
    std::optional<ConversationId> conversationIdFrom(const CliContext &context, const QCommandLineParser &parser) const;
    // The IDs of a batch run: those of --ids-from, else the arguments; nullopt after a usage
    // error was printed (both given, or a list that cannot be read).
    std::optional<QList<IdListEntry>> batchIds(const CliContext &context, const QCommandLineParser &parser) const;

    // Resolves --profile (or the default), reads its secret and configures the client.
    int prepareClient(CliContext &context, const QCommandLineParser &parser, ApiClient &client,
                      Profile *profile) const;

public:
    // Runs the call to its end in a local event loop.
    static ApiResult wait(ApiCall *call);
    // Prints the error with its trace id; returns the exit code for its kind.
    static int reportFailure(const CliContext &context, const ApiResult &result);
};

} // namespace convdesk

#pragma once

#include "BenchMetrics.h"
#include "ChildProcess.h"

#include <QProcess>
#include <QString>

#include <optional>

namespace convdesk::bench {

// What the driver's scenario runs share.

// The profile the driver stores through convdesk-cli.
inline constexpr char CliProfile[] = "bench";

// `convdesk-cli profile add CliProfile` with this endpoint and credentials, the secret on
// standard input, into the settings `environment`'s XDG_CONFIG_HOME names. The result says
// whether it was stored (there must be a keychain: scripts/with-test-keyring.sh).
ChildProcess::Result storeCliProfile(const QString &cliPath, const QProcessEnvironment &environment,
                                     const QString &endpoint, const QString &appKey, const QString &appSecret);

// A "[bench] ..." line on standard error, at once.
void progress(const QString &text);

// The figures a `convdesk_bench --child` run printed on its "BENCH {json}" line.
std::optional<BenchMetrics> childMetrics(const ChildProcess::Result &result);

// `self --child serve-sandbox`: a sandbox seeded with `count` conversations of `account`
// (BenchDocument::listedConversation), in its own process so that its work is not the
// measured client's. Returns its URL, or empty when it did not start.
QString startSeededSandbox(QProcess &server, const QString &self, const QString &account, int count);
// Closes its standard input, which makes it quit, and waits for it.
void stopSeededSandbox(QProcess &server);

} // namespace convdesk::bench

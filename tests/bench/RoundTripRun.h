#pragma once

#include "BenchConfig.h"

class QProcess;
class QTemporaryDir;

namespace convdesk::bench {

class BenchResults;

// The "roundtrip" scenario: one signed GET against `convdesk-cli sandbox`, by curl (signed
// here), by the secure shell script (tests/bench/secure-get.sh: the secret from the keychain)
// and by `convdesk-cli get` with a stored profile, and where the CLI's time goes (a bare
// start, the keychain read alone). Figures and skipped series go to `results`.
class RoundTripRun
{
public:
    RoundTripRun(const BenchConfig &config, const QTemporaryDir &scratch, BenchResults &results)
        : m_config(config), m_scratch(scratch), m_results(results)
    {
    }

    // False when a series could not be measured.
    bool run();

private:
    // `convdesk-cli sandbox` in the background, its URL, AppKey, AppSecret and first id read
    // from what it prints.
    struct CliSandbox
    {
        QString url, appKey, appSecret, conversationId;
    };

    bool startCliSandbox(QProcess &process, CliSandbox *sandbox);

    const BenchConfig &m_config;
    const QTemporaryDir &m_scratch;
    BenchResults &m_results;
};

} // namespace convdesk::bench

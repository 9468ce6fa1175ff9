#pragma once

#include "BenchConfig.h"

class QTemporaryDir;

namespace convdesk::bench {

class BenchResults;

// The "batch" scenario: many conversations from the command line (200 by default). Against a
// sandbox seeded with them in its own process and a stored profile, run by run: one
// `convdesk-cli get --ids-from FILE` (ours), a loop of the secure shell script over the same
// IDs (the baseline), and a loop of single `convdesk-cli get ID` runs (what the CLI offered
// before). Each is timed from its start to its exit, with every conversation checked to be
// in its output.
class BatchRun
{
public:
    BatchRun(const BenchConfig &config, const QTemporaryDir &scratch, BenchResults &results)
        : m_config(config), m_scratch(scratch), m_results(results)
    {
    }

    // False when a series could not be measured.
    bool run();

private:
    const BenchConfig &m_config;
    const QTemporaryDir &m_scratch;
    BenchResults &m_results;
};

} // namespace convdesk::bench

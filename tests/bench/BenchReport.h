#pragma once

#include <QString>

namespace convdesk::bench {

class BenchResults;
struct BenchConfig;

// The benchmark's results as Markdown: the machine, the goals with their verdicts, then one
// table per scenario. Figures are "median [min–max]" over the runs; ratios are taken run by
// run (each run of ours beside the baseline run made next to it) and then summarized.
class BenchReport
{
public:
    static QString write(const BenchResults &results, const BenchConfig &config, const QString &loadBefore);
    static QString loadAverage(); // "0.52 0.61 0.70" from /proc/loadavg
};

} // namespace convdesk::bench

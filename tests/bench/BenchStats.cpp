#include "BenchStats.h"

#include <algorithm>
#include <cmath>

namespace convdesk::bench {

BenchStats BenchStats::of(QList<double> samples)
{
    BenchStats stats;
    stats.count = int(samples.size());
    if (samples.isEmpty())
        return stats;
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    stats.min = samples.first();
    stats.max = samples.last();
    stats.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    const qsizetype rank = qsizetype(std::ceil(0.95 * double(n)));
    stats.p95 = samples[std::clamp<qsizetype>(rank - 1, 0, n - 1)];
    return stats;
}

} // namespace convdesk::bench

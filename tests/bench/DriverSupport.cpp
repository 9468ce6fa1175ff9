#include "DriverSupport.h"

#include <cstdio>

namespace convdesk::bench {

void progress(const QString &text)
{
    std::fprintf(stderr, "[bench] %s\n", qPrintable(text));
    std::fflush(stderr);
}

std::optional<BenchMetrics> childMetrics(const ChildProcess::Result &result)
{
    const QList<QByteArray> lines = result.output.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("BENCH "))
            return BenchMetrics::fromJsonLine(line.mid(6));
    }
    return std::nullopt;
}

} // namespace convdesk::bench

#pragma once

#include "BenchMetrics.h"
#include "ChildProcess.h"

#include <QString>

#include <optional>

namespace convdesk::bench {

// What the driver's scenario runs share.

// The profile the driver stores through convdesk-cli.
inline constexpr char CliProfile[] = "bench";

// A "[bench] ..." line on standard error, at once.
void progress(const QString &text);

// The figures a `convdesk_bench --child` run printed on its "BENCH {json}" line.
std::optional<BenchMetrics> childMetrics(const ChildProcess::Result &result);

} // namespace convdesk::bench

#pragma once

namespace convdesk {

class MainWindow;

// For the start-up benchmark (tests/bench, scripts/bench.sh), active only when the
// environment has CONVDESK_BENCH_EXIT_WHEN_LOADED=1: prints "CONVDESK_BENCH painted" after
// the window's first paint and, once the window has painted its first conversation,
// "CONVDESK_BENCH loaded rss_kb=N peak_kb=N cpu_ms=N" on standard output, then quits (exit
// code 1 when nothing was shown within 30 s). Returns whether it is active.
bool reportWhenLoadedForBenchmark(MainWindow &window);

} // namespace convdesk

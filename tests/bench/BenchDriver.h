#pragma once

#include <QStringList>

namespace convdesk::bench {

// convdesk_bench without --child: runs every scenario of BenchConfig several times, each run
// in a fresh process and the variants of a scenario interleaved, then writes the report
// (BenchReport) to --out and standard output. Exit code 0 when every scenario ran.
class BenchDriver
{
public:
    static int run(const QStringList &arguments);
};

} // namespace convdesk::bench

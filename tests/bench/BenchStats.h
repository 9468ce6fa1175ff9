#pragma once

#include <QList>

namespace convdesk::bench {

// Order statistics of a handful of samples: the benchmark reports medians with their spread.
struct BenchStats
{
    int count = 0;
    double median = 0;
    double min = 0;
    double max = 0;
    double p95 = 0; // nearest-rank

    static BenchStats of(QList<double> samples);
};

} // namespace convdesk::bench

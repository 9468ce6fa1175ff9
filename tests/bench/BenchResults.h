#pragma once

#include "BenchMetrics.h"
#include "BenchStats.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace convdesk::bench {

// Every run's figures, by series ("tree/8 MB/lazy", "startup/minimal", ...), in run order,
// plus the notes of series that could not run. Turns them into the medians and per-run
// ratios of the report.
class BenchResults
{
public:
    void add(const QString &series, const BenchMetrics &metrics) { m_runs[series].append(metrics); }
    void skip(const QString &series, const QString &why) { m_skipped[series] = why; }

    bool has(const QString &series) const { return !m_runs.value(series).isEmpty(); }
    QString skipReason(const QString &series) const { return m_skipped.value(series); }
    QStringList skippedNotes() const;

    // The figure over all runs of a series; nullopt when no run has it. `transform` maps
    // each run's metrics to the figure (e.g. a difference of two fields).
    std::optional<BenchStats> stats(const QString &series, const QString &figure) const;
    std::optional<BenchStats> stats(const QString &series,
                                    const std::function<std::optional<double>(const BenchMetrics &)> &figure) const;

    // figure(numerator run i) / figure(denominator run i), over the runs both have; the runs
    // were interleaved, so run i of each saw the same machine load.
    std::optional<BenchStats> ratio(const QString &numerator, const QString &denominator,
                                    const QString &figure) const;
    std::optional<BenchStats> ratio(const QString &numerator, const QString &denominator,
                                    const std::function<std::optional<double>(const BenchMetrics &)> &figure) const;

private:
    QMap<QString, QList<BenchMetrics>> m_runs;
    QMap<QString, QString> m_skipped;
};

} // namespace convdesk::bench

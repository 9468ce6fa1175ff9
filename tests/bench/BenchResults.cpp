#include "BenchResults.h"

namespace convdesk::bench {

namespace {
std::function<std::optional<double>(const BenchMetrics &)> field(const QString &name)
{
    return [name](const BenchMetrics &metrics) { return metrics.value(name); };
}
} // namespace

QStringList BenchResults::skippedNotes() const
{
    QStringList notes;
    for (auto it = m_skipped.begin(); it != m_skipped.end(); ++it)
        notes << QStringLiteral("%1: %2").arg(it.key(), it.value());
    return notes;
}

std::optional<BenchStats> BenchResults::stats(const QString &series, const QString &figure) const
{
    return stats(series, field(figure));
}

std::optional<BenchStats> BenchResults::stats(const QString &series,
                                              const std::function<std::optional<double>(const BenchMetrics &)> &figure) const
{
    QList<double> values;
    for (const BenchMetrics &run : m_runs.value(series)) {
        if (const auto value = figure(run))
            values.append(*value);
    }
    if (values.isEmpty())
        return std::nullopt;
    return BenchStats::of(values);
}

std::optional<BenchStats> BenchResults::ratio(const QString &numerator, const QString &denominator,
                                              const QString &figure) const
{
    return ratio(numerator, denominator, field(figure));
}

std::optional<BenchStats> BenchResults::ratio(const QString &numerator, const QString &denominator,
                                              const std::function<std::optional<double>(const BenchMetrics &)> &figure) const
{
    const QList<BenchMetrics> top = m_runs.value(numerator);
    const QList<BenchMetrics> bottom = m_runs.value(denominator);
    QList<double> ratios;
    for (qsizetype i = 0; i < qMin(top.size(), bottom.size()); ++i) {
        const auto a = figure(top[i]);
        const auto b = figure(bottom[i]);
        if (a && b && *b > 0)
            ratios.append(*a / *b);
    }
    if (ratios.isEmpty())
        return std::nullopt;
    return BenchStats::of(ratios);
}

} // namespace convdesk::bench

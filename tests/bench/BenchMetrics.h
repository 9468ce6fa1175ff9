#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace convdesk::bench {

// Named figures of one benchmark run, in the order they were measured. A child process
// prints them as one JSON line; the driver collects them over several runs.
class BenchMetrics
{
public:
    void set(const QString &name, double value);
    std::optional<double> value(const QString &name) const;
    bool contains(const QString &name) const { return value(name).has_value(); }
    const QList<QPair<QString, double>> &all() const { return m_values; }

    QByteArray toJsonLine() const; // {"name":value,...}, one line, no newline
    static std::optional<BenchMetrics> fromJsonLine(const QByteArray &line);

private:
    QList<QPair<QString, double>> m_values;
};

} // namespace convdesk::bench

#include "BenchMetrics.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace convdesk::bench {

void BenchMetrics::set(const QString &name, double value)
{
    for (auto &entry : m_values) {
        if (entry.first == name) {
            entry.second = value;
            return;
        }
    }
    m_values.append({name, value});
}

std::optional<double> BenchMetrics::value(const QString &name) const
{
    for (const auto &entry : m_values) {
        if (entry.first == name)
            return entry.second;
    }
    return std::nullopt;
}

QByteArray BenchMetrics::toJsonLine() const
{
    QJsonObject object;
    for (const auto &entry : m_values)
        object.insert(entry.first, entry.second);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<BenchMetrics> BenchMetrics::fromJsonLine(const QByteArray &line)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    BenchMetrics metrics;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isDouble())
            return std::nullopt;
        metrics.set(it.key(), it.value().toDouble());
    }
    return metrics;
}

} // namespace convdesk::bench

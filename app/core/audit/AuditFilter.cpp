#include "audit/AuditFilter.h"

#include <algorithm>
#include <iterator>

namespace convdesk {

bool AuditFilter::isEmpty() const
{
    return conversationId.trimmed().isEmpty() && profile.isEmpty() && !from.isValid() && !until.isValid()
           && outcomes.isEmpty() && text.trimmed().isEmpty();
}

bool AuditFilter::matchesText(const AuditRecord &record) const
{
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return true;
    const QString fields[] = {record.reason, record.conversationId, record.valueBefore.value_or(QString()),
                              record.valueSent, record.msg, record.traceId};
    return std::any_of(std::begin(fields), std::end(fields), [&needle](const QString &field) {
        return field.contains(needle, Qt::CaseInsensitive);
    });
}

bool AuditFilter::matches(const AuditRecord &record) const
{
    const QString id = conversationId.trimmed();
    if (!id.isEmpty() && record.conversationId != id)
        return false;
    if (!profile.isEmpty() && record.profile != profile)
        return false;
    const QDateTime time = record.time.toUTC();
    if (from.isValid() && time < from.toUTC())
        return false;
    if (until.isValid() && time >= until.toUTC())
        return false;
    if (!outcomes.isEmpty() && !outcomes.contains(record.outcome()))
        return false;
    return matchesText(record);
}

QList<AuditRecord> AuditFilter::apply(const QList<AuditRecord> &records) const
{
    QList<AuditRecord> kept;
    for (const AuditRecord &record : records) {
        if (matches(record))
            kept.append(record);
    }
    return kept;
}

} // namespace convdesk

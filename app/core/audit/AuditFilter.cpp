#include "audit/AuditFilter.h"

namespace convdesk {

bool AuditFilter::isEmpty() const
{
    return conversationId.trimmed().isEmpty() && profile.isEmpty() && !from.isValid() && !until.isValid()
           && outcomes.isEmpty();
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
    return outcomes.isEmpty() || outcomes.contains(record.outcome());
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

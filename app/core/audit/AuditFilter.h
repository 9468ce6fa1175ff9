#pragma once

#include "audit/AuditRecord.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

namespace convdesk {

// Which audit records to show or export. Empty fields match everything.
struct AuditFilter
{
    QString conversationId; // exact, after trimming
    QString profile;        // exact
    QDateTime from;         // inclusive, compared in UTC; invalid = no lower bound
    QDateTime until;        // exclusive, compared in UTC; invalid = no upper bound
    QSet<AuditRecord::Outcome> outcomes; // empty = every outcome
    // Case-insensitive, after trimming: a part of the reason, the conversation id, the values
    // before and sent, the server's message or the trace id.
    QString text;

    bool isEmpty() const;
    bool matches(const AuditRecord &record) const;
    bool matchesText(const AuditRecord &record) const; // only the `text` part
    QList<AuditRecord> apply(const QList<AuditRecord> &records) const;

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

} // namespace convdesk

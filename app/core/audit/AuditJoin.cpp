#include "audit/AuditJoin.h"

namespace convdesk::AuditJoin {

QList<AuditRecord> attempts(const QList<AuditRecord> &lines)
{
    Joiner joiner;
    for (const AuditRecord &line : lines)
        joiner.add(line);
    return joiner.rows();
}

Joiner::Change Joiner::add(const AuditRecord &line)
{
    if (line.phase == AuditRecord::Phase::Complete) {
        m_rows.append(line);
        return {m_rows.size() - 1, true};
    }
    Lines &known = m_byAttemptId[line.attemptId];
    if (line.phase == AuditRecord::Phase::Attempt) {
        known.attempt = line;
    } else if (known.outcome && line.verifiedBy == AuditRecord::VerifiedByReconcile
               && known.outcome->errorKind != AuditRecord::UnknownKind) {
        // A later check settles an unknown outcome but never overrules one the save itself
        // established: a reconciler that raced the save's own Outcome line changes nothing.
        if (known.row >= 0)
            return {known.row, false};
    } else {
        known.outcome = line;
    }
    // An Outcome alone is all that is known of its attempt: shown as it is.
    const AuditRecord row = known.attempt ? known.attempt->joinedWith(known.outcome ? &*known.outcome : nullptr)
                                          : *known.outcome;
    if (known.row >= 0) {
        m_rows[known.row] = row;
        return {known.row, false};
    }
    m_rows.append(row);
    known.row = m_rows.size() - 1;
    return {known.row, true};
}

} // namespace convdesk::AuditJoin

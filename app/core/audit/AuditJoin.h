#pragma once

#include "audit/AuditRecord.h"

#include <QList>

namespace convdesk::AuditJoin {

// The audit log's lines as the save attempts they record, in the order of their first line:
// each Attempt joined with its Outcome (AuditRecord::joinedWith), or shown as interrupted while
// it has none; Complete lines as they are. An Outcome whose Attempt line is missing (a damaged
// log) is shown on its own. When two Outcomes name one Attempt, the last one counts.
QList<AuditRecord> attempts(const QList<AuditRecord> &lines);

} // namespace convdesk::AuditJoin

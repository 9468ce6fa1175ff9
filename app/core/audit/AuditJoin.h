#pragma once

#include "audit/AuditRecord.h"

#include <QHash>
#include <QList>

#include <optional>

namespace convdesk::AuditJoin {

// The audit log's lines as the save attempts they record, in the order of each attempt's first
// line: an Attempt joined with its Outcome (AuditRecord::joinedWith), or shown as interrupted
// while it has none; Complete lines as they are. An Outcome whose Attempt line is missing (a
// damaged log, or not read yet) is shown on its own until that Attempt turns up. When two lines
// of the same phase name one attempt, the last one counts, except that a reconciler's check
// never overrules an Outcome the save itself recorded (other than an unknown one).
QList<AuditRecord> attempts(const QList<AuditRecord> &lines);

// The same join, one line at a time: a reader that follows the log (AuditHistoryModel) adds what
// was appended and learns which row each line created or changed, without joining it all again.
class Joiner
{
public:
    struct Change
    {
        qsizetype row = -1;    // index into rows()
        bool inserted = false; // a new row; otherwise an existing row changed in place
    };

    Change add(const AuditRecord &line);
    const QList<AuditRecord> &rows() const { return m_rows; }

private:
    struct Lines
    {
        std::optional<AuditRecord> attempt;
        std::optional<AuditRecord> outcome;
        qsizetype row = -1;
    };

    QList<AuditRecord> m_rows;
    QHash<QString, Lines> m_byAttemptId;
};

} // namespace convdesk::AuditJoin

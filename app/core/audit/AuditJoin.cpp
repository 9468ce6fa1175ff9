#include "audit/AuditJoin.h"

#include <QHash>

namespace convdesk::AuditJoin {

QList<AuditRecord> attempts(const QList<AuditRecord> &lines)
{
    QHash<QString, qsizetype> attemptLine; // attemptId -> index into lines
    QHash<QString, qsizetype> outcomeLine;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const AuditRecord &line = lines.at(i);
        if (line.phase == AuditRecord::Phase::Attempt)
            attemptLine.insert(line.attemptId, i);
        else if (line.phase == AuditRecord::Phase::Outcome)
            outcomeLine.insert(line.attemptId, i); // a later one replaces an earlier one
    }

    QList<AuditRecord> rows;
    rows.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const AuditRecord &line = lines.at(i);
        switch (line.phase) {
        case AuditRecord::Phase::Complete:
            rows.append(line);
            break;
        case AuditRecord::Phase::Attempt:
            if (attemptLine.value(line.attemptId) != i)
                break; // the same attempt written twice: shown once
            if (const auto outcome = outcomeLine.constFind(line.attemptId); outcome != outcomeLine.cend())
                rows.append(line.joinedWith(&lines.at(*outcome)));
            else
                rows.append(line.joinedWith(nullptr));
            break;
        case AuditRecord::Phase::Outcome:
            if (!attemptLine.contains(line.attemptId) && outcomeLine.value(line.attemptId) == i)
                rows.append(line);
            break;
        }
    }
    return rows;
}

} // namespace convdesk::AuditJoin

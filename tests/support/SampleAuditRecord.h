#pragma once

#include "audit/AuditRecord.h"

#include <QDateTime>
#include <QString>

// A complete, successful write record with fixed values, for the tests of the audit log.
inline convdesk::AuditRecord sampleAuditRecord(const QString &valueSent, const QString &kind = QStringLiteral("none"))
{
    convdesk::AuditRecord record;
    record.time = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123), Qt::UTC);
    record.osUser = QStringLiteral("agent");
    record.source = QStringLiteral("cli");
    record.profile = QStringLiteral("prod");
    record.appKey = QStringLiteral("key-1");
    record.conversationId = QStringLiteral("acc1|1|acc2");
    record.expected = QStringLiteral("{\"old\":1}");
    record.valueBefore = QStringLiteral("{\"old\":1}");
    record.valueSent = valueSent;
    record.stage = convdesk::AuditRecord::StageWrite;
    record.errorKind = kind;
    record.code = 200;
    record.msg = QStringLiteral("success");
    record.httpStatus = 200;
    record.traceId = QStringLiteral("trace-1");
    return record;
}

// One line as the write-ahead save writes it, at 09:MM on a fixed day, for the tests that build
// a log with every kind of row: an Attempt, its Outcome (kind and how it was established), or a
// Complete line.
inline convdesk::AuditRecord sampleAuditLine(convdesk::AuditRecord::Phase phase, const QString &attemptId, int minute,
                                             const QString &kind = {}, const QString &verifiedBy = {},
                                             const QString &profile = QStringLiteral("sandbox"),
                                             const QString &conversationId = QStringLiteral("acc1|1|acc2"))
{
    using convdesk::AuditRecord;
    AuditRecord line;
    line.phase = phase;
    line.attemptId = attemptId;
    line.time = QDateTime(QDate(2026, 12, 1), QTime(9, minute), Qt::UTC);
    line.source = QStringLiteral("gui");
    line.profile = profile;
    line.conversationId = conversationId;
    line.valueBefore = QStringLiteral("before %1").arg(minute);
    line.valueSent = QStringLiteral("sent %1").arg(minute);
    line.stage = kind == AuditRecord::ConflictKind ? AuditRecord::StageReread : AuditRecord::StageWrite;
    line.errorKind = kind;
    line.verifiedBy = verifiedBy;
    if (phase == AuditRecord::Phase::Outcome) {
        line.msg = QStringLiteral("message %1").arg(minute);
        if (kind != AuditRecord::UnknownKind)
            line.valueAfter = QStringLiteral("after %1").arg(minute);
    }
    return line;
}

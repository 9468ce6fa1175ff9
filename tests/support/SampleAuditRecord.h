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

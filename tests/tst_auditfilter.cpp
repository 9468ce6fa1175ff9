#include "audit/AuditFilter.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

AuditRecord record(const QString &conversation, const QString &profile, const QString &time, const QString &kind)
{
    AuditRecord entry;
    entry.conversationId = conversation;
    entry.profile = profile;
    entry.time = QDateTime::fromString(time, Qt::ISODate).toUTC();
    entry.errorKind = kind;
    entry.valueSent = conversation + u'@' + time;
    return entry;
}

// An attempt whose process ended before its outcome was written, as AuditJoin shows it.
AuditRecord interrupted(const QString &time)
{
    AuditRecord entry = record(u"e|1|f"_s, u"prod"_s, time, QString());
    entry.phase = AuditRecord::Phase::Attempt;
    entry.attemptId = u"attempt-1"_s;
    return entry.joinedWith(nullptr);
}

AuditRecord withReason(AuditRecord entry, const QString &reason)
{
    entry.reason = reason;
    return entry;
}

// Seven attempts on three conversations, two profiles, three days and all four outcomes.
QList<AuditRecord> sample()
{
    return {
        withReason(record(u"a|1|b"_s, u"prod"_s, u"2024-03-01T10:00:00Z"_s, u"none"_s), u"CS-42 VIP upgrade"_s),
        record(u"a|1|b"_s, u"test"_s, u"2024-03-01T23:59:59Z"_s, u"business"_s),
        record(u"c|2|9"_s, u"prod"_s, u"2024-03-02T00:00:00Z"_s, u"conflict"_s),
        withReason(record(u"c|2|9"_s, u"prod"_s, u"2024-03-02T08:00:00+08:00"_s, u"timeout"_s), // 00:00 UTC
                   u"客户投诉 Ticket-7"_s),
        interrupted(u"2024-03-03T10:00:00Z"_s),
        record(u"e|1|f"_s, u"prod"_s, u"2024-03-03T11:00:00Z"_s, AuditRecord::OverwrittenKind),
        record(u"e|1|f"_s, u"prod"_s, u"2024-03-03T12:00:00Z"_s, AuditRecord::UnknownKind), // answer lost
    };
}

} // namespace

class TestAuditFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filters_data();
    void filters();
    void emptyFilterKeepsEverything();
};

void TestAuditFilter::filters_data()
{
    QTest::addColumn<AuditFilter>("filter");
    QTest::addColumn<QList<int>>("expected"); // indexes into sample()

    AuditFilter byConversation;
    byConversation.conversationId = u"  c|2|9 "_s;
    QTest::newRow("conversation, trimmed") << byConversation << QList<int>{2, 3};

    AuditFilter byProfile;
    byProfile.profile = u"test"_s;
    QTest::newRow("profile") << byProfile << QList<int>{1};

    AuditFilter firstDay;
    firstDay.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    firstDay.until = QDateTime(QDate(2024, 3, 2), QTime(0, 0), Qt::UTC);
    QTest::newRow("one UTC day, end exclusive") << firstDay << QList<int>{0, 1};

    AuditFilter fromOffset;
    fromOffset.from = QDateTime::fromString(u"2024-03-02T08:00:00+08:00"_s, Qt::ISODate);
    QTest::newRow("bounds compared in UTC") << fromOffset << QList<int>{2, 3, 4, 5, 6};

    AuditFilter failures;
    failures.outcomes = {AuditRecord::Outcome::Failure};
    QTest::newRow("failures") << failures << QList<int>{1, 3};

    AuditFilter notFailures;
    notFailures.outcomes = {AuditRecord::Outcome::Success, AuditRecord::Outcome::Conflict};
    QTest::newRow("success or conflict") << notFailures << QList<int>{0, 2, 5};

    AuditFilter unknown;
    unknown.outcomes = {AuditRecord::Outcome::Unknown};
    QTest::newRow("unknown: interrupted or may have been written") << unknown << QList<int>{4, 6};

    AuditFilter combined;
    combined.profile = u"prod"_s;
    combined.conversationId = u"c|2|9"_s;
    combined.outcomes = {AuditRecord::Outcome::Conflict};
    QTest::newRow("all at once") << combined << QList<int>{2};

    AuditFilter byReason;
    byReason.text = u"  cs-42 "_s;
    QTest::newRow("text: the reason, ignoring case, trimmed") << byReason << QList<int>{0};

    AuditFilter byChineseReason;
    byChineseReason.text = u"投诉"_s;
    QTest::newRow("text: a part of a Chinese reason") << byChineseReason << QList<int>{3};

    AuditFilter byValue;
    byValue.text = u"e|1|f@2024-03-03T11"_s;
    QTest::newRow("text: the value sent") << byValue << QList<int>{5};

    AuditFilter textAndProfile;
    textAndProfile.text = u"ticket"_s;
    textAndProfile.profile = u"test"_s;
    QTest::newRow("text and another field must both match") << textAndProfile << QList<int>{};

    AuditFilter none;
    none.conversationId = u"x|1|y"_s;
    QTest::newRow("nothing matches") << none << QList<int>{};
}

void TestAuditFilter::filters()
{
    QFETCH(AuditFilter, filter);
    QFETCH(QList<int>, expected);
    const QList<AuditRecord> records = sample();
    QList<AuditRecord> wanted;
    for (int index : expected)
        wanted << records.at(index);
    QCOMPARE(filter.apply(records), wanted);
    QVERIFY(!filter.isEmpty());
}

void TestAuditFilter::emptyFilterKeepsEverything()
{
    const AuditFilter filter;
    QVERIFY(filter.isEmpty());
    QCOMPARE(filter.apply(sample()), sample());
}

QTEST_GUILESS_MAIN(TestAuditFilter)
#include "tst_auditfilter.moc"

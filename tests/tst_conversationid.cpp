#include "api/ConversationId.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestConversationId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void pathSegment_data();
    void pathSegment();
};

void TestConversationId::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("account");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("target");

    QTest::newRow("one-to-one") << u"acc1|1|acc2"_s << u"acc1"_s << 1 << u"acc2"_s;
    QTest::newRow("advanced team") << u"acc1|2|123456"_s << u"acc1"_s << 2 << u"123456"_s;
    QTest::newRow("super team") << u"acc1|3|9007199254740993"_s << u"acc1"_s << 3 << u"9007199254740993"_s;
    QTest::newRow("surrounding space") << u"  acc1|1|acc2\n"_s << u"acc1"_s << 1 << u"acc2"_s;
    QTest::newRow("upper-case account lowered") << u"Acc1|1|acc2"_s << u"acc1"_s << 1 << u"acc2"_s;
    QTest::newRow("percent-encoded paste") << u"acc1%7C1%7Cacc2"_s << u"acc1"_s << 1 << u"acc2"_s;
    QTest::newRow("allowed punctuation") << u"a_b@c.d-e|1|x.y"_s << u"a_b@c.d-e"_s << 1 << u"x.y"_s;
    QTest::newRow("32-character account") << QString(32, u'a') + u"|1|b"_s << QString(32, u'a') << 1 << u"b"_s;
}

void TestConversationId::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, account);
    QFETCH(int, type);
    QFETCH(QString, target);
    QString error;
    const auto id = ConversationId::parse(text, &error);
    QVERIFY2(id.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(id->accountId(), account);
    QCOMPARE(int(id->type()), type);
    QCOMPARE(id->targetId(), target);
}

void TestConversationId::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("empty") << u""_s << u"Enter a conversation ID"_s;
    QTest::newRow("two parts") << u"acc1|acc2"_s << u"three parts"_s;
    QTest::newRow("four parts") << u"a|1|b|c"_s << u"three parts"_s;
    QTest::newRow("type zero") << u"acc1|0|acc2"_s << u"conversation type"_s;
    QTest::newRow("type text") << u"acc1|x|acc2"_s << u"conversation type"_s;
    QTest::newRow("empty account") << u"|1|acc2"_s << u"account ID is empty"_s;
    QTest::newRow("long account") << QString(33, u'a') + u"|1|b"_s << u"at most 32"_s;
    QTest::newRow("bad account char") << u"ac c|1|b"_s << u"only letters"_s;
    QTest::newRow("slash in account") << u"a/b|1|c"_s << u"only letters"_s;
    QTest::newRow("empty peer") << u"acc1|1|"_s << u"peer account ID is empty"_s;
    QTest::newRow("team id not numeric") << u"acc1|2|abc"_s << u"must be a number"_s;
    QTest::newRow("empty team") << u"acc1|3|"_s << u"team ID is empty"_s;
}

void TestConversationId::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, errorMentions);
    QString error;
    QVERIFY(!ConversationId::parse(text, &error).has_value());
    QVERIFY2(error.contains(errorMentions), qPrintable(error));
}

void TestConversationId::pathSegment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("segment");
    QTest::newRow("pipes") << u"acc1|1|acc2"_s << u"acc1%7C1%7Cacc2"_s;
    QTest::newRow("at and dot kept") << u"a@b.c|1|d"_s << u"a%40b.c%7C1%7Cd"_s;
    QTest::newRow("team") << u"acc1|2|42"_s << u"acc1%7C2%7C42"_s;
}

void TestConversationId::pathSegment()
{
    QFETCH(QString, text);
    QFETCH(QString, segment);
    const auto id = ConversationId::parse(text);
    QVERIFY(id);
    QCOMPARE(id->toPathSegment(), segment);
    QVERIFY(!id->toPathSegment().contains(u'/'));
    QCOMPARE(id->toString(), text);
}

QTEST_GUILESS_MAIN(TestConversationId)
#include "tst_conversationid.moc"

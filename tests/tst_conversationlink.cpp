#include "api/ConversationLink.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk://open?profile=NAME&id=ID: built so that it survives being pasted anywhere,
// parsed with a sentence for every refusal, and never accepted with a secret in it.
class TestConversationLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void build_data();
    void build();
    void roundTrip_data();
    void roundTrip();
    void parseValid_data();
    void parseValid();
    void parseRefused_data();
    void parseRefused();
    void looksLikeLink_data();
    void looksLikeLink();
};

void TestConversationLink::build_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("link");

    QTest::newRow("plain") << u"prod"_s << u"acc1|1|acc2"_s << u"convdesk://open?profile=prod&id=acc1%7C1%7Cacc2"_s;
    QTest::newRow("space and ampersand") << u"Prod & EU"_s << u"acc1|2|123"_s
                                         << u"convdesk://open?profile=Prod%20%26%20EU&id=acc1%7C2%7C123"_s;
    QTest::newRow("plus, equals, hash") << u"a+b=c#d"_s << u"acc1|3|9"_s
                                        << u"convdesk://open?profile=a%2Bb%3Dc%23d&id=acc1%7C3%7C9"_s;
    QTest::newRow("Chinese name") << u"正式"_s << u"a@b.c|1|x_y"_s
                                  << u"convdesk://open?profile=%E6%AD%A3%E5%BC%8F&id=a%40b.c%7C1%7Cx_y"_s;
    QTest::newRow("sandbox") << u"Sandbox"_s << u"support_demo|1|alice"_s
                             << u"convdesk://open?profile=Sandbox&id=support_demo%7C1%7Calice"_s;
}

void TestConversationLink::build()
{
    QFETCH(QString, profile);
    QFETCH(QString, id);
    QFETCH(QString, link);
    const auto conversation = ConversationId::parse(id);
    QVERIFY(conversation);
    QCOMPARE((ConversationLink{profile, *conversation}.toString()), link);
}

void TestConversationLink::roundTrip_data()
{
    build_data();
}

void TestConversationLink::roundTrip()
{
    QFETCH(QString, profile);
    QFETCH(QString, id);
    const auto conversation = ConversationId::parse(id);
    QVERIFY(conversation);
    const ConversationLink link{profile, *conversation};
    QString error;
    const auto parsed = ConversationLink::parse(link.toString(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(parsed->profileName, profile);
    QCOMPARE(parsed->id.toString(), id);
}

void TestConversationLink::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("id");

    QTest::newRow("encoded") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cacc2"_s << u"prod"_s << u"acc1|1|acc2"_s;
    QTest::newRow("pasted with a bare |") << u"convdesk://open?profile=prod&id=acc1|1|acc2"_s << u"prod"_s
                                           << u"acc1|1|acc2"_s;
    QTest::newRow("surrounding white space") << u"  convdesk://open?profile=prod&id=acc1%7C1%7Cacc2\n"_s << u"prod"_s
                                              << u"acc1|1|acc2"_s;
    QTest::newRow("parameters swapped") << u"convdesk://open?id=acc1%7C2%7C77&profile=prod"_s << u"prod"_s
                                         << u"acc1|2|77"_s;
    QTest::newRow("unknown parameters ignored") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb&ticket=T-12&appkey=k"_s
                                                 << u"prod"_s << u"acc1|1|b"_s;
    QTest::newRow("upper-case scheme") << u"CONVDESK://open?profile=prod&id=acc1%7C1%7Cb"_s << u"prod"_s
                                        << u"acc1|1|b"_s;
    QTest::newRow("trailing slash") << u"convdesk://open/?profile=prod&id=acc1%7C1%7Cb"_s << u"prod"_s
                                     << u"acc1|1|b"_s;
    QTest::newRow("encoded space in profile") << u"convdesk://open?profile=Prod%20EU&id=acc1%7C1%7Cb"_s
                                               << u"Prod EU"_s << u"acc1|1|b"_s;
}

void TestConversationLink::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, profile);
    QFETCH(QString, id);
    QString error = u"stale"_s;
    const auto link = ConversationLink::parse(text, &error);
    QVERIFY2(link, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(link->profileName, profile);
    QCOMPARE(link->id.toString(), id);
}

void TestConversationLink::parseRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("empty") << u""_s << u"not a Conversation Desk link"_s;
    QTest::newRow("wrong scheme") << u"https://open?profile=prod&id=acc1%7C1%7Cb"_s << u"not a Conversation Desk link"_s;
    QTest::newRow("a bare ID") << u"acc1|1|acc2"_s << u"not a Conversation Desk link"_s;
    QTest::newRow("other verb") << u"convdesk://delete?profile=prod&id=acc1%7C1%7Cb"_s << u"Only convdesk://open"_s;
    QTest::newRow("a path") << u"convdesk://open/x?profile=prod&id=acc1%7C1%7Cb"_s << u"Only convdesk://open"_s;
    QTest::newRow("no id") << u"convdesk://open?profile=prod"_s << u"names no conversation"_s;
    QTest::newRow("empty id") << u"convdesk://open?profile=prod&id="_s << u"names no conversation"_s;
    QTest::newRow("two ids") << u"convdesk://open?profile=prod&id=a%7C1%7Cb&id=a%7C1%7Cc"_s << u"2 conversations"_s;
    QTest::newRow("invalid id: two parts") << u"convdesk://open?profile=prod&id=acc1%7Cacc2"_s
                                            << u"conversation ID is not valid: A conversation ID has three parts"_s;
    QTest::newRow("invalid id: type") << u"convdesk://open?profile=prod&id=acc1%7C9%7Cacc2"_s
                                       << u"conversation type \"9\""_s;
    QTest::newRow("invalid id: team not a number") << u"convdesk://open?profile=prod&id=acc1%7C2%7Cabc"_s
                                                    << u"team ID must be a number"_s;
    QTest::newRow("no profile") << u"convdesk://open?id=acc1%7C1%7Cb"_s << u"names no profile"_s;
    QTest::newRow("two profiles") << u"convdesk://open?profile=a&profile=b&id=acc1%7C1%7Cb"_s << u"2 profiles"_s;
    QTest::newRow("profile with a slash") << u"convdesk://open?profile=a%2Fb&id=acc1%7C1%7Cb"_s
                                           << u"profile name is not valid"_s;
    QTest::newRow("AppSecret") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb&appsecret=c6e4"_s
                               << u"\"appsecret\", which looks like a secret"_s;
    QTest::newRow("secret, any case") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb&App_Secret=x"_s
                                      << u"looks like a secret"_s;
    QTest::newRow("CheckSum") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb&CheckSum=ab12"_s
                              << u"looks like a secret"_s;
    QTest::newRow("password") << u"convdesk://open?password=x&profile=prod&id=acc1%7C1%7Cb"_s
                              << u"looks like a secret"_s;
    QTest::newRow("token") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb&access_token=x"_s
                           << u"looks like a secret"_s;
    QTest::newRow("user and password") << u"convdesk://admin:hunter2@open?profile=prod&id=acc1%7C1%7Cb"_s
                                       << u"user name or password"_s;
    QTest::newRow("secret in the fragment") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb#secret=x"_s
                                            << u"after \"#\""_s;
    QTest::newRow("too long") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cb&x="_s + QString(3000, u'a')
                              << u"at most 2048"_s;
}

void TestConversationLink::parseRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, errorMentions);
    QString error;
    const auto link = ConversationLink::parse(text, &error);
    QVERIFY2(!link, qPrintable(link ? link->toString() : QString()));
    QVERIFY2(error.contains(errorMentions), qPrintable(error));
    // A refusal names the secret's parameter, never its value.
    QVERIFY2(!error.contains(u"hunter2"_s) && !error.contains(u"c6e4"_s) && !error.contains(u"ab12"_s),
             qPrintable(error));
}

void TestConversationLink::looksLikeLink_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    QTest::newRow("link") << u"convdesk://open?profile=p&id=a%7C1%7Cb"_s << true;
    QTest::newRow("invalid link") << u"convdesk:nonsense"_s << true;
    QTest::newRow("upper case") << u" CONVDESK://x"_s << true;
    QTest::newRow("web link") << u"https://example.com"_s << false;
    QTest::newRow("option-like") << u"--convdesk"_s << false;
}

void TestConversationLink::looksLikeLink()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(ConversationLink::looksLikeLink(text), expected);
}

QTEST_GUILESS_MAIN(TestConversationLink)
#include "tst_conversationlink.moc"

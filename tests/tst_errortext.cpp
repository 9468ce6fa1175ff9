#include "api/ErrorText.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Each failure reads differently and says what to do.
class TestErrorText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describe_data();
    void describe();
    void everyKindHasItsOwnTitle();
};

void TestErrorText::describe_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<bool>("usedBackup");
    QTest::addColumn<QString>("expected");

    const int business = int(ErrorKind::Business);
    // The msg of a 414 is not documented: words about a signature are not trusted.
    QTest::newRow("checksum words") << business << 414 << u"checksum error"_s << false << u"does not say which"_s;
    QTest::newRow("curtime words") << business << 414 << u"curtime expired"_s << false << u"does not say which"_s;
    QTest::newRow("unknown conversation") << business << 414 << u"conversation not exist"_s << false
                                          << u"No such conversation"_s;
    QTest::newRow("other 414") << business << 414 << u"invalid parameter: x"_s << false << u"rejected a parameter"_s;
    QTest::newRow("408") << business << 408 << QString() << false << u"client request timeout"_s;
    QTest::newRow("rate limited") << business << 416 << QString() << false << u"Rate limited"_s;
    QTest::newRow("too long") << business << 405 << QString() << false << u"at most 1024"_s;
    QTest::newRow("431 first try") << business << 431 << QString() << false << u"different body"_s;
    QTest::newRow("431 after retry") << business << 431 << QString() << true << u"reload the conversation"_s;
    QTest::newRow("server busy") << business << 503 << QString() << false << u"try again later"_s;
    QTest::newRow("timeout") << int(ErrorKind::Timeout) << 0 << QString() << false << u"did not answer in time"_s;
    QTest::newRow("tls") << int(ErrorKind::Tls) << 0 << QString() << false << u"secure connection failed"_s;
    QTest::newRow("network") << int(ErrorKind::NetworkDown) << 0 << QString() << false << u"Could not reach"_s;
    QTest::newRow("malformed") << int(ErrorKind::MalformedResponse) << 0 << QString() << false << u"could not be read"_s;
}

void TestErrorText::describe()
{
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, msg);
    QFETCH(bool, usedBackup);
    QFETCH(QString, expected);
    ApiResult result;
    result.error = ErrorKind(kind);
    result.code = code;
    result.msg = msg;
    result.usedBackup = usedBackup;
    const QString text = ErrorText::describe(result);
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TestErrorText::everyKindHasItsOwnTitle()
{
    QSet<QString> titles;
    const ErrorKind kinds[] = {ErrorKind::None, ErrorKind::Configuration, ErrorKind::NetworkDown, ErrorKind::Timeout,
                               ErrorKind::Tls, ErrorKind::HttpStatus, ErrorKind::MalformedResponse,
                               ErrorKind::OversizedResponse, ErrorKind::Business, ErrorKind::Cancelled};
    for (ErrorKind kind : kinds)
        titles.insert(ErrorText::title(kind));
    QCOMPARE(titles.size(), int(std::size(kinds)));
}

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"

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
    void suggestsRetry_data();
    void suggestsRetry();
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

void TestErrorText::suggestsRetry_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("expected");

    const int none = int(QNetworkReply::NoError);
    const int business = int(ErrorKind::Business);
    const int http = int(ErrorKind::HttpStatus);
    QTest::newRow("connection refused") << int(ErrorKind::NetworkDown) << 0 << 0
                                        << int(QNetworkReply::ConnectionRefusedError) << true;
    QTest::newRow("write broke after sending") << int(ErrorKind::NetworkDown) << 0 << 0
                                               << int(QNetworkReply::ContentReSendError) << false;
    QTest::newRow("timeout") << int(ErrorKind::Timeout) << 0 << 0 << none << true;
    QTest::newRow("HTTP 429") << http << 429 << 0 << none << true;
    QTest::newRow("HTTP 502") << http << 502 << 0 << none << true;
    QTest::newRow("HTTP 503") << http << 503 << 0 << none << true;
    QTest::newRow("HTTP 504") << http << 504 << 0 << none << true;
    QTest::newRow("HTTP 403") << http << 403 << 0 << none << false;
    QTest::newRow("HTTP 404") << http << 404 << 0 << none << false;
    QTest::newRow("rate limited 416") << business << 200 << 416 << none << true;
    QTest::newRow("server error 500") << business << 200 << 500 << none << true;
    QTest::newRow("server busy 503") << business << 200 << 503 << none << true;
    QTest::newRow("no such conversation 414") << business << 200 << 414 << none << false;
    QTest::newRow("too long 405") << business << 200 << 405 << none << false;
    QTest::newRow("tls") << int(ErrorKind::Tls) << 0 << 0 << int(QNetworkReply::SslHandshakeFailedError) << false;
    QTest::newRow("malformed") << int(ErrorKind::MalformedResponse) << 200 << 0 << none << false;
    QTest::newRow("configuration") << int(ErrorKind::Configuration) << 0 << 0 << none << false;
    QTest::newRow("cancelled") << int(ErrorKind::Cancelled) << 0 << 0 << int(QNetworkReply::OperationCanceledError)
                               << false;
    QTest::newRow("success") << int(ErrorKind::None) << 200 << 200 << none << false;
}

void TestErrorText::suggestsRetry()
{
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(int, code);
    QFETCH(int, networkError);
    QFETCH(bool, expected);
    ApiResult result;
    result.error = ErrorKind(kind);
    result.httpStatus = httpStatus;
    result.code = code;
    result.networkError = QNetworkReply::NetworkError(networkError);
    QCOMPARE(ErrorText::suggestsRetry(result), expected);
}

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"

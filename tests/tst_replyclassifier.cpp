#include "api/ReplyClassifier.h"

#include <QSslError>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// What an answer means, without a server: the rules ApiCall applies to each reply.
class TestReplyClassifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifyBody_data();
    void classifyBody();
    void businessCodeKeepsEarlierDetail();
    void isIntCode_data();
    void isIntCode();
    void isConnectionFailure_data();
    void isConnectionFailure();
    void describeTlsErrors_data();
    void describeTlsErrors();
};

void TestReplyClassifier::classifyBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<QString>("detail"); // a part of it; empty when none is expected
    QTest::addColumn<bool>("hasData");

    const int none = int(ErrorKind::None);
    const int business = int(ErrorKind::Business);
    const int malformed = int(ErrorKind::MalformedResponse);
    QTest::newRow("success") << QByteArray(R"({"code":200,"msg":"ok","data":{"a":1}})") << none << 200
                             << u"ok"_s << QString() << true;
    QTest::newRow("success without data") << QByteArray(R"({"code":200})") << none << 200 << QString()
                                          << QString() << false;
    QTest::newRow("business code") << QByteArray(R"({"code":414,"msg":"checksum error"})") << business
                                   << 414 << u"checksum error"_s << QString() << false;
    QTest::newRow("negative code") << QByteArray(R"({"code":-1})") << business << -1 << QString()
                                   << QString() << false;
    QTest::newRow("msg not a string") << QByteArray(R"({"code":200,"msg":7})") << none << 200 << QString()
                                      << QString() << false;
    const QString noCode = u"has no integer \"code\" field"_s;
    QTest::newRow("no code") << QByteArray(R"({"msg":"ok"})") << malformed << 0 << QString() << noCode << false;
    QTest::newRow("code as string") << QByteArray(R"({"code":"200"})") << malformed << 0 << QString() << noCode
                                    << false;
    QTest::newRow("code as fraction") << QByteArray(R"({"code":200.0})") << malformed << 0 << QString()
                                      << noCode << false;
    QTest::newRow("code wraps to 200") << QByteArray(R"({"code":4294967496})") << malformed << 0 << QString()
                                       << noCode << false;
    QTest::newRow("array") << QByteArray("[200]") << malformed << 0 << QString() << noCode << false;
    const QString html = u"an HTML page instead of JSON"_s;
    QTest::newRow("html doctype") << QByteArray("<!DOCTYPE html><html><body>502</body></html>") << malformed
                                  << 0 << QString() << html << false;
    QTest::newRow("html after blank lines") << QByteArray("\r\n  <HTML><p>gateway</p></HTML>") << malformed
                                            << 0 << QString() << html << false;
    QTest::newRow("body tag") << QByteArray("<head></head><body>busy</body>") << malformed << 0 << QString()
                              << html << false;
    const QString notJson = u"is not valid JSON ("_s;
    QTest::newRow("plain text") << QByteArray("Service Unavailable") << malformed << 0 << QString() << notJson
                                << false;
    QTest::newRow("empty") << QByteArray() << malformed << 0 << QString() << notJson << false;
    QTest::newRow("truncated") << QByteArray(R"({"code":200,"data":{)") << malformed << 0 << QString()
                               << notJson << false;
}

void TestReplyClassifier::classifyBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, error);
    QFETCH(int, code);
    QFETCH(QString, msg);
    QFETCH(QString, detail);
    QFETCH(bool, hasData);

    ApiResult result;
    result.rawBody = body;
    ReplyClassifier::classifyBody(result);
    QCOMPARE(int(result.error), error);
    QCOMPARE(result.code, code);
    QCOMPARE(result.msg, msg);
    if (detail.isEmpty())
        QVERIFY2(result.detail.isEmpty(), qPrintable(result.detail));
    else
        QVERIFY2(result.detail.contains(detail), qPrintable(result.detail));
    QCOMPARE(!result.data->is_null(), hasData);
    QCOMPARE(result.rawBody, body);
}

// A business failure is the server's own answer: nothing of ours goes into detail.
void TestReplyClassifier::businessCodeKeepsEarlierDetail()
{
    ApiResult result;
    result.rawBody = R"({"code":416,"msg":"too many requests"})";
    result.detail = u"earlier"_s;
    ReplyClassifier::classifyBody(result);
    QCOMPARE(result.error, ErrorKind::Business);
    QCOMPARE(result.detail, u"earlier"_s);
}

void TestReplyClassifier::isIntCode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("expected");

    QTest::newRow("200") << QByteArray("200") << true;
    QTest::newRow("zero") << QByteArray("0") << true;
    QTest::newRow("int max") << QByteArray("2147483647") << true;
    QTest::newRow("int min") << QByteArray("-2147483648") << true;
    QTest::newRow("int max + 1") << QByteArray("2147483648") << false;
    QTest::newRow("int min - 1") << QByteArray("-2147483649") << false;
    QTest::newRow("2^64 - 1") << QByteArray("18446744073709551615") << false;
    QTest::newRow("fraction") << QByteArray("200.5") << false;
    QTest::newRow("string") << QByteArray("\"200\"") << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("bool") << QByteArray("true") << false;
}

void TestReplyClassifier::isIntCode()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, expected);
    const std::optional<OrderedJson> value = Json::parse(json);
    QVERIFY(value);
    QCOMPARE(ReplyClassifier::isIntCode(*value), expected);
}

void TestReplyClassifier::isConnectionFailure_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("expected");

    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << true;
    QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << true;
    QTest::newRow("host not found") << int(QNetworkReply::HostNotFoundError) << true;
    QTest::newRow("temporary failure") << int(QNetworkReply::TemporaryNetworkFailureError) << true;
    QTest::newRow("proxy refused") << int(QNetworkReply::ProxyConnectionRefusedError) << true;
    QTest::newRow("unknown network") << int(QNetworkReply::UnknownNetworkError) << true;
    QTest::newRow("no error") << int(QNetworkReply::NoError) << false;
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << false;
    QTest::newRow("cancelled") << int(QNetworkReply::OperationCanceledError) << false;
    QTest::newRow("tls handshake") << int(QNetworkReply::SslHandshakeFailedError) << false;
    QTest::newRow("server error") << int(QNetworkReply::InternalServerError) << false;
}

void TestReplyClassifier::isConnectionFailure()
{
    QFETCH(int, error);
    QFETCH(bool, expected);
    QCOMPARE(ReplyClassifier::isConnectionFailure(QNetworkReply::NetworkError(error)), expected);
}

void TestReplyClassifier::describeTlsErrors_data()
{
    QTest::addColumn<QList<QSslError>>("errors");
    QTest::addColumn<QStringList>("expected");   // parts the description holds, in order
    QTest::addColumn<QStringList>("unexpected"); // parts it must not hold

    const QString untrusted = u"is not trusted"_s;
    const QString otherHost = u"not valid for the host name api.example.com"_s;
    const QString outOfDate = u"has expired or is not valid yet"_s;
    const QString refused = u"certificate was refused"_s;
    const QSslError selfSigned(QSslError::SelfSignedCertificate);
    const QSslError mismatch(QSslError::HostNameMismatch);
    const QSslError expired(QSslError::CertificateExpired);
    const QSslError revoked(QSslError::CertificateRevoked);

    QTest::newRow("self-signed") << QList<QSslError>{selfSigned}
                                 << QStringList{untrusted, u" ("_s + selfSigned.errorString() + u')'}
                                 << QStringList{otherHost, outOfDate, refused};
    QTest::newRow("other host") << QList<QSslError>{mismatch} << QStringList{otherHost}
                                << QStringList{untrusted, outOfDate, refused};
    QTest::newRow("expired") << QList<QSslError>{expired} << QStringList{outOfDate}
                             << QStringList{untrusted, otherHost, refused};
    QTest::newRow("untrusted and other host") << QList<QSslError>{mismatch, selfSigned}
                                              << QStringList{untrusted, u"; "_s, otherHost}
                                              << QStringList{outOfDate, refused};
    QTest::newRow("anything else") << QList<QSslError>{revoked} << QStringList{refused, revoked.errorString()}
                                   << QStringList{untrusted, otherHost, outOfDate};
    // Qt's words once each, however often the chain repeats them.
    QTest::newRow("repeated") << QList<QSslError>{selfSigned, selfSigned}
                              << QStringList{u" ("_s + selfSigned.errorString() + u')'} << QStringList{};
}

void TestReplyClassifier::describeTlsErrors()
{
    QFETCH(QList<QSslError>, errors);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unexpected);

    const QString text = ReplyClassifier::describeTlsErrors(errors, u"api.example.com"_s);
    qsizetype from = 0;
    for (const QString &part : std::as_const(expected)) {
        const qsizetype at = text.indexOf(part, from);
        QVERIFY2(at >= 0, qPrintable(u"\"%1\" lacks \"%2\""_s.arg(text, part)));
        from = at + part.size();
    }
    for (const QString &part : std::as_const(unexpected))
        QVERIFY2(!text.contains(part), qPrintable(u"\"%1\" holds \"%2\""_s.arg(text, part)));
}

QTEST_GUILESS_MAIN(TestReplyClassifier)
#include "tst_replyclassifier.moc"

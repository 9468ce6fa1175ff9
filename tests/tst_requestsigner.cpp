#include "api/RequestSigner.h"

#include <QCryptographicHash>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace convdesk;

class TestRequestSigner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkSum_data();
    void checkSum();
    void nonceIsFreshLowercaseHex();
    void signUsesCurTimeAndAppKey();
    void applySetsEveryHeader_data();
    void applySetsEveryHeader();
    void traceIdsAreUnique();
};

void TestRequestSigner::checkSum_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("curTime");
    QTest::addColumn<QByteArray>("expected");

    // Computed independently with `printf %s secretnonce1700000000 | sha1sum`.
    QTest::newRow("reference vector") << QStringLiteral("secret") << QByteArray("nonce")
                                      << QByteArray("1700000000")
                                      << QByteArray("c0b87c883bf8a70941d7e81c14cc7c7e7ccd3ba2");
    // `printf %s 'c0ffee4f1b2a9e8d7c6b5a4f3e2d1c0b1a291234567890' | sha1sum`
    QTest::newRow("hex nonce") << QStringLiteral("c0ffee")
                               << QByteArray("4f1b2a9e8d7c6b5a4f3e2d1c0b1a2912")
                               << QByteArray("34567890") << QByteArray("19e8389d1babe444eb909d56fea0231cb5941d27");
    // Non-ASCII secrets are hashed as UTF-8: `printf %s '密钥n1' | sha1sum`
    QTest::newRow("utf-8 secret") << QStringLiteral("密钥") << QByteArray("n") << QByteArray("1")
                                  << QByteArray("5a6466244840801ced5451845ef438519a7a8aa4");
    // Empty secret still hashes nonce+time: `printf %s abc0 | sha1sum`
    QTest::newRow("empty secret") << QString() << QByteArray("abc") << QByteArray("0")
                                  << QByteArray("062c648aaf68174757c50ab1aeebb61e059c1d1b");
}

void TestRequestSigner::checkSum()
{
    QFETCH(QString, secret);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, curTime);
    QFETCH(QByteArray, expected);
    QCOMPARE(RequestSigner::checkSum(secret, nonce, curTime), expected);
}

void TestRequestSigner::nonceIsFreshLowercaseHex()
{
    static const QRegularExpression lowerHex(QStringLiteral("^[0-9a-f]{32}$"));
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const QByteArray nonce = RequestSigner::generateNonce();
        QVERIFY2(lowerHex.match(QString::fromLatin1(nonce)).hasMatch(), nonce.constData());
        seen.insert(nonce);
    }
    QCOMPARE(seen.size(), 200);
}

void TestRequestSigner::signUsesCurTimeAndAppKey()
{
    const Credentials credentials{QStringLiteral("key-1"), QStringLiteral("secret")};
    const SignatureHeaders headers = RequestSigner::sign(credentials, 1700000000, "nonce");
    QCOMPARE(headers.appKey, QByteArray("key-1"));
    QCOMPARE(headers.nonce, QByteArray("nonce"));
    QCOMPARE(headers.curTime, QByteArray("1700000000"));
    QCOMPARE(headers.checkSum, RequestSigner::checkSum(QStringLiteral("secret"), "nonce", "1700000000"));

    const SignatureHeaders fresh = RequestSigner::sign(credentials, 1700000000);
    QCOMPARE(fresh.nonce.size(), 32);
    QCOMPARE(fresh.checkSum, RequestSigner::checkSum(QStringLiteral("secret"), fresh.nonce, "1700000000"));
}

void TestRequestSigner::applySetsEveryHeader_data()
{
    QTest::addColumn<bool>("hasBody");
    QTest::newRow("GET without body") << false;
    QTest::newRow("PATCH with body") << true;
}

void TestRequestSigner::applySetsEveryHeader()
{
    QFETCH(bool, hasBody);
    QNetworkRequest request;
    const SignatureHeaders headers{"key", "n0nce", "123", "abc"};
    RequestSigner::apply(request, headers, QStringLiteral("trace-1"), hasBody);
    QCOMPARE(request.rawHeader("AppKey"), QByteArray("key"));
    QCOMPARE(request.rawHeader("Nonce"), QByteArray("n0nce"));
    QCOMPARE(request.rawHeader("CurTime"), QByteArray("123"));
    QCOMPARE(request.rawHeader("CheckSum"), QByteArray("abc"));
    QCOMPARE(request.rawHeader("X-custom-traceid"), QByteArray("trace-1"));
    QCOMPARE(request.rawHeader("Content-Type"),
             hasBody ? QByteArray("application/json;charset=utf-8") : QByteArray());
}

void TestRequestSigner::traceIdsAreUnique()
{
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(RequestSigner::generateTraceId());
    QCOMPARE(seen.size(), 100);
}

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"

#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/CaCertificateFile.h"
#include "api/ErrorText.h"
#include "profiles/Profile.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The API client over https against the sandbox serving the TEST-ONLY certificates in
// tests/tls: an untrusted CA is refused with words saying so, the profile's CA file makes
// it work, a certificate for another host name is refused. Never silently ignored.
class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void untrustedCertificateIsRefused();
    void trustedCaWorks_data();
    void trustedCaWorks();
    void hostNameMismatchIsRefused();
    void systemCasStillTrustedBesidesTheExtraOnes();
    void unusableCaFileIsAConfigurationError_data();
    void unusableCaFileIsAConfigurationError();
    void sandboxRejectsMissingCertificate();

private:
    static QString tlsFile(const QString &name) { return QStringLiteral(CONVDESK_TLS_DIR "/") + name; }
    void serve(const QString &certificateName);
    ApiResult get(const QString &host = u"127.0.0.1"_s);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    ConversationId m_firstId;
};

void TestTls::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    m_client = std::make_unique<ApiClient>();
    m_client->setCredentials(SandboxServer::demoCredentials());
    const auto id = ConversationId::parse(m_sandbox->conversationIds().value(0));
    QVERIFY(id);
    m_firstId = *id;
}

void TestTls::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

void TestTls::serve(const QString &certificateName)
{
    QVERIFY2(m_sandbox->setTlsCertificate(tlsFile(certificateName + u".pem"_s),
                                          tlsFile(certificateName + u".key"_s)),
             qPrintable(m_sandbox->errorString()));
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_sandbox->isTls());
    QCOMPARE(m_sandbox->baseUrl().scheme(), u"https"_s);
}

ApiResult TestTls::get(const QString &host)
{
    QUrl base = m_sandbox->baseUrl();
    base.setHost(host);
    ApiEndpoint endpoint = m_client->endpoint();
    endpoint.primary = base;
    m_client->setEndpoint(endpoint);
    ApiCall *call = m_client->getConversation(m_firstId);
    QSignalSpy spy(call, &ApiCall::finished);
    if (!spy.wait(15000))
        return {};
    return spy.first().first().value<ApiResult>();
}

void TestTls::untrustedCertificateIsRefused()
{
    serve(u"localhost"_s);
    const ApiResult result = get();
    QCOMPARE(result.error, ErrorKind::Tls);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.detail.contains(u"not trusted"_s), qPrintable(result.detail));
    const QString text = ErrorText::describe(result);
    QVERIFY2(text.contains(u"not trusted"_s) && text.contains(u"nothing was sent"_s), qPrintable(text));
    QCOMPARE(m_sandbox->requestCount(), 0); // the signed request never left the client
}

void TestTls::trustedCaWorks_data()
{
    QTest::addColumn<bool>("viaProfile");
    QTest::addColumn<QString>("host");
    QTest::newRow("setCaCertificates, IP address") << false << u"127.0.0.1"_s;
    QTest::newRow("setCaCertificates, localhost") << false << u"localhost"_s;
    QTest::newRow("profile's CA file, IP address") << true << u"127.0.0.1"_s;
}

void TestTls::trustedCaWorks()
{
    QFETCH(bool, viaProfile);
    QFETCH(QString, host);
    serve(u"localhost"_s);
    if (viaProfile) {
        Profile profile;
        profile.name = u"private"_s;
        profile.region = Region::Custom;
        profile.baseUrl = m_sandbox->baseUrl();
        profile.appKey = SandboxServer::demoCredentials().appKey;
        profile.caCertificateFile = tlsFile(u"test-ca.pem"_s);
        m_client->setEndpoint(profile.endpoint());
        QVERIFY(m_client->caCertificates().isEmpty());
    } else {
        QString error;
        const auto ca = CaCertificateFile::load(tlsFile(u"test-ca.pem"_s), &error);
        QVERIFY2(ca, qPrintable(error));
        m_client->setCaCertificates(*ca);
    }
    const ApiResult result = get(host);
    QVERIFY2(result.ok(), qPrintable(ErrorText::describe(result)));
    QCOMPARE(result.sent.url.scheme(), u"https"_s);
    QCOMPARE(m_sandbox->requestCount(), 1);
}

void TestTls::hostNameMismatchIsRefused()
{
    serve(u"wrong-host"_s);
    m_client->setCaCertificates(*CaCertificateFile::load(tlsFile(u"test-ca.pem"_s)));
    const ApiResult result = get();
    QCOMPARE(result.error, ErrorKind::Tls);
    QVERIFY2(result.detail.contains(u"not valid for the host name 127.0.0.1"_s), qPrintable(result.detail));
    QVERIFY2(!result.detail.contains(u"not trusted"_s), qPrintable(result.detail)); // the CA is fine
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestTls::systemCasStillTrustedBesidesTheExtraOnes()
{
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    if (system.isEmpty())
        QSKIP("This machine has no system CA certificates to compare with.");
    const auto ca = CaCertificateFile::load(tlsFile(u"test-ca.pem"_s));
    QVERIFY(ca);
    m_client->setCaCertificates(*ca);
    // What a request carries: the system's authorities plus the profile's, not instead of them.
    serve(u"localhost"_s);
    QSslConfiguration used;
    connect(m_client->network(), &QNetworkAccessManager::encrypted, this,
            [&used](QNetworkReply *reply) { used = reply->sslConfiguration(); });
    const ApiResult result = get();
    QVERIFY2(result.ok(), qPrintable(ErrorText::describe(result)));
    const QList<QSslCertificate> trusted = used.caCertificates();
    QVERIFY(trusted.contains(ca->first()));
    QVERIFY(trusted.contains(system.first()));
    QVERIFY(trusted.size() >= system.size() + 1);
}

void TestTls::unusableCaFileIsAConfigurationError_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << u"missing"_s << u"cannot be read"_s;
    QTest::newRow("not a certificate") << u"text"_s << u"holds no certificate"_s;
    QTest::newRow("a private key instead") << u"key"_s << u"holds no certificate"_s;
}

void TestTls::unusableCaFileIsAConfigurationError()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(u"ca.pem"_s);
    if (source == u"key") {
        path = tlsFile(u"localhost.key"_s);
    } else if (source == u"text") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello, I am not PEM\n");
    }
    serve(u"localhost"_s);
    ApiEndpoint endpoint = ApiEndpoint::custom(m_sandbox->baseUrl());
    endpoint.caCertificateFile = path;
    m_client->setEndpoint(endpoint);
    QSignalSpy sent(m_client.get(), &ApiClient::requestSent);
    ApiCall *call = m_client->getConversation(m_firstId);
    QSignalSpy finished(call, &ApiCall::finished);
    QVERIFY(finished.wait(5000));
    const ApiResult result = finished.first().first().value<ApiResult>();
    QCOMPARE(result.error, ErrorKind::Configuration);
    QVERIFY2(result.detail.contains(expected) && result.detail.contains(path), qPrintable(result.detail));
    QCOMPARE(sent.count(), 0);
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestTls::sandboxRejectsMissingCertificate()
{
    QVERIFY(!m_sandbox->setTlsCertificate(tlsFile(u"nonexistent.pem"_s), tlsFile(u"localhost.key"_s)));
    QVERIFY(m_sandbox->errorString().contains(u"nonexistent.pem"_s));
    QVERIFY(!m_sandbox->setTlsCertificate(tlsFile(u"localhost.pem"_s), tlsFile(u"test-ca.pem"_s)));
    QVERIFY(m_sandbox->errorString().contains(u"private key"_s));
    QVERIFY(!m_sandbox->isTls());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"

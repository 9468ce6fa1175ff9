#include "CredentialTester.h"
#include "DialogHook.h"
#include "SandboxServer.h"
#include "api/CredentialCheck.h"
#include "secrets/InMemorySecretStore.h"

#include <QInputDialog>
#include <QTcpServer>
#include <QTest>
#include <QWidget>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

struct Report
{
    bool done = false;
    bool ok = false;
    QString message;
    int calls = 0;
};

} // namespace

class TestCredentialTester : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void verdicts_data();
    void verdicts();
    void storedSecretIsUsedWhenFieldIsEmpty();
    void missingStoredSecretIsReported();
    void asksForATargetWithoutAnId();
    void cancelledTargetSendsNothing();
    void unreachableServerIsNotAVerdict();
    void onlyCode200ProvesTheCredentials_data();
    void onlyCode200ProvesTheCredentials();

private:
    Profile profileFor(const QUrl &baseUrl) const;
    Report run(const Credentials &credentials, const QString &fieldText, const QUrl &baseUrl = {});

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<QWidget> m_parent;
    std::unique_ptr<CredentialTester> m_tester;
    QString m_fieldText;
};

void TestCredentialTester::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
}

void TestCredentialTester::init()
{
    DialogHook::clearAnswers();
    m_secrets = std::make_unique<InMemorySecretStore>();
    m_parent = std::make_unique<QWidget>();
    m_tester = std::make_unique<CredentialTester>(*m_secrets, [this] { return m_fieldText; }, m_parent.get());
}

void TestCredentialTester::cleanup()
{
    m_tester.reset();
    m_parent.reset();
    m_secrets.reset();
    DialogHook::clearAnswers();
}

Profile TestCredentialTester::profileFor(const QUrl &baseUrl) const
{
    Profile profile;
    profile.name = u"Staging"_s;
    profile.region = Region::Custom;
    profile.baseUrl = baseUrl.isEmpty() ? m_sandbox->baseUrl() : baseUrl;
    profile.appKey = SandboxServer::demoCredentials().appKey;
    return profile;
}

Report TestCredentialTester::run(const Credentials &credentials, const QString &fieldText, const QUrl &baseUrl)
{
    m_fieldText = fieldText;
    auto report = std::make_shared<Report>();
    m_tester->test(profileFor(baseUrl), credentials, [report](const QString &message, bool ok) {
        report->done = true;
        report->ok = ok;
        report->message = message;
        ++report->calls;
    });
    // A QTRY macro cannot return a value; the callers check `done`.
    (void)QTest::qWaitFor([&report] { return report->done; }, 10000);
    return *report;
}

void TestCredentialTester::verdicts_data()
{
    const Credentials demo = SandboxServer::demoCredentials();
    QTest::addColumn<QString>("appKey");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("accepted") << demo.appKey << demo.appSecret << u"support_demo|1|alice"_s << true
                              << u"Credentials accepted: the server answered code 200"_s;
    // 414 is the service's answer to a bad signature and to a bad parameter alike.
    const QString unconfirmed = u"Could not confirm the credentials: the server answered code 414"_s;
    QTest::newRow("unknown conversation proves nothing")
        << demo.appKey << demo.appSecret << u"support_demo|1|nobody"_s << false << unconfirmed;
    QTest::newRow("wrong secret") << demo.appKey << u"not-the-secret"_s << u"support_demo|1|alice"_s << false
                                  << unconfirmed;
    QTest::newRow("wrong AppKey") << u"other-key"_s << demo.appSecret << u"support_demo|1|alice"_s << false
                                  << unconfirmed;
}

void TestCredentialTester::verdicts()
{
    QFETCH(QString, appKey);
    QFETCH(QString, secret);
    QFETCH(QString, id);
    QFETCH(bool, ok);
    QFETCH(QString, phrase);

    const int requests = m_sandbox->requestCount();
    const Report report = run({appKey, secret}, id);
    QVERIFY(report.done);
    QCOMPARE(report.calls, 1);
    QVERIFY2(report.message.contains(phrase), qPrintable(report.message));
    QVERIFY2(!report.message.contains(u"rejected"_s), qPrintable(report.message)); // never claimed
    QCOMPARE(report.ok, ok);
    QVERIFY(report.message.contains(u"GET "_s + id));
    QCOMPARE(m_sandbox->requestCount(), requests + 1); // exactly one signed call
    QVERIFY(report.message.contains(QString::fromLatin1(m_sandbox->lastRequestHeader("X-custom-traceid"))));
}

void TestCredentialTester::storedSecretIsUsedWhenFieldIsEmpty()
{
    const Credentials demo = SandboxServer::demoCredentials();
    QVERIFY(m_secrets->writeBlocking(u"Staging"_s, demo.appSecret).ok());
    const Report report = run({demo.appKey, {}}, u"support_demo|1|alice"_s);
    QVERIFY(report.done);
    QVERIFY2(report.ok, qPrintable(report.message));
}

void TestCredentialTester::missingStoredSecretIsReported()
{
    const int requests = m_sandbox->requestCount();
    const Report report = run({SandboxServer::demoCredentials().appKey, {}}, u"support_demo|1|alice"_s);
    QVERIFY(report.done);
    QVERIFY(!report.ok);
    QCOMPARE(report.message, SecretStore::failure(SecretStatus::NotFound, u"Staging"_s).message);
    QCOMPARE(m_sandbox->requestCount(), requests);
}

void TestCredentialTester::asksForATargetWithoutAnId()
{
    DialogHook::setNextAnswer(QDialog::Accepted);
    DialogHook::setInspector([](QDialog *dialog) {
        QCOMPARE(dialog->objectName(), u"testTargetDialog"_s);
        auto *input = qobject_cast<QInputDialog *>(dialog);
        QVERIFY(input);
        input->setTextValue(u"support_demo"_s);
    });
    const Report report = run(SandboxServer::demoCredentials(), {});
    QVERIFY(report.done);
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(report.message.contains(u"list of support_demo"_s));
    QVERIFY(m_sandbox->lastRequestQuery().contains("account_id=support_demo"));
    QVERIFY(m_sandbox->lastRequestQuery().contains("limit=1"));
}

void TestCredentialTester::cancelledTargetSendsNothing()
{
    const int requests = m_sandbox->requestCount();
    DialogHook::setNextAnswer(QDialog::Rejected);
    const Report report = run(SandboxServer::demoCredentials(), u"not an id"_s);
    QVERIFY(report.done);
    QVERIFY(!report.ok);
    QVERIFY(report.message.contains(u"cancelled"_s));
    QCOMPARE(m_sandbox->requestCount(), requests);
}

void TestCredentialTester::unreachableServerIsNotAVerdict()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    const Report report = run(SandboxServer::demoCredentials(), u"support_demo|1|alice"_s,
                              QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    QVERIFY(report.done);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.startsWith(u"Could not check the credentials"_s), qPrintable(report.message));
}

void TestCredentialTester::onlyCode200ProvesTheCredentials_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("phrase");
    const int business = int(ErrorKind::Business);
    const int unconfirmed = int(CredentialVerdict::Outcome::Unconfirmed);
    QTest::newRow("200") << int(ErrorKind::None) << 200 << u"success"_s << int(CredentialVerdict::Outcome::Accepted)
                         << u"Credentials accepted"_s;
    // Whatever the words, 414 cannot tell a bad signature from a bad parameter.
    QTest::newRow("414 checksum words") << business << 414 << u"checksum error"_s << unconfirmed
                                        << u"(\"checksum error\")"_s;
    QTest::newRow("414 about the conversation") << business << 414 << u"conversation not exist"_s << unconfirmed
                                                << u"bad parameter"_s;
    QTest::newRow("414 generic") << business << 414 << u"parameter error"_s << unconfirmed << u"code 414"_s;
    QTest::newRow("403") << business << 403 << u"no permission"_s << unconfirmed << u"Only code 200"_s;
    QTest::newRow("404") << business << 404 << QString() << unconfirmed << u"Only code 200"_s;
    QTest::newRow("408") << business << 408 << QString() << unconfirmed << u"client request timeout"_s;
    QTest::newRow("rate limited") << business << 416 << QString() << unconfirmed << u"Rate limited"_s;
    QTest::newRow("timeout") << int(ErrorKind::Timeout) << 0 << QString() << int(CredentialVerdict::Outcome::Unverified)
                             << u"Could not check the credentials"_s;
}

void TestCredentialTester::onlyCode200ProvesTheCredentials()
{
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, msg);
    QFETCH(int, outcome);
    QFETCH(QString, phrase);
    ApiResult result;
    result.error = ErrorKind(kind);
    result.code = code;
    result.msg = msg;
    const CredentialVerdict verdict = CredentialCheck::assess(result, u"GET a|1|b"_s);
    QCOMPARE(int(verdict.outcome), outcome);
    QCOMPARE(verdict.accepted(), outcome == int(CredentialVerdict::Outcome::Accepted));
    QVERIFY2(verdict.message.contains(phrase), qPrintable(verdict.message));
}

QTEST_MAIN(TestCredentialTester)
#include "tst_credentialtester.moc"

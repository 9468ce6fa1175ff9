#include "SandboxRunner.h"
#include "SandboxSchema.h"
#include "SandboxServer.h"

#include <QFile>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The simulator a window starts for itself: listening on loopback with the seeded
// conversations and the sample schema written out, everything gone with the runner.
class TestSandboxRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsOnLoopbackWithItsSchema();
    void portInUseIsAnError();
};

void TestSandboxRunner::startsOnLoopbackWithItsSchema()
{
    auto runner = std::make_unique<SandboxRunner>();
    QVERIFY(!runner->isRunning());
    QVERIFY2(runner->start(), qPrintable(runner->errorString()));
    QVERIFY(runner->isRunning());
    QCOMPARE(runner->baseUrl().host(), u"127.0.0.1"_s);
    QCOMPARE(runner->baseUrl(), runner->server()->baseUrl());
    QCOMPARE(runner->credentials().appKey, SandboxServer::demoCredentials().appKey);
    QVERIFY(!runner->conversationIds().isEmpty());
    QVERIFY2(runner->schemaProblem().isEmpty(), qPrintable(runner->schemaProblem()));

    const QString schemaFile = runner->schemaFile();
    QFile schema(schemaFile);
    QVERIFY(schema.open(QIODevice::ReadOnly));
    QCOMPARE(schema.readAll(), SandboxSchema::text());
    schema.close();

    runner.reset();
    QVERIFY(!QFile::exists(schemaFile));
}

void TestSandboxRunner::portInUseIsAnError()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    SandboxRunner runner;
    QVERIFY(!runner.start(taken.serverPort()));
    QVERIFY(!runner.isRunning());
    QVERIFY2(runner.errorString().contains(QString::number(taken.serverPort())), qPrintable(runner.errorString()));
    QVERIFY(runner.schemaFile().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxRunner)
#include "tst_sandboxrunner.moc"

#include "api/ConversationLink.h"
#include "platform/AppIdentity.h"
#include "platform/SingleInstance.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>
#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// One window takes over the links: a later instance hands its link to the first and exits.
// Each case listens under its own name in a temporary folder, so runs never collide with
// each other or with a window the user has open.
class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void secondInstanceHandsOverItsMessage_data();
    void secondInstanceHandsOverItsMessage();
    void nobodyListening();
    void secondServerIsRefusedWhileTheFirstListens();
    void socketOfADeadInstanceIsReplaced();
    void oversizedMessageIsDropped();
    void defaultNameIsPerUserInTheRuntimeFolder();

    void programHandsItsLinkToTheRunningWindow();
    void programRefusesAnInvalidLink();

private:
    QString serverName(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    // handOver() blocks, as it does in a starting program: it runs on a thread of its own
    // while this one serves.
    static std::future<bool> handOverInBackground(const QString &serverName, const QString &message)
    {
        return std::async(std::launch::async, [serverName, message] {
            return SingleInstance(serverName).handOver(message);
        });
    }

    QTemporaryDir m_dir;
};

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    AppIdentity::apply(); // the default name is made from the application's names, as in main()
}

void TestSingleInstance::secondInstanceHandsOverItsMessage_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("link") << u"convdesk://open?profile=prod&id=acc1%7C1%7Cacc2"_s;
    QTest::newRow("non-ASCII") << u"convdesk://open?profile=正式&id=acc1|1|acc2"_s;
    QTest::newRow("empty") << QString();
}

void TestSingleInstance::secondInstanceHandsOverItsMessage()
{
    QFETCH(QString, message);
    SingleInstance first(serverName("handover"));
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QVERIFY(first.isListening());
    QSignalSpy received(&first, &SingleInstance::messageReceived);

    std::future<bool> handedOver = handOverInBackground(first.serverName(), message);
    QVERIFY(received.wait());
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toString(), message);
    QVERIFY(handedOver.get());
}

void TestSingleInstance::nobodyListening()
{
    SingleInstance second(serverName("nobody"));
    QVERIFY(!second.handOver(u"convdesk://open?profile=p&id=a%7C1%7Cb"_s));
}

void TestSingleInstance::secondServerIsRefusedWhileTheFirstListens()
{
    SingleInstance first(serverName("twice"));
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QSignalSpy received(&first, &SingleInstance::messageReceived);

    // The second's check whether someone answers needs the first to accept: off this thread.
    bool listening = true;
    QString error;
    std::unique_ptr<QThread> secondListen(QThread::create([&] {
        SingleInstance second(serverName("twice"));
        listening = second.listen();
        error = second.errorString();
    }));
    QSignalSpy finished(secondListen.get(), &QThread::finished);
    secondListen->start();
    QVERIFY(finished.wait());
    QVERIFY(!listening);
    QVERIFY2(error.contains(u"Another Conversation Desk window"_s), qPrintable(error));
    // The first still takes the messages; the probe was not taken for one.
    std::future<bool> handedOver = handOverInBackground(first.serverName(), u"after"_s);
    QVERIFY(received.wait());
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toString(), u"after"_s);
    QVERIFY(handedOver.get());
}

void TestSingleInstance::socketOfADeadInstanceIsReplaced()
{
    // What a killed instance leaves: a file at the socket's path that nobody answers on.
    const QString name = serverName("stale");
    QFile stale(name);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    SingleInstance fresh(name);
    QVERIFY2(fresh.listen(), qPrintable(fresh.errorString()));
    QSignalSpy received(&fresh, &SingleInstance::messageReceived);
    std::future<bool> handedOver = handOverInBackground(name, u"hello"_s);
    QVERIFY(received.wait());
    QVERIFY(handedOver.get());
}

void TestSingleInstance::oversizedMessageIsDropped()
{
    SingleInstance first(serverName("oversized"));
    QVERIFY2(first.listen(), qPrintable(first.errorString()));
    QSignalSpy received(&first, &SingleInstance::messageReceived);
    std::future<bool> handedOver =
        handOverInBackground(first.serverName(), QString(SingleInstance::MaxMessageBytes + 10, u'x'));
    while (handedOver.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready)
        QCoreApplication::processEvents();
    QVERIFY(!handedOver.get());
    QCOMPARE(received.size(), 0);
    // And the server goes on serving.
    std::future<bool> next = handOverInBackground(first.serverName(), u"small"_s);
    QVERIFY(received.wait());
    QCOMPARE(received.first().first().toString(), u"small"_s);
    QVERIFY(next.get());
}

void TestSingleInstance::defaultNameIsPerUserInTheRuntimeFolder()
{
    const QString name = SingleInstance::defaultServerName();
    QVERIFY2(name.contains(u"convdesk"_s), qPrintable(name));
    const QString user = qEnvironmentVariable("USER");
    if (!user.isEmpty())
        QVERIFY2(name.contains(user), qPrintable(name));
#ifdef Q_OS_UNIX
    QVERIFY2(name.startsWith(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + u'/'),
             qPrintable(name));
#endif
}

void TestSingleInstance::programHandsItsLinkToTheRunningWindow()
{
    // The program finds the running window through its runtime folder: point both there.
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QVERIFY(QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QByteArray previous = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    const QString name = SingleInstance::defaultServerName();
    qputenv("XDG_RUNTIME_DIR", previous);
    QVERIFY2(name.startsWith(runtime.path()), qPrintable(name));

    SingleInstance running(name);
    QVERIFY2(running.listen(), qPrintable(running.errorString()));
    QSignalSpy received(&running, &SingleInstance::messageReceived);

    const QString link = u"convdesk://open?profile=prod&id=acc1%7C1%7Cacc2"_s;
    QProcess second;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    second.setProcessEnvironment(environment);
    second.start(QStringLiteral(CONVDESK_GUI_PATH), {link});
    QVERIFY(received.wait());
    QCOMPARE(received.first().first().toString(), link);
    QVERIFY(second.waitForFinished());
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
}

void TestSingleInstance::programRefusesAnInvalidLink()
{
    QProcess program;
    program.start(QStringLiteral(CONVDESK_GUI_PATH), {u"convdesk://open?profile=prod&id=acc1%7Cacc2"_s});
    QVERIFY(program.waitForFinished());
    QCOMPARE(program.exitCode(), 2);
    const QString error = QString::fromUtf8(program.readAllStandardError());
    QVERIFY2(error.contains(u"three parts"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"

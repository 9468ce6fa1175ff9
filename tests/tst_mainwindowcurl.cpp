#include "CurlCopier.h"
#include "DialogHook.h"
#include "MainWindow.h"
#include "api/CurlCommand.h"
#include "secrets/InMemorySecretStore.h"
#include "support/MainWindowFixture.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Copying the last request of the main window as a curl command, with placeholders or with
// its live signature.
class TestMainWindowCurl : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void copyRequestAsCurlHasPlaceholders();
    void copyRequestAsCurlWithLiveSignature_data();
    void copyRequestAsCurlWithLiveSignature();
    void expiredLiveSignatureIsNotCopied();
    void copyRequestAsCurlBeforeAnyRequest();
};

void TestMainWindowCurl::initTestCase()
{
    startSandbox();
}

void TestMainWindowCurl::init()
{
    openWindow();
}

void TestMainWindowCurl::cleanup()
{
    closeWindow();
}

void TestMainWindowCurl::copyRequestAsCurlHasPlaceholders()
{
    const QString secret = m_sandbox->credentials().appSecret;
    const QString liveCheckSum = QString::fromLatin1(m_sandbox->lastRequestHeader("CheckSum"));
    QVERIFY(!liveCheckSum.isEmpty());
    QGuiApplication::clipboard()->clear();
    find<QAction>("copyCurlAction")->trigger();
    QString command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.contains(u"--request 'GET'"_s), qPrintable(command));
    QVERIFY(command.contains(u"support_demo%7C1%7Calice"_s));
    QVERIFY(command.contains(u"CheckSum: "_s + CurlCommand::CheckSumPlaceholder));
    QVERIFY(command.contains(u"Nonce: "_s + CurlCommand::NoncePlaceholder));
    QVERIFY(command.contains(u"CurTime: "_s + CurlCommand::CurTimePlaceholder));
    QVERIFY(command.contains(u"sha1sum"_s)); // how to compute them
    QVERIFY(!command.contains(liveCheckSum));
    QVERIFY(!command.contains(secret));
    QVERIFY2(find<QLabel>("callOutcome")->text().contains(u"placeholders"_s),
             qPrintable(find<QLabel>("callOutcome")->text()));

    // After a save the last request is the PATCH, with its body.
    editExtension(u"{\"copied\":true}"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait());
    find<QAction>("copyCurlAction")->trigger();
    command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.contains(u"--request 'PATCH'"_s), qPrintable(command));
    QVERIFY(command.contains(u"copied"_s));
    QVERIFY(!command.contains(secret));
}

void TestMainWindowCurl::copyRequestAsCurlWithLiveSignature_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("confirmed") << int(QDialogButtonBox::Ok);
    QTest::newRow("cancelled") << int(QDialogButtonBox::Cancel);
}

void TestMainWindowCurl::copyRequestAsCurlWithLiveSignature()
{
    QFETCH(int, answer);
    const QString liveCheckSum = QString::fromLatin1(m_sandbox->lastRequestHeader("CheckSum"));
    const QString liveNonce = QString::fromLatin1(m_sandbox->lastRequestHeader("Nonce"));
    QGuiApplication::clipboard()->setText(u"before"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    find<QAction>("copyCurlLiveAction")->trigger();
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(DialogHook::lastObjectName(), u"questionBox"_s);
    QVERIFY2(DialogHook::lastText().contains(u"5 minutes"_s), qPrintable(DialogHook::lastText()));
    QVERIFY(DialogHook::lastText().contains(u"anyone who has the command"_s));

    const QString command = QGuiApplication::clipboard()->text();
    const QString note = find<QLabel>("callOutcome")->text();
    if (answer == QDialogButtonBox::Cancel) {
        QCOMPARE(command, u"before"_s);
        QCOMPARE(note, u"Nothing copied."_s);
        return;
    }
    QVERIFY2(command.contains(u"CheckSum: "_s + liveCheckSum), qPrintable(command));
    QVERIFY(command.contains(u"Nonce: "_s + liveNonce));
    QVERIFY(command.contains(u"Live signature"_s));
    QVERIFY(!command.contains(m_sandbox->credentials().appSecret));
    QVERIFY2(note.contains(u"valid until"_s) && note.contains(u"replay"_s), qPrintable(note));
}

void TestMainWindowCurl::expiredLiveSignatureIsNotCopied()
{
    const qint64 signedAt = QString::fromLatin1(m_sandbox->lastRequestHeader("CurTime")).toLongLong();
    m_window->curlCopier()->setClock([signedAt] { return signedAt + CurlCopier::SignatureLifetimeSeconds; });
    QGuiApplication::clipboard()->setText(u"before"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Ok); // must stay unused: nothing to ask
    find<QAction>("copyCurlLiveAction")->trigger();
    QCOMPARE(DialogHook::pendingAnswers(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
    QVERIFY2(find<QLabel>("callOutcome")->text().contains(u"expired"_s), qPrintable(find<QLabel>("callOutcome")->text()));
}

void TestMainWindowCurl::copyRequestAsCurlBeforeAnyRequest()
{
    QSettings settings(m_dir.filePath(u"no-requests.ini"_s), QSettings::IniFormat);
    InMemorySecretStore secrets;
    MainWindow fresh(settings, secrets);
    QGuiApplication::clipboard()->setText(u"before"_s);
    fresh.findChild<QAction *>(u"copyCurlAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
    QVERIFY(fresh.findChild<QLabel *>(u"callOutcome"_s)->text().startsWith(u"No request has been sent yet"_s));
}

QTEST_MAIN(TestMainWindowCurl)
#include "tst_mainwindowcurl.moc"

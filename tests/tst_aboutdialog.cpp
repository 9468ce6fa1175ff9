#include "AboutDialog.h"
#include "DesktopIdentity.h"
#include "DialogHook.h"
#include "platform/AppIdentity.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();

    void versionIsTheCMakeProjectVersion();
    void showsNameVersionAndLicense();
    void showsQtAndQtKeychainVersions();
    void iconComesFromTheResources_data();
    void iconComesFromTheResources();
    void copyPutsTheVersionReportOnTheClipboard();
    void showAboutRunsThroughDialogHook();
    void desktopIdentityNamesTheDesktopEntry();
};

void TestAboutDialog::cleanup()
{
    DialogHook::clearAnswers();
}

void TestAboutDialog::versionIsTheCMakeProjectVersion()
{
    QCOMPARE(AppIdentity::version(), QStringLiteral(CONVDESK_EXPECTED_VERSION));
}

void TestAboutDialog::showsNameVersionAndLicense()
{
    AboutDialog dialog;
    QCOMPARE(dialog.objectName(), u"aboutDialog"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"aboutName"_s)->text(), u"Conversation Desk"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"aboutVersion"_s)->text(),
             u"Version "_s + QStringLiteral(CONVDESK_EXPECTED_VERSION));
    QVERIFY(dialog.findChild<QLabel *>(u"aboutLicenseCaption"_s)->text().contains(u"MIT License"_s));
    const QString license = dialog.findChild<QPlainTextEdit *>(u"aboutLicense"_s)->toPlainText();
    QVERIFY2(license.startsWith(u"MIT License"_s), qPrintable(license.left(80)));
    QVERIFY(license.contains(u"Permission is hereby granted, free of charge"_s));
    QVERIFY(dialog.findChild<QPlainTextEdit *>(u"aboutLicense"_s)->isReadOnly());
}

void TestAboutDialog::showsQtAndQtKeychainVersions()
{
    AboutDialog dialog;
    const QString components = dialog.findChild<QLabel *>(u"aboutComponents"_s)->text();
    QVERIFY2(components.contains(u"Qt "_s + QString::fromLatin1(qVersion())), qPrintable(components));
    QVERIFY2(components.contains(u"built with "_s + QStringLiteral(QT_VERSION_STR)), qPrintable(components));
    QVERIFY2(components.contains(u"QtKeychain "_s + QStringLiteral(CONVDESK_EXPECTED_QTKEYCHAIN_VERSION)),
             qPrintable(components));
    QVERIFY2(QRegularExpression(u"QtKeychain \\d+\\.\\d+"_s).match(components).hasMatch(), qPrintable(components));
    QVERIFY2(components.contains(AboutDialog::keychainBackend()), qPrintable(components));
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    QVERIFY(AboutDialog::keychainBackend().contains(u"Secret Service"_s));
#endif
}

void TestAboutDialog::iconComesFromTheResources_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::addRow("%d px", size) << size;
}

void TestAboutDialog::iconComesFromTheResources()
{
    QFETCH(int, size);
    const QString path = u":/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(DesktopIdentity::appId());
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const QPixmap pixmap = DesktopIdentity::applicationIcon().pixmap(QSize(size, size), 1.0);
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), QSize(size, size));
    // Not a blank image: the bubble is opaque in the middle.
    QCOMPARE(pixmap.toImage().pixelColor(size / 2, size / 2).alpha(), 255);
}

void TestAboutDialog::copyPutsTheVersionReportOnTheClipboard()
{
    AboutDialog dialog;
    QApplication::clipboard()->clear();
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"aboutCopyButton"_s), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, AboutDialog::versionReport());
    QVERIFY2(copied.startsWith(u"Conversation Desk "_s + QStringLiteral(CONVDESK_EXPECTED_VERSION) + u'\n'),
             qPrintable(copied));
    QVERIFY(copied.contains(QString::fromLatin1(qVersion())));
    QVERIFY(copied.contains(u"QtKeychain "_s + QStringLiteral(CONVDESK_EXPECTED_QTKEYCHAIN_VERSION)));
    QVERIFY(!dialog.findChild<QLabel *>(u"aboutIcon"_s)->pixmap().isNull());
}

void TestAboutDialog::showAboutRunsThroughDialogHook()
{
    DialogHook::setNextAnswer(QDialogButtonBox::Close);
    AboutDialog::showAbout(nullptr);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(DialogHook::lastObjectName(), u"aboutDialog"_s);
    QCOMPARE(DialogHook::lastTitle(), u"About Conversation Desk"_s);
    QVERIFY(DialogHook::lastText().contains(QStringLiteral(CONVDESK_EXPECTED_VERSION)));
}

void TestAboutDialog::desktopIdentityNamesTheDesktopEntry()
{
    QCOMPARE(DesktopIdentity::appId(), u"io.github.convdesk.ConversationDesk"_s);
    DesktopIdentity::apply();
    QCOMPARE(QGuiApplication::desktopFileName(), DesktopIdentity::appId());
    QVERIFY(!QGuiApplication::windowIcon().isNull());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"

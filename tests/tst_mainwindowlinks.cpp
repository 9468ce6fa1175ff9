#include "DialogHook.h"
#include "MainWindow.h"
#include "api/ConversationLink.h"
#include "profiles/ProfileStore.h"
#include "support/MainWindowFixture.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {
const QString SecondProfile = u"Second desk"_s;
}

// Links to a conversation in the main window: Copy link (Conversation menu and the tree's
// context menu) and opening a convdesk:// link, with the usual question about unsaved edits.
class TestMainWindowLinks : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void copyLinkPutsTheShownConversationsLinkOnTheClipboard();
    void copyLinkIsInTheMenuAndTheTreesContextMenu();
    void openingALinkLoadsItsConversation();
    void openingALinkAsksAboutUnsavedEdits_data();
    void openingALinkAsksAboutUnsavedEdits();
    void openingALinkOfAnotherProfileSwitchesToIt();
    void linkToAMissingProfileIsReportedAndChangesNothing();
    void unreadableLinkIsReported();

private:
    QString linkTo(const QString &profile, const QString &id) const
    {
        return ConversationLink{profile, *ConversationId::parse(id)}.toString();
    }
    // A stored profile on the same simulator, as the profile dialog or the CLI would add it.
    void storeSecondProfile()
    {
        Profile profile;
        profile.name = SecondProfile;
        profile.region = Region::Custom;
        profile.baseUrl = m_sandbox->baseUrl();
        profile.appKey = m_sandbox->credentials().appKey;
        QString error;
        QVERIFY2(ProfileStore(*m_settings).save(profile, &error), qPrintable(error));
        m_secrets->write(SecondProfile, m_sandbox->credentials().appSecret, this, [](const SecretResult &) {});
    }
    QString bannerText() const
    {
        auto *banner = find<QLabel>("errorBanner");
        return banner->isVisible() ? banner->text() : QString();
    }
};

void TestMainWindowLinks::initTestCase()
{
    startSandbox();
}

void TestMainWindowLinks::init()
{
    openWindow();
}

void TestMainWindowLinks::cleanup()
{
    closeWindow();
}

void TestMainWindowLinks::copyLinkPutsTheShownConversationsLinkOnTheClipboard()
{
    QGuiApplication::clipboard()->clear();
    auto *copyLink = find<QAction>("copyLinkAction");
    QVERIFY(copyLink->isEnabled());
    copyLink->trigger();
    const QString copied = QGuiApplication::clipboard()->text();
    // In sandbox mode the profile is the sandbox's name.
    QCOMPARE(copied, u"convdesk://open?profile=Sandbox&id=support_demo%7C1%7Calice"_s);
    QVERIFY(!copied.contains(m_sandbox->credentials().appSecret));
    QVERIFY(!copied.contains(m_sandbox->credentials().appKey));
    QVERIFY2(find<QLabel>("callOutcome")->text().contains(u"Link copied"_s),
             qPrintable(find<QLabel>("callOutcome")->text()));

    // The link is of the conversation shown, not of what is typed in the ID box.
    loadId(BobId);
    QVERIFY(waitShown());
    find<QLineEdit>("conversationIdField")->setText(u"support_demo|1|someone_else"_s);
    copyLink->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"convdesk://open?profile=Sandbox&id=support_demo%7C1%7Cbob_88"_s);
}

void TestMainWindowLinks::copyLinkIsInTheMenuAndTheTreesContextMenu()
{
    auto *copyLink = find<QAction>("copyLinkAction");
    QVERIFY(m_window->conversationPanel()->treeView()->actions().contains(copyLink));
    QVERIFY(m_window->conversationPanel()->treeView()->contextMenuPolicy() == Qt::ActionsContextMenu);
    bool inConversationMenu = false;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(copyLink))
            inConversationMenu = menu->text() == MainWindow::tr("&Conversation");
    }
    QVERIFY(inConversationMenu);
}

void TestMainWindowLinks::openingALinkLoadsItsConversation()
{
    QSignalSpy loadStarted(m_window->session(), &ConversationSession::loadStarted);
    QVERIFY(m_window->openLink(linkTo(u"Sandbox"_s, BobId)));
    QVERIFY(waitShown());
    QCOMPARE(loadStarted.size(), 1);
    QCOMPARE(m_window->session()->conversationId().toString(), BobId);
    QCOMPARE(find<QLineEdit>("conversationIdField")->text(), BobId);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY(bannerText().isEmpty());
}

void TestMainWindowLinks::openingALinkAsksAboutUnsavedEdits_data()
{
    QTest::addColumn<QDialogButtonBox::StandardButton>("answer");
    QTest::addColumn<QString>("shownAfter");
    QTest::addColumn<bool>("editKept");

    QTest::newRow("discard") << QDialogButtonBox::Discard << BobId << false;
    QTest::newRow("cancel") << QDialogButtonBox::Cancel << AliceId << true;
}

void TestMainWindowLinks::openingALinkAsksAboutUnsavedEdits()
{
    QFETCH(QDialogButtonBox::StandardButton, answer);
    QFETCH(QString, shownAfter);
    QFETCH(bool, editKept);
    editExtension(u"{\"unsaved\":1}"_s);
    DialogHook::setNextAnswer(answer);
    m_window->openLink(linkTo(u"Sandbox"_s, BobId));
    QCOMPARE(DialogHook::pendingAnswers(), 0); // asked
    QCOMPARE(DialogHook::lastTitle(), MainWindow::tr("Unsaved changes"));
    if (shownAfter != AliceId)
        QVERIFY(waitShown());
    QCOMPARE(m_window->session()->conversationId().toString(), shownAfter);
    QCOMPARE(editor()->isModified(), editKept);
    if (editKept)
        QCOMPARE(editor()->text(), u"{\"unsaved\":1}"_s);
}

void TestMainWindowLinks::openingALinkOfAnotherProfileSwitchesToIt()
{
    storeSecondProfile();
    editExtension(u"{\"unsaved\":2}"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Discard);
    // Named in other case than stored: profile names are unique ignoring case.
    QVERIFY(m_window->openLink(linkTo(SecondProfile.toUpper(), BobId)));
    QCOMPARE(DialogHook::pendingAnswers(), 0); // asked once, before the switch
    QVERIFY(waitShown());
    QCOMPARE(m_window->session()->profile().name, SecondProfile);
    QCOMPARE(find<QComboBox>("profileCombo")->currentText(), SecondProfile);
    QCOMPARE(m_window->session()->conversationId().toString(), BobId);
    QVERIFY(!m_window->isSandboxActive());
    QVERIFY(!editor()->isModified());
}

void TestMainWindowLinks::linkToAMissingProfileIsReportedAndChangesNothing()
{
    editExtension(u"{\"unsaved\":3}"_s);
    QSignalSpy loadStarted(m_window->session(), &ConversationSession::loadStarted);
    QVERIFY(!m_window->openLink(linkTo(u"Production"_s, BobId)));
    QVERIFY2(bannerText().contains(u"Production"_s) && bannerText().contains(u"does not exist here"_s),
             qPrintable(bannerText()));
    QCOMPARE(loadStarted.size(), 0);
    QCOMPARE(DialogHook::lastTitle(), QString()); // nothing was asked
    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
    QCOMPARE(m_window->session()->profile().name, u"Sandbox"_s);
    QVERIFY(m_window->isSandboxActive());
    QCOMPARE(find<QLineEdit>("conversationIdField")->text(), AliceId);
    QCOMPARE(editor()->text(), u"{\"unsaved\":3}"_s);
}

void TestMainWindowLinks::unreadableLinkIsReported()
{
    QVERIFY(!m_window->openLink(u"convdesk://open?profile=Sandbox&id=support_demo%7C1"_s));
    QVERIFY2(bannerText().contains(u"Cannot open the link"_s) && bannerText().contains(u"three parts"_s),
             qPrintable(bannerText()));
    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
}

QTEST_MAIN(TestMainWindowLinks)
#include "tst_mainwindowlinks.moc"

#include "AccountBrowser.h"
#include "DialogHook.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxServer.h"
#include "api/ApiClient.h"
#include "models/ConversationListModel.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"
#include "session/EditSession.h"
#include "support/RequireChild.h"
#include "support/TabWalk.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// First start: with no profile the window shows a welcome page instead of the tree and the
// editor. "Add a profile…" opens the profile dialog and the page gives way to the normal view
// once the profile is stored; "Try the sandbox" starts the built-in simulator in this window.
class TestWelcomePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsWithoutProfiles();
    void tabReachesItsButtonsAfterTheBrowser();
    void staysAwayWhenAProfileExists();
    void addedProfileReplacesIt();
    void cancelledAddKeepsIt();
    void keychainFailureIsShownInTheWindow();
    void removingTheLastProfileBringsItBack();
    void sandboxStartsInThisWindow();
    void sandboxProfileIsListedReadOnly();
    void sandboxThatCannotListenIsReportedInTheWindow();

private:
    void openWindow();
    template<typename T>
    T *find(const char *name) const { return test::requireChild<T>(m_window.get(), name); }
    QString browserStatus() const { return find<QLabel>("browserStatus")->text(); }
    // Fills the profile dialog the way a person would, for the local simulator.
    void fillProfileDialogFor(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server; // what an added profile talks to
    int m_settingsCount = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_browserTester;
};

void TestWelcomePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // nothing reaches the user's data folder
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestWelcomePage::init()
{
    DialogHook::clearAnswers();
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_settingsCount)),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<InMemorySecretStore>();
}

void TestWelcomePage::cleanup()
{
    DialogHook::clearAnswers();
    m_browserTester.reset();
    m_window.reset();
    m_secrets.reset();
    m_settings.reset();
}

void TestWelcomePage::openWindow()
{
    m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets);
    m_window->setAuditLogPath(m_dir.filePath(u"audit-%1.jsonl"_s.arg(m_settingsCount)));
    m_browserTester = std::make_unique<QAbstractItemModelTester>(m_window->accountBrowser()->model());
    m_window->resize(1024, 640);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWelcomePage::fillProfileDialogFor(const QString &name)
{
    const Credentials demo = m_server->credentials();
    const QString url = m_server->baseUrl().toString();
    DialogHook::setInspector([name, demo, url](QDialog *dialog) {
        if (dialog->objectName() != u"profileDialog"_s)
            return;
        QTest::keyClicks(test::requireChild<QLineEdit>(dialog, "profileName"), name);
        test::requireChild<QComboBox>(dialog, "profileRegion")->setCurrentIndex(2); // Custom URL
        QTest::keyClicks(test::requireChild<QLineEdit>(dialog, "profileBaseUrl"), url);
        QTest::keyClicks(test::requireChild<QLineEdit>(dialog, "profileAppKey"), demo.appKey);
        QTest::keyClicks(test::requireChild<QLineEdit>(dialog, "profileSecret"), demo.appSecret);
    });
}

void TestWelcomePage::showsWithoutProfiles()
{
    openWindow();
    auto *welcome = find<QWidget>("welcomePage");
    QVERIFY(m_window->isWelcomeShown());
    QVERIFY(welcome->isVisible());
    QVERIFY(!find<QSplitter>("mainSplitter")->isVisible()); // the tree and the editor
    for (const char *name : {"welcomeAddProfileButton", "welcomeSandboxButton"}) {
        auto *button = find<QPushButton>(name);
        QVERIFY2(button->isVisible() && button->isEnabled(), name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
    }
    QVERIFY(find<QLabel>("welcomeSecrets")->text().contains(u"keychain"_s));
    // Readable at 1024×640: the column fits the page, nothing is cut on the right.
    const QWidget *column = find<QWidget>("welcomeColumn");
    QVERIFY2(column->geometry().right() <= welcome->width(),
             qPrintable(u"%1 > %2"_s.arg(column->geometry().right()).arg(welcome->width())));
    QVERIFY(column->height() <= welcome->height());
    // The browser cannot list for nobody, and says what is missing.
    QVERIFY(!find<QPushButton>("browserListButton")->isEnabled());
    QVERIFY2(browserStatus().contains(u"Add a profile"_s), qPrintable(browserStatus()));
    QVERIFY(!m_window->isSandboxActive());
}

void TestWelcomePage::tabReachesItsButtonsAfterTheBrowser()
{
    openWindow();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QWidget *start = find<QWidget>("profileCombo");
    start->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), start);
    const QStringList visited = test::walkTabOrder(start);
    QString problem;
    QVERIFY2(test::comesInOrder(visited,
                                {u"conversationIdField"_s, u"browserAccount"_s, u"welcomeAddProfileButton"_s,
                                 u"welcomeSandboxButton"_s},
                                &problem),
             qPrintable(problem));
    QVERIFY(!visited.contains(u"conversationTree"_s)); // hidden behind the welcome page
}

void TestWelcomePage::staysAwayWhenAProfileExists()
{
    Profile profile;
    profile.name = u"prod"_s;
    profile.appKey = u"k1"_s;
    QVERIFY(ProfileStore(*m_settings).save(profile));
    openWindow();
    QVERIFY(!m_window->isWelcomeShown());
    QVERIFY(!find<QWidget>("welcomePage")->isVisible());
    QVERIFY(find<QSplitter>("mainSplitter")->isVisible());
}

void TestWelcomePage::addedProfileReplacesIt()
{
    openWindow();
    // A load tried without a profile leaves its complaint on screen.
    QTest::keyClicks(find<QLineEdit>("conversationIdField"), m_server->conversationIds().first());
    QTest::keyClick(find<QLineEdit>("conversationIdField"), Qt::Key_Return);
    auto *banner = find<MessageBanner>("errorBanner");
    QVERIFY(banner->isShowing(EditSession::noProfileProblem()));

    QSignalSpy shown(m_window.get(), &MainWindow::conversationShown);
    fillProfileDialogFor(u"Sim"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QTest::mouseClick(find<QPushButton>("welcomeAddProfileButton"), Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"profileDialog"_s);

    QTRY_VERIFY(!m_window->isWelcomeShown());
    QVERIFY(!find<QWidget>("welcomePage")->isVisible());
    QVERIFY(find<QSplitter>("mainSplitter")->isVisible());
    QVERIFY(ProfileStore(*m_settings).find(u"Sim"_s));
    QVERIFY(m_secrets->contains(u"Sim"_s));
    QCOMPARE(find<QComboBox>("profileCombo")->currentText(), u"Sim"_s);
    // The complaints about the missing profile are gone; the browser is ready to list.
    QVERIFY(!banner->isShowing(EditSession::noProfileProblem()));
    QVERIFY(!banner->isVisible());
    QVERIFY(!browserStatus().contains(u"Choose a profile first"_s));
    QCOMPARE(browserStatus(), u"Enter an account ID and press List."_s);
    QVERIFY(!find<QLabel>("callOutcome")->text().contains(u"Choose a profile"_s));

    // And it lists with the new profile, once its AppSecret is read back.
    QTRY_VERIFY(m_window->session()->client()->hasCredentials());
    QTest::keyClicks(find<QLineEdit>("browserAccount"), u"support_demo"_s);
    QTest::mouseClick(find<QPushButton>("browserListButton"), Qt::LeftButton);
    QTRY_VERIFY2(browserStatus().startsWith(u"All "_s), qPrintable(browserStatus()));
    QVERIFY(m_window->accountBrowser()->model()->rowCount() > 0);
    QCOMPARE(shown.size(), 0); // nothing was loaded behind the user's back
}

void TestWelcomePage::cancelledAddKeepsIt()
{
    openWindow();
    DialogHook::setNextAnswer(QDialog::Rejected);
    QTest::mouseClick(find<QPushButton>("welcomeAddProfileButton"), Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"profileDialog"_s);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY(m_window->isWelcomeShown());
    QVERIFY(ProfileStore(*m_settings).names().isEmpty());
}

void TestWelcomePage::keychainFailureIsShownInTheWindow()
{
    openWindow();
    m_secrets->failNextOperation(SecretStatus::NoBackend);
    fillProfileDialogFor(u"Sim"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QTest::mouseClick(find<QPushButton>("welcomeAddProfileButton"), Qt::LeftButton);
    auto *banner = find<MessageBanner>("errorBanner");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"could not be stored in the keychain"_s), qPrintable(banner->text()));
    QVERIFY(m_window->isWelcomeShown());
    QVERIFY(!ProfileStore(*m_settings).find(u"Sim"_s)); // nothing stored without the keychain
}

void TestWelcomePage::removingTheLastProfileBringsItBack()
{
    Profile profile;
    profile.name = u"prod"_s;
    profile.appKey = u"k1"_s;
    QVERIFY(ProfileStore(*m_settings).save(profile));
    openWindow();
    QVERIFY(!m_window->isWelcomeShown());
    // Profiles → Manage profiles…: Remove, Yes, then Close.
    DialogHook::setInspector([](QDialog *dialog) {
        if (dialog->objectName() == u"profileManagerDialog"_s)
            QTest::mouseClick(test::requireChild<QPushButton>(dialog, "removeProfileButton"), Qt::LeftButton);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Close);
    DialogHook::setNextAnswer(QDialogButtonBox::Yes);
    m_window->findChild<QAction *>(u"manageProfilesAction"_s)->trigger();
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY(ProfileStore(*m_settings).names().isEmpty());
    QVERIFY(m_window->isWelcomeShown());
    QVERIFY(!find<QPushButton>("browserListButton")->isEnabled());
    QVERIFY2(browserStatus().contains(u"Add a profile"_s), qPrintable(browserStatus()));
}

void TestWelcomePage::sandboxStartsInThisWindow()
{
    openWindow();
    QSignalSpy shown(m_window.get(), &MainWindow::conversationShown);
    QTest::mouseClick(find<QPushButton>("welcomeSandboxButton"), Qt::LeftButton);

    QVERIFY(m_window->isSandboxActive());
    QVERIFY(!m_window->isWelcomeShown());
    QVERIFY(find<QWidget>("sandboxBanner")->isVisible());
    QVERIFY2(m_window->windowTitle().contains(u"Sandbox"_s), qPrintable(m_window->windowTitle()));
    // A sample conversation loads, from the simulator on this machine.
    QVERIFY(shown.size() > 0 || shown.wait(10000));
    const Profile profile = m_window->session()->profile();
    QCOMPARE(profile.baseUrl.host(), u"127.0.0.1"_s);
    QVERIFY(profile.baseUrl != m_server->baseUrl()); // the window's own simulator, not the test's
    QVERIFY(!profile.extensionSchemaFile.isEmpty()); // with the sample team schema
    QVERIFY(QFile::exists(profile.extensionSchemaFile));
    QVERIFY(m_window->session()->hasConversation());
    QVERIFY(m_window->session()->conversationId().toString().startsWith(u"support_demo|"_s));
    QCOMPARE(browserStatus(), u"Enter an account ID and press List."_s);
    // Nothing of it reaches the settings.
    QVERIFY(ProfileStore(*m_settings).names().isEmpty());
    // Started once: a second start keeps the running simulator.
    QVERIFY(m_window->startSandbox());
    QCOMPARE(m_window->session()->profile().baseUrl, profile.baseUrl);

    // The simulator's schema file goes with the window.
    const QString schemaFile = profile.extensionSchemaFile;
    m_browserTester.reset();
    m_window.reset();
    QVERIFY(!QFile::exists(schemaFile));
}

void TestWelcomePage::sandboxProfileIsListedReadOnly()
{
    openWindow();
    QVERIFY(m_window->startSandbox());
    QStringList listed;
    bool editEnabled = true;
    bool removeEnabled = true;
    QString editTip;
    DialogHook::setInspector([&](QDialog *dialog) {
        auto *list = test::requireChild<QListWidget>(dialog, "profileList");
        for (int row = 0; row < list->count(); ++row)
            listed << list->item(row)->text();
        editEnabled = test::requireChild<QPushButton>(dialog, "editProfileButton")->isEnabled();
        removeEnabled = test::requireChild<QPushButton>(dialog, "removeProfileButton")->isEnabled();
        editTip = test::requireChild<QPushButton>(dialog, "editProfileButton")->toolTip();
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Close);
    QTest::mouseClick(find<QWidget>("profilesButton"), Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"profileManagerDialog"_s);
    QCOMPARE(listed.size(), 1);
    QVERIFY2(listed.first().contains(u"Sandbox (built in)"_s), qPrintable(listed.first()));
    QVERIFY2(listed.first().contains(m_window->session()->profile().baseUrl.toString()), qPrintable(listed.first()));
    QVERIFY(!editEnabled);
    QVERIFY(!removeEnabled);
    QVERIFY(editTip.contains(u"built in"_s));
}

void TestWelcomePage::sandboxThatCannotListenIsReportedInTheWindow()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    openWindow();
    QString error;
    QVERIFY(!m_window->startSandbox(taken.serverPort(), &error));
    QVERIFY(!error.isEmpty());
    auto *banner = find<MessageBanner>("errorBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"The sandbox could not start"_s), qPrintable(banner->text()));
    QVERIFY(!m_window->isSandboxActive());
    QVERIFY(m_window->isWelcomeShown()); // both ways to start are still offered
}

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"

#include "DialogHook.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"
#include "session/ConversationSession.h"
#include "support/RequireChild.h"

#include <QComboBox>
#include <QEvent>
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

namespace {

// Notes whether the window's simulator was running when the window was first painted.
class FirstPaintRecorder final : public QObject
{
public:
    explicit FirstPaintRecorder(MainWindow *window) : m_window(window) { window->installEventFilter(this); }

    bool painted = false;
    bool sandboxActiveAtFirstPaint = false;
    bool welcomeShownAtFirstPaint = false;
    QString bannerAtFirstPaint;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            sandboxActiveAtFirstPaint = m_window->isSandboxActive();
            welcomeShownAtFirstPaint = m_window->isWelcomeShown();
            bannerAtFirstPaint = m_window->findChild<MessageBanner *>(u"sandboxBanner"_s)->text();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    MainWindow *m_window;
};

// The test's secrets, counting which profiles' AppSecrets were read.
class ReadCountingSecretStore final : public SecretStore
{
public:
    QStringList reads;
    InMemorySecretStore held;

    void read(const QString &profileName, QObject *context, Callback callback) override
    {
        reads.append(profileName);
        held.read(profileName, context, std::move(callback));
    }
    void write(const QString &profileName, const QString &secret, QObject *context, Callback callback) override
    {
        held.write(profileName, secret, context, std::move(callback));
    }
    void remove(const QString &profileName, QObject *context, Callback callback) override
    {
        held.remove(profileName, context, std::move(callback));
    }
};

} // namespace

// `convdesk --sandbox`: the window comes up first, saying the sandbox is starting, and the
// simulator (with the TLS backend Qt's HTTP server loads) starts after its first paint; the
// first conversation then loads as before. A simulator that cannot start is reported. No
// stored profile's AppSecret is read on the way.
class TestSandboxAtStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsAfterTheFirstPaintAndLoads();
    void startsOnTheNextTurnWhenAlreadyShown();
    void failureIsReportedAndTheWelcomePageReturns();
    void openingOnTheSandboxReadsNoStoredSecret_data();
    void openingOnTheSandboxReadsNoStoredSecret();

private:
    void createWindow();
    template<typename T>
    T *find(const char *name) const { return test::requireChild<T>(m_window.get(), name); }

    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<SecretStore> m_countingSecrets; // for a window that counts its reads
    std::unique_ptr<MainWindow> m_window;
};

void TestSandboxAtStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSandboxAtStart::init()
{
    DialogHook::clearAnswers();
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_count)),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<InMemorySecretStore>();
}

void TestSandboxAtStart::cleanup()
{
    m_window.reset();
    m_countingSecrets.reset();
    m_secrets.reset();
    m_settings.reset();
}

void TestSandboxAtStart::createWindow()
{
    m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets);
    m_window->setAuditLogPath(m_dir.filePath(u"audit-%1.jsonl"_s.arg(m_count)));
    m_window->resize(1024, 640);
}

void TestSandboxAtStart::startsAfterTheFirstPaintAndLoads()
{
    createWindow();
    QSignalSpy started(m_window.get(), &MainWindow::sandboxStarted);
    QSignalSpy shown(m_window.get(), &MainWindow::conversationShown);
    FirstPaintRecorder recorder(m_window.get());
    m_window->startSandboxAfterFirstPaint();

    // Nothing has started before the window is on screen; it says what is coming instead of
    // offering the welcome page's choices.
    QVERIFY(m_window->isSandboxStarting());
    QVERIFY(!m_window->isSandboxActive());
    QVERIFY(!m_window->isWelcomeShown());
    QCOMPARE(find<MessageBanner>("sandboxBanner")->text(), u"Starting the sandbox…"_s);
    QCOMPARE(started.size(), 0);

    m_window->show();
    QVERIFY(started.wait(10000));
    QVERIFY(recorder.painted);
    QVERIFY(!recorder.sandboxActiveAtFirstPaint);
    QVERIFY(!recorder.welcomeShownAtFirstPaint);
    QCOMPARE(recorder.bannerAtFirstPaint, u"Starting the sandbox…"_s);

    QVERIFY(!m_window->isSandboxStarting());
    QVERIFY(m_window->isSandboxActive());
    QVERIFY2(find<MessageBanner>("sandboxBanner")->text().startsWith(u"Sandbox: this window talks to a local simulator"_s),
             qPrintable(find<MessageBanner>("sandboxBanner")->text()));
    // The first sample conversation loads from it, as it did when the start came first.
    QVERIFY(shown.size() > 0 || shown.wait(10000));
    QVERIFY(m_window->session()->hasConversation());
    QVERIFY(m_window->session()->conversationId().toString().startsWith(u"support_demo|"_s));
    QCOMPARE(m_window->session()->profile().baseUrl.host(), u"127.0.0.1"_s);
    // Asking again changes nothing.
    m_window->startSandboxAfterFirstPaint();
    QVERIFY(!m_window->isSandboxStarting());
    QCOMPARE(started.size(), 1);
}

void TestSandboxAtStart::startsOnTheNextTurnWhenAlreadyShown()
{
    createWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->isWelcomeShown());
    QSignalSpy started(m_window.get(), &MainWindow::sandboxStarted);
    m_window->startSandboxAfterFirstPaint();
    QVERIFY(m_window->isSandboxStarting());
    QVERIFY(!m_window->isWelcomeShown());
    QVERIFY(started.wait(10000));
    QVERIFY(m_window->isSandboxActive());
}

void TestSandboxAtStart::failureIsReportedAndTheWelcomePageReturns()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    createWindow();
    QSignalSpy failed(m_window.get(), &MainWindow::sandboxStartFailed);
    QSignalSpy started(m_window.get(), &MainWindow::sandboxStarted);
    m_window->startSandboxAfterFirstPaint(taken.serverPort());
    m_window->show();
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(started.size(), 0);
    QVERIFY(!m_window->isSandboxStarting());
    QVERIFY(!m_window->isSandboxActive());
    QVERIFY(!find<MessageBanner>("sandboxBanner")->isVisible());
    auto *problem = find<MessageBanner>("errorBanner");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"The sandbox could not start"_s), qPrintable(problem->text()));
    QVERIFY(m_window->isWelcomeShown()); // both ways to start are offered again
}

void TestSandboxAtStart::openingOnTheSandboxReadsNoStoredSecret_data()
{
    QTest::addColumn<MainWindow::Opening>("opening");
    QTest::addColumn<QStringList>("secretsRead");
    QTest::addRow("default profile") << MainWindow::Opening::DefaultProfile << QStringList{u"prod"_s};
    QTest::addRow("sandbox") << MainWindow::Opening::Sandbox << QStringList{};
}

void TestSandboxAtStart::openingOnTheSandboxReadsNoStoredSecret()
{
    QFETCH(MainWindow::Opening, opening);
    QFETCH(QStringList, secretsRead);
    Profile profile;
    profile.name = u"prod"_s;
    profile.appKey = u"k1"_s;
    QVERIFY(ProfileStore(*m_settings).save(profile));
    auto counting = std::make_unique<ReadCountingSecretStore>();
    ReadCountingSecretStore &secrets = *counting;
    m_countingSecrets = std::move(counting);
    secrets.held.write(u"prod"_s, u"s1"_s, this, [](const SecretResult &) {});
    m_window = std::make_unique<MainWindow>(*m_settings, secrets, opening);
    m_window->setAuditLogPath(m_dir.filePath(u"audit-%1.jsonl"_s.arg(m_count)));
    QCOMPARE(m_window->isSandboxStarting(), opening == MainWindow::Opening::Sandbox);
    QVERIFY(!m_window->isWelcomeShown());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    if (opening == MainWindow::Opening::Sandbox) {
        QSignalSpy started(m_window.get(), &MainWindow::sandboxStarted);
        QVERIFY(m_window->isSandboxActive() || started.wait(10000));
        QVERIFY(m_window->isSandboxActive());
        // The stored profile is still offered beside the sandbox's.
        auto *profiles = find<QComboBox>("profileCombo");
        QVERIFY(profiles->findText(u"prod"_s, Qt::MatchContains) >= 0);
    }
    QCoreApplication::processEvents();
    QCOMPARE(secrets.reads, secretsRead);
}

QTEST_MAIN(TestSandboxAtStart)
#include "tst_sandboxatstart.moc"

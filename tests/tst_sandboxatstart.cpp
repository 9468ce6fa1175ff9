#include "DialogHook.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "secrets/InMemorySecretStore.h"
#include "session/ConversationSession.h"
#include "support/RequireChild.h"

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

} // namespace

// `convdesk --sandbox`: the window comes up first, saying the sandbox is starting, and the
// simulator (with the TLS backend Qt's HTTP server loads) starts after its first paint; the
// first conversation then loads as before. A simulator that cannot start is reported.
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

private:
    void createWindow();
    template<typename T>
    T *find(const char *name) const { return test::requireChild<T>(m_window.get(), name); }

    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<InMemorySecretStore> m_secrets;
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

QTEST_MAIN(TestSandboxAtStart)
#include "tst_sandboxatstart.moc"

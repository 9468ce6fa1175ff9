// MainWindow's first steps: the welcome page while there is no profile, and sandbox mode,
// on a simulator of the caller's or on the window's own.
#include "MainWindow.h"

#include "AccountBrowser.h"
#include "AfterNextPaint.h"
#include "CallStatusBar.h"
#include "ConversationIdInput.h"
#include "MessageBanner.h"
#include "ProfileSwitcher.h"
#include "SandboxRunner.h"
#include "SessionReporter.h"
#include "WelcomePage.h"
#include "session/EditSession.h"

#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>

namespace convdesk {

void MainWindow::connectWelcome()
{
    connect(m_ui.welcome, &WelcomePage::addProfileRequested, m_profileSwitcher, &ProfileSwitcher::addProfile);
    connect(m_ui.welcome, &WelcomePage::sandboxRequested, this, [this] { startSandbox(); });
    connect(m_profileSwitcher, &ProfileSwitcher::profilesListed, this, &MainWindow::followProfiles);
    connect(m_profileSwitcher, &ProfileSwitcher::profileAddFinished, this,
            [this](bool added, const QString &message) {
                if (added)
                    m_ui.callStatus->showNote(message);
                else
                    m_reporter->showProblem(message);
            });
}

void MainWindow::followProfiles()
{
    const bool active = m_profileSwitcher->hasActive();
    // Without a profile the browser has nobody to list for, and says so.
    m_ui.browser->setClient(active ? m_session->client() : nullptr);
    // A sandbox about to start has its profile on the way: no welcome page flashes up first.
    if (m_profileSwitcher->hasProfiles() || m_sandboxStarting)
        m_ui.centralPages->setCurrentWidget(m_ui.splitter);
    else
        m_ui.centralPages->setCurrentWidget(m_ui.welcome);
    if (active) {
        // "Choose a profile first" from a load tried without one is no longer true.
        const QString noProfile = EditSession::noProfileProblem();
        if (m_ui.errorBanner->isShowing(noProfile))
            m_ui.errorBanner->dismiss();
        if (m_ui.callStatus->outcomeText() == noProfile)
            m_ui.callStatus->showNote(QString());
    }
}

bool MainWindow::isWelcomeShown() const
{
    return m_ui.centralPages->currentWidget() == m_ui.welcome;
}

QString MainWindow::sandboxNotice(const QUrl &baseUrl) const
{
    return tr("Sandbox: this window talks to a local simulator at %1 with demo data. Nothing done here "
              "reaches a real app.")
        .arg(baseUrl.toString());
}

void MainWindow::enableSandbox(const QUrl &baseUrl, const Credentials &credentials,
                               const QStringList &conversationIds, const QString &extensionSchemaFile)
{
    m_ui.sandboxBanner->showMessage(sandboxNotice(baseUrl));
    // The sandbox's IDs are offered for completion but kept out of the user's history.
    m_ui.idInput->setSettings(nullptr);
    for (auto id = conversationIds.crbegin(); id != conversationIds.crend(); ++id)
        m_ui.idInput->remember(*id);

    m_profileSwitcher->addSandbox(baseUrl, credentials, extensionSchemaFile);
    updateTitle();
    if (!conversationIds.isEmpty()) {
        m_ui.idInput->setText(conversationIds.first());
        load();
    }
}

bool MainWindow::startSandbox(quint16 port, QString *error)
{
    m_sandboxStarting = false;
    if (m_sandbox)
        return true;
    auto runner = std::make_unique<SandboxRunner>(this);
    if (!runner->start(port)) {
        m_reporter->showProblem(tr("The sandbox could not start: %1").arg(runner->errorString()));
        if (error)
            *error = runner->errorString();
        return false;
    }
    m_sandbox = runner.release();
    enableSandbox(m_sandbox->baseUrl(), m_sandbox->credentials(), m_sandbox->conversationIds(),
                  m_sandbox->schemaFile());
    // The sandbox works without its sample schema; the notice, which stays, says it is missing.
    if (const QString problem = m_sandbox->schemaProblem(); !problem.isEmpty())
        m_ui.sandboxBanner->showMessage(sandboxNotice(m_sandbox->baseUrl()) + u' '
                                        + tr("The sample team schema is not available: %1").arg(problem));
    Q_EMIT sandboxStarted();
    return true;
}

void MainWindow::startSandboxAfterFirstPaint(quint16 port)
{
    if (m_sandbox || m_sandboxStarting)
        return;
    m_sandboxStarting = true;
    m_ui.sandboxBanner->showMessage(tr("Starting the sandbox…"));
    followProfiles();
    auto start = [this, port] {
        if (!m_sandboxStarting)
            return; // started meanwhile
        QString problem;
        if (!startSandbox(port, &problem)) {
            m_ui.sandboxBanner->dismiss();
            followProfiles();
            Q_EMIT sandboxStartFailed(problem);
        }
    };
    if (isVisible())
        QTimer::singleShot(0, this, start);
    else
        runAfterNextPaint(this, start);
}

bool MainWindow::isSandboxActive() const
{
    return m_profileSwitcher->isSandboxActive();
}

} // namespace convdesk

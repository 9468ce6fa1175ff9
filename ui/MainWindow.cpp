#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountBrowser.h"
#include "CallStatusBar.h"
#include "ConflictDialog.h"
#include "ConversationIdInput.h"
#include "ConversationPanel.h"
#include "CredentialTester.h"
#include "CurlCopier.h"
#include "DialogHook.h"
#include "ExtensionEditor.h"
#include "HistoryDialog.h"
#include "LanguageMenu.h"
#include "MessageBanner.h"
#include "ProfileSwitcher.h"
#include "SaveConfirmDialog.h"
#include "SessionReporter.h"
#include "session/GuardedSave.h"

#include <QAction>
#include <QCloseEvent>
#include <QSettings>

namespace convdesk {

MainWindow::MainWindow(QSettings &settings, SecretStore &secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_profiles(settings)
    , m_session(new ConversationSession(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_session->setAuditLog(&m_auditLog, QStringLiteral("gui"));
    m_curlCopier = new CurlCopier(this);
    m_curlCopier->watch(m_session->client());
    m_actions.setUp(this);
    connectActions();
    m_ui.setUp(this, m_actions.load, m_session->client());
    connectWidgets();
    LanguageMenu *languageMenu = m_actions.buildMenuBar(this, m_ui.browserDock, m_settings);
    connect(languageMenu, &LanguageMenu::languageChosen, this,
            [this, languageMenu] { m_ui.callStatus->showNote(languageMenu->restartNote()); });
    // Before connectSession(): the outcome is shown before the window acts on it.
    m_reporter = new SessionReporter(m_session, m_ui.callStatus, m_ui.errorBanner, m_ui.editor, this);
    connectSession();

    m_credentialTester = new CredentialTester(secrets, [this] { return m_ui.idInput->text(); }, this);
    m_profileSwitcher = new ProfileSwitcher(m_ui.profileSelector, m_profiles, secrets, this);
    connectProfiles();
    m_ui.idInput->setSettings(&m_settings);
    m_profileSwitcher->activateDefault();
    if (!m_profileSwitcher->hasActive())
        m_ui.callStatus->showNote(tr("Add a profile to start: Profiles… → Add…"));
    m_ui.restoreState(this, m_settings);
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // A cancelled call reports while the widgets are going.
    m_session->disconnect(this);
    m_session->disconnect(m_reporter);
}

void MainWindow::setAuditLogPath(const QString &filePath)
{
    m_auditLog = AuditLog(filePath);
    if (m_history)
        m_history->setLogPath(filePath);
}

HistoryDialog *MainWindow::historyDialog()
{
    if (!m_history) {
        m_history = new HistoryDialog(this);
        m_history->setLogPath(m_auditLog.filePath());
        connect(m_history, &HistoryDialog::openConversationRequested, this, &MainWindow::openConversation);
        connect(m_history, &HistoryDialog::revertRequested, this, &MainWindow::revertTo);
    }
    return m_history;
}

void MainWindow::showHistory()
{
    HistoryDialog *history = historyDialog();
    if (m_session->hasConversation() && !history->isVisible())
        history->setConversationFilter(m_session->conversationId().toString());
    history->show();
    history->raise();
    history->activateWindow();
}

void MainWindow::connectActions()
{
    connect(m_actions.load, &QAction::triggered, this, &MainWindow::load);
    connect(m_actions.save, &QAction::triggered, this, &MainWindow::save);
    connect(m_actions.cancel, &QAction::triggered, this, &MainWindow::cancelCall);
    connect(m_actions.about, &QAction::triggered, this, [this] { AboutDialog::showAbout(this); });
    connect(m_actions.history, &QAction::triggered, this, &MainWindow::showHistory);
    connect(m_actions.copyCurl, &QAction::triggered, this, [this] {
        m_ui.callStatus->showNote(m_curlCopier->copy(CurlCommand::Signature::Placeholders, this));
    });
    connect(m_actions.copyCurlLive, &QAction::triggered, this, [this] {
        m_ui.callStatus->showNote(m_curlCopier->copy(CurlCommand::Signature::Live, this));
    });
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::connectWidgets()
{
    connect(m_ui.browser, &AccountBrowser::conversationChosen, this, &MainWindow::openConversation);
    connect(m_ui.idInput, &ConversationIdInput::submitted, this, &MainWindow::load);
    connect(m_ui.editor, &ExtensionEditor::saveRequested, this, &MainWindow::save);
    connect(m_ui.editor, &ExtensionEditor::modifiedChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });
    connect(m_ui.callStatus, &CallStatusBar::cancelRequested, this, &MainWindow::cancelCall);
    connect(m_actions.find, &QAction::triggered, m_ui.panel, &ConversationPanel::focusFilter);
    connect(m_actions.buildId, &QAction::triggered, m_ui.idInput, &ConversationIdInput::openBuilder);
}

void MainWindow::connectSession()
{
    connect(m_session, &ConversationSession::busyChanged, this, [this](bool busy) {
        m_ui.editor->setBusy(busy);
        updateActions();
    });
    connect(m_session, &ConversationSession::conversationChanged, this, &MainWindow::showConversation);
    connect(m_session, &ConversationSession::loaded, this, [this] {
        m_ui.idInput->remember(m_session->conversationId().toString());
        if (const auto revert = std::exchange(m_pendingRevert, std::nullopt);
            revert && revert->id == m_session->conversationId())
            applyRevert(revert->value);
    });
    connect(m_session, &ConversationSession::saved, this, [this] {
        m_saveReasons.remove(m_session->conversationId().toString());
        if (m_history && m_history->isVisible())
            m_history->reload();
        if (auto next = std::exchange(m_afterSave, nullptr))
            next();
    });
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &, ConversationSession::Operation operation) {
                m_afterSave = nullptr; // whatever waited for this save does not happen
                if (operation == ConversationSession::Operation::Load)
                    m_pendingRevert.reset();
                if (operation == ConversationSession::Operation::Save && m_history && m_history->isVisible())
                    m_history->reload();
            });
    connect(m_session, &ConversationSession::conflict, this, &MainWindow::resolveConflict);
    connect(m_session, &ConversationSession::interruptedSavesChecked, this, [this] {
        if (m_history && m_history->isVisible())
            m_history->reload();
    });
}

void MainWindow::resolveConflict(const SaveConflict &conflict)
{
    // Whatever waited for the save (a load, closing) waits for an overwrite, or is dropped.
    auto afterSave = std::exchange(m_afterSave, nullptr);
    if (m_history && m_history->isVisible())
        m_history->reload();

    switch (ConflictDialog::ask(conflict, this)) {
    case ConflictDialog::Choice::Overwrite: {
        QString refusal;
        if (!m_session->overwrite(conflict.yours, m_saveReasons.value(conflict.id.toString()), &refusal)) {
            m_reporter->showProblem(refusal);
            return;
        }
        m_afterSave = std::move(afterSave);
        return;
    }
    case ConflictDialog::Choice::TakeServer:
        m_session->adoptServerState(conflict); // the editor shows it, unmodified
        m_ui.callStatus->showNote(conflict.overwrittenAfterSave
                                      ? tr("Took the server's value, which replaced your save.")
                                      : tr("Took the server's value; your edit was dropped. Nothing was written."));
        return;
    case ConflictDialog::Choice::KeepEditing:
        // The server's value becomes the base: the tree shows it, the editor's Revert returns to
        // it, and the next Save diffs against it and is guarded against any further change.
        m_session->adoptServerState(conflict);
        m_ui.editor->setText(conflict.yours);
        m_ui.errorBanner->showMessage(
            conflict.overwrittenAfterSave
                ? tr("Your save of %1 was written, then overwritten right after it. Your text is still in the "
                     "editor; the tree now shows the server's value, and the next Save shows what it would "
                     "replace.")
                      .arg(conflict.id.toString())
                : tr("Not saved: someone changed the server extension of %1 while you were editing. Your text "
                     "is still in the editor; the tree now shows the server's value, and the next Save shows "
                     "what it would replace.")
                      .arg(conflict.id.toString()));
        return;
    }
}

void MainWindow::connectProfiles()
{
    m_profileSwitcher->setCredentialTester(m_credentialTester->function());
    m_profileSwitcher->setLeaveGuard([this](const QString &action, std::function<void()> proceedLater) {
        return askAboutUnsavedEdits(action, std::move(proceedLater)) == UnsavedChoice::Proceed;
    });
    connect(m_actions.manageProfiles, &QAction::triggered, m_profileSwitcher, &ProfileSwitcher::manageProfiles);
    connect(m_profileSwitcher, &ProfileSwitcher::activated, this, [this](const Profile &profile) {
        // Until the secret arrives the session has none, and a load waits for it.
        m_session->setProfile(profile, {profile.appKey, {}});
        m_ui.browser->reset(); // its rows belong to the previous app
        m_pendingRevert.reset();
        updateTitle();
        updateActions();
    });
    connect(m_profileSwitcher, &ProfileSwitcher::credentialsReady, this,
            [this](const Profile &profile, const Credentials &credentials, bool sameApp) {
                if (sameApp) {
                    m_session->setCredentials(credentials);
                } else {
                    m_session->setProfile(profile, credentials);
                    // Saves of this app that an earlier run left without an outcome are checked now.
                    m_session->reconcileInterruptedSaves();
                }
                if (const auto waiting = std::exchange(m_loadWhenSecretArrives, std::nullopt))
                    startLoad(*waiting);
                updateActions();
            });
    connect(m_profileSwitcher, &ProfileSwitcher::credentialsFailed, this, [this](const QString &message) {
        m_loadWhenSecretArrives.reset();
        m_reporter->showProblem(message);
        updateActions();
    });
    connect(m_profileSwitcher, &ProfileSwitcher::deactivated, this, [this] {
        m_loadWhenSecretArrives.reset();
        m_session->setProfile({}, {});
        m_ui.browser->reset();
        m_pendingRevert.reset();
        updateTitle();
        updateActions();
    });
}

void MainWindow::enableSandbox(const QUrl &baseUrl, const Credentials &credentials,
                               const QStringList &conversationIds)
{
    m_ui.sandboxBanner->showMessage(tr("Sandbox: this window talks to a local simulator at %1 with demo "
                                    "data. Nothing done here reaches a real app.")
                                     .arg(baseUrl.toString()));
    // The sandbox's IDs are offered for completion but kept out of the user's history.
    m_ui.idInput->setSettings(nullptr);
    for (auto id = conversationIds.crbegin(); id != conversationIds.crend(); ++id)
        m_ui.idInput->remember(*id);

    m_profileSwitcher->addSandbox(baseUrl, credentials);
    updateTitle();
    if (!conversationIds.isEmpty()) {
        m_ui.idInput->setText(conversationIds.first());
        load();
    }
}

bool MainWindow::isSandboxActive() const
{
    return m_profileSwitcher->isSandboxActive();
}

void MainWindow::load()
{
    QString error;
    const auto id = m_ui.idInput->conversationId(&error);
    if (!id) {
        m_reporter->showProblem(tr("Cannot load: %1").arg(error));
        m_ui.idInput->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_profileSwitcher->hasActive()) {
        m_reporter->showProblem(tr("Choose a profile first, or add one: Profiles… → Add…"));
        return;
    }
    if (m_session->isBusy()) {
        m_ui.callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Load));
        return;
    }
    const auto choice = askAboutUnsavedEdits(tr("loading %1").arg(id->toString()),
                                             [this, id = *id] { startLoad(id); });
    if (choice == UnsavedChoice::Proceed)
        startLoad(*id);
}

void MainWindow::startLoad(const ConversationId &id)
{
    if (m_profileSwitcher->isSecretPending()) {
        m_loadWhenSecretArrives = id;
        m_ui.callStatus->showNote(tr("Reading the AppSecret from the keychain…"));
        return;
    }
    if (!m_session->load(id))
        m_ui.callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Load));
}

void MainWindow::save()
{
    auto afterSave = std::exchange(m_afterSave, nullptr);
    if (const QString why = m_session->refusalReason(ConversationSession::Operation::Save); !why.isEmpty()) {
        m_ui.callStatus->showNote(why);
        return;
    }
    if (!m_ui.editor->isModified()) {
        m_ui.callStatus->showNote(tr("Nothing to save: the server extension is as loaded."));
        return;
    }
    if (m_ui.editor->isTooLong()) {
        m_ui.callStatus->showNote(tr("The server extension is longer than %1 characters; shorten it to save.")
                                   .arg(ExtensionEditor::MaxLength));
        return;
    }
    // Asked before the confirmation too: no point confirming a save that will be refused.
    if (const QString problem = m_session->auditProblem(); !problem.isEmpty()) {
        m_reporter->showProblem(problem);
        return;
    }
    const QString conversationId = m_session->conversationId().toString();
    SaveConfirmation confirmation{conversationId, m_session->profile().name, m_session->profile().appKey,
                                  m_session->loadedServerExtension(), m_ui.editor->text(),
                                  m_saveReasons.value(conversationId), m_session->profile().requireReason};
    const bool confirmed = SaveConfirmDialog::confirm(confirmation, this);
    m_saveReasons.insert(confirmation.conversationId, confirmation.reason); // kept until saved
    if (!confirmed) {
        m_ui.callStatus->showNote(tr("Save cancelled; nothing was sent."));
        return;
    }
    QString refusal;
    if (!m_session->save(confirmation.after, confirmation.reason, &refusal)) {
        m_reporter->showProblem(refusal);
        return;
    }
    m_afterSave = std::move(afterSave);
}

void MainWindow::openConversation(const QString &conversationId)
{
    const bool loadingIt = m_session->operation() == ConversationSession::Operation::Load
                        && m_session->pendingId().toString() == conversationId;
    const bool showingIt = !m_session->isBusy() && m_session->hasConversation()
                        && m_session->conversationId().toString() == conversationId;
    if (loadingIt || showingIt)
        return;
    m_ui.idInput->setText(conversationId);
    load();
}

void MainWindow::revertTo(const AuditRecord &record)
{
    if (!record.valueBefore) {
        m_reporter->showProblem(tr("Cannot revert: this attempt could not read the server first, so the value "
                                   "before it is unknown."));
        return;
    }
    const Profile profile = m_session->profile();
    if (record.profile != profile.name || (!record.appKey.isEmpty() && record.appKey != profile.appKey)) {
        m_reporter->showProblem(tr("Cannot revert here: that save was made with the profile %1 (AppKey %2); "
                                   "choose that profile first.")
                                    .arg(record.profile, record.appKey));
        return;
    }
    QString error;
    const auto id = ConversationId::parse(record.conversationId, &error);
    if (!id) {
        m_reporter->showProblem(tr("Cannot revert: %1").arg(error));
        return;
    }
    if (m_session->isBusy()) {
        m_ui.callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Save));
        return;
    }
    activateWindow();
    if (m_session->hasConversation() && m_session->conversationId() == *id) {
        const QString value = *record.valueBefore;
        if (m_ui.editor->isModified() && m_ui.editor->text() != value) {
            const auto choice = askAboutUnsavedEdits(tr("reverting to the value from the history"),
                                                     [this, value] { applyRevert(value); });
            if (choice != UnsavedChoice::Proceed)
                return;
        }
        applyRevert(value);
        return;
    }
    // Load it first; the revert goes on once it is shown (see the loaded handler).
    m_pendingRevert = PendingRevert{*id, *record.valueBefore};
    m_ui.idInput->setText(id->toString());
    load();
    const bool loading = m_session->operation() == ConversationSession::Operation::Load
                      && m_session->pendingId() == *id;
    const bool waiting = m_afterSave || m_loadWhenSecretArrives == *id;
    if (!loading && !waiting)
        m_pendingRevert.reset(); // the user stayed, or the load could not start
}

void MainWindow::applyRevert(const QString &value)
{
    m_ui.editor->setText(value);
    if (!m_ui.editor->isModified()) {
        m_ui.callStatus->showNote(tr("The server extension already has that value; nothing to revert."));
        return;
    }
    save();
}

void MainWindow::cancelCall()
{
    m_session->cancel();
}

MainWindow::UnsavedChoice MainWindow::askAboutUnsavedEdits(const QString &action,
                                                           std::function<void()> afterSave)
{
    if (!m_ui.editor->isModified())
        return UnsavedChoice::Proceed;
    const auto answer = DialogHook::question(
        this, tr("Unsaved changes"),
        tr("The server extension of %1 has changes that are not saved. Save them before %2?")
            .arg(m_session->conversationId().toString(), action),
        QDialogButtonBox::Save | QDialogButtonBox::Discard | QDialogButtonBox::Cancel, QDialogButtonBox::Save);
    switch (answer) {
    case QDialogButtonBox::Discard:
        return UnsavedChoice::Proceed;
    case QDialogButtonBox::Save:
        m_afterSave = std::move(afterSave);
        save();
        return m_session->operation() == ConversationSession::Operation::Save ? UnsavedChoice::AfterSave
                                                                              : UnsavedChoice::Stay;
    default:
        return UnsavedChoice::Stay;
    }
}

void MainWindow::showConversation()
{
    if (m_session->hasConversation()) {
        m_ui.panel->setConversation(m_session->conversation());
        m_ui.editor->setOriginalText(m_session->loadedServerExtension());
        if (m_ui.browser->account().isEmpty()) // offer the account of what is open
            m_ui.browser->setAccount(m_session->conversationId().accountId());
        m_ui.browser->markShown(m_session->conversationId().toString());
    } else {
        m_ui.panel->clear();
        m_ui.editor->setOriginalText({});
    }
    updateTitle();
    updateActions();
    if (m_session->hasConversation())
        Q_EMIT conversationShown();
}

void MainWindow::updateActions()
{
    const bool busy = m_session->isBusy();
    m_actions.load->setEnabled(!busy);
    m_actions.save->setEnabled(!busy && m_session->hasConversation() && m_ui.editor->isModified());
    m_actions.cancel->setEnabled(busy);
    m_ui.editor->setEnabled(m_session->hasConversation());
}

void MainWindow::updateTitle()
{
    QString title = m_session->hasConversation()
        ? tr("%1[*] — Conversation Desk").arg(m_session->conversationId().toString())
        : tr("Conversation Desk[*]");
    if (isSandboxActive())
        title += u' ' + tr("— Sandbox");
    setWindowTitle(title);
    m_ui.sandboxBanner->setVisible(isSandboxActive());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeApproved && m_ui.editor->isModified()) {
        const auto choice = askAboutUnsavedEdits(tr("closing"), [this] {
            m_closeApproved = true;
            close();
        });
        if (choice != UnsavedChoice::Proceed) {
            event->ignore();
            return;
        }
    }
    m_ui.saveState(this, m_settings);
    m_session->cancel();
    event->accept();
}

} // namespace convdesk

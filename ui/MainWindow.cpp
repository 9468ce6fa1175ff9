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
#include "ExtensionForm.h"
#include "HistoryDialog.h"
#include "LanguageMenu.h"
#include "MessageBanner.h"
#include "ProfileSwitcher.h"
#include "SaveConfirmDialog.h"
#include "SessionReporter.h"
#include "StaleViewMarker.h"
#include "session/EditSession.h"
#include "session/ExtensionDraft.h"
#include "session/GuardedSave.h"

#include <QAction>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace convdesk {

MainWindow::MainWindow(QSettings &settings, SecretStore &secrets, QWidget *parent)
    : MainWindow(settings, secrets, Opening::DefaultProfile, parent)
{
}

MainWindow::MainWindow(QSettings &settings, SecretStore &secrets, Opening opening, QWidget *parent)
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
    m_ui.panel->addConversationAction(m_actions.copyLink);
    // Before the workflow connects to the session: a call's outcome is shown before the
    // window acts on it (a conflict's "keep editing" message must not be dismissed by it).
    m_reporter = new SessionReporter(m_session, m_ui.callStatus, m_ui.errorBanner,
                                     [this] { return m_edit->draft()->isModified(); }, this);
    m_reporter->setRetryButton(m_ui.retryButton);
    m_edit = new EditSession(m_session, this);
    new StaleViewMarker(m_session, m_ui.idInput, m_ui.staleBanner, this);
    m_ui.editor->setDraft(m_edit->draft());
    connectWidgets();
    LanguageMenu *languageMenu = m_actions.buildMenuBar(this, m_ui.browserDock, m_settings);
    connect(languageMenu, &LanguageMenu::languageChosen, this,
            [this, languageMenu] { m_ui.callStatus->showNote(languageMenu->restartNote()); });
    connectSession();
    setUpWorkflowQuestions();

    m_credentialTester = new CredentialTester(secrets, [this] { return m_ui.idInput->text(); }, this);
    m_profileSwitcher = new ProfileSwitcher(m_ui.profileSelector, m_profiles, secrets, this);
    connectProfiles();
    connectWelcome();
    m_ui.idInput->setSettings(&m_settings);
    // The sandbox's profile is chosen as soon as it runs: reading another's secret first
    // would be a keychain call (and D-Bus set-up) for nothing.
    if (opening == Opening::Sandbox)
        startSandboxAfterFirstPaint();
    else
        m_profileSwitcher->activateDefault();
    followProfiles();
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
    connect(m_actions.undo, &QAction::triggered, this, [this] { m_edit->draft()->undo(); });
    connect(m_actions.redo, &QAction::triggered, this, [this] { m_edit->draft()->redo(); });
    connect(m_actions.about, &QAction::triggered, this, [this] { AboutDialog::showAbout(this); });
    connect(m_actions.history, &QAction::triggered, this, &MainWindow::showHistory);
    connect(m_actions.copyCurl, &QAction::triggered, this, [this] {
        m_ui.callStatus->showNote(m_curlCopier->copy(CurlCommand::Signature::Placeholders, this));
    });
    connect(m_actions.copyCurlLive, &QAction::triggered, this, [this] {
        m_ui.callStatus->showNote(m_curlCopier->copy(CurlCommand::Signature::Live, this));
    });
    connect(m_actions.copyLink, &QAction::triggered, this, &MainWindow::copyLink);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::connectWidgets()
{
    connect(m_ui.browser, &AccountBrowser::conversationChosen, this, &MainWindow::openConversation);
    connect(m_ui.idInput, &ConversationIdInput::submitted, this, &MainWindow::load);
    connect(m_ui.editor, &ExtensionEditor::saveRequested, this, &MainWindow::save);
    connect(m_edit->draft(), &ExtensionDraft::modifiedChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });
    connect(m_edit->draft(), &ExtensionDraft::undoStateChanged, this, &MainWindow::updateUndoActions);
    // The tree shows the pending value under server_extension, and edits it in place.
    connect(m_edit->draft(), &ExtensionDraft::textChanged, this, &MainWindow::showPendingValue);
    connect(m_edit->draft(), &ExtensionDraft::originalChanged, this, &MainWindow::showPendingValue);
    connect(m_ui.panel, &ConversationPanel::serverExtensionEditRequested, m_edit, &EditSession::applyKeyEdit);
    connect(m_ui.panel, &ConversationPanel::editRefused, m_reporter, &SessionReporter::showProblem);

    connect(m_ui.callStatus, &CallStatusBar::cancelRequested, this, &MainWindow::cancelCall);
    // A copy is confirmed briefly; the status bar's outcome and trace id come back after it.
    const auto showCopied = [this](const QString &message) { statusBar()->showMessage(message, CopiedNoteMs); };
    connect(m_ui.panel, &ConversationPanel::copied, this, showCopied);
    connect(m_ui.callStatus, &CallStatusBar::copied, this, showCopied);
    connect(m_actions.find, &QAction::triggered, m_ui.panel, &ConversationPanel::focusFilter);
    connect(m_actions.buildId, &QAction::triggered, m_ui.idInput, &ConversationIdInput::openBuilder);
    connect(m_actions.focusId, &QAction::triggered, this, [this] {
        m_ui.idInput->lineEdit()->setFocus(Qt::ShortcutFocusReason);
        m_ui.idInput->lineEdit()->selectAll();
    });
}

void MainWindow::connectSession()
{
    connect(m_session, &ConversationSession::busyChanged, this, &MainWindow::updateActions);
    connect(m_session, &ConversationSession::conversationChanged, this, &MainWindow::showConversation);
    connect(m_session, &ConversationSession::loaded, this,
            [this] { m_ui.idInput->remember(m_session->conversationId().toString()); });
    const auto reloadHistory = [this] {
        if (m_history && m_history->isVisible())
            m_history->reload();
    };
    connect(m_session, &ConversationSession::saved, this, reloadHistory);
    connect(m_session, &ConversationSession::conflict, this, reloadHistory);
    connect(m_session, &ConversationSession::interruptedSavesChecked, this, reloadHistory);
    connect(m_session, &ConversationSession::failed, this,
            [this, reloadHistory](const ApiResult &, ConversationSession::Operation operation) {
                if (operation == ConversationSession::Operation::Save)
                    reloadHistory();
                markShownInBrowser();
            });
    // The row clicked for a load that failed, or that waited for a save that did not go
    // through, is no longer highlighted: the selection names what is shown.
    connect(m_session, &ConversationSession::conflict, this, &MainWindow::markShownInBrowser);
    connect(m_reporter, &SessionReporter::retryRequested, this,
            [this](ConversationSession::Operation operation, const QString &conversationId) {
                if (operation == ConversationSession::Operation::Save)
                    save(); // the review again, then the guarded save
                else if (const auto id = ConversationId::parse(conversationId))
                    m_edit->load(*id); // a load again, also of the conversation shown
            });
    connect(m_edit, &EditSession::note, m_ui.callStatus, &CallStatusBar::showNote);
    connect(m_edit, &EditSession::problem, m_reporter, &SessionReporter::showProblem);
    connect(m_edit, &EditSession::loadRequested, m_ui.idInput, &ConversationIdInput::setText);
}

void MainWindow::setUpWorkflowQuestions()
{
    m_edit->setUnsavedQuestion([this](const QString &conversationId, const QString &action) {
        const auto answer = DialogHook::question(
            this, tr("Unsaved changes"),
            tr("The server extension of %1 has changes that are not saved. Save them before %2?")
                .arg(conversationId, action),
            QDialogButtonBox::Save | QDialogButtonBox::Discard | QDialogButtonBox::Cancel, QDialogButtonBox::Save);
        switch (answer) {
        case QDialogButtonBox::Save: return EditSession::UnsavedAnswer::Save;
        case QDialogButtonBox::Discard: return EditSession::UnsavedAnswer::Discard;
        default: return EditSession::UnsavedAnswer::Cancel;
        }
    });
    m_edit->setReviewHook([this](SaveReview &review) {
        SaveConfirmation confirmation{review.conversationId, review.profileName, review.appKey,
                                      review.before,         review.after,       review.reason,
                                      review.reasonRequired, review.schemaFile,  review.schemaProblem,
                                      review.schemaErrors};
        const bool confirmed = SaveConfirmDialog::confirm(confirmation, this);
        review.reason = confirmation.reason;
        return confirmed;
    });
    m_edit->setConflictHook([this](const SaveConflict &conflict) {
        switch (ConflictDialog::ask(conflict, this)) {
        case ConflictDialog::Choice::Overwrite: return EditSession::ConflictChoice::Overwrite;
        case ConflictDialog::Choice::TakeServer: return EditSession::ConflictChoice::TakeServer;
        case ConflictDialog::Choice::KeepEditing: break;
        }
        return EditSession::ConflictChoice::KeepEditing;
    });
}

void MainWindow::connectProfiles()
{
    m_profileSwitcher->setCredentialTester(m_credentialTester->function());
    m_edit->setCredentialsPendingCheck([this] { return m_profileSwitcher->isSecretPending(); });
    m_profileSwitcher->setLeaveGuard([this](const QString &action, std::function<void()> proceedLater) {
        return m_edit->mayLeave(action, std::move(proceedLater));
    });
    connect(m_actions.manageProfiles, &QAction::triggered, m_profileSwitcher, &ProfileSwitcher::manageProfiles);
    connect(m_profileSwitcher, &ProfileSwitcher::activated, this, [this](const Profile &profile) {
        // Until the secret arrives the session has none, and a load waits for it.
        m_session->setProfile(profile, {profile.appKey, {}});
        m_ui.browser->reset(); // its rows belong to the previous app
        m_edit->forgetPending();
        loadSchema();
        followProfiles();
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
                m_edit->credentialsArrived(); // a load that waited for the secret starts
                updateActions();
            });
    connect(m_profileSwitcher, &ProfileSwitcher::credentialsFailed, this, [this](const QString &message) {
        m_edit->forgetPending();
        m_reporter->showProblem(message);
        updateActions();
    });
    connect(m_profileSwitcher, &ProfileSwitcher::deactivated, this, [this] {
        m_edit->forgetPending();
        m_session->setProfile({}, {});
        m_ui.browser->reset();
        loadSchema();
        followProfiles();
        updateTitle();
        updateActions();
    });
}

bool MainWindow::load()
{
    QString error;
    const auto id = m_ui.idInput->conversationId(&error);
    if (!id) {
        m_reporter->showProblem(tr("Cannot load: %1").arg(error));
        m_ui.idInput->setFocus(Qt::OtherFocusReason);
        return false;
    }
    return m_edit->load(*id);
}

bool MainWindow::save()
{
    return m_edit->save();
}

bool MainWindow::openConversation(const QString &conversationId)
{
    QString error;
    const auto id = ConversationId::parse(conversationId, &error);
    if (!id) {
        m_reporter->showProblem(tr("Cannot load: %1").arg(error));
        return false;
    }
    const bool started = m_edit->open(*id);
    if (!m_edit->isShowingOrLoading(*id))
        showViewInInputs(); // the user stayed, or it waits for a save: nothing switched yet
    return started;
}

void MainWindow::showViewInInputs()
{
    // The ID box and the browser's selection name what the tree and editor show. A typed ID
    // is the user's text and stays; StaleViewMarker marks the view instead.
    if (m_session->hasConversation())
        m_ui.idInput->setText(m_session->conversationId().toString());
    markShownInBrowser();
}

void MainWindow::markShownInBrowser()
{
    m_ui.browser->markShown(m_session->hasConversation() ? m_session->conversationId().toString() : QString());
}

void MainWindow::revertTo(const AuditRecord &record)
{
    activateWindow();
    m_edit->revertTo(record);
}

void MainWindow::cancelCall()
{
    m_session->cancel();
}

void MainWindow::showConversation()
{
    if (m_session->hasConversation()) {
        loadSchema(); // afresh: a shared copy may have changed since
        m_ui.panel->setConversation(m_session->sharedConversation()); // shared, not copied
        showPendingValue();
        if (m_ui.browser->account().isEmpty()) // offer the account of what is open
            m_ui.browser->setAccount(m_session->conversationId().accountId());
        m_ui.browser->markShown(m_session->conversationId().toString());
    } else {
        m_ui.panel->clear();
    }
    updateTitle();
    updateActions();
    if (m_session->hasConversation())
        Q_EMIT conversationShown();
}

void MainWindow::loadSchema()
{
    const QString file = m_session->profile().extensionSchemaFile;
    if (file.isEmpty()) {
        m_ui.editor->form()->setSchema(nullptr);
        return;
    }
    QString problem;
    auto schema = ExtensionSchema::load(file, &problem);
    m_ui.editor->form()->setSchema(schema ? std::make_shared<const ExtensionSchema>(std::move(*schema)) : nullptr,
                                   problem);
}

void MainWindow::updateActions()
{
    const bool busy = m_session->isBusy();
    m_actions.load->setEnabled(!busy);
    m_actions.save->setEnabled(!busy && m_session->hasConversation() && m_edit->draft()->isModified());
    m_actions.cancel->setEnabled(busy);
    m_actions.copyLink->setEnabled(m_session->hasConversation());
    m_ui.editor->setEnabled(m_session->hasConversation());
    updateUndoActions();
}

void MainWindow::showPendingValue()
{
    const ExtensionDraft *draft = m_edit->draft();
    m_ui.panel->setPendingServerExtension(draft->isModified() ? std::optional<QString>(draft->text()) : std::nullopt);
}

void MainWindow::updateUndoActions()
{
    const ExtensionDraft *draft = m_edit->draft();
    m_actions.undo->setEnabled(draft->canUndo());
    m_actions.redo->setEnabled(draft->canRedo());
    m_actions.undo->setText(draft->canUndo() ? tr("&Undo %1").arg(draft->undoDescription()) : tr("&Undo"));
    m_actions.redo->setText(draft->canRedo() ? tr("&Redo %1").arg(draft->redoDescription()) : tr("&Redo"));
}

void MainWindow::updateTitle()
{
    // The title ends with the application's name, once: Qt's platform plugins append the
    // display name (main() sets it to this same text) to any title that does not already end
    // with it, which doubled it before.
    const QString appName = tr("Conversation Desk");
    QStringList parts;
    if (m_session->hasConversation())
        parts << m_session->conversationId().toString();
    if (isSandboxActive())
        parts << tr("Sandbox");
    parts << appName;
    parts.first() += u"[*]"_s;
    setWindowTitle(parts.join(u" — "_s));
    m_ui.sandboxBanner->setVisible(isSandboxActive());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeApproved) {
        const bool mayClose = m_edit->mayLeave(tr("closing"), [this] {
            m_closeApproved = true;
            close();
        });
        if (!mayClose) {
            event->ignore();
            return;
        }
    }
    m_ui.saveState(this, m_settings);
    m_session->cancel();
    event->accept();
}

} // namespace convdesk

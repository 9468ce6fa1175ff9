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
#include "ProfileSelector.h"
#include "ProfileSwitcher.h"
#include "SaveConfirmDialog.h"
#include "session/GuardedSave.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <iterator>

namespace convdesk {

namespace {

const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString SplitterKey = QStringLiteral("mainWindow/splitter");

QAction *makeAction(const QString &text, const QString &objectName, QWidget *owner)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    owner->addAction(action);
    return action;
}

} // namespace

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
    buildActions();
    buildLayout();
    buildMenus();
    connectSession();

    m_credentialTester = new CredentialTester(secrets, [this] { return m_idInput->text(); }, this);
    m_profileSwitcher = new ProfileSwitcher(m_profileSelector, m_profiles, secrets, this);
    connectProfiles();
    m_idInput->setSettings(&m_settings);
    m_profileSwitcher->activateDefault();
    if (!m_profileSwitcher->hasActive())
        m_callStatus->showNote(tr("Add a profile to start: Profiles… → Add…"));
    restoreWindowState();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    m_session->disconnect(this); // a cancelled call reports while the widgets are going
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

void MainWindow::buildActions()
{
    m_loadAction = makeAction(tr("&Load"), QStringLiteral("loadAction"), this);
    m_loadAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_loadAction->setToolTip(tr("Load the conversation from the server (F5, Ctrl+R)"));
    connect(m_loadAction, &QAction::triggered, this, &MainWindow::load);

    m_saveAction = makeAction(tr("&Save server extension…"), QStringLiteral("saveAction"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_cancelAction = makeAction(tr("&Cancel request"), QStringLiteral("cancelAction"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelCall);

    m_findAction = makeAction(tr("&Filter tree"), QStringLiteral("findAction"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_buildIdAction = makeAction(tr("&Build conversation ID…"), QStringLiteral("buildIdAction"), this);
    m_buildIdAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_manageProfilesAction = makeAction(tr("&Manage profiles…"), QStringLiteral("manageProfilesAction"), this);
    m_aboutAction = makeAction(tr("&About Conversation Desk"), QStringLiteral("aboutAction"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] { AboutDialog::showAbout(this); });

    m_historyAction = makeAction(tr("&History…"), QStringLiteral("historyAction"), this);
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_historyAction->setToolTip(tr("Every save attempt, from this app and the CLI (Ctrl+H)"));
    connect(m_historyAction, &QAction::triggered, this, &MainWindow::showHistory);

    m_copyCurlAction = makeAction(tr("Copy request as c&URL"), QStringLiteral("copyCurlAction"), this);
    m_copyCurlAction->setToolTip(tr("The last request as a curl command, with placeholders for the signature"));
    connect(m_copyCurlAction, &QAction::triggered, this, [this] {
        m_callStatus->showNote(m_curlCopier->copy(CurlCommand::Signature::Placeholders, this));
    });
    m_copyCurlLiveAction = makeAction(tr("Copy request as cURL with &live signature…"),
                                      QStringLiteral("copyCurlLiveAction"), this);
    m_copyCurlLiveAction->setToolTip(tr("The last request as a curl command with its real signature, valid for "
                                        "5 minutes after it was sent"));
    connect(m_copyCurlLiveAction, &QAction::triggered, this, [this] {
        m_callStatus->showNote(m_curlCopier->copy(CurlCommand::Signature::Live, this));
    });

    m_quitAction = makeAction(tr("&Quit"), QStringLiteral("quitAction"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildLayout()
{
    auto *toolbar = addToolBar(tr("Conversation"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setFloatable(false);

    m_profileSelector = new ProfileSelector(toolbar);
    toolbar->addWidget(m_profileSelector);
    toolbar->addSeparator();
    auto *idLabel = new QLabel(tr("Conversation &ID:"), toolbar);
    toolbar->addWidget(idLabel);
    m_idInput = new ConversationIdInput(toolbar);
    m_idInput->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    idLabel->setBuddy(m_idInput->lineEdit());
    toolbar->addWidget(m_idInput);
    auto *loadButton = new QToolButton(toolbar);
    loadButton->setObjectName(QStringLiteral("loadButton"));
    loadButton->setDefaultAction(m_loadAction);
    loadButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addWidget(loadButton);
    loadButton->setAutoRaise(false); // a button, not a flat toolbar item: it is the main action

    auto *central = new QWidget(this);
    m_sandboxBanner = new MessageBanner(MessageBanner::Kind::Notice, QStringLiteral("sandboxBanner"), central);
    m_errorBanner = new MessageBanner(MessageBanner::Kind::Problem, QStringLiteral("errorBanner"), central);
    m_panel = new ConversationPanel(central);
    m_editor = new ExtensionEditor(central);
    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_panel);
    m_splitter->addWidget(m_editor);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_sandboxBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_callStatus = new CallStatusBar(this);
    statusBar()->addWidget(m_callStatus, 1);

    m_browser = new AccountBrowser(this);
    m_browser->setClient(m_session->client());
    m_browserDock = new QDockWidget(tr("Account browser"), this);
    m_browserDock->setObjectName(QStringLiteral("accountBrowserDock"));
    m_browserDock->setWidget(m_browser);
    m_browserDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea | Qt::BottomDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
    connect(m_browser, &AccountBrowser::conversationChosen, this, &MainWindow::openConversation);

    // Keyboard order follows the work: profile, ID, load, tree, editor.
    QWidget *chain[] = {
        m_profileSelector->findChild<QWidget *>(QStringLiteral("profileCombo")),
        m_profileSelector->findChild<QWidget *>(QStringLiteral("profilesButton")),
        m_idInput->lineEdit(),
        m_idInput->findChild<QWidget *>(QStringLiteral("idBuilderButton")),
        loadButton,
        m_panel->findChild<QWidget *>(QStringLiteral("treeFilter")),
        m_panel->treeView(),
        m_editor->findChild<QWidget *>(QStringLiteral("extensionText")),
    };
    for (size_t i = 1; i < std::size(chain); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    connect(m_idInput, &ConversationIdInput::submitted, this, &MainWindow::load);
    connect(m_editor, &ExtensionEditor::saveRequested, this, &MainWindow::save);
    connect(m_editor, &ExtensionEditor::modifiedChanged, this, [this](bool modified) {
        setWindowModified(modified);
        updateActions();
    });
    connect(m_callStatus, &CallStatusBar::cancelRequested, this, &MainWindow::cancelCall);
    connect(m_findAction, &QAction::triggered, m_panel, &ConversationPanel::focusFilter);
    connect(m_buildIdAction, &QAction::triggered, m_idInput, &ConversationIdInput::openBuilder);
}

void MainWindow::buildMenus()
{
    QMenu *conversation = menuBar()->addMenu(tr("&Conversation"));
    conversation->addAction(m_loadAction);
    conversation->addAction(m_saveAction);
    conversation->addAction(m_cancelAction);
    conversation->addSeparator();
    conversation->addAction(m_buildIdAction);
    conversation->addAction(m_findAction);
    QAction *browserAction = m_browserDock->toggleViewAction();
    browserAction->setObjectName(QStringLiteral("accountBrowserAction"));
    browserAction->setText(tr("&Account browser"));
    browserAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    conversation->addAction(browserAction);
    conversation->addAction(m_historyAction);
    conversation->addSeparator();
    conversation->addAction(m_copyCurlAction);
    conversation->addAction(m_copyCurlLiveAction);
    conversation->addSeparator();
    conversation->addAction(m_quitAction);

    menuBar()->addMenu(tr("Profi&les"))->addAction(m_manageProfilesAction);
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    auto *languageMenu = new LanguageMenu(m_settings, settingsMenu);
    settingsMenu->addMenu(languageMenu);
    connect(languageMenu, &LanguageMenu::languageChosen, this,
            [this, languageMenu] { m_callStatus->showNote(languageMenu->restartNote()); });
    menuBar()->addMenu(tr("&Help"))->addAction(m_aboutAction);
}

void MainWindow::connectSession()
{
    connect(m_session, &ConversationSession::busyChanged, this, [this](bool busy) {
        m_editor->setBusy(busy);
        updateActions();
    });
    connect(m_session, &ConversationSession::loadStarted, this, [this](const QString &id) {
        m_callStatus->showRunning(tr("Loading %1…").arg(id));
    });
    connect(m_session, &ConversationSession::saveStarted, this, [this](const QString &id) {
        m_callStatus->showRunning(tr("Checking and saving the server extension of %1…").arg(id));
    });
    connect(m_session, &ConversationSession::conversationChanged, this, &MainWindow::showConversation);
    connect(m_session, &ConversationSession::loaded, this, [this](const ApiResult &result) {
        m_idInput->remember(m_session->conversationId().toString());
        m_callStatus->showResult(tr("Load"), result);
        m_errorBanner->dismiss();
        if (const auto revert = std::exchange(m_pendingRevert, std::nullopt);
            revert && revert->id == m_session->conversationId())
            applyRevert(revert->value);
    });
    connect(m_session, &ConversationSession::saved, this, [this](const ApiResult &result) {
        m_callStatus->showResult(tr("Save"), result);
        if (m_session->lastSaveResponseWasPartial())
            m_callStatus->showNote(m_callStatus->outcomeText() + u' '
                                   + tr("The server returned only some fields; the others are shown as loaded."));
        if (!showPendingAuditWarning())
            m_errorBanner->dismiss();
        if (m_history && m_history->isVisible())
            m_history->reload();
        if (auto next = std::exchange(m_afterSave, nullptr))
            next();
    });
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &result, ConversationSession::Operation operation) {
                m_afterSave = nullptr; // whatever waited for this save does not happen
                if (operation == ConversationSession::Operation::Load)
                    m_pendingRevert.reset();
                showFailure(operation == ConversationSession::Operation::Save ? tr("Save") : tr("Load"), result);
                if (operation == ConversationSession::Operation::Save && m_session->lastSaveFailedBeforeWriting()
                    && result.error != ErrorKind::Cancelled)
                    m_callStatus->showNote(m_callStatus->outcomeText() + u' '
                                           + tr("The check before writing failed; nothing was written."));
                showPendingAuditWarning();
                if (operation == ConversationSession::Operation::Save && m_history && m_history->isVisible())
                    m_history->reload();
            });
    connect(m_session, &ConversationSession::auditFailed, this, [this](const QString &message) {
        m_auditWarning = message;
    });
    connect(m_session, &ConversationSession::conflict, this, &MainWindow::resolveConflict);
}

bool MainWindow::showPendingAuditWarning()
{
    const QString message = std::exchange(m_auditWarning, QString());
    if (message.isEmpty())
        return false;
    m_errorBanner->showMessage(tr("This save attempt could not be recorded in the audit log: %1").arg(message));
    return true;
}

void MainWindow::resolveConflict(const SaveConflict &conflict)
{
    // Whatever waited for the save (a load, closing) waits for an overwrite, or is dropped.
    auto afterSave = std::exchange(m_afterSave, nullptr);
    m_callStatus->showStopped(tr("Not saved: the server extension of %1 changed on the server since it "
                                 "was loaded.")
                                  .arg(conflict.id.toString()),
                              conflict.traceId);
    if (!showPendingAuditWarning())
        m_errorBanner->dismiss();
    if (m_history && m_history->isVisible())
        m_history->reload();

    switch (ConflictDialog::ask(conflict, this)) {
    case ConflictDialog::Choice::Overwrite: {
        QString refusal;
        if (!m_session->overwrite(conflict.yours, &refusal)) {
            showProblem(refusal);
            return;
        }
        m_afterSave = std::move(afterSave);
        return;
    }
    case ConflictDialog::Choice::TakeServer:
        m_session->adoptServerState(conflict); // the editor shows it, unmodified
        m_callStatus->showNote(tr("Took the server's value; your edit was dropped. Nothing was written."));
        return;
    case ConflictDialog::Choice::KeepEditing:
        // The server's value becomes the base: the tree shows it, the editor's Revert returns to
        // it, and the next Save diffs against it and is guarded against any further change.
        m_session->adoptServerState(conflict);
        m_editor->setText(conflict.yours);
        m_errorBanner->showMessage(
            tr("Not saved: someone changed the server extension of %1 while you were editing. Your text "
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
    connect(m_manageProfilesAction, &QAction::triggered, m_profileSwitcher, &ProfileSwitcher::manageProfiles);
    connect(m_profileSwitcher, &ProfileSwitcher::activated, this, [this](const Profile &profile) {
        // Until the secret arrives the session has none, and a load waits for it.
        m_session->setProfile(profile, {profile.appKey, {}});
        m_browser->reset(); // its rows belong to the previous app
        m_pendingRevert.reset();
        updateTitle();
        updateActions();
    });
    connect(m_profileSwitcher, &ProfileSwitcher::credentialsReady, this,
            [this](const Profile &profile, const Credentials &credentials, bool sameApp) {
                if (sameApp)
                    m_session->setCredentials(credentials);
                else
                    m_session->setProfile(profile, credentials);
                if (const auto waiting = std::exchange(m_loadWhenSecretArrives, std::nullopt))
                    startLoad(*waiting);
                updateActions();
            });
    connect(m_profileSwitcher, &ProfileSwitcher::credentialsFailed, this, [this](const QString &message) {
        m_loadWhenSecretArrives.reset();
        showProblem(message);
        updateActions();
    });
    connect(m_profileSwitcher, &ProfileSwitcher::deactivated, this, [this] {
        m_loadWhenSecretArrives.reset();
        m_session->setProfile({}, {});
        m_browser->reset();
        m_pendingRevert.reset();
        updateTitle();
        updateActions();
    });
}

void MainWindow::enableSandbox(const QUrl &baseUrl, const Credentials &credentials,
                               const QStringList &conversationIds)
{
    m_sandboxBanner->showMessage(tr("Sandbox: this window talks to a local simulator at %1 with demo "
                                    "data. Nothing done here reaches a real app.")
                                     .arg(baseUrl.toString()));
    // The sandbox's IDs are offered for completion but kept out of the user's history.
    m_idInput->setSettings(nullptr);
    for (auto id = conversationIds.crbegin(); id != conversationIds.crend(); ++id)
        m_idInput->remember(*id);

    m_profileSwitcher->addSandbox(baseUrl, credentials);
    updateTitle();
    if (!conversationIds.isEmpty()) {
        m_idInput->setText(conversationIds.first());
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
    const auto id = m_idInput->conversationId(&error);
    if (!id) {
        showProblem(tr("Cannot load: %1").arg(error));
        m_idInput->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_profileSwitcher->hasActive()) {
        showProblem(tr("Choose a profile first, or add one: Profiles… → Add…"));
        return;
    }
    if (m_session->isBusy()) {
        m_callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Load));
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
        m_callStatus->showNote(tr("Reading the AppSecret from the keychain…"));
        return;
    }
    if (!m_session->load(id))
        m_callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Load));
}

void MainWindow::save()
{
    auto afterSave = std::exchange(m_afterSave, nullptr);
    if (const QString why = m_session->refusalReason(ConversationSession::Operation::Save); !why.isEmpty()) {
        m_callStatus->showNote(why);
        return;
    }
    if (!m_editor->isModified()) {
        m_callStatus->showNote(tr("Nothing to save: the server extension is as loaded."));
        return;
    }
    if (m_editor->isTooLong()) {
        m_callStatus->showNote(tr("The server extension is longer than %1 characters; shorten it to save.")
                                   .arg(ExtensionEditor::MaxLength));
        return;
    }
    // Asked before the confirmation too: no point confirming a save that will be refused.
    if (const QString problem = m_session->auditProblem(); !problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    const SaveConfirmation confirmation{m_session->conversationId().toString(), m_session->profile().name,
                                        m_session->profile().appKey, m_session->loadedServerExtension(),
                                        m_editor->text()};
    if (!SaveConfirmDialog::confirm(confirmation, this)) {
        m_callStatus->showNote(tr("Save cancelled; nothing was sent."));
        return;
    }
    QString refusal;
    if (!m_session->save(confirmation.after, &refusal)) {
        showProblem(refusal);
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
    m_idInput->setText(conversationId);
    load();
}

void MainWindow::revertTo(const AuditRecord &record)
{
    if (!record.valueBefore) {
        showProblem(tr("Cannot revert: this attempt could not read the server first, so the value before it "
                       "is unknown."));
        return;
    }
    const Profile profile = m_session->profile();
    if (record.profile != profile.name || (!record.appKey.isEmpty() && record.appKey != profile.appKey)) {
        showProblem(tr("Cannot revert here: that save was made with the profile %1 (AppKey %2); choose that "
                       "profile first.")
                        .arg(record.profile, record.appKey));
        return;
    }
    QString error;
    const auto id = ConversationId::parse(record.conversationId, &error);
    if (!id) {
        showProblem(tr("Cannot revert: %1").arg(error));
        return;
    }
    if (m_session->isBusy()) {
        m_callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Save));
        return;
    }
    activateWindow();
    if (m_session->hasConversation() && m_session->conversationId() == *id) {
        const QString value = *record.valueBefore;
        if (m_editor->isModified() && m_editor->text() != value) {
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
    m_idInput->setText(id->toString());
    load();
    const bool loading = m_session->operation() == ConversationSession::Operation::Load
                      && m_session->pendingId() == *id;
    const bool waiting = m_afterSave || m_loadWhenSecretArrives == *id;
    if (!loading && !waiting)
        m_pendingRevert.reset(); // the user stayed, or the load could not start
}

void MainWindow::applyRevert(const QString &value)
{
    m_editor->setText(value);
    if (!m_editor->isModified()) {
        m_callStatus->showNote(tr("The server extension already has that value; nothing to revert."));
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
    if (!m_editor->isModified())
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
        m_panel->setConversation(m_session->conversation());
        m_editor->setOriginalText(m_session->loadedServerExtension());
        if (m_browser->account().isEmpty()) // offer the account of what is open
            m_browser->setAccount(m_session->conversationId().accountId());
        m_browser->markShown(m_session->conversationId().toString());
    } else {
        m_panel->clear();
        m_editor->setOriginalText({});
    }
    updateTitle();
    updateActions();
    if (m_session->hasConversation())
        Q_EMIT conversationShown();
}

void MainWindow::showFailure(const QString &operation, const ApiResult &result)
{
    m_callStatus->showResult(operation, result);
    if (result.error != ErrorKind::Cancelled) // a cancel was asked for; the status bar says so
        m_errorBanner->showFailure(operation, result, m_editor->isModified());
}

void MainWindow::showProblem(const QString &message)
{
    m_errorBanner->showMessage(message);
    m_callStatus->showNote(message);
}

void MainWindow::updateActions()
{
    const bool busy = m_session->isBusy();
    m_loadAction->setEnabled(!busy);
    m_saveAction->setEnabled(!busy && m_session->hasConversation() && m_editor->isModified());
    m_cancelAction->setEnabled(busy);
    m_editor->setEnabled(m_session->hasConversation());
}

void MainWindow::updateTitle()
{
    QString title = m_session->hasConversation()
        ? tr("%1[*] — Conversation Desk").arg(m_session->conversationId().toString())
        : tr("Conversation Desk[*]");
    if (isSandboxActive())
        title += u' ' + tr("— Sandbox");
    setWindowTitle(title);
    m_sandboxBanner->setVisible(isSandboxActive());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeApproved && m_editor->isModified()) {
        const auto choice = askAboutUnsavedEdits(tr("closing"), [this] {
            m_closeApproved = true;
            close();
        });
        if (choice != UnsavedChoice::Proceed) {
            event->ignore();
            return;
        }
    }
    saveWindowState();
    m_session->cancel();
    event->accept();
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(GeometryKey).toByteArray()))
        resize(1360, 800);
    if (!restoreState(m_settings.value(StateKey).toByteArray()))
        resizeDocks({m_browserDock}, {420}, Qt::Horizontal);
    if (!m_splitter->restoreState(m_settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({520, 400});
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(GeometryKey, saveGeometry());
    m_settings.setValue(StateKey, saveState());
    m_settings.setValue(SplitterKey, m_splitter->saveState());
}

} // namespace convdesk

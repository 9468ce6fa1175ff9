#include "MainWindow.h"

#include "AboutDialog.h"
#include "CallStatusBar.h"
#include "ConversationIdInput.h"
#include "ConversationPanel.h"
#include "CredentialTester.h"
#include "DialogHook.h"
#include "ExtensionEditor.h"
#include "LanguageMenu.h"
#include "MessageBanner.h"
#include "ProfileSelector.h"
#include "ProfileSwitcher.h"
#include "SaveConfirmDialog.h"

#include <QAction>
#include <QCloseEvent>
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
        m_callStatus->showRunning(tr("Saving the server extension of %1…").arg(id));
    });
    connect(m_session, &ConversationSession::conversationChanged, this, &MainWindow::showConversation);
    connect(m_session, &ConversationSession::loaded, this, [this](const ApiResult &result) {
        m_idInput->remember(m_session->conversationId().toString());
        m_callStatus->showResult(tr("Load"), result);
        m_errorBanner->dismiss();
    });
    connect(m_session, &ConversationSession::saved, this, [this](const ApiResult &result) {
        m_callStatus->showResult(tr("Save"), result);
        if (m_session->lastSaveResponseWasPartial())
            m_callStatus->showNote(m_callStatus->outcomeText() + u' '
                                   + tr("The server returned only some fields; the others are shown as loaded."));
        m_errorBanner->dismiss();
        if (auto next = std::exchange(m_afterSave, nullptr))
            next();
    });
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &result, ConversationSession::Operation operation) {
                m_afterSave = nullptr; // whatever waited for this save does not happen
                showFailure(operation == ConversationSession::Operation::Save ? tr("Save") : tr("Load"), result);
            });
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
    const SaveConfirmation confirmation{m_session->conversationId().toString(), m_session->profile().name,
                                        m_session->profile().appKey, m_session->loadedServerExtension(),
                                        m_editor->text()};
    if (!SaveConfirmDialog::confirm(confirmation, this)) {
        m_callStatus->showNote(tr("Save cancelled; nothing was sent."));
        return;
    }
    if (!m_session->save(confirmation.after)) {
        m_callStatus->showNote(m_session->refusalReason(ConversationSession::Operation::Save));
        return;
    }
    m_afterSave = std::move(afterSave);
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
        resize(1200, 760);
    restoreState(m_settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(m_settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({720, 480});
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(GeometryKey, saveGeometry());
    m_settings.setValue(StateKey, saveState());
    m_settings.setValue(SplitterKey, m_splitter->saveState());
}

} // namespace convdesk

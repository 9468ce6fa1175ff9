#include "MainWindow.h"

#include "CallStatusBar.h"
#include "ConversationIdInput.h"
#include "ConversationPanel.h"
#include "DialogHook.h"
#include "ErrorText.h"
#include "ExtensionEditor.h"
#include "InMemorySecretStore.h"
#include "CredentialTester.h"
#include "ProfileManagerDialog.h"
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

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

const QString SandboxProfileName = QStringLiteral("Sandbox");
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString SplitterKey = QStringLiteral("mainWindow/splitter");

// A message area that follows the theme: the palette's own role pairs, no fixed colours.
QLabel *makeBanner(const QString &objectName, QPalette::ColorRole background,
                   QPalette::ColorRole foreground, QWidget *parent)
{
    auto *banner = new QLabel(parent);
    banner->setObjectName(objectName);
    banner->setWordWrap(true);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(background);
    banner->setForegroundRole(foreground);
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setMargin(banner->fontMetrics().height() / 2);
    banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    banner->hide();
    return banner;
}

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
    , m_secrets(secrets)
    , m_session(new ConversationSession(this))
    , m_credentialTester(nullptr)
{
    setObjectName(QStringLiteral("mainWindow"));
    buildActions();
    buildLayout();
    buildMenus();
    connectSession();

    m_credentialTester = new CredentialTester(secrets, [this] { return m_idInput->text(); }, this);
    m_idInput->setSettings(&m_settings);
    const auto initial = m_profiles.defaultProfile();
    refreshProfiles(initial ? ProfileSelector::Entry::stored(initial->name) : ProfileSelector::Entry{});
    if (initial)
        activateProfile(ProfileSelector::Entry::stored(initial->name));
    else
        m_callStatus->showNote(tr("Add a profile to start: Profiles… → Add profile…"));
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
    m_sandboxBanner = makeBanner(QStringLiteral("sandboxBanner"), QPalette::Highlight,
                                 QPalette::HighlightedText, central);
    m_errorBanner = makeBanner(QStringLiteral("errorBanner"), QPalette::ToolTipBase,
                               QPalette::ToolTipText, central);
    m_errorBanner->setTextFormat(Qt::RichText);

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
    statusBar()->setSizeGripEnabled(true);

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

    connect(m_profileSelector, &ProfileSelector::profileActivated, this, &MainWindow::onProfileActivated);
    connect(m_profileSelector, &ProfileSelector::manageRequested, this, &MainWindow::manageProfiles);
    connect(m_manageProfilesAction, &QAction::triggered, this, &MainWindow::manageProfiles);
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

    QMenu *profiles = menuBar()->addMenu(tr("Profi&les"));
    profiles->addAction(m_manageProfilesAction);
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
        hideProblem();
    });
    connect(m_session, &ConversationSession::saved, this, [this](const ApiResult &result) {
        m_callStatus->showResult(tr("Save"), result);
        if (m_session->lastSaveResponseWasPartial())
            m_callStatus->showNote(m_callStatus->outcomeText() + u' '
                                   + tr("The server returned only some fields; the others are shown as loaded."));
        hideProblem();
        if (auto next = std::exchange(m_afterSave, nullptr))
            next();
    });
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &result, ConversationSession::Operation operation) {
                m_afterSave = nullptr; // whatever waited for this save does not happen
                showFailure(operation == ConversationSession::Operation::Save ? tr("Save") : tr("Load"), result);
            });
}

void MainWindow::enableSandbox(const QUrl &baseUrl, const Credentials &credentials,
                               const QStringList &conversationIds)
{
    m_sandbox = true;
    m_sandboxSecrets = std::make_unique<InMemorySecretStore>();
    m_sandboxProfile = Profile();
    m_sandboxProfile.name = SandboxProfileName;
    m_sandboxProfile.region = Region::Custom;
    m_sandboxProfile.baseUrl = baseUrl;
    m_sandboxProfile.appKey = credentials.appKey;
    m_sandboxSecrets->write(SandboxProfileName, credentials.appSecret, this, [](const SecretResult &) {});
    m_sandboxBanner->setText(tr("Sandbox: this window talks to a local simulator at %1 with demo data. "
                                "Nothing done here reaches a real app.")
                                 .arg(baseUrl.toString()));

    // The sandbox's IDs are offered for completion but kept out of the user's history.
    m_idInput->setSettings(nullptr);
    for (auto id = conversationIds.crbegin(); id != conversationIds.crend(); ++id)
        m_idInput->remember(*id);

    const ProfileSelector::Entry entry{SandboxProfileName, true, tr("Sandbox (local simulator)")};
    refreshProfiles(entry);
    activateProfile(entry);
    if (!conversationIds.isEmpty()) {
        m_idInput->setText(conversationIds.first());
        load();
    }
}

bool MainWindow::isSandboxActive() const
{
    return m_sandbox && m_activeProfile.builtIn;
}

void MainWindow::refreshProfiles(const ProfileSelector::Entry &select)
{
    QList<ProfileSelector::Entry> entries;
    if (m_sandbox)
        entries.append({SandboxProfileName, true, tr("Sandbox (local simulator)")});
    for (const QString &name : m_profiles.names())
        entries.append({name, false, {}});
    m_profileSelector->setEntries(entries, select);
}

void MainWindow::onProfileActivated(const ProfileSelector::Entry &entry)
{
    if (!entry.sameProfile(m_activeProfile))
        switchProfile(entry);
}

void MainWindow::switchProfile(const ProfileSelector::Entry &entry)
{
    const auto choice = askAboutUnsavedEdits(tr("switching to the profile \"%1\"").arg(entry.name), [this, entry] {
        m_profileSelector->select(entry);
        activateProfile(entry);
    });
    if (choice == UnsavedChoice::Proceed) {
        m_profileSelector->select(entry);
        activateProfile(entry);
    } else {
        m_profileSelector->select(m_activeProfile); // until the save succeeds, or for good
    }
}

void MainWindow::activateProfile(const ProfileSelector::Entry &entry)
{
    Profile profile;
    if (entry.builtIn) {
        profile = m_sandboxProfile;
    } else if (const auto found = m_profiles.find(entry.name)) {
        profile = *found;
        m_profiles.setLastUsed(entry.name);
    } else {
        showProblem(tr("The profile \"%1\" can no longer be read from the settings.").arg(entry.name));
        return;
    }
    m_activeProfile = entry;
    // The secret is read asynchronously; until then the session has none, and a load waits.
    m_session->setProfile(profile, {profile.appKey, {}});
    readSecret(entry, profile, false);
    updateTitle();
    updateActions();
}

void MainWindow::readSecret(const ProfileSelector::Entry &entry, const Profile &profile, bool keepConversation)
{
    m_secretPending = true;
    const quint64 generation = ++m_secretGeneration;
    SecretStore &store = entry.builtIn && m_sandboxSecrets ? *m_sandboxSecrets : m_secrets;
    store.read(entry.name, this, [this, generation, profile, keepConversation](const SecretResult &result) {
        if (generation != m_secretGeneration)
            return;
        m_secretPending = false;
        const auto waiting = std::exchange(m_loadWhenSecretArrives, std::nullopt);
        if (!result.ok()) {
            showProblem(tr("The AppSecret of the profile \"%1\" could not be read: %2")
                            .arg(profile.name, result.message));
            updateActions();
            return;
        }
        if (keepConversation)
            m_session->setCredentials({profile.appKey, result.secret});
        else
            m_session->setProfile(profile, {profile.appKey, result.secret});
        if (waiting)
            startLoad(*waiting);
        updateActions();
    });
}

void MainWindow::manageProfiles()
{
    const QStringList namesBefore = m_profiles.names();
    ProfileManagerDialog dialog(m_profiles, m_secrets, this);
    dialog.setCredentialTester(m_credentialTester->function());
    if (!m_activeProfile.builtIn)
        dialog.selectProfile(m_activeProfile.name);
    bool changed = false;
    connect(&dialog, &ProfileManagerDialog::profilesChanged, this, [&changed] { changed = true; });
    DialogHook::exec(&dialog);
    if (changed)
        onProfilesChanged(namesBefore);
}

void MainWindow::onProfilesChanged(const QStringList &namesBefore)
{
    QStringList added = m_profiles.names();
    for (const QString &name : namesBefore)
        added.removeAll(name);
    const bool activeIsStored = !m_activeProfile.name.isEmpty() && !m_activeProfile.builtIn;
    const auto stored = activeIsStored ? m_profiles.find(m_activeProfile.name) : std::nullopt;

    if (activeIsStored && !stored) { // the active profile was removed: nothing can be sent with it
        ++m_secretGeneration;
        m_secretPending = false;
        m_activeProfile = {};
        m_session->setProfile({}, {});
    }
    refreshProfiles(m_activeProfile);

    if (added.size() == 1) {
        switchProfile(ProfileSelector::Entry::stored(added.first())); // a new profile is the one the user wants next
    } else if (stored && *stored != m_session->profile()) {
        // Another AppKey or address is another app: what is loaded cannot be saved with it.
        const ProfileSelector::Entry entry = m_activeProfile;
        const auto choice = askAboutUnsavedEdits(tr("applying the changed profile \"%1\"").arg(entry.name),
                                                 [this, entry] { activateProfile(entry); });
        if (choice == UnsavedChoice::Proceed)
            activateProfile(entry);
    } else if (stored) {
        readSecret(m_activeProfile, *stored, true); // the secret may have been re-entered
    } else if (m_activeProfile.name.isEmpty()) {
        if (m_sandbox)
            switchProfile({SandboxProfileName, true, {}});
        else if (const auto fallback = m_profiles.defaultProfile())
            switchProfile(ProfileSelector::Entry::stored(fallback->name));
    }
    updateTitle();
    updateActions();
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
    if (!m_profileSelector->hasCurrent() || m_activeProfile.name.isEmpty()) {
        showProblem(tr("Choose a profile first, or add one: Profiles… → Add profile…"));
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
    if (m_secretPending) {
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
    if (result.error == ErrorKind::Cancelled)
        return; // the user asked for it; the status bar says so
    QString heading = tr("%1 failed: %2").arg(operation, ErrorText::title(result.error));
    if (result.error == ErrorKind::Business)
        heading += u' ' + tr("(code %1)").arg(result.code);
    QString text = u"<b>"_s + heading.toHtmlEscaped() + u"</b><br>"_s + ErrorText::describe(result).toHtmlEscaped();
    if (m_editor->isModified())
        text += u"<br>"_s + tr("Your edited text is still in the editor.").toHtmlEscaped();
    if (!result.traceId.isEmpty())
        text += u"<br>"_s + tr("Trace id: %1").arg(result.traceId).toHtmlEscaped();
    m_errorBanner->setText(text);
    m_errorBanner->show();
}

void MainWindow::showProblem(const QString &message)
{
    m_errorBanner->setText(message.toHtmlEscaped());
    m_errorBanner->show();
    m_callStatus->showNote(message);
}

void MainWindow::hideProblem()
{
    m_errorBanner->clear();
    m_errorBanner->hide();
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

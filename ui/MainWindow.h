#pragma once

#include "MainWindowActions.h"
#include "MainWindowWidgets.h"
#include "api/Credentials.h"
#include "audit/AuditLog.h"
#include "profiles/ProfileStore.h"
#include "session/ConversationSession.h"

#include <QMainWindow>
#include <QStringList>


class QSettings;

namespace convdesk {

class CredentialTester;
class EditSession;
class CurlCopier;
class HistoryDialog;
class ProfileSwitcher;
class SandboxRunner;
class SecretStore;
class SessionReporter;

// Load a conversation, inspect it as a tree or raw JSON, edit its server_extension and save
// it after a review. The window is a view of an EditSession (the editing workflow, widget-free)
// over a ConversationSession (the calls); the panels, the profile handling, the actions and
// menus (MainWindowActions), the widgets' layout (MainWindowWidgets) and the reports on calls
// (SessionReporter) are their own classes; the window wires them and answers the workflow's
// questions with dialogs. Failures are shown in the status bar and a message area, never in a
// modal box, and the edited text always survives them.
//
// Saves are guarded (see ConversationSession): when someone else changed the value since it
// was loaded, nothing is written and the conflict dialog offers to overwrite, take the
// server's value, or keep editing. Every attempt is recorded in the audit log, which the
// History window shows. An account browser docks on the left. While there is no profile at
// all, a welcome page stands in place of the tree and the editor.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    static constexpr int CopiedNoteMs = 2500; // how long "Value copied." shows
    // What the window opens on: the default profile (its AppSecret read from the keychain at
    // once), or the built-in sandbox, started after the first paint
    // (startSandboxAfterFirstPaint) with no stored profile activated or read before it.
    enum class Opening { DefaultProfile, Sandbox };

    // Profiles and window state live in `settings`, AppSecrets in `secrets`.
    MainWindow(QSettings &settings, SecretStore &secrets, QWidget *parent = nullptr);
    MainWindow(QSettings &settings, SecretStore &secrets, Opening opening, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Sandbox mode: an in-memory "Sandbox" profile for the simulator at `baseUrl` (its demo
    // credentials, never written to settings or the keychain) is selected, its conversation
    // IDs are offered for completion, and the first one is loaded. The simulator is the
    // caller's, and must outlive the calls to it. The sandbox profile names
    // `extensionSchemaFile` as its team schema ("" for none).
    void enableSandbox(const QUrl &baseUrl, const Credentials &credentials, const QStringList &conversationIds,
                       const QString &extensionSchemaFile = QString());
    // Starts the built-in simulator, owned by this window, on 127.0.0.1 `port` (0: a free one)
    // with its sample team schema, and enables sandbox mode on it: what `convdesk --sandbox`
    // and the welcome page's "Try the sandbox" do. When it cannot listen, the window's
    // message banner says why, `error` gets the reason, and false is returned. True, doing
    // nothing, when this window's simulator runs already.
    bool startSandbox(quint16 port = 0, QString *error = nullptr);
    // What `convdesk --sandbox` does: the window says "Starting the sandbox…" at once and
    // starts the simulator (startSandbox) after its first paint, or on the next turn of the
    // event loop when it is shown already: its server and the TLS backend Qt's HTTP server
    // loads are not needed for the first screen. When it cannot start, sandboxStartFailed()
    // follows the banner's message, else sandboxStarted().
    void startSandboxAfterFirstPaint(quint16 port = 0);
    bool isSandboxStarting() const { return m_sandboxStarting; }
    bool isSandboxActive() const;
    bool isWelcomeShown() const; // the welcome page, in place of the tree and the editor

    ConversationSession *session() const { return m_session; }
    EditSession *editSession() const { return m_edit; }
    ConversationPanel *conversationPanel() const { return m_ui.panel; }
    AccountBrowser *accountBrowser() const { return m_ui.browser; }
    HistoryDialog *historyDialog(); // made on first use
    CurlCopier *curlCopier() const { return m_curlCopier; }

    // Where save attempts are recorded; AuditLog::defaultFilePath() unless set. Tests point
    // it into a temporary folder.
    void setAuditLogPath(const QString &filePath);
    QString auditLogPath() const { return m_auditLog.filePath(); }

public Q_SLOTS:
    // Each returns whether it started (or will, after the save or AppSecret it waits for).
    bool load();          // the ID in the field; asks about unsaved edits first
    bool save();          // review dialog, then the guarded save
    void cancelCall();
    void showHistory();
    // Loads `conversationId` (asking about unsaved edits first); nothing happens when it is
    // the conversation already shown or being loaded.
    bool openConversation(const QString &conversationId);
    // Puts the record's value before into the editor of its conversation (loading it first
    // when needed) and starts the usual save: confirmation, then the guarded save.
    void revertTo(const convdesk::AuditRecord &record);
    // Copy link: puts the shown conversation's convdesk:// link on the clipboard.
    void copyLink();
    // Opens a convdesk://open?profile=…&id=… link: switches to its profile and loads its
    // conversation, asking about unsaved edits first. A link that cannot be read, or names a
    // profile that does not exist here, is reported, changes nothing and returns false.
    bool openLink(const QString &link);

Q_SIGNALS:
    // The tree, raw view and editor show a newly loaded or saved conversation.
    void conversationShown();
    // The window's simulator runs and sandbox mode is on (its first conversation is loading).
    void sandboxStarted();
    // A start asked for with startSandboxAfterFirstPaint() failed; `problem` says why.
    void sandboxStartFailed(const QString &problem);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void connectWidgets();
    void connectSession();
    void connectProfiles();

    void setUpWorkflowQuestions();
    void updateUndoActions();
    void showPendingValue();

    void showConversation();
    void showViewInInputs(); // the ID box and the browser name the conversation shown
    void markShownInBrowser();
    void updateActions();
    void updateTitle();
    void loadSchema(); // the profile's team schema, read afresh, into the form
    QString sandboxNotice(const QUrl &baseUrl) const;

    void connectWelcome();
    void followProfiles(); // what depends on there being a profile: the welcome page, the browser

    QSettings &m_settings;
    ProfileStore m_profiles;
    ConversationSession *m_session;
    EditSession *m_edit = nullptr;
    CredentialTester *m_credentialTester = nullptr;
    ProfileSwitcher *m_profileSwitcher = nullptr;
    AuditLog m_auditLog;
    CurlCopier *m_curlCopier = nullptr;
    HistoryDialog *m_history = nullptr;
    SandboxRunner *m_sandbox = nullptr; // a child made after the session, so it goes after it
    bool m_sandboxStarting = false;     // startSandboxAfterFirstPaint() waits for the first paint

    MainWindowActions m_actions;
    MainWindowWidgets m_ui;
    SessionReporter *m_reporter = nullptr;
    bool m_closeApproved = false;
};

} // namespace convdesk

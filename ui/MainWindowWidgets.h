#pragma once

class QAction;
class QDockWidget;
class QMainWindow;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;

namespace convdesk {

class AccountBrowser;
class ApiClient;
class CallStatusBar;
class ConversationIdInput;
class ConversationPanel;
class ExtensionEditor;
class MessageBanner;
class ProfileSelector;
class WelcomePage;

// The main window's widgets and where they sit: the tool bar, the banners over the tree and
// the editor (or, while there is no profile, the welcome page in their place), the status bar
// and the account browser dock, with the keyboard order and the
// sizes kept between runs. Like a Designer form: it is set up once and holds no behaviour;
// MainWindow connects the parts.
struct MainWindowWidgets
{
    // `loadAction` is the tool bar's Load button; the account browser lists through `client`.
    void setUp(QMainWindow *window, QAction *loadAction, ApiClient *client);

    // The window's geometry, its docks, the splitter and the account browser's columns;
    // sensible sizes the first time.
    void restoreState(QMainWindow *window, const QSettings &settings) const;
    void saveState(const QMainWindow *window, QSettings &settings) const;

    ProfileSelector *profileSelector = nullptr;
    ConversationIdInput *idInput = nullptr;
    ConversationPanel *panel = nullptr;
    ExtensionEditor *editor = nullptr;
    CallStatusBar *callStatus = nullptr;
    MessageBanner *sandboxBanner = nullptr;
    MessageBanner *errorBanner = nullptr;
    QPushButton *retryButton = nullptr; // beside the error banner, after a failure worth retrying
    MessageBanner *staleBanner = nullptr; // the view does not show what the ID box names
    QSplitter *splitter = nullptr; // the tree and the editor
    WelcomePage *welcome = nullptr;
    QStackedWidget *centralPages = nullptr; // the splitter, or the welcome page
    AccountBrowser *browser = nullptr;
    QDockWidget *browserDock = nullptr;
};

} // namespace convdesk

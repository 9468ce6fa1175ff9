#pragma once

class QAction;
class QDockWidget;
class QMainWindow;
class QSettings;
class QSplitter;

namespace convdesk {

class AccountBrowser;
class ApiClient;
class CallStatusBar;
class ConversationIdInput;
class ConversationPanel;
class ExtensionEditor;
class MessageBanner;
class ProfileSelector;

// The main window's widgets and where they sit: the tool bar, the banners over the tree and
// the editor, the status bar and the account browser dock, with the keyboard order and the
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
    QSplitter *splitter = nullptr;
    AccountBrowser *browser = nullptr;
    QDockWidget *browserDock = nullptr;
};

} // namespace convdesk

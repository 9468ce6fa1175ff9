#pragma once

class QAction;
class QDockWidget;
class QMainWindow;
class QSettings;
class QWidget;

namespace convdesk {

class LanguageMenu;

// The main window's actions with their texts, shortcuts, tooltips and object names, and the
// menu bar they make. The window connects them. The texts stay in MainWindow's translation
// context, where the catalogue has them.
struct MainWindowActions
{
    // Makes the actions; each is added to `owner`, so its shortcut works wherever the focus is.
    void setUp(QWidget *owner);

    // Fills the window's menu bar. The account browser's entry is the dock's own toggle
    // action, named and given its shortcut here. Returns the language menu, whose choice the
    // window reports.
    LanguageMenu *buildMenuBar(QMainWindow *window, QDockWidget *browserDock, QSettings &settings) const;

    QAction *load = nullptr;
    QAction *save = nullptr;
    QAction *cancel = nullptr;
    QAction *undo = nullptr; // the server extension's edits, in every view
    QAction *redo = nullptr;
    QAction *find = nullptr;
    QAction *focusId = nullptr; // Ctrl+L, as browsers focus their address bar
    QAction *buildId = nullptr;
    QAction *manageProfiles = nullptr;
    QAction *about = nullptr;
    QAction *history = nullptr;
    QAction *copyCurl = nullptr;
    QAction *copyCurlLive = nullptr;
    QAction *copyLink = nullptr; // also in the tree's context menu
    QAction *quit = nullptr;
};

} // namespace convdesk

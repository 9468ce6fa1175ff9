#include "MainWindowActions.h"

#include "LanguageMenu.h"
#include "MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>

namespace convdesk {

namespace {

QAction *makeAction(const QString &text, const QString &objectName, QWidget *owner)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    owner->addAction(action);
    return action;
}

} // namespace

void MainWindowActions::setUp(QWidget *owner)
{
    load = makeAction(MainWindow::tr("&Load"), QStringLiteral("loadAction"), owner);
    load->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    load->setToolTip(MainWindow::tr("Load the conversation from the server (F5, Ctrl+R)"));

    save = makeAction(MainWindow::tr("&Save server extension…"), QStringLiteral("saveAction"), owner);
    save->setShortcut(QKeySequence::Save);

    cancel = makeAction(MainWindow::tr("&Cancel request"), QStringLiteral("cancelAction"), owner);
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));

    undo = makeAction(MainWindow::tr("&Undo"), QStringLiteral("undoAction"), owner);
    undo->setShortcut(QKeySequence::Undo);
    redo = makeAction(MainWindow::tr("&Redo"), QStringLiteral("redoAction"), owner);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    find = makeAction(MainWindow::tr("&Filter tree"), QStringLiteral("findAction"), owner);
    find->setShortcut(QKeySequence::Find);
    focusId = makeAction(MainWindow::tr("Go to conversation &ID"), QStringLiteral("focusIdAction"), owner);
    focusId->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    buildId = makeAction(MainWindow::tr("&Build conversation ID…"), QStringLiteral("buildIdAction"), owner);
    buildId->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    manageProfiles = makeAction(MainWindow::tr("&Manage profiles…"), QStringLiteral("manageProfilesAction"), owner);
    about = makeAction(MainWindow::tr("&About Conversation Desk"), QStringLiteral("aboutAction"), owner);
    about->setMenuRole(QAction::AboutRole);

    history = makeAction(MainWindow::tr("&History…"), QStringLiteral("historyAction"), owner);
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    history->setToolTip(MainWindow::tr("Every save attempt, from this app and the CLI (Ctrl+H)"));

    copyCurl = makeAction(MainWindow::tr("Copy request as c&URL"), QStringLiteral("copyCurlAction"), owner);
    copyCurl->setToolTip(MainWindow::tr("The last request as a curl command, with placeholders for the signature"));
    copyCurlLive = makeAction(MainWindow::tr("Copy request as cURL with li&ve signature…"),
                              QStringLiteral("copyCurlLiveAction"), owner);
    copyCurlLive->setToolTip(MainWindow::tr("The last request as a curl command with its real signature, valid "
                                            "for 5 minutes after it was sent"));

    copyLink = makeAction(MainWindow::tr("Copy lin&k"), QStringLiteral("copyLinkAction"), owner);
    copyLink->setToolTip(MainWindow::tr("A convdesk:// link that opens this conversation in this profile, to paste "
                                        "into a ticket; it holds no secret"));

    quit = makeAction(MainWindow::tr("&Quit"), QStringLiteral("quitAction"), owner);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

LanguageMenu *MainWindowActions::buildMenuBar(QMainWindow *window, QDockWidget *browserDock,
                                              QSettings &settings) const
{
    QMenuBar *menuBar = window->menuBar();
    QMenu *conversation = menuBar->addMenu(MainWindow::tr("&Conversation"));
    conversation->addAction(load);
    conversation->addAction(save);
    conversation->addAction(cancel);
    conversation->addSeparator();
    conversation->addAction(focusId);
    conversation->addAction(buildId);
    conversation->addAction(find);
    QAction *browserAction = browserDock->toggleViewAction();
    browserAction->setObjectName(QStringLiteral("accountBrowserAction"));
    browserAction->setText(MainWindow::tr("&Account browser"));
    browserAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    conversation->addAction(browserAction);
    conversation->addAction(history);
    conversation->addSeparator();
    conversation->addAction(copyLink);
    conversation->addAction(copyCurl);
    conversation->addAction(copyCurlLive);
    conversation->addSeparator();
    conversation->addAction(quit);

    QMenu *edit = menuBar->addMenu(MainWindow::tr("E&dit"));
    edit->addAction(undo);
    edit->addAction(redo);

    menuBar->addMenu(MainWindow::tr("Profi&les"))->addAction(manageProfiles);
    QMenu *settingsMenu = menuBar->addMenu(MainWindow::tr("Settin&gs"));
    auto *languageMenu = new LanguageMenu(settings, settingsMenu);
    settingsMenu->addMenu(languageMenu);
    menuBar->addMenu(MainWindow::tr("&Help"))->addAction(about);
    return languageMenu;
}

} // namespace convdesk

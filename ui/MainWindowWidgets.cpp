#include "MainWindowWidgets.h"

#include "AccountBrowser.h"
#include "CallStatusBar.h"
#include "ConversationIdInput.h"
#include "ConversationPanel.h"
#include "ConversationToolBar.h"
#include "ExtensionEditor.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "ProfileSelector.h"
#include "WelcomePage.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include <iterator>

namespace convdesk {

namespace {

const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString SplitterKey = QStringLiteral("mainWindow/splitter");
const QString BrowserColumnsKey = QStringLiteral("mainWindow/browserColumns");

} // namespace

void MainWindowWidgets::setUp(QMainWindow *window, QAction *loadAction, ApiClient *client)
{
    auto *toolbar = new ConversationToolBar(loadAction, window);
    window->addToolBar(toolbar);
    profileSelector = toolbar->profileSelector();
    idInput = toolbar->idInput();

    auto *central = new QWidget(window);
    sandboxBanner = new MessageBanner(MessageBanner::Kind::Notice, QStringLiteral("sandboxBanner"), central);
    errorBanner = new MessageBanner(MessageBanner::Kind::Problem, QStringLiteral("errorBanner"), central);
    retryButton = new QPushButton(MainWindow::tr("Re&try"), central);
    retryButton->setObjectName(QStringLiteral("retryButton"));
    retryButton->setToolTip(MainWindow::tr("Send the request that failed again"));
    staleBanner = new MessageBanner(MessageBanner::Kind::Warning, QStringLiteral("staleViewBanner"), central);
    panel = new ConversationPanel(central);
    editor = new ExtensionEditor(central);
    splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(panel);
    splitter->addWidget(editor);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    welcome = new WelcomePage(central);
    centralPages = new QStackedWidget(central);
    centralPages->setObjectName(QStringLiteral("centralPages"));
    centralPages->addWidget(splitter);
    centralPages->addWidget(welcome);

    auto *layout = new QVBoxLayout(central);
    layout->addWidget(sandboxBanner);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(errorBanner, 1);
    errorRow->addWidget(retryButton, 0, Qt::AlignVCenter);
    layout->addLayout(errorRow);
    layout->addWidget(staleBanner);
    layout->addWidget(centralPages, 1);
    window->setCentralWidget(central);

    callStatus = new CallStatusBar(window);
    window->statusBar()->addWidget(callStatus, 1);

    browser = new AccountBrowser(window);
    browser->setClient(client);
    // The dock's title is MainWindow's text, where the catalogue has it.
    browserDock = new QDockWidget(MainWindow::tr("Account browser"), window);
    browserDock->setObjectName(QStringLiteral("accountBrowserDock"));
    browserDock->setWidget(browser);
    browserDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea | Qt::BottomDockWidgetArea);
    window->addDockWidget(Qt::LeftDockWidgetArea, browserDock);

    // Keyboard order follows the screen: the tool bar, the account browser on the left, the
    // tree, then the editor (or the welcome page's buttons in their place). tst_taborder walks it.
    QWidget *chain[] = {
        profileSelector->findChild<QWidget *>(QStringLiteral("profileCombo")),
        profileSelector->findChild<QWidget *>(QStringLiteral("profilesButton")),
        idInput->lineEdit(),
        idInput->findChild<QWidget *>(QStringLiteral("idBuilderButton")),
        toolbar->loadButton(),
        browser->findChild<QWidget *>(QStringLiteral("browserAccount")),
        browser->findChild<QWidget *>(QStringLiteral("browserListButton")),
        browser->findChild<QWidget *>(QStringLiteral("browserTable")),
        browser->findChild<QWidget *>(QStringLiteral("browserLoadMoreButton")),
        welcome->addProfileButton(),
        welcome->sandboxButton(),
        panel->findChild<QWidget *>(QStringLiteral("treeFilter")),
        panel->treeView(),
        editor->findChild<QWidget *>(QStringLiteral("extensionFormView")),
        editor->findChild<QWidget *>(QStringLiteral("extensionText")),
    };
    for (size_t i = 1; i < std::size(chain); ++i)
        QWidget::setTabOrder(chain[i - 1], chain[i]);
}

void MainWindowWidgets::restoreState(QMainWindow *window, const QSettings &settings) const
{
    if (!window->restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        // The first window fits the screen it opens on.
        const QRect available = window->screen()->availableGeometry();
        window->resize(qMin(1360, available.width()), qMin(800, available.height()));
    }
    // First start: the account browser takes a quarter of the window (it starts empty), the
    // tree three fifths of the rest, so at 1024×640 the tree shows key, value and type.
    const int width = window->width();
    const int dockWidth = qBound(220, width / 4, 420);
    if (!window->restoreState(settings.value(StateKey).toByteArray()))
        window->resizeDocks({browserDock}, {dockWidth}, Qt::Horizontal);
    if (!splitter->restoreState(settings.value(SplitterKey).toByteArray())) {
        const int central = qMax(400, width - dockWidth);
        splitter->setSizes({central * 3 / 5, central * 2 / 5});
    }
    browser->restoreColumns(settings.value(BrowserColumnsKey).toByteArray());
}

void MainWindowWidgets::saveState(const QMainWindow *window, QSettings &settings) const
{
    settings.setValue(GeometryKey, window->saveGeometry());
    settings.setValue(StateKey, window->saveState());
    settings.setValue(SplitterKey, splitter->saveState());
    settings.setValue(BrowserColumnsKey, browser->saveColumns());
}

} // namespace convdesk

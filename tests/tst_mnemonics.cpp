#include "MainWindow.h"
#include "SandboxServer.h"
#include "i18n/TranslationLoader.h"
#include "secrets/InMemorySecretStore.h"
#include "support/AllWindows.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// The Alt+letter of a text ("&Load" → 'l', "加载(&L)" → 'l'); null when it has none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

QString describe(const QObject *object, const QString &text)
{
    return u"%1 \"%2\" (%3)"_s.arg(QString::fromLatin1(object->metaObject()->className()), object->objectName(), text);
}

// Every Alt+letter that works in `window` now: buttons, labels with a buddy, group boxes,
// tabs and the menu bar's menus of what is visible. A hidden tab page's are not active.
QMultiMap<QChar, QString> mnemonics(QWidget *window)
{
    QMultiMap<QChar, QString> found;
    const auto add = [&found](const QObject *owner, const QString &text) {
        if (const QChar key = mnemonicOf(text); !key.isNull())
            found.insert(key, describe(owner, text));
    };
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            add(button, button->text());
        else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            add(label, label->text());
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            add(group, group->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs, tabs->tabText(i));
        } else if (auto *menuBar = qobject_cast<QMenuBar *>(widget)) {
            for (QAction *menu : menuBar->actions())
                add(menuBar, menu->text());
        }
    }
    return found;
}

// Each menu of the menu bar is a scope of its own: its items' letters must differ.
QMultiMap<QChar, QString> menuMnemonics(QMenu *menu)
{
    QMultiMap<QChar, QString> found;
    for (QAction *action : menu->actions()) {
        if (const QChar key = mnemonicOf(action->text()); !key.isNull() && action->isVisible())
            found.insert(key, menu->title() + u" › "_s + action->text());
    }
    return found;
}

QStringList clashesIn(const QMultiMap<QChar, QString> &found)
{
    QStringList problems;
    for (const QChar key : found.uniqueKeys()) {
        const QStringList owners = found.values(key);
        if (owners.size() > 1)
            problems << u"Alt+%1: %2"_s.arg(key.toUpper(), owners.join(u", "_s));
    }
    return problems;
}

QStringList clashes(QWidget *window)
{
    QStringList problems = clashesIn(mnemonics(window));
    for (auto *menuBar : window->findChildren<QMenuBar *>()) {
        for (QAction *entry : menuBar->actions()) {
            if (QMenu *menu = entry->menu())
                problems += clashesIn(menuMnemonics(menu));
        }
    }
    return problems;
}

} // namespace

// Every window and dialog gives each Alt+letter to one control, in English and in Chinese.
class TestMnemonics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void checkerFindsAClash();
    void windowsHaveUniqueMnemonics_data();
    void windowsHaveUniqueMnemonics();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
};

void TestMnemonics::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
}

void TestMnemonics::cleanup()
{
    TranslationLoader::install(*qApp, u"en"_s);
}

void TestMnemonics::checkerFindsAClash()
{
    QWidget window;
    auto *account = new QLabel(u"&Account:"_s, &window);
    account->setBuddy(new QWidget(&window));
    auto *menuBar = new QMenuBar(&window);
    menuBar->addMenu(u"&Conversation"_s);
    menuBar->addMenu(u"Profi&les"_s);
    auto *list = new QLabel(u"&List"_s, &window); // no buddy: no mnemonic
    Q_UNUSED(list);
    window.show();
    QCOMPARE(clashes(&window), QStringList());
    menuBar->addMenu(u"帮助(&A)"_s);
    QCOMPARE(clashes(&window).size(), 1);
    QCOMPARE(mnemonicOf(u"Save && close"_s), QChar());
}

void TestMnemonics::windowsHaveUniqueMnemonics_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("window");
    for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
        QTest::newRow(qPrintable(language + u" main window"_s)) << language << u"main window"_s;
        QTest::newRow(qPrintable(language + u" main window welcome"_s)) << language << u"main window welcome"_s;
        for (const QString &dialog : test::AllWindows::dialogNames())
            QTest::newRow(qPrintable(language + u' ' + dialog)) << language << dialog;
    }
}

void TestMnemonics::windowsHaveUniqueMnemonics()
{
    QFETCH(QString, language);
    QFETCH(QString, window);
    TranslationLoader::install(*qApp, language);
    std::unique_ptr<QWidget> widget;
    QSettings settings(m_dir.filePath(u"main.ini"_s), QSettings::IniFormat);
    InMemorySecretStore secrets;
    if (window == u"main window"_s) {
        auto main = std::make_unique<MainWindow>(settings, secrets);
        QSignalSpy shown(main.get(), &MainWindow::conversationShown);
        main->enableSandbox(m_sandbox->baseUrl(), m_sandbox->credentials(), m_sandbox->conversationIds());
        QVERIFY(shown.size() > 0 || shown.wait(10000));
        widget = std::move(main);
    } else if (window == u"main window welcome"_s) {
        // A first start: no profile (the sandbox's is never stored), so the welcome page stands
        // in for the tree and the editor.
        auto main = std::make_unique<MainWindow>(settings, secrets);
        QVERIFY(main->isWelcomeShown());
        widget = std::move(main);
    } else {
        test::AllWindows windows(m_dir.path(), m_sandbox->conversationIds().value(0), m_sandbox->credentials().appKey);
        widget = windows.make(window);
    }
    QVERIFY(widget);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    const QStringList problems = clashes(widget.get());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"

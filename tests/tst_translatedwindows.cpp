#include "AboutDialog.h"
#include "ConflictDialog.h"
#include "ConversationIdBuilder.h"
#include "HistoryDialog.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "ProfileManagerDialog.h"
#include "SandboxServer.h"
#include "SaveConfirmDialog.h"
#include "api/ConversationId.h"
#include "i18n/TranslationLoader.h"
#include "support/AllWindows.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTreeView>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// A text a person sees in a window, and where.
struct ShownText
{
    QString where;
    QString text;
};

QString describe(const QObject *object)
{
    QString name = QString::fromLatin1(object->metaObject()->className());
    if (!object->objectName().isEmpty())
        name += u" \"%1\""_s.arg(object->objectName());
    return name;
}

void addText(QList<ShownText> &texts, const QString &where, QString text)
{
    if (Qt::mightBeRichText(text))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.remove(u'&'); // mnemonics
    if (!text.trimmed().isEmpty())
        texts << ShownText{where, text};
}

void addActionTexts(QList<ShownText> &texts, const QString &where, QAction *action)
{
    if (action->isSeparator() || !action->isVisible())
        return;
    const QString here = where + u" › "_s + (action->text().isEmpty() ? describe(action) : action->text());
    addText(texts, here, action->text());
    addText(texts, here + u" (tool tip)"_s, action->toolTip());
    if (QMenu *menu = action->menu()) {
        addText(texts, here + u" (menu)"_s, menu->title());
        for (QAction *child : menu->actions())
            addActionTexts(texts, here, child);
    }
}

// Everything under root that shows a text the program wrote (not data): window titles,
// labels, buttons, group boxes, tabs, placeholders, tool tips, combo box items, menus and
// their actions, and the column headers of item views.
QList<ShownText> shownTexts(QWidget *root)
{
    QList<ShownText> texts;
    addText(texts, describe(root) + u" (window title)"_s, root->windowTitle());
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(root) && widget != root)
            continue;
        const QString where = describe(widget);
        addText(texts, where + u" (tool tip)"_s, widget->toolTip());
        if (auto *label = qobject_cast<QLabel *>(widget))
            addText(texts, where, label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            addText(texts, where, button->text());
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            addText(texts, where, group->title());
        else if (auto *dock = qobject_cast<QDockWidget *>(widget))
            addText(texts, where, dock->windowTitle());
        else if (auto *line = qobject_cast<QLineEdit *>(widget))
            addText(texts, where + u" (placeholder)"_s, line->placeholderText());
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            addText(texts, where + u" (placeholder)"_s, plain->placeholderText());
        else if (auto *rich = qobject_cast<QTextEdit *>(widget))
            addText(texts, where + u" (placeholder)"_s, rich->placeholderText());
        if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                addText(texts, where + u" tab %1"_s.arg(i), tabs->tabText(i));
        }
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                addText(texts, where + u" item %1"_s.arg(i), combo->itemText(i));
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            QList<std::pair<Qt::Orientation, QHeaderView *>> headers;
            if (auto *table = qobject_cast<QTableView *>(view))
                headers = {{Qt::Horizontal, table->horizontalHeader()}};
            else if (auto *tree = qobject_cast<QTreeView *>(view))
                headers = {{Qt::Horizontal, tree->header()}};
            for (const auto &[orientation, header] : headers) {
                if (header->isHidden())
                    continue;
                for (int section = 0; section < view->model()->columnCount(); ++section)
                    addText(texts, where + u" header %1"_s.arg(section),
                            view->model()->headerData(section, orientation).toString());
            }
        }
        if (auto *menuBar = qobject_cast<QMenuBar *>(widget)) {
            for (QAction *action : menuBar->actions())
                addActionTexts(texts, where, action);
        }
    }
    // Actions of the window and its widgets: toolbar buttons, context menus, shortcuts' labels.
    for (QAction *action : root->findChildren<QAction *>()) {
        if (!action->text().isEmpty() || !action->toolTip().isEmpty())
            addActionTexts(texts, describe(root), action);
    }
    return texts;
}

// Latin words that may stand in the Chinese interface: names of products, protocols and
// formats that support staff use as they are, key names, and keyboard keys.
const QSet<QString> AllowedLatinWords = {
    u"AppKey"_s, u"AppSecret"_s, u"JSON"_s, u"ID"_s, u"URL"_s, u"cURL"_s, u"curl"_s, u"HTTP"_s,
    u"HTTPS"_s, u"http"_s, u"https"_s, u"UTC"_s, u"CSV"_s, u"csv"_s, u"json"_s, u"IM"_s, u"Qt"_s,
    u"QtKeychain"_s, u"MIT"_s, u"Secret"_s, u"Service"_s, u"GNOME"_s, u"KWallet"_s, u"Nonce"_s,
    u"CurTime"_s, u"CheckSum"_s, u"TLS"_s, u"PEM"_s, u"DER"_s, u"CA"_s, u"Ctrl"_s, u"Shift"_s, u"Esc"_s,
    u"Del"_s, u"Enter"_s, u"PgUp"_s, u"PgDown"_s,
    u"Schema"_s, // "JSON Schema" is the name of the standard, kept in Chinese texts too
    u"English"_s, // the language menu lists each language under its own name
    u"Windows"_s, u"macOS"_s, u"Linux"_s, u"Android"_s, u"iOS"_s, u"PC"_s, u"Web"_s,
    u"HarmonyOS"_s, u"REST"_s, u"API"_s, u"CLI"_s,
};

// The words of text that are neither data nor allowed: what did not go through the catalogue.
QStringList untranslatedWords(QString text, const QStringList &data)
{
    for (const QString &value : data)
        text.replace(value, u" "_s);
    static const QList<QRegularExpression> dataPatterns = {
        QRegularExpression(u"\\w+://\\S*"_s),                       // URLs
        QRegularExpression(u"[\\w@.\\-]+\\|\\d\\|[\\w@.\\-]+"_s),    // conversation IDs
        QRegularExpression(u"\\$\\S*"_s),                           // JSON paths
        QRegularExpression(u"\\{\\w+\\}"_s),                        // {field} names of the API
        QRegularExpression(u"\\bX-[\\w\\-]+"_s),                      // HTTP header names
        QRegularExpression(u"[\\w.@\\-]*[_\\d][\\w.@\\-]*"_s),       // key names, IDs, versions
        QRegularExpression(u"\\*\\.\\w+"_s),                        // file name filters
        QRegularExpression(u"\\bF\\d+\\b"_s),                       // function keys
    };
    for (const QRegularExpression &pattern : dataPatterns)
        text.replace(pattern, u" "_s);
    static const QRegularExpression word(u"[A-Za-z]{2,}"_s);
    QStringList words;
    for (const auto &match : word.globalMatch(text)) {
        if (!AllowedLatinWords.contains(match.captured()))
            words << match.captured();
    }
    return words;
}

} // namespace

// In Chinese, the main window and the dialogs show no English text that did not go through
// the catalogue (data and allowed product words aside).
class TestTranslatedWindows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void checkerFindsEnglish();
    void mainWindowIsTranslated();
    void welcomePageIsTranslated();
    void dialogsAreTranslated_data();
    void dialogsAreTranslated();

private:
    void verifyTranslated(QWidget *root, const QStringList &data);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
};

void TestTranslatedWindows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const TranslationLoader::Outcome outcome = TranslationLoader::install(*qApp, u"zh_CN"_s);
    QVERIFY2(outcome.translated && outcome.error.isEmpty(), qPrintable(outcome.error));
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
}

// The window check must be able to fail: an English label is caught, data is not.
void TestTranslatedWindows::checkerFindsEnglish()
{
    QWidget window;
    window.setWindowTitle(u"会话工作台"_s);
    auto *english = new QLabel(u"&Load the conversation"_s, &window);
    auto *data = new QLabel(u"support_demo|1|alice · http://127.0.0.1:8080 · $.last_message · F5"_s, &window);
    auto *allowed = new QLabel(u"有效的 JSON（对象），AppKey"_s, &window);
    english->setObjectName(u"english"_s);
    data->setObjectName(u"data"_s);
    allowed->setObjectName(u"allowed"_s);
    QStringList flagged;
    for (const ShownText &shown : shownTexts(&window)) {
        if (!untranslatedWords(shown.text, {}).isEmpty())
            flagged << shown.where;
    }
    QCOMPARE(flagged, QStringList{u"QLabel \"english\""_s});
    QCOMPARE(untranslatedWords(english->text().remove(u'&'), {}),
             (QStringList{u"Load"_s, u"the"_s, u"conversation"_s}));
}

void TestTranslatedWindows::verifyTranslated(QWidget *root, const QStringList &data)
{
    // For looking at the translated windows: CONVDESK_TRANSLATION_SHOTS=<folder> saves each one.
    if (const QString shots = qEnvironmentVariable("CONVDESK_TRANSLATION_SHOTS"); !shots.isEmpty()) {
        QString name = QString::fromLatin1(QTest::currentTestFunction()) + u'-'
                             + QString::fromLatin1(QTest::currentDataTag() ? QTest::currentDataTag() : "")
                             + u".png"_s;
        QVERIFY(root->grab().save(QDir(shots).filePath(name.replace(u' ', u'_'))));
    }
    const QList<ShownText> texts = shownTexts(root);
    QVERIFY(texts.size() > 2);
    QStringList problems;
    for (const ShownText &shown : texts) {
        const QStringList words = untranslatedWords(shown.text, data);
        if (!words.isEmpty())
            problems << u"%1: \"%2\" (%3)"_s.arg(shown.where, shown.text.simplified(), words.join(u' '));
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 shows text that did not go through the catalogue:\n"_s.arg(describe(root))
                        + problems.join(u'\n')));
}

void TestTranslatedWindows::mainWindowIsTranslated()
{
    QSettings settings(m_dir.filePath(u"main.ini"_s), QSettings::IniFormat);
    InMemorySecretStore secrets;
    MainWindow window(settings, secrets);
    QSignalSpy shown(&window, &MainWindow::conversationShown);
    window.enableSandbox(m_sandbox->baseUrl(), m_sandbox->credentials(), m_sandbox->conversationIds());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(shown.size() > 0 || shown.wait(10000));
    QVERIFY2(window.windowTitle().contains(u"会话工作台"_s), qPrintable(window.windowTitle()));
    verifyTranslated(&window, m_sandbox->conversationIds());
}

void TestTranslatedWindows::welcomePageIsTranslated()
{
    QSettings settings(m_dir.filePath(u"welcome.ini"_s), QSettings::IniFormat);
    InMemorySecretStore secrets;
    MainWindow window(settings, secrets); // no profile: a first start
    QVERIFY(window.isWelcomeShown());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    verifyTranslated(&window, {});
}

void TestTranslatedWindows::dialogsAreTranslated_data()
{
    QTest::addColumn<QString>("dialog");
    for (const QString &name : test::AllWindows::dialogNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestTranslatedWindows::dialogsAreTranslated()
{
    QFETCH(QString, dialog);
    const QString id = m_sandbox->conversationIds().value(0);
    test::AllWindows windows(m_dir.path(), id, m_sandbox->credentials().appKey);
    std::unique_ptr<QWidget> widget = windows.make(dialog);
    QVERIFY(widget);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    verifyTranslated(widget.get(), {id, windows.profile().appKey, windows.profile().name});
}

QTEST_MAIN(TestTranslatedWindows)
#include "tst_translatedwindows.moc"

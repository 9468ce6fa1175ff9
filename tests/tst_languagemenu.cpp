#include "LanguageMenu.h"
#include "MainWindow.h"
#include "i18n/TranslationLoader.h"
#include "secrets/InMemorySecretStore.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestLanguageMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void checksTheStoredChoice_data();
    void checksTheStoredChoice();
    void choiceIsStoredForTheNextStart_data();
    void choiceIsStoredForTheNextStart();
    void mainWindowSaysItAppliesAfterRestart();

private:
    QString settingsPath(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QTemporaryDir m_dir;
};

void TestLanguageMenu::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestLanguageMenu::checksTheStoredChoice_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QString>("checked");
    QTest::newRow("nothing stored") << QVariant() << u"languageSystemAction"_s;
    QTest::newRow("empty: system") << QVariant(QString()) << u"languageSystemAction"_s;
    QTest::newRow("en") << QVariant(u"en"_s) << u"languageAction_en"_s;
    QTest::newRow("zh_CN") << QVariant(u"zh_CN"_s) << u"languageAction_zh_CN"_s;
    QTest::newRow("unknown acts as system") << QVariant(u"tlh"_s) << u"languageSystemAction"_s;
}

void TestLanguageMenu::checksTheStoredChoice()
{
    QFETCH(QVariant, stored);
    QFETCH(QString, checked);
    QSettings settings(settingsPath("checked.ini"), QSettings::IniFormat);
    settings.clear();
    if (stored.isValid())
        settings.setValue(TranslationLoader::settingsKey(), stored);
    LanguageMenu menu(settings);
    const QList<QAction *> actions = menu.actions();
    QCOMPARE(actions.size(), 3);
    QStringList checkedNames;
    for (const QAction *action : actions) {
        QVERIFY(action->isCheckable());
        if (action->isChecked())
            checkedNames << action->objectName();
    }
    QCOMPARE(checkedNames, QStringList{checked});
}

void TestLanguageMenu::choiceIsStoredForTheNextStart_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("name");
    QTest::newRow("zh_CN") << u"languageAction_zh_CN"_s << u"zh_CN"_s << u"简体中文"_s;
    QTest::newRow("en") << u"languageAction_en"_s << u"en"_s << u"English"_s;
    QTest::newRow("system") << u"languageSystemAction"_s << QString() << u"System default"_s;
}

void TestLanguageMenu::choiceIsStoredForTheNextStart()
{
    QFETCH(QString, action);
    QFETCH(QString, language);
    QFETCH(QString, name);
    QSettings settings(settingsPath("chosen.ini"), QSettings::IniFormat);
    settings.setValue(TranslationLoader::settingsKey(), u"other"_s);
    LanguageMenu menu(settings);
    QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
    auto *item = menu.findChild<QAction *>(action);
    QVERIFY(item);
    item->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), language);
    QCOMPARE(settings.value(TranslationLoader::settingsKey()).toString(), language);
    QVERIFY(item->isChecked());
    QVERIFY2(menu.restartNote().contains(name) && menu.restartNote().contains(u"next time"_s),
             qPrintable(menu.restartNote()));
    // What TranslationLoader reads at the next start (without --lang or CONVDESK_LANG).
    settings.sync();
    QCOMPARE(QSettings(settingsPath("chosen.ini"), QSettings::IniFormat).value(TranslationLoader::settingsKey()).toString(),
             language);
}

void TestLanguageMenu::mainWindowSaysItAppliesAfterRestart()
{
    QSettings settings(settingsPath("window.ini"), QSettings::IniFormat);
    InMemorySecretStore secrets;
    MainWindow window(settings, secrets);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *menu = window.findChild<LanguageMenu *>(u"languageMenu"_s);
    QVERIFY(menu);
    QVERIFY(menu->menuAction()->isVisible());
    window.findChild<QAction *>(u"languageAction_zh_CN"_s)->trigger();
    QCOMPARE(settings.value(TranslationLoader::settingsKey()).toString(), u"zh_CN"_s);
    auto *status = window.findChild<QLabel *>(u"callOutcome"_s);
    QVERIFY(status);
    QCOMPARE(status->text(), menu->restartNote());
}

QTEST_MAIN(TestLanguageMenu)
#include "tst_languagemenu.moc"

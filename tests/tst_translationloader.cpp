#include "i18n/TranslationLoader.h"
#include "platform/AppIdentity.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestTranslationLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void takeLanguageOption_data();
    void takeLanguageOption();
    void requestedLanguagePrecedence();
    void installsChineseAndQtCatalogues_data();
    void installsChineseAndQtCatalogues();
    void englishHasPluralForms();
    void settingElseSystemLocale();
    void unknownLanguageIsReported();

private:
    static QString translate(const char *context, const char *source, int n = -1)
    {
        return QCoreApplication::translate(context, source, nullptr, n);
    }
};

void TestTranslationLoader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings() writes under ~/.qttest
    AppIdentity::apply();
}

void TestTranslationLoader::init()
{
    qunsetenv("CONVDESK_LANG");
    QSettings().remove(TranslationLoader::settingsKey());
}

void TestTranslationLoader::cleanup()
{
    // Deleting a translator uninstalls it, so every test starts untranslated.
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    QLocale::setDefault(QLocale::c());
    QSettings().remove(TranslationLoader::settingsKey());
    qunsetenv("CONVDESK_LANG");
}

void TestTranslationLoader::takeLanguageOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("remaining");
    const QString program = u"convdesk-cli"_s;
    QTest::newRow("absent") << QStringList{program, u"get"_s, u"a|1|b"_s} << QString()
                            << QStringList{program, u"get"_s, u"a|1|b"_s};
    QTest::newRow("separate value") << QStringList{program, u"--lang"_s, u"zh_CN"_s, u"--help"_s}
                                    << u"zh_CN"_s << QStringList{program, u"--help"_s};
    QTest::newRow("with =") << QStringList{program, u"get"_s, u"--lang=en"_s, u"x"_s} << u"en"_s
                            << QStringList{program, u"get"_s, u"x"_s};
    QTest::newRow("last one wins") << QStringList{program, u"--lang=en"_s, u"--lang"_s, u"zh_CN"_s}
                                   << u"zh_CN"_s << QStringList{program};
    QTest::newRow("after --") << QStringList{program, u"--"_s, u"--lang=en"_s} << QString()
                              << QStringList{program, u"--"_s, u"--lang=en"_s};
    QTest::newRow("program name is not an option") << QStringList{u"--lang=en"_s} << QString()
                                                   << QStringList{u"--lang=en"_s};
}

void TestTranslationLoader::takeLanguageOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, language);
    QFETCH(QStringList, remaining);
    QCOMPARE(TranslationLoader::takeLanguageOption(arguments), language);
    QCOMPARE(arguments, remaining);
}

void TestTranslationLoader::requestedLanguagePrecedence()
{
    QCOMPARE(TranslationLoader::requestedLanguage({}), QString()); // the system's
    QSettings().setValue(TranslationLoader::settingsKey(), u"zh_CN"_s);
    QCOMPARE(TranslationLoader::requestedLanguage({}), u"zh_CN"_s);
    qputenv("CONVDESK_LANG", "en");
    QCOMPARE(TranslationLoader::requestedLanguage({}), u"en"_s);
    QCOMPARE(TranslationLoader::requestedLanguage(u"zh_CN"_s), u"zh_CN"_s);
}

void TestTranslationLoader::installsChineseAndQtCatalogues_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("zh_CN") << u"zh_CN"_s;
    QTest::newRow("zh-CN") << u"zh-CN"_s;
    QTest::newRow("zh") << u"zh"_s;
}

void TestTranslationLoader::installsChineseAndQtCatalogues()
{
    QFETCH(QString, code);
    const TranslationLoader::Outcome outcome = TranslationLoader::install(*QCoreApplication::instance(), code);
    QVERIFY(outcome.error.isEmpty());
    QVERIFY(outcome.translated);
    QCOMPARE(outcome.locale.language(), QLocale::Chinese);
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QCOMPARE(translate("convdesk::ErrorText", "rate limited"), u"限流"_s);
    QCOMPARE(translate("ConversationId", "super team"), u"超大群"_s);
    // Qt's own texts (buttons of dialog button boxes, QCommandLineParser's --help) come from
    // qtbase_zh_CN.qm in Qt's translations folder.
    QCOMPARE(translate("QPlatformTheme", "Cancel"), u"取消"_s);
    QCOMPARE(translate("QCommandLineParser", "Displays version information."), u"显示版本信息。"_s);
}

void TestTranslationLoader::englishHasPluralForms()
{
    const char *context = "convdesk::HistoryDialog";
    const char *source = "%n save attempt(s).";
    const TranslationLoader::Outcome outcome = TranslationLoader::install(*QCoreApplication::instance(), u"en"_s);
    QVERIFY(outcome.error.isEmpty());
    QVERIFY(outcome.translated);
    QCOMPARE(translate(context, source, 1), u"1 save attempt."_s);
    QCOMPARE(translate(context, source, 3), u"3 save attempts."_s);
    QCOMPARE(translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

void TestTranslationLoader::settingElseSystemLocale()
{
    // An empty setting follows the system locale (tst_clitranslation runs the CLI under
    // LANG=zh_CN.UTF-8 for the real thing); a stored language is used without --lang.
    QSettings().setValue(TranslationLoader::settingsKey(), QString());
    TranslationLoader::Outcome outcome = TranslationLoader::install(*QCoreApplication::instance(), {});
    QCOMPARE(outcome.locale, QLocale::system());
    QVERIFY(outcome.error.isEmpty());
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    QSettings().setValue(TranslationLoader::settingsKey(), u"zh_CN"_s);
    outcome = TranslationLoader::install(*QCoreApplication::instance(), {});
    QVERIFY(outcome.translated);
    QCOMPARE(translate("convdesk::ErrorText", "rate limited"), u"限流"_s);
}

void TestTranslationLoader::unknownLanguageIsReported()
{
    const TranslationLoader::Outcome outcome = TranslationLoader::install(*QCoreApplication::instance(), u"fr"_s);
    QVERIFY2(outcome.error.contains(u"\"fr\""_s) && outcome.error.contains(u"en, zh_CN"_s),
             qPrintable(outcome.error));
    // English, the source language, instead.
    QCOMPARE(outcome.locale.language(), QLocale::English);
    QCOMPARE(translate("convdesk::ErrorText", "rate limited"), u"rate limited"_s);
    QCOMPARE(translate("QPlatformTheme", "Cancel"), u"Cancel"_s);
}

QTEST_GUILESS_MAIN(TestTranslationLoader)
#include "tst_translationloader.moc"

#include "i18n/TranslationLoader.h"
#include "platform/AppIdentity.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli and convdesk --help speak the language of the system locale, of the setting
// the GUI's Language menu writes, of CONVDESK_LANG or of --lang, in that rising order.
class TestCliTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void helpFollowsTheLanguage_data();
    void helpFollowsTheLanguage();
    void errorsAreTranslated();
    void settingIsFollowed();
    void unknownLanguageIsReported();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString &program, const QStringList &arguments, const QString &lang,
            const QString &convdeskLang = {});

    QTemporaryDir m_home;
};

void TestCliTranslation::initTestCase()
{
    QVERIFY(m_home.isValid());
    AppIdentity::apply();
    // The programs' QSettings file, found through the XDG_CONFIG_HOME they are given.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
}

void TestCliTranslation::init()
{
    QSettings settings;
    settings.remove(TranslationLoader::settingsKey());
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

TestCliTranslation::Run TestCliTranslation::run(const QString &program, const QStringList &arguments,
                                                const QString &lang, const QString &convdeskLang)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "CONVDESK_LANG"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(u"LANG"_s, lang);
    if (!convdeskLang.isEmpty())
        environment.insert(u"CONVDESK_LANG"_s, convdeskLang);
    environment.insert(u"HOME"_s, m_home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCliTranslation::helpFollowsTheLanguage_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("convdeskLang");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("absent");

    const QString cli = QStringLiteral(CONVDESK_CLI_PATH);
    const QString gui = QStringLiteral(CONVDESK_GUI_PATH);
    // "用法" and "选项" come from Qt's catalogue (QCommandLineParser), the rest from ours.
    const QStringList chineseCli{u"用法：convdesk-cli [选项]"_s, u"选项："_s, u"会话工作台命令行"_s,
                                 u"显示版本信息。"_s, u"退出码：0 成功"_s};
    const QStringList englishCli{u"Usage:"_s, u"Options:"_s, u"Conversation Desk command line"_s,
                                 u"Exit codes: 0 ok"_s};
    QTest::newRow("cli, system zh_CN") << cli << QStringList{u"--help"_s} << u"zh_CN.UTF-8"_s << QString()
                                       << chineseCli << u"Usage:"_s;
    QTest::newRow("cli, system C") << cli << QStringList{u"--help"_s} << u"C.UTF-8"_s << QString() << englishCli
                                   << u"用法"_s;
    QTest::newRow("cli, system en_US") << cli << QStringList{u"--help"_s} << u"en_US.UTF-8"_s << QString()
                                       << englishCli << u"用法"_s;
    QTest::newRow("cli, --lang zh_CN over C") << cli << QStringList{u"--lang"_s, u"zh_CN"_s, u"--help"_s}
                                              << u"C.UTF-8"_s << QString() << chineseCli << u"Usage:"_s;
    QTest::newRow("cli, CONVDESK_LANG=en over zh_CN") << cli << QStringList{u"--help"_s} << u"zh_CN.UTF-8"_s
                                                      << u"en"_s << englishCli << u"用法"_s;
    QTest::newRow("cli, --lang=en over CONVDESK_LANG=zh_CN")
        << cli << QStringList{u"--help"_s, u"--lang=en"_s} << u"C.UTF-8"_s << u"zh_CN"_s << englishCli << u"用法"_s;
    // A command's own help (its options are its own, no longer in the program's --help).
    QTest::newRow("cli set-extension --help, --lang zh_CN")
        << cli << QStringList{u"--lang"_s, u"zh_CN"_s, u"set-extension"_s, u"--help"_s} << u"C.UTF-8"_s << QString()
        << QStringList{u"用法：convdesk-cli set-extension [选项] CONVERSATION_ID"_s, u"选项："_s,
                       u"从标准输入读取新的服务端扩展字段。"_s, u"替换会话的服务端扩展字段"_s}
        << u"Usage:"_s;
    QTest::newRow("cli set-extension --help, system C")
        << cli << QStringList{u"set-extension"_s, u"--help"_s} << u"C.UTF-8"_s << QString()
        << QStringList{u"Usage: convdesk-cli set-extension [options] CONVERSATION_ID"_s,
                       u"Read the new server_extension from standard input."_s}
        << u"用法"_s;
    QTest::newRow("gui, system zh_CN")
        << gui << QStringList{u"--help"_s} << u"zh_CN.UTF-8"_s << QString()
        << QStringList{u"用法："_s, u"查询网易云信 IM 会话"_s, u"--lang <CODE>"_s, u"界面语言"_s,
                       u"内置的模拟器"_s}
        << u"Usage:"_s;
    QTest::newRow("gui, --lang en") << gui << QStringList{u"--lang"_s, u"en"_s, u"--help"_s} << u"zh_CN.UTF-8"_s
                                    << QString() << QStringList{u"Usage:"_s, u"Look up a NetEase Yunxin"_s}
                                    << u"用法"_s;
}

void TestCliTranslation::helpFollowsTheLanguage()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, lang);
    QFETCH(QString, convdeskLang);
    QFETCH(QStringList, expected);
    QFETCH(QString, absent);
    const Run help = run(program, arguments, lang, convdeskLang);
    QCOMPARE(help.exitCode, 0);
    for (const QString &text : expected)
        QVERIFY2(help.out.contains(text), qPrintable(u"no \"%1\" in:\n%2"_s.arg(text, help.out)));
    QVERIFY2(!help.out.contains(absent), qPrintable(help.out));
    QVERIFY2(help.err.isEmpty(), qPrintable(help.err));
}

void TestCliTranslation::errorsAreTranslated()
{
    const QString cli = QStringLiteral(CONVDESK_CLI_PATH);
    Run failed = run(cli, {u"frobnicate"_s}, u"zh_CN.UTF-8"_s);
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(u"convdesk-cli：未知命令“frobnicate”。"_s), qPrintable(failed.err));
    QVERIFY2(failed.err.contains(u"运行“convdesk-cli --help”查看用法。"_s), qPrintable(failed.err));

    // Input checks in the core are translated too: a malformed conversation ID.
    failed = run(cli, {u"get"_s, u"acc1|9|acc2"_s}, u"zh_CN.UTF-8"_s);
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(u"会话类型“9”不是 1（单聊）、2（高级群）或 3（超大群）。"_s), qPrintable(failed.err));

    // Qt's own parser errors come from Qt's catalogue.
    failed = run(cli, {u"--no-such-option"_s}, u"zh_CN.UTF-8"_s);
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(u"未知选项"_s), qPrintable(failed.err));
}

void TestCliTranslation::settingIsFollowed()
{
    {
        QSettings settings;
        settings.setValue(TranslationLoader::settingsKey(), u"zh_CN"_s);
        settings.sync();
        QVERIFY2(QFile::exists(settings.fileName()), qPrintable(settings.fileName()));
    }
    Run help = run(QStringLiteral(CONVDESK_CLI_PATH), {u"--help"_s}, u"C.UTF-8"_s);
    QVERIFY2(help.out.contains(u"会话工作台命令行"_s), qPrintable(help.out));
    help = run(QStringLiteral(CONVDESK_CLI_PATH), {u"--help"_s}, u"C.UTF-8"_s, u"en"_s);
    QVERIFY2(help.out.contains(u"Conversation Desk command line"_s), qPrintable(help.out));
}

void TestCliTranslation::unknownLanguageIsReported()
{
    const Run help = run(QStringLiteral(CONVDESK_CLI_PATH), {u"--lang"_s, u"tlh"_s, u"--help"_s}, u"C.UTF-8"_s);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.err.contains(u"The language \"tlh\" is not available; use one of: en, zh_CN."_s),
             qPrintable(help.err));
    QVERIFY2(help.out.contains(u"Usage:"_s), qPrintable(help.out));
}

QTEST_GUILESS_MAIN(TestCliTranslation)
#include "tst_clitranslation.moc"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// The desktop entry, the AppStream metainfo and the man page as packaging/CMakeLists.txt
// installs them: the validators accept them, their ids agree, and the man page keeps up
// with convdesk-cli's options, commands and exit codes. Validators that are not installed
// skip their check (scripts/install-deps.sh installs them).
class TestPackagingFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void desktopEntryValidates();
    void metainfoValidates();
    void idsAndVersionAgree();
    void manPageRendersWithoutWarnings();
    void manPageDocumentsEveryCliOption();
    void manPageDocumentsEveryCommand();
    void manPageDocumentsEveryExitCode();

private:
    static QString appId() { return QStringLiteral(CONVDESK_APP_ID); }
    static QString desktopFile() { return QStringLiteral(CONVDESK_RESOURCES_DIR "/" CONVDESK_APP_ID ".desktop"); }
    static QString metainfoFile() { return QStringLiteral(CONVDESK_PACKAGING_BINARY_DIR "/" CONVDESK_APP_ID ".metainfo.xml"); }
    static QString manPage() { return QStringLiteral(CONVDESK_PACKAGING_BINARY_DIR "/convdesk-cli.1"); }

    struct Run
    {
        int exitCode = -1;
        QString output; // standard output and error together
    };
    static Run run(const QString &program, const QStringList &arguments);
    static QString readText(const QString &path);
    static QString renderedManPage();
    static QString cliHelp();
    static QStringList cliCommands();
    static QString everyCliHelp();
};

TestPackagingFiles::Run TestPackagingFiles::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return {-1, u"%1 did not finish: %2"_s.arg(program, process.errorString())};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString TestPackagingFiles::readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString TestPackagingFiles::renderedManPage()
{
    // Wide, unhyphenated plain text, so that every option appears whole on one line.
    const Run groff = run(u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-P-cbou"_s, u"-rLL=250n"_s, u"-rHY=0"_s, manPage()});
    return groff.exitCode == 0 ? groff.output : QString();
}

QString TestPackagingFiles::cliHelp()
{
    const Run help = run(QStringLiteral(CONVDESK_CLI_PATH), {u"--help"_s});
    return help.exitCode == 0 ? help.output : QString();
}

// "  profile add NAME (...)" -> "profile add"; continuation lines are indented further.
QStringList TestPackagingFiles::cliCommands()
{
    const QString commandsHelp = cliHelp().section(u"Commands:\n"_s, 1).section(u"\n\n"_s, 0, 0);
    static const QRegularExpression commandLine(u"^  ([a-z][a-z-]*(?: [a-z][a-z-]*)*)(?= |$)"_s,
                                                QRegularExpression::MultilineOption);
    QStringList commands;
    for (auto match = commandLine.globalMatch(commandsHelp); match.hasNext();) {
        const QString command = match.next().captured(1);
        commands << command.section(u' ', 0, command.startsWith(u"profile "_s) ? 1 : 0);
    }
    return commands;
}

// The program's --help and each command's: every option is in one of them.
QString TestPackagingFiles::everyCliHelp()
{
    QString text = cliHelp();
    for (const QString &command : cliCommands()) {
        const Run help = run(QStringLiteral(CONVDESK_CLI_PATH), command.split(u' ') + QStringList{u"--help"_s});
        if (help.exitCode != 0)
            return {};
        text += help.output;
    }
    return text;
}

void TestPackagingFiles::desktopEntryValidates()
{
    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    const Run result = run(validator, {desktopFile()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    // Hints too: they would name something a menu shows twice or not at all.
    QVERIFY2(result.output.trimmed().isEmpty(), qPrintable(result.output));
}

void TestPackagingFiles::metainfoValidates()
{
    const QString validator = QStandardPaths::findExecutable(u"appstreamcli"_s);
    if (validator.isEmpty())
        QSKIP("appstreamcli is not installed (package appstream)");
    const Run result = run(validator, {u"validate"_s, u"--no-net"_s, metainfoFile()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
}

void TestPackagingFiles::idsAndVersionAgree()
{
    const QString desktop = readText(desktopFile());
    QVERIFY2(!desktop.isEmpty(), qPrintable(desktopFile()));
    QVERIFY(desktop.contains(u"\nIcon="_s + appId() + u'\n'));
    // Links (convdesk://open?…) reach the program as its argument.
    QVERIFY(desktop.contains(u"\nExec=convdesk %u\n"_s));
    QVERIFY(desktop.contains(u"\nMimeType=x-scheme-handler/convdesk;\n"_s));
    QVERIFY(QFileInfo::exists(QStringLiteral(CONVDESK_RESOURCES_DIR "/icons/hicolor/scalable/apps/") + appId() + u".svg"_s));

    QFile metainfo(metainfoFile());
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&metainfo);
    QString id, launchable, releaseVersion;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "id"_L1)
            id = xml.readElementText();
        else if (xml.name() == "launchable"_L1)
            launchable = xml.readElementText();
        else if (xml.name() == "release"_L1 && releaseVersion.isEmpty())
            releaseVersion = xml.attributes().value("version"_L1).toString();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(id, appId());
    QCOMPARE(launchable, appId() + u".desktop"_s);
    QCOMPARE(releaseVersion, QStringLiteral(CONVDESK_EXPECTED_VERSION));
    QVERIFY(readText(manPage()).contains(u"\"Conversation Desk "_s + QStringLiteral(CONVDESK_EXPECTED_VERSION) + u'"'));
}

void TestPackagingFiles::manPageRendersWithoutWarnings()
{
    if (QStandardPaths::findExecutable(u"groff"_s).isEmpty())
        QSKIP("groff is not installed (package groff-base)");
    const Run result = run(u"groff"_s, {u"-man"_s, u"-ww"_s, u"-z"_s, manPage()});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.output.isEmpty(), qPrintable(result.output));
    const QString text = renderedManPage();
    for (const auto section : {"NAME"_L1, "SYNOPSIS"_L1, "COMMANDS"_L1, "OPTIONS"_L1, "EXIT STATUS"_L1, "FILES"_L1})
        QVERIFY2(text.contains(u'\n' + section + u'\n'), qPrintable(section));
}

void TestPackagingFiles::manPageDocumentsEveryCliOption()
{
    if (QStandardPaths::findExecutable(u"groff"_s).isEmpty())
        QSKIP("groff is not installed (package groff-base)");
    const QString help = everyCliHelp();
    const QString text = renderedManPage();
    QVERIFY(!help.isEmpty() && !text.isEmpty());
    const QString options = u'\n' + text.section(u"\nOPTIONS\n"_s, 1).section(u"\nEXIT STATUS\n"_s, 0, 0);
    static const QRegularExpression optionLine(u"^  (?:-\\w, )?(--[a-z-]+)"_s, QRegularExpression::MultilineOption);
    int count = 0;
    for (auto match = optionLine.globalMatch(help); match.hasNext(); ++count) {
        const QString option = match.next().captured(1);
        // Each option has its own entry at the start of a line in OPTIONS.
        static const QString entry = u"\n       %1"_s;
        QVERIFY2(options.contains(entry.arg(option)) || options.contains(u", "_s + option),
                 qPrintable(u"%1 is not documented in the OPTIONS of convdesk-cli(1)"_s.arg(option)));
    }
    QVERIFY2(count >= 10, qPrintable(help)); // the parse found the option list at all
}

void TestPackagingFiles::manPageDocumentsEveryCommand()
{
    if (QStandardPaths::findExecutable(u"groff"_s).isEmpty())
        QSKIP("groff is not installed (package groff-base)");
    const QString commands = u'\n' + renderedManPage().section(u"\nCOMMANDS\n"_s, 1).section(u"\nOPTIONS\n"_s, 0, 0);
    const QStringList helpCommands = cliCommands();
    for (const QString &command : helpCommands) {
        QVERIFY2(commands.contains(u"\n       "_s + command),
                 qPrintable(u"\"%1\" is not documented in the COMMANDS of convdesk-cli(1)"_s.arg(command)));
    }
    QVERIFY2(helpCommands.size() >= 7, qPrintable(cliHelp()));
}

void TestPackagingFiles::manPageDocumentsEveryExitCode()
{
    const QString codes = readText(QStringLiteral(CONVDESK_CLI_EXIT_CODES_HEADER));
    const QString page = readText(manPage()).section(u".SH EXIT STATUS\n"_s, 1).section(u"\n.SH "_s, 0, 0);
    QVERIFY(!codes.isEmpty() && !page.isEmpty());
    static const QRegularExpression enumerator(u"^\\s+Exit\\w+ = (\\d+),"_s, QRegularExpression::MultilineOption);
    int count = 0;
    for (auto match = enumerator.globalMatch(codes); match.hasNext(); ++count) {
        const QString code = match.next().captured(1);
        QVERIFY2(page.contains(u".TP\n.B "_s + code + u'\n'),
                 qPrintable(u"exit status %1 is not documented in convdesk-cli(1)"_s.arg(code)));
    }
    QVERIFY2(count >= 5, qPrintable(codes));
}

QTEST_GUILESS_MAIN(TestPackagingFiles)
#include "tst_packagingfiles.moc"

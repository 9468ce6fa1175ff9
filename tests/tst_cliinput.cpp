#include "BoundedInput.h"
#include "CliExitCode.h"
#include "SandboxServer.h"
#include "secrets/InMemorySecretStore.h"
#include "support/InProcessCli.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// What convdesk-cli reads from files and standard input (in this process, support/InProcessCli.h):
// at most 64 KiB for a value and 4 KiB for the AppSecret, however much the source holds
// (/dev/zero never ends); empty values only with --allow-empty; no NUL characters.
class TestCliInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void limits_data();
    void limits();
    void emptyValueNeedsAllowEmpty_data();
    void emptyValueNeedsAllowEmpty();
    void nulCharactersAreRefused_data();
    void nulCharactersAreRefused();

private:
    // Runs set-extension (or profile add for "secret") with `bytes` in the place `source` names;
    // "zero" bytes stand for /dev/zero itself.
    CliRun runWith(const QString &source, const QByteArray &bytes, const QStringList &extra = {});
    QString writeFile(const QByteArray &bytes);
    QString serverValue() const;

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    std::unique_ptr<QTemporaryDir> m_files;
    QString m_firstId;
};

namespace {
const QByteArray DevZero = "zero";
constexpr qsizetype ValueLimit = BoundedInput::MaxValueBytes;
constexpr qsizetype SecretLimit = BoundedInput::MaxSecretBytes;

struct FileCloser
{
    void operator()(FILE *file) const { std::fclose(file); }
};
} // namespace

void TestCliInput::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    m_cli = std::make_unique<InProcessCli>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = m_cli->run({u"profile"_s, u"add"_s, u"sandbox"_s, u"--endpoint"_s,
                                   m_sandbox->baseUrl().toString(), u"--app-key"_s, demo.appKey},
                                  demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

void TestCliInput::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
    m_files.reset();
}

QString TestCliInput::writeFile(const QByteArray &bytes)
{
    static int counter = 0;
    const QString path = m_files->filePath(u"input-%1"_s.arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString TestCliInput::serverValue() const
{
    return QString::fromStdString((*m_sandbox->conversation(m_firstId))["server_extension"].get<std::string>());
}

CliRun TestCliInput::runWith(const QString &source, const QByteArray &bytes, const QStringList &extra)
{
    const QString path = bytes == DevZero ? u"/dev/zero"_s : writeFile(bytes);
    QStringList arguments{u"set-extension"_s, m_firstId};
    if (source == u"file")
        arguments << u"--file"_s << path;
    else if (source == u"expect-file")
        arguments << u"--value"_s << u"{}"_s << u"--expect-file"_s << path;
    else if (source == u"stdin")
        arguments << u"--stdin"_s;
    else // secret
        arguments = {u"profile"_s, u"add"_s, u"other"_s, u"--region"_s, u"mainland"_s, u"--app-key"_s, u"k"_s};
    arguments += extra;
    const bool fromStdin = source == u"stdin" || source == u"secret";
    const std::unique_ptr<FILE, FileCloser> in(
        std::fopen(qPrintable(fromStdin ? path : m_files->filePath(u"empty"_s)), fromStdin ? "rb" : "w+b"));
    return m_cli->run(arguments, in.get());
}

void TestCliInput::limits_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // on stderr
    const QString valueTooLong = u"holds more than 65536 bytes (64 KiB)"_s;
    const QString secretTooLong = u"holds more than 4096 bytes (4 KiB)"_s;
    const QString overCharacterLimit = u"the server accepts at most 1024"_s;
    const QByteArray value(ValueLimit, 'x');

    QTest::newRow("/dev/zero as --file") << u"file"_s << DevZero << int(ExitUsage) << u"/dev/zero "_s + valueTooLong;
    QTest::newRow("/dev/zero as --expect-file")
        << u"expect-file"_s << DevZero << int(ExitUsage) << u"/dev/zero "_s + valueTooLong;
    QTest::newRow("/dev/zero on --stdin") << u"stdin"_s << DevZero << int(ExitUsage)
                                          << u"standard input "_s + valueTooLong;
    QTest::newRow("/dev/zero as the AppSecret") << u"secret"_s << DevZero << int(ExitUsage)
                                                << u"The AppSecret on standard input "_s + secretTooLong;
    // Exactly at the limit the input is read; the server's own limit then applies.
    QTest::newRow("--file of 64 KiB") << u"file"_s << value << int(ExitUsage) << overCharacterLimit;
    QTest::newRow("--file of 64 KiB + 1") << u"file"_s << value + 'x' << int(ExitUsage) << valueTooLong;
    QTest::newRow("--stdin of 64 KiB") << u"stdin"_s << value << int(ExitUsage) << overCharacterLimit;
    QTest::newRow("--stdin of 64 KiB + 1") << u"stdin"_s << value + 'x' << int(ExitUsage) << valueTooLong;
    QTest::newRow("--expect-file of 64 KiB") << u"expect-file"_s << value << int(ExitConflict) << u"not saved"_s;
    QTest::newRow("--expect-file of 64 KiB + 1") << u"expect-file"_s << value + 'x' << int(ExitUsage)
                                                 << valueTooLong;
    QTest::newRow("AppSecret of 4 KiB") << u"secret"_s << QByteArray(SecretLimit, 's') + '\n' << int(ExitOk)
                                        << u"saved"_s;
    QTest::newRow("AppSecret of 4 KiB, CRLF") << u"secret"_s << QByteArray(SecretLimit, 's') + "\r\n"
                                              << int(ExitOk) << u"saved"_s;
    QTest::newRow("AppSecret of 4 KiB + 1") << u"secret"_s << QByteArray(SecretLimit + 1, 's') + '\n'
                                            << int(ExitUsage) << secretTooLong;
}

void TestCliInput::limits()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, bytes);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString before = serverValue();
    const CliRun run = runWith(source, bytes);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(serverValue(), before);
    if (source == u"secret")
        QCOMPARE(m_cli->secrets().contains(u"other"_s), exitCode == ExitOk);
    if (exitCode == ExitOk)
        QCOMPARE(m_cli->secrets().readBlocking(u"other"_s).secret.size(), SecretLimit);
    if (exitCode == ExitUsage)
        QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestCliInput::emptyValueNeedsAllowEmpty_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("allowEmpty");
    for (const QString &source : {u"value"_s, u"file"_s, u"stdin"_s}) {
        QTest::addRow("--%s", qPrintable(source)) << source << false;
        QTest::addRow("--%s --allow-empty", qPrintable(source)) << source << true;
    }
}

void TestCliInput::emptyValueNeedsAllowEmpty()
{
    QFETCH(QString, source);
    QFETCH(bool, allowEmpty);
    const QString before = serverValue();
    QVERIFY(!before.isEmpty());
    const QStringList extra = allowEmpty ? QStringList{u"--allow-empty"_s} : QStringList();
    const CliRun run = source == u"value"
                           ? m_cli->run(QStringList{u"set-extension"_s, m_firstId, u"--value"_s, QString()} + extra)
                           : runWith(source, QByteArray(), extra);
    if (allowEmpty) {
        QVERIFY2(run.exitCode == ExitOk, run.err.constData());
        QCOMPARE(serverValue(), QString());
    } else {
        QCOMPARE(run.exitCode, int(ExitUsage));
        QVERIFY2(run.err.contains("empty; to clear it, add --allow-empty"), run.err.constData());
        QCOMPARE(serverValue(), before);
        QCOMPARE(m_sandbox->requestCount(), 0);
    }
}

void TestCliInput::nulCharactersAreRefused_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("--file") << u"file"_s << QByteArray("ab\0c", 4) << u"contains a NUL character at byte 3"_s;
    QTest::newRow("--stdin") << u"stdin"_s << QByteArray("\0", 1)
                             << u"standard input contains a NUL character at byte 1"_s;
    // Counted in bytes: "é" is two.
    QTest::newRow("--expect-file") << u"expect-file"_s << QByteArray("\xc3\xa9\0", 3)
                                   << u"contains a NUL character at byte 3"_s;
    QTest::newRow("AppSecret") << u"secret"_s << QByteArray("se\0cret\n", 8)
                               << u"The AppSecret on standard input contains a NUL character at byte 3"_s;
}

void TestCliInput::nulCharactersAreRefused()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString before = serverValue();
    const CliRun run = runWith(source, bytes);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(serverValue(), before);
    QVERIFY(!m_cli->secrets().contains(u"other"_s));
    QCOMPARE(m_sandbox->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliInput)
#include "tst_cliinput.moc"

#include "SandboxServer.h"
#include "api/ApiClient.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"
#include "profiles/ProfileStore.h"
#include "session/GuardedSave.h"
#include "support/SampleAuditRecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#endif

using namespace convdesk;
using namespace Qt::StringLiterals;

// Faults of this computer rather than of the server: a damaged settings file, settings that
// cannot be written, an audit log that cannot be written or whose disk fills up. (A missing
// or locked keychain: tst_keychainsecretstore.)
//
// CMake runs this test through support/without-dac-override.sh: as root, file permissions
// would not apply, so the read-only cases would prove nothing.
class TestLocalFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void damagedSettingsFileStillWorks_data();
    void damagedSettingsFileStillWorks();
    void unwritableSettingsAreReported_data();
    void unwritableSettingsAreReported();
    void removeOnUnwritableSettingsFails();
    void unwritableAuditLogRefusesSave_data();
    void unwritableAuditLogRefusesSave();
    void fileSizeLimitMidRecordLeavesLogAsItWas();
    void diskFullWhileAppendingKeepsEarlierRecords();

private:
    QString settingsPath() const { return m_dir->filePath(u"settings.ini"_s); }
    static Profile profile(const QString &name);
    void writeFile(const QString &path, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLocalFaults::cleanup()
{
    // Let the temporary directory remove what a test made read-only.
    QFile::setPermissions(settingsPath(), QFile::ReadOwner | QFile::WriteOwner);
    const QFileDevice::Permissions writable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    QFile::setPermissions(m_dir->filePath(u"data"_s), writable);
    QFile::setPermissions(m_dir->filePath(u"data/audit.jsonl"_s), writable);
    m_dir.reset();
}

namespace {

bool permissionsApply(const QString &readOnlyPath)
{
    return !QFileInfo(readOnlyPath).isWritable();
}

AuditRecord earlierRecord()
{
    return sampleAuditRecord(u"{\"earlier\":true}"_s);
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

Profile TestLocalFaults::profile(const QString &name)
{
    Profile result;
    result.name = name;
    result.region = Region::Overseas;
    result.appKey = u"key-"_s + name;
    return result;
}

void TestLocalFaults::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

void TestLocalFaults::damagedSettingsFileStillWorks_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("detected"); // QSettings calls it a format error (most damage passes)
    QTest::addColumn<QStringList>("readableProfiles");

    QByteArray noise(4096, Qt::Uninitialized);
    QRandomGenerator generator(20240611); // fixed seed: the same bytes on every run
    for (char &byte : noise)
        byte = char(generator.bounded(256));
    QTest::newRow("random bytes") << noise << false << QStringList();
    QTest::newRow("random bytes, then an open section") << noise + "\n[profiles" << true << QStringList();
    QTest::newRow("NUL in an unterminated section header") << QByteArray("[profiles\0/x\nregion=1\n", 22)
                                                           << true << QStringList();
    QTest::newRow("valid profile, then garbage")
        << QByteArray("[profiles]\nkept\\region=mainland\nkept\\appKey=k1\n\x00\xff\xfe[[[\n=\n[\nfoo\n", 62)
        << true << QStringList{u"kept"_s};
    QTest::newRow("half a UTF-8 sequence in a key")
        << QByteArray("[profiles]\nkept\\region=overseas\nkept\\appKey=k2\nk\xe4\xb8=1\n") << false
        << QStringList{u"kept"_s};
}

void TestLocalFaults::damagedSettingsFileStillWorks()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, detected);
    QFETCH(QStringList, readableProfiles);
    writeFile(settingsPath(), content);

    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ProfileStore store(settings);
        QCOMPARE(settings.status(), detected ? QSettings::FormatError : QSettings::NoError);
        if (detected)
            QVERIFY2(store.settingsProblem().contains(u"is damaged"_s), qPrintable(store.settingsProblem()));
        else
            QVERIFY(store.settingsProblem().isEmpty());
        QCOMPARE(store.names(), readableProfiles);
        QVERIFY(!store.defaultProfile() || readableProfiles.size() == 1);

        // Saving rewrites the file; QSettings keeps saying FormatError, yet the save succeeded.
        QString error;
        QVERIFY2(store.save(profile(u"fresh"_s), &error), qPrintable(error));
        QVERIFY2(store.save(profile(u"fresh"_s), &error), qPrintable(error)); // same content again
        QVERIFY(store.remove(u"fresh"_s));
        QVERIFY2(store.save(profile(u"again"_s), &error), qPrintable(error));
    }
    QSettings reopened(settingsPath(), QSettings::IniFormat);
    QCOMPARE(reopened.status(), QSettings::NoError); // the file is sound again
    ProfileStore store(reopened);
    QVERIFY(store.settingsProblem().isEmpty());
    QCOMPARE(store.find(u"again"_s), std::optional<Profile>(profile(u"again"_s)));
    QVERIFY(!store.find(u"fresh"_s));
    for (const QString &name : std::as_const(readableProfiles))
        QVERIFY2(store.find(name), qPrintable(name));
}

void TestLocalFaults::unwritableSettingsAreReported_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("read-only file") << u"read-only"_s;
    QTest::newRow("parent is a file") << u"parent-is-file"_s;
    QTest::newRow("path is a directory") << u"directory"_s;
    QTest::newRow("damaged and read-only") << u"damaged-read-only"_s;
}

void TestLocalFaults::unwritableSettingsAreReported()
{
    QFETCH(QString, fault);
    QString path = settingsPath();
    if (fault == u"parent-is-file") {
        writeFile(m_dir->filePath(u"plain-file"_s), "not a directory");
        path = m_dir->filePath(u"plain-file/settings.ini"_s);
    } else if (fault == u"directory") {
        QVERIFY(QDir(m_dir->path()).mkdir(u"settings.ini"_s));
    } else {
        writeFile(path, fault == u"read-only" ? QByteArray("[profiles]\nold\\region=mainland\nold\\appKey=k\n")
                                              : QByteArray("[profiles\0", 10));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        if (QFileInfo(path).isWritable())
            QSKIP("This process may write read-only files (running as root); the \"parent is a "
                  "file\" row covers the failure path.");
    }
    const QByteArray before = QFile::exists(path) ? [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }() : QByteArray();

    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(settings);
    QString error;
    QVERIFY(!store.save(profile(u"new"_s), &error));
    QVERIFY2(error.contains(u"\"new\" was not saved"_s) && error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(fault == u"damaged-read-only" ? u"damaged"_s : u"cannot be written"_s),
             qPrintable(error));

    QFile after(path);
    if (after.open(QIODevice::ReadOnly))
        QCOMPARE(after.readAll(), before); // nothing half-written
}

void TestLocalFaults::removeOnUnwritableSettingsFails()
{
    writeFile(settingsPath(), "[profiles]\nold\\region=mainland\nold\\appKey=k\n");
    QVERIFY(QFile::setPermissions(settingsPath(), QFile::ReadOwner));
    if (QFileInfo(settingsPath()).isWritable())
        QSKIP("This process may write read-only files (running as root).");
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(settings);
    QVERIFY(!store.remove(u"old"_s));
}

void TestLocalFaults::unwritableAuditLogRefusesSave_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("reason"); // in the refusal, after the log's path
    QTest::newRow("data folder read-only") << u"folder-read-only"_s << u"Permission denied"_s;
    QTest::newRow("log file read-only") << u"log-read-only"_s << u"Permission denied"_s;
    QTest::newRow("data folder is a file") << u"folder-is-file"_s << u"cannot be created"_s;
    QTest::newRow("log is a folder") << u"log-is-folder"_s << u"cannot be opened for writing"_s;
}

void TestLocalFaults::unwritableAuditLogRefusesSave()
{
    QFETCH(QString, fault);
    QFETCH(QString, reason);
    const QString folder = m_dir->filePath(u"data"_s);
    const QString logPath = folder + u"/audit.jsonl"_s;
    QByteArray before;
    if (fault == u"folder-is-file") {
        writeFile(folder, "a file where the data folder belongs");
    } else {
        QVERIFY(QDir().mkpath(folder));
        if (fault == u"log-is-folder") {
            QVERIFY(QDir().mkpath(logPath));
        } else if (fault == u"log-read-only") {
            QVERIFY(AuditLog(logPath).append(earlierRecord()));
            before = contentOf(logPath);
            QVERIFY(QFile::setPermissions(logPath, QFile::ReadOwner | QFile::ReadGroup));
            if (!permissionsApply(logPath))
                QSKIP("File permissions do not apply to this process (root without support/without-dac-override.sh).");
        } else {
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
            if (!permissionsApply(folder))
                QSKIP("File permissions do not apply to this process (root without support/without-dac-override.sh).");
        }
    }

    SandboxServer sandbox;
    QVERIFY(sandbox.listen());
    const QString id = sandbox.conversationIds().value(0);
    const QString serverBefore = GuardedSave::serverExtensionOf(*sandbox.conversation(id));
    ApiClient client;
    client.setEndpoint(ApiEndpoint::custom(sandbox.baseUrl()));
    client.setCredentials(SandboxServer::demoCredentials());
    AuditLog log(logPath);
    GuardedSave save(&client);
    save.setAuditLog(&log, u"sandbox"_s, u"cli"_s);
    QSignalSpy stages(&save, &GuardedSave::stageChanged);

    QString refusal;
    QVERIFY(!save.save(*ConversationId::parse(id), serverBefore, u"{\"unrecorded\":1}"_s, QString(), &refusal));
    QVERIFY2(refusal.contains(u"audit log"_s) && refusal.contains(reason), qPrintable(refusal));
    QVERIFY2(refusal.contains(QDir::toNativeSeparators(fault == u"folder-is-file" ? folder : logPath)),
             qPrintable(refusal));
    QVERIFY(!save.overwrite(*ConversationId::parse(id), u"{\"unrecorded\":1}"_s, QString()));
    QCOMPARE(stages.count(), 0);
    QTest::qWait(50); // a request sent by mistake would have reached the sandbox by now
    QCOMPARE(sandbox.requestCount(), 0);
    QCOMPARE(GuardedSave::serverExtensionOf(*sandbox.conversation(id)), serverBefore);
    if (fault == u"log-read-only")
        QCOMPARE(contentOf(logPath), before);
}

void TestLocalFaults::fileSizeLimitMidRecordLeavesLogAsItWas()
{
#ifndef Q_OS_UNIX
    QSKIP("RLIMIT_FSIZE is POSIX.");
#else
    // The same partial write a full disk makes, in this process: past RLIMIT_FSIZE the kernel
    // writes what fits and then refuses with EFBIG (SIGXFSZ ignored for the while).
    const QString logPath = m_dir->filePath(u"audit.jsonl"_s);
    AuditLog log(logPath);
    QVERIFY(log.append(earlierRecord()));
    QVERIFY(log.append(earlierRecord()));
    const QByteArray before = contentOf(logPath);

    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = ::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(before.size() + 40); // room for a fragment of the next line
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString error;
    const bool appended = log.append(earlierRecord(), &error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    ::signal(SIGXFSZ, previousHandler);

    QVERIFY(!appended);
    QVERIFY2(error.contains(u"could not be written"_s) && error.contains(u"File too large"_s), qPrintable(error));
    QVERIFY2(error.contains(u"records already in it are intact"_s), qPrintable(error));
    QCOMPARE(contentOf(logPath), before); // the fragment was cut off again
    QStringList warnings;
    QCOMPARE(log.readAll(&warnings).size(), 2);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QVERIFY(log.append(earlierRecord()));
    QCOMPARE(log.readAll().size(), 3);
#endif
}

void TestLocalFaults::diskFullWhileAppendingKeepsEarlierRecords()
{
    // A real ENOSPC: tests/support/auditlog_probe on a 64 KiB tmpfs in a private user and
    // mount namespace (no privileges needed, nothing mounted outside that process).
#ifndef Q_OS_LINUX
    QSKIP("Needs Linux namespaces; fileSizeLimitMidRecordLeavesLogAsItWas covers the partial write.");
#endif
    const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
    if (unshare.isEmpty())
        QSKIP("unshare (util-linux) is not installed.");
    const QString folder = m_dir->filePath(u"small-disk"_s);
    QVERIFY(QDir().mkpath(folder));
    QProcess probe;
    probe.start(unshare, {u"--user"_s, u"--map-root-user"_s, u"--mount"_s, u"--"_s, u"sh"_s, u"-c"_s,
                          u"mount -t tmpfs -o size=64k convdesk-full \"$0\" || exit 77; exec \"$1\" \"$0\""_s, folder,
                          QStringLiteral(CONVDESK_AUDITLOG_PROBE)});
    QVERIFY2(probe.waitForFinished(60000), qPrintable(probe.errorString()));
    const QByteArray output = probe.readAllStandardOutput();
    const QByteArray diagnostics = output + probe.readAllStandardError();
    // Some systems refuse unprivileged namespaces (unshare fails) or mounts in them
    // (AppArmor's restrict_unprivileged_userns: the mount fails, exit 77).
    if (probe.exitCode() == 77 || (probe.exitCode() != 0 && diagnostics.contains("unshare failed")))
        QSKIP(qPrintable(u"This system refuses a private tmpfs: "_s + QString::fromUtf8(diagnostics)));
    QVERIFY2(probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0, diagnostics.constData());
    const QJsonObject report = QJsonDocument::fromJson(output).object();
    QVERIFY2(!report.isEmpty(), diagnostics.constData());

    // Some records fit, then the disk was full: a clear error, and every record before it intact.
    const int appended = report.value(u"appended"_s).toInt();
    QVERIFY2(appended > 10 && appended < 1000, diagnostics.constData());
    const QString error = report.value(u"error"_s).toString();
    QVERIFY2(error.contains(u"No space left on device"_s), qPrintable(error));
    QVERIFY2(error.contains(u"records already in it are intact"_s), qPrintable(error));
    const QJsonObject afterFailure = report.value(u"afterFailure"_s).toObject();
    const QJsonArray ids = afterFailure.value(u"ids"_s).toArray();
    QCOMPARE(ids.size(), appended);
    for (int i = 0; i < appended; ++i)
        QCOMPARE(ids.at(i).toString(), u"acc%1|1|peer"_s.arg(i));
    QCOMPARE(afterFailure.value(u"warnings"_s).toArray(), QJsonArray()); // no fragment left behind
    QVERIFY(afterFailure.value(u"endsWithNewline"_s).toBool());

    // Once there is room again, the log goes on where it stopped.
    QVERIFY2(report.value(u"appendAfterFreeing"_s).toBool(), qPrintable(report.value(u"errorAfterFreeing"_s).toString()));
    const QJsonObject afterFreeing = report.value(u"afterFreeing"_s).toObject();
    const QJsonArray idsAfter = afterFreeing.value(u"ids"_s).toArray();
    QCOMPARE(idsAfter.size(), appended + 1);
    QCOMPARE(idsAfter.last().toString(), u"acc%1|1|peer"_s.arg(appended));
    QCOMPARE(afterFreeing.value(u"warnings"_s).toArray(), QJsonArray());
}

QTEST_GUILESS_MAIN(TestLocalFaults)
#include "tst_localfaults.moc"

#include "ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Faults of this computer rather than of the server: a damaged settings file, settings that
// cannot be written. (A missing keychain daemon: tst_keychainsecretstore.)
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
    m_dir.reset();
}

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

QTEST_GUILESS_MAIN(TestLocalFaults)
#include "tst_localfaults.moc"

#include "platform/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Owner-only folders and files (settings, audit log). Modes are read with stat(), which tells
// the truth also when the tests run as root.
class TestPrivateFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void folderIsCreatedOwnerOnly_data();
    void folderIsCreatedOwnerOnly();
    void fileIsRestrictedToOwner();
    void settingsFileIsCreatedOwnerOnlyAndStaysSo();
    void failuresNameThePath();

private:
    static int modeOf(const QString &path)
    {
        struct stat info{};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPrivateFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestPrivateFiles::folderIsCreatedOwnerOnly_data()
{
    QTest::addColumn<bool>("existsBefore");
    QTest::newRow("new folder") << false;
    QTest::newRow("existing folder open to all") << true;
}

void TestPrivateFiles::folderIsCreatedOwnerOnly()
{
    QFETCH(bool, existsBefore);
    const QString parent = m_dir->filePath(u"parent"_s);
    const QString folder = parent + u"/convdesk"_s;
    if (existsBefore) {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0777) == 0);
    }
    QString error;
    QVERIFY2(PrivateFiles::ensurePrivateFolder(folder, &error), qPrintable(error));
    QCOMPARE(modeOf(folder), 0700);
    QVERIFY(modeOf(parent) != 0700 || existsBefore); // parents keep their usual mode
}

void TestPrivateFiles::fileIsRestrictedToOwner()
{
    const QString path = m_dir->filePath(u"audit.jsonl"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QString error;
    QVERIFY2(PrivateFiles::restrictToOwner(path, &error), qPrintable(error));
    QCOMPARE(modeOf(path), 0600);
}

void TestPrivateFiles::settingsFileIsCreatedOwnerOnlyAndStaysSo()
{
    const QString folder = m_dir->filePath(u"config/NetEase"_s);
    const QString path = folder + u"/convdesk.conf"_s;
    {
        QSettings settings(path, QSettings::IniFormat);
        QString error;
        QVERIFY2(PrivateFiles::prepareSettingsFile(settings, &error), qPrintable(error));
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);
        settings.setValue(u"profiles/p/region"_s, u"mainland"_s);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        // Rewriting the file keeps the owner-only mode.
        QCOMPARE(modeOf(path), 0600);
        settings.setValue(u"profiles/p/appKey"_s, u"k"_s);
    }
    QCOMPARE(modeOf(path), 0600);
    QSettings reread(path, QSettings::IniFormat);
    QCOMPARE(reread.value(u"profiles/p/appKey"_s).toString(), u"k"_s);
}

void TestPrivateFiles::failuresNameThePath()
{
    const QString plainFile = m_dir->filePath(u"plain"_s);
    QFile file(plainFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QString error;
    QVERIFY(!PrivateFiles::ensurePrivateFolder(plainFile + u"/sub"_s, &error));
    QVERIFY2(error.contains(plainFile), qPrintable(error));
    QVERIFY(!PrivateFiles::restrictToOwner(m_dir->filePath(u"missing"_s), &error));
    QVERIFY2(error.contains(u"missing"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"

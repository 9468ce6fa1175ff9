#include "audit/AuditLog.h"
#include "support/SampleAuditRecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/file.h>
#include <sys/stat.h>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Who may read the audit log: it holds every value saved, so its owner only.
class TestAuditLogFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newLogAndFolderAreOwnerOnly();
    void olderLogIsWithheldFromOthers();
    void readOnlyLogStaysReadOnly();
    void appendGivesUpOnAStuckHolder();

private:
    static int modeOf(const QString &path)
    {
        struct stat status{};
        return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
    }
};

void TestAuditLogFiles::newLogAndFolderAreOwnerOnly()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"data/convdesk"_s);
    AuditLog log(folder + u"/audit.jsonl"_s);
    QVERIFY(log.append(sampleAuditRecord(u"a"_s)));
    QCOMPARE(modeOf(folder), 0700);
    QCOMPARE(modeOf(log.filePath()), 0600);
}

void TestAuditLogFiles::olderLogIsWithheldFromOthers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.jsonl"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    AuditLog log(path);
    QVERIFY(log.append(sampleAuditRecord(u"a"_s)));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(dir.path()), 0700);
}

void TestAuditLogFiles::readOnlyLogStaysReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.jsonl"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0444), 0);
    AuditLog log(path);
    log.checkWritable(); // as root it can still be opened; either way no write is granted
    QCOMPARE(modeOf(path) & 0222, 0);
}

void TestAuditLogFiles::appendGivesUpOnAStuckHolder()
{
    // A convdesk-cli stopped (Ctrl+Z) in the middle of an append keeps the log's lock: the
    // window must not freeze behind it, and nothing is recorded half.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.jsonl"_s);
    AuditLog log(path);
    QVERIFY(log.append(sampleAuditRecord(u"before"_s)));
    const qint64 sizeBefore = QFileInfo(path).size();
    QFile holder(path);
    QVERIFY(holder.open(QIODevice::ReadWrite));
    QCOMPARE(::flock(holder.handle(), LOCK_EX), 0);

    QString error;
    QVERIFY(!log.append(sampleAuditRecord(u"while stuck"_s), &error));
    QVERIFY2(error.contains(u"being written by another program"_s), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), sizeBefore);

    QCOMPARE(::flock(holder.handle(), LOCK_UN), 0);
    QVERIFY(log.append(sampleAuditRecord(u"after"_s)));
    QCOMPARE(log.readAll().size(), 2);
}

QTEST_GUILESS_MAIN(TestAuditLogFiles)
#include "tst_auditlogfiles.moc"

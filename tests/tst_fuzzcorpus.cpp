#include "FuzzEntries.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <map>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Every file of the fuzz corpus (tests/fuzz/corpus/<target>/) through the same entry
// function its libFuzzer target runs, so seeds and former crashers stay checked in every
// test run, sanitizer build included, without clang or libFuzzer.
class TestFuzzCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTargetHasACorpus();
    void replay_data();
    void replay();

private:
    using Entry = QString (*)(QByteArrayView);
    static const std::map<QString, Entry> &entries();
    static QDir corpusDir() { return QDir(QStringLiteral(CONVDESK_FUZZ_CORPUS_DIR)); }
};

const std::map<QString, TestFuzzCorpus::Entry> &TestFuzzCorpus::entries()
{
    static const std::map<QString, Entry> all{
        {u"fuzz_response_parser"_s, &FuzzEntries::responseParser},
        {u"fuzz_conversation_id"_s, &FuzzEntries::conversationId},
        {u"fuzz_extension_validator"_s, &FuzzEntries::extensionValidator},
        {u"fuzz_audit_log_reader"_s, &FuzzEntries::auditLogReader},
    };
    return all;
}

void TestFuzzCorpus::everyTargetHasACorpus()
{
    const QStringList dirs = corpusDir().entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const auto &[target, entry] : entries()) {
        QVERIFY2(dirs.contains(target), qPrintable(target));
        QVERIFY2(!QDir(corpusDir().filePath(target)).isEmpty(QDir::Files), qPrintable(target));
    }
    for (const QString &dir : dirs)
        QVERIFY2(entries().count(dir) == 1, qPrintable(u"no fuzz target named "_s + dir));
}

void TestFuzzCorpus::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const auto &[target, entry] : entries()) {
        const QDir dir(corpusDir().filePath(target));
        for (const QString &file : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(target + u'/' + file)) << target << dir.filePath(file);
    }
}

void TestFuzzCorpus::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray data = file.readAll();
    const QString problem = entries().at(target)(data);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"

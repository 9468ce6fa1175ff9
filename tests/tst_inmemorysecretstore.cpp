#include "secrets/InMemorySecretStore.h"

#include <QTest>

#include <optional>

using namespace convdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(convdesk::SecretStatus)

class TestInMemorySecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeReadOverwriteRemove();
    void missingIsNotFound();
    void callbackIsQueued();
    void callbackDroppedWhenContextDestroyed();
    void injectedFailureAffectsOneOperation_data();
    void injectedFailureAffectsOneOperation();
};

void TestInMemorySecretStore::writeReadOverwriteRemove()
{
    InMemorySecretStore store;
    QVERIFY(store.writeBlocking(u"p"_s, u"one"_s).ok());
    QCOMPARE(store.readBlocking(u"p"_s).secret, u"one"_s);
    QVERIFY(store.writeBlocking(u"p"_s, u"two"_s).ok());
    QCOMPARE(store.readBlocking(u"p"_s).secret, u"two"_s);
    QCOMPARE(store.count(), 1);
    QVERIFY(store.removeBlocking(u"p"_s).ok());
    QVERIFY(!store.contains(u"p"_s));
    QVERIFY(store.removeBlocking(u"p"_s).ok()); // removing nothing is fine, as in the keychain
}

void TestInMemorySecretStore::missingIsNotFound()
{
    InMemorySecretStore store;
    QVERIFY(store.writeBlocking(u"other"_s, u"s"_s).ok());
    const SecretResult read = store.readBlocking(u"missing"_s);
    QCOMPARE(read.status, SecretStatus::NotFound);
    QVERIFY2(read.message.contains(u"\"missing\""_s), qPrintable(read.message));
    QVERIFY(read.secret.isEmpty());
}

void TestInMemorySecretStore::callbackIsQueued()
{
    InMemorySecretStore store;
    QObject context;
    std::optional<SecretResult> delivered;
    store.write(u"p"_s, u"s"_s, &context, [&](const SecretResult &result) { delivered = result; });
    QVERIFY(!delivered.has_value());
    QTRY_VERIFY(delivered.has_value());
    QVERIFY(delivered->ok());
}

void TestInMemorySecretStore::callbackDroppedWhenContextDestroyed()
{
    InMemorySecretStore store;
    bool called = false;
    auto *context = new QObject;
    store.write(u"p"_s, u"s"_s, context, [&called](const SecretResult &) { called = true; });
    delete context;
    // Queued after the dropped callback, so once it has run the other had its chance.
    QCOMPARE(store.readBlocking(u"p"_s).secret, u"s"_s);
    QVERIFY(!called);
}

void TestInMemorySecretStore::injectedFailureAffectsOneOperation_data()
{
    QTest::addColumn<SecretStatus>("status");
    QTest::addColumn<QString>("messageMentions");
    QTest::newRow("no backend") << SecretStatus::NoBackend << u"No keychain service is available"_s;
    QTest::newRow("access denied") << SecretStatus::AccessDenied << u"refused access"_s;
    QTest::newRow("failed") << SecretStatus::Failed << u"reported an error"_s;
}

void TestInMemorySecretStore::injectedFailureAffectsOneOperation()
{
    QFETCH(SecretStatus, status);
    QFETCH(QString, messageMentions);
    InMemorySecretStore store;
    store.failNextOperation(status);
    const SecretResult failed = store.writeBlocking(u"p"_s, u"s"_s);
    QCOMPARE(failed.status, status);
    QVERIFY2(failed.message.contains(messageMentions), qPrintable(failed.message));
    QVERIFY(!store.contains(u"p"_s));

    QVERIFY(store.writeBlocking(u"p"_s, u"s"_s).ok());
    QCOMPARE(store.readBlocking(u"p"_s).secret, u"s"_s);
}

QTEST_GUILESS_MAIN(TestInMemorySecretStore)
#include "tst_inmemorysecretstore.moc"

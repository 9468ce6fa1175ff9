#include "secrets/KeychainSecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

QString statusText(SecretStatus status)
{
    switch (status) {
    case SecretStatus::Ok: return u"Ok"_s;
    case SecretStatus::NotFound: return u"NotFound"_s;
    case SecretStatus::NoBackend: return u"NoBackend"_s;
    case SecretStatus::AccessDenied: return u"AccessDenied"_s;
    case SecretStatus::Failed: return u"Failed"_s;
    }
    return u"?"_s;
}

QByteArray describe(const SecretResult &result)
{
    return (statusText(result.status) + u": "_s + result.message).toUtf8();
}

QStringList regularFilesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

// Files under root that contain any of the needles, for the "never in plaintext" checks.
QStringList filesContaining(const QString &root, const QList<QByteArray> &needles)
{
    QStringList hits;
    for (const QString &path : regularFilesUnder(root)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // a file we cannot read is one the test did not make readable either
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (content.contains(needle)) {
                hits.append(path);
                break;
            }
        }
    }
    return hits;
}

QByteArray contentsOf(const QStringList &paths)
{
    QByteArray all;
    for (const QString &path : paths) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            all += path.toUtf8() + '\0' + file.readAll();
    }
    return all;
}

QList<QByteArray> encodingsOf(const QString &secret)
{
    const auto utf16 = [&secret](bool bigEndian) {
        QByteArray bytes;
        for (QChar c : secret) {
            const char high = char(c.unicode() >> 8), low = char(c.unicode() & 0xff);
            bytes.append(bigEndian ? high : low).append(bigEndian ? low : high);
        }
        return bytes;
    };
    return {secret.toUtf8(), utf16(false), utf16(true)};
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void writeReadOverwriteRemove();
    void missingProfileIsNotFound();
    void removingMissingProfileIsOk();
    void secretsRoundTrip_data();
    void secretsRoundTrip();
    void profilesAndServicesAreSeparate();
    void asynchronousCallbackRunsLater();
    void callbackDroppedWhenContextDestroyed();
    void secretNeverOnDiskInPlaintext();
    void noSecretServiceMeansNoBackend();
    void lockedKeychainIsExplained();
    void unansweringKeychainTimesOut();

private:
    // For a child process: HOME and XDG_* under scratch, no desktop session variables.
    static QProcessEnvironment isolatedEnvironment(const QTemporaryDir &scratch);
    QString profile(const QString &suffix);

    QString m_home;       // the temporary HOME of scripts/with-test-keyring.sh
    QString m_service;    // unique per run, so runs never see each other's entries
    QStringList m_profiles;
    std::optional<KeychainSecretStore> m_store;
};

void TestKeychainSecretStore::initTestCase()
{
    m_home = qEnvironmentVariable("CONVDESK_TEST_HOME");
    m_service = u"ConversationDesk-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_store.emplace(m_service);
    // Every first attempt should succeed against a running daemon; a retry would only hide
    // a slow failure.
    m_store->setRetryDelay(std::chrono::milliseconds(100));
}

void TestKeychainSecretStore::init()
{
    const QLatin1String test(QTest::currentTestFunction());
    if (m_home.isEmpty() && test != QLatin1String("noSecretServiceMeansNoBackend")
        && test != QLatin1String("lockedKeychainIsExplained")
        && test != QLatin1String("unansweringKeychainTimesOut"))
        QSKIP("Needs a Secret Service in a throwaway HOME; run it as "
              "scripts/with-test-keyring.sh ctest -L keychain (or scripts/test.sh).");
}

void TestKeychainSecretStore::cleanupTestCase()
{
    if (m_home.isEmpty())
        return;
    for (const QString &name : std::as_const(m_profiles))
        m_store->removeBlocking(name);
}

QString TestKeychainSecretStore::profile(const QString &suffix)
{
    const QString name = u"profile-"_s + suffix;
    m_profiles.append(name);
    return name;
}

void TestKeychainSecretStore::writeReadOverwriteRemove()
{
    const QString name = profile(u"lifecycle"_s);

    const SecretResult written = m_store->writeBlocking(name, u"first-secret"_s);
    QVERIFY2(written.ok(), describe(written).constData());
    QVERIFY(written.message.isEmpty());

    SecretResult read = m_store->readBlocking(name);
    QVERIFY2(read.ok(), describe(read).constData());
    QCOMPARE(read.secret, u"first-secret"_s);

    QVERIFY(m_store->writeBlocking(name, u"second-secret"_s).ok());
    read = m_store->readBlocking(name);
    QVERIFY2(read.ok(), describe(read).constData());
    QCOMPARE(read.secret, u"second-secret"_s);

    const SecretResult removed = m_store->removeBlocking(name);
    QVERIFY2(removed.ok(), describe(removed).constData());
    read = m_store->readBlocking(name);
    QCOMPARE(read.status, SecretStatus::NotFound);
    QVERIFY(read.secret.isEmpty());
}

void TestKeychainSecretStore::missingProfileIsNotFound()
{
    const QString name = profile(u"never-written"_s);
    const SecretResult read = m_store->readBlocking(name);
    QCOMPARE(read.status, SecretStatus::NotFound);
    QVERIFY2(read.message.contains(name), qPrintable(read.message));
    QVERIFY(read.secret.isEmpty());
}

void TestKeychainSecretStore::removingMissingProfileIsOk()
{
    const SecretResult removed = m_store->removeBlocking(profile(u"remove-missing"_s));
    QVERIFY2(removed.ok(), describe(removed).constData());
}

void TestKeychainSecretStore::secretsRoundTrip_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("hex like the console shows") << u"0a1b2c3d4e5f"_s;
    QTest::newRow("non-ASCII") << u"пароль-密钥-Ünïcødé-🔑"_s;
    QTest::newRow("spaces and quotes") << u" a \"quoted\" 'secret' "_s;
    QTest::newRow("long") << QString(4096, u'z');
}

void TestKeychainSecretStore::secretsRoundTrip()
{
    QFETCH(QString, secret);
    const QString name = profile(u"roundtrip-"_s + QLatin1String(QTest::currentDataTag()));
    QVERIFY(m_store->writeBlocking(name, secret).ok());
    const SecretResult read = m_store->readBlocking(name);
    QVERIFY2(read.ok(), describe(read).constData());
    QCOMPARE(read.secret, secret);
}

void TestKeychainSecretStore::profilesAndServicesAreSeparate()
{
    const QString one = profile(u"one"_s), two = profile(u"two"_s);
    QVERIFY(m_store->writeBlocking(one, u"secret-one"_s).ok());
    QVERIFY(m_store->writeBlocking(two, u"secret-two"_s).ok());
    QCOMPARE(m_store->readBlocking(one).secret, u"secret-one"_s);
    QCOMPARE(m_store->readBlocking(two).secret, u"secret-two"_s);

    KeychainSecretStore otherService(m_service + u"-other"_s);
    QCOMPARE(otherService.readBlocking(one).status, SecretStatus::NotFound);

    QVERIFY(m_store->removeBlocking(one).ok());
    QCOMPARE(m_store->readBlocking(two).secret, u"secret-two"_s);
}

void TestKeychainSecretStore::asynchronousCallbackRunsLater()
{
    const QString name = profile(u"async"_s);
    QVERIFY(m_store->writeBlocking(name, u"async-secret"_s).ok());

    QObject context;
    std::optional<SecretResult> delivered;
    int calls = 0;
    m_store->read(name, &context, [&](const SecretResult &result) {
        delivered = result;
        ++calls;
    });
    QVERIFY(!delivered.has_value()); // never inside read() itself
    QTRY_VERIFY(delivered.has_value());
    QVERIFY2(delivered->ok(), describe(*delivered).constData());
    QCOMPARE(delivered->secret, u"async-secret"_s);
    QCOMPARE(calls, 1);
}

void TestKeychainSecretStore::callbackDroppedWhenContextDestroyed()
{
    const QString name = profile(u"context-gone"_s);
    bool called = false;
    auto *context = new QObject;
    m_store->write(name, u"written-anyway"_s, context, [&called](const SecretResult &) { called = true; });
    delete context;
    // QtKeychain runs jobs one after another, so once this read is done the write is too.
    const SecretResult read = m_store->readBlocking(name);
    QVERIFY2(read.ok(), describe(read).constData());
    QCOMPARE(read.secret, u"written-anyway"_s);
    QVERIFY(!called);
}

void TestKeychainSecretStore::secretNeverOnDiskInPlaintext()
{
    const QString secret = u"plaintext-probe-"_s + QUuid::createUuid().toString(QUuid::Id128) + u"-Ünï"_s;
    const QString name = profile(u"disk-scan"_s);
    const QString keyringDir = m_home + u"/.local/share/keyrings"_s;
    const QByteArray keyringsBefore = contentsOf(regularFilesUnder(keyringDir));
    QVERIFY(m_store->writeBlocking(name, secret).ok());
    QCOMPARE(m_store->readBlocking(name).secret, secret);

    // The secret went into gnome-keyring's on-disk (encrypted) login keyring, not only into
    // memory, so the scan below looks at where it really is.
    QVERIFY2(contentsOf(regularFilesUnder(keyringDir)) != keyringsBefore,
             "no keyring file under ~/.local/share/keyrings changed");

    // Everything under HOME, keyring files included: they are encrypted, so the plaintext
    // must not show up anywhere (settings, caches, a QtKeychain plaintext fallback).
    const QStringList hits = filesContaining(m_home, encodingsOf(secret));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));

    // The scan can find things: the same secret planted in UTF-16, as QString holds it.
    QTemporaryDir planted;
    QFile file(planted.filePath(u"planted"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("prefix");
    file.write(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    file.close();
    QCOMPARE(filesContaining(planted.path(), encodingsOf(secret)), QStringList{file.fileName()});
}

QProcessEnvironment TestKeychainSecretStore::isolatedEnvironment(const QTemporaryDir &scratch)
{
    const QString home = scratch.filePath(u"home"_s);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, scratch.filePath(u"run"_s));
    for (const QString &variable : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"XDG_CURRENT_DESKTOP"_s,
                                    u"DESKTOP_SESSION"_s, u"KDE_FULL_SESSION"_s,
                                    u"KDE_SESSION_VERSION"_s, u"GNOME_DESKTOP_SESSION_ID"_s})
        env.remove(variable);
    for (const QString &dir : {env.value(u"XDG_CONFIG_HOME"_s), env.value(u"XDG_DATA_HOME"_s),
                               env.value(u"XDG_CACHE_HOME"_s), env.value(u"XDG_RUNTIME_DIR"_s)})
        QDir().mkpath(dir);
    QFile::setPermissions(env.value(u"XDG_RUNTIME_DIR"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return env;
}

void TestKeychainSecretStore::noSecretServiceMeansNoBackend()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QProcessEnvironment env = isolatedEnvironment(scratch);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + scratch.filePath(u"no-bus-here"_s));

    const QString secret = u"no-backend-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QProcess probe;
    probe.setProcessEnvironment(env);
    probe.start(QStringLiteral(CONVDESK_KEYCHAIN_PROBE), {m_service, u"offline"_s, secret});
    QVERIFY2(probe.waitForFinished(60000), qPrintable(probe.errorString()));
    const QString output = QString::fromUtf8(probe.readAllStandardOutput());
    const QByteArray diagnostics = output.toUtf8() + probe.readAllStandardError();
    QCOMPARE(probe.exitStatus(), QProcess::NormalExit);
    QVERIFY2(probe.exitCode() == 0, diagnostics.constData());

    const QString noBackend = QString::number(int(SecretStatus::NoBackend));
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(u"write="_s + noBackend + u' '), diagnostics.constData());
    QVERIFY2(lines.at(0).contains(u"No keychain service is available"_s), diagnostics.constData());
    QVERIFY2(lines.at(1).startsWith(u"read="_s + noBackend + u' '), diagnostics.constData());
    QVERIFY2(lines.at(2).startsWith(u"remove="_s + noBackend + u' '), diagnostics.constData());

    // No plaintext fallback: the child's HOME stays without a single file.
    const QStringList written = regularFilesUnder(scratch.path());
    QVERIFY2(written.isEmpty(), qPrintable(written.join(u", "_s)));
    if (!m_home.isEmpty()) {
        const QStringList hits = filesContaining(m_home, encodingsOf(secret));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
    }
}

void TestKeychainSecretStore::lockedKeychainIsExplained()
{
    // A keyring of its own (support/locked-keychain-session.sh), holding the secret, locked.
#ifndef Q_OS_LINUX
    QSKIP("The locked case is staged with gnome-keyring (Linux).");
#endif
    for (const QString &tool : {u"dbus-run-session"_s, u"dbus-send"_s, u"gnome-keyring-daemon"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QSKIP(qPrintable(tool + u" is not installed (scripts/install-deps.sh installs it)."_s));
    }
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString secret = u"locked-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QProcess session;
    session.setProcessEnvironment(isolatedEnvironment(scratch));
    session.start(QStringLiteral(CONVDESK_LOCKED_KEYCHAIN_SESSION),
                  {QStringLiteral(CONVDESK_KEYCHAIN_PROBE), m_service, u"locked"_s, secret});
    QVERIFY2(session.waitForFinished(60000), qPrintable(session.errorString()));
    const QString output = QString::fromUtf8(session.readAllStandardOutput());
    const QByteArray diagnostics = output.toUtf8() + session.readAllStandardError();
    QVERIFY2(session.exitStatus() == QProcess::NormalExit && session.exitCode() == 0, diagnostics.constData());
    QVERIFY2(diagnostics.contains("unlocked: write=0"), diagnostics.constData()); // stored before the lock

    // Each operation says the keychain is locked: the read does not claim the secret is
    // missing (which would send the user to type it again), the removal does not claim a
    // success while the entry stays.
    const QString accessDenied = QString::number(int(SecretStatus::AccessDenied));
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QStringList operations{u"read"_s, u"write"_s, u"remove"_s};
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(lines.at(i).startsWith(operations.at(i) + u'=' + accessDenied + u' '), diagnostics.constData());
        QVERIFY2(lines.at(i).contains(u"The keychain is locked"_s), diagnostics.constData());
        QVERIFY2(lines.at(i).contains(u"\"locked\""_s), diagnostics.constData()); // names the profile
    }
    // The locked removal removed nothing: unlocked, the same secret is there.
    QVERIFY2(diagnostics.contains("unlocked again: read=0 same secret"), diagnostics.constData());
    // Nothing in plaintext, before or after the lock.
    const QStringList hits = filesContaining(scratch.path(), encodingsOf(secret));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
}

void TestKeychainSecretStore::unansweringKeychainTimesOut()
{
    // A daemon that owns the Secret Service name and never answers the store's questions
    // (support/unanswered_keychain_probe.cpp), in a private session of its own.
#ifndef CONVDESK_UNANSWERED_KEYCHAIN_PROBE
    QSKIP("The unanswering daemon is staged over D-Bus (Linux).");
#else
    if (QStandardPaths::findExecutable(u"dbus-run-session"_s).isEmpty())
        QSKIP("dbus-run-session is not installed (scripts/install-deps.sh installs it).");
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QProcess session;
    session.setProcessEnvironment(isolatedEnvironment(scratch));
    session.start(u"dbus-run-session"_s, {u"--"_s, QStringLiteral(CONVDESK_UNANSWERED_KEYCHAIN_PROBE),
                                          m_service, u"unanswered"_s, u"300"_s});
    // Finished, not hung: without the timeout each question would wait 25 s, and more.
    QVERIFY2(session.waitForFinished(60000), qPrintable(session.errorString()));
    const QString output = QString::fromUtf8(session.readAllStandardOutput());
    const QByteArray diagnostics = output.toUtf8() + session.readAllStandardError();
    QVERIFY2(session.exitStatus() == QProcess::NormalExit && session.exitCode() == 0, diagnostics.constData());

    const QString failed = QString::number(int(SecretStatus::Failed));
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QStringList operations{u"read"_s, u"write"_s, u"remove"_s};
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(lines.at(i).startsWith(operations.at(i) + u'=' + failed + u' '), diagnostics.constData());
        QVERIFY2(lines.at(i).contains(u"The keychain service did not answer within 0.3 s"_s),
                 diagnostics.constData());
        QVERIFY2(lines.at(i).contains(u"\"unanswered\""_s), diagnostics.constData());
    }
#endif
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"

#include "profiles/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(convdesk::Profile)

class TestProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void saveAndFindRoundTrip_data();
    void saveAndFindRoundTrip();
    void namesAreSortedCaseInsensitively();
    void saveOverwritesWholeProfile();
    void namesDifferingOnlyInCaseAreRefused();
    void removeDeletesOnlyThatProfile();
    void findRejectsNamesThatAreNotProfiles_data();
    void findRejectsNamesThatAreNotProfiles();
    void unknownRegionInFileIsNotGuessed();
    void validation_data();
    void validation();
    void defaultProfile_data();
    void defaultProfile();
    void removingLastUsedForgetsIt();
    void settingsFileHoldsOnlyExpectedKeys();
    void replacingANameThatDiffersInCase();
    void damagedEntriesAreNamed_data();
    void damagedEntriesAreNamed();

private:
    QString settingsPath() const { return m_dir->filePath(u"settings.ini"_s); }
    static Profile mainland(const QString &name, const QString &appKey = u"appkey0001"_s);
    static Profile custom(const QString &name, const QString &baseUrl, const QString &backupUrl = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

Profile TestProfileStore::mainland(const QString &name, const QString &appKey)
{
    Profile profile;
    profile.name = name;
    profile.region = Region::Mainland;
    profile.appKey = appKey;
    return profile;
}

Profile TestProfileStore::custom(const QString &name, const QString &baseUrl, const QString &backupUrl)
{
    Profile profile;
    profile.name = name;
    profile.region = Region::Custom;
    profile.baseUrl = QUrl(baseUrl);
    profile.backupUrl = QUrl(backupUrl);
    profile.appKey = u"customkey"_s;
    return profile;
}

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

void TestProfileStore::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestProfileStore::saveAndFindRoundTrip_data()
{
    QTest::addColumn<Profile>("profile");

    QTest::newRow("mainland") << mainland(u"Production"_s);
    Profile overseas = mainland(u"SG support"_s, u"0123456789abcdef0123456789abcdef"_s);
    overseas.region = Region::Overseas;
    QTest::newRow("overseas, space in name") << overseas;
    QTest::newRow("custom with backup")
        << custom(u"staging"_s, u"https://api.example.com/base"_s, u"https://bak.example.com"_s);
    QTest::newRow("custom loopback http") << custom(u"local sim"_s, u"http://127.0.0.1:8080"_s);
    QTest::newRow("non-ASCII name") << mainland(u"客服 – Zürich"_s);
    QTest::newRow("64-character name") << mainland(QString(64, u'n'));
    QTest::newRow("INI punctuation in name") << mainland(u"a=b;c%d [x] \"q\" #1"_s);
    Profile privateCa = custom(u"private"_s, u"https://im.corp.example"_s);
    privateCa.caCertificateFile = QStringLiteral(CONVDESK_TLS_DIR "/test-ca.pem");
    QTest::newRow("custom with a CA certificate file") << privateCa;
    Profile strict = mainland(u"audited"_s);
    strict.requireReason = true;
    QTest::newRow("requires a reason for every save") << strict;
}

void TestProfileStore::saveAndFindRoundTrip()
{
    QFETCH(Profile, profile);
    {
        ProfileStore store(*m_settings);
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
    }
    // A second QSettings on the same file proves it was written, not just cached.
    QSettings reopened(settingsPath(), QSettings::IniFormat);
    ProfileStore store(reopened);
    QCOMPARE(store.names(), QStringList{profile.name});
    const auto found = store.find(profile.name);
    QVERIFY(found.has_value());
    QCOMPARE(*found, profile);
    QCOMPARE(store.profiles(), QList<Profile>{profile});
}

void TestProfileStore::namesAreSortedCaseInsensitively()
{
    ProfileStore store(*m_settings);
    for (const QString &name : {u"gamma"_s, u"Alpha"_s, u"beta"_s, u"Beta2"_s})
        QVERIFY(store.save(mainland(name)));
    QCOMPARE(store.names(), (QStringList{u"Alpha"_s, u"beta"_s, u"Beta2"_s, u"gamma"_s}));
    QCOMPARE(store.profiles().size(), 4);
    QCOMPARE(store.profiles().first().name, u"Alpha"_s);
}

void TestProfileStore::saveOverwritesWholeProfile()
{
    ProfileStore store(*m_settings);
    QVERIFY(store.save(custom(u"edit me"_s, u"https://a.example.com"_s, u"https://b.example.com"_s)));

    Profile edited = custom(u"edit me"_s, u"https://c.example.com"_s);
    edited.appKey = u"newkey"_s;
    QVERIFY(store.save(edited));
    QCOMPARE(store.find(u"edit me"_s), std::optional(edited));
    QVERIFY(!m_settings->contains(u"profiles/edit me/backupUrl"_s));

    // Switching to a vendor region drops the custom URLs rather than keeping them hidden.
    Profile toMainland = edited;
    toMainland.region = Region::Mainland;
    QVERIFY(store.save(toMainland));
    const auto found = store.find(u"edit me"_s);
    QVERIFY(found.has_value());
    QCOMPARE(found->region, Region::Mainland);
    QVERIFY(found->baseUrl.isEmpty());
    QVERIFY(!m_settings->contains(u"profiles/edit me/baseUrl"_s));
    QCOMPARE(store.names().size(), 1);
}

void TestProfileStore::namesDifferingOnlyInCaseAreRefused()
{
    ProfileStore store(*m_settings);
    QVERIFY(store.save(mainland(u"Prod"_s)));
    QString error;
    QVERIFY(!store.save(mainland(u"PROD"_s), &error));
    QVERIFY2(error.contains(u"\"Prod\" already exists"_s), qPrintable(error));
    QCOMPARE(store.names(), QStringList{u"Prod"_s});
    QVERIFY(store.save(mainland(u"Prod"_s, u"otherkey"_s))); // the same name is an edit
    QCOMPARE(store.find(u"Prod"_s)->appKey, u"otherkey"_s);
}

void TestProfileStore::removeDeletesOnlyThatProfile()
{
    ProfileStore store(*m_settings);
    QVERIFY(store.save(mainland(u"keep"_s)));
    QVERIFY(store.save(mainland(u"drop"_s)));
    QVERIFY(store.remove(u"drop"_s));
    QCOMPARE(store.names(), QStringList{u"keep"_s});
    QVERIFY(!store.find(u"drop"_s).has_value());
    QVERIFY(store.find(u"keep"_s).has_value());
    QVERIFY(!store.remove(u"drop"_s));
    QVERIFY(!store.remove(u"never existed"_s));
}

void TestProfileStore::findRejectsNamesThatAreNotProfiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("the group itself via slash") << u"a/appKey"_s;
    QTest::newRow("backslash") << u"a\\b"_s;
    QTest::newRow("missing") << u"missing"_s;
}

void TestProfileStore::findRejectsNamesThatAreNotProfiles()
{
    QFETCH(QString, name);
    ProfileStore store(*m_settings);
    QVERIFY(store.save(mainland(u"a"_s)));
    QVERIFY(!store.find(name).has_value());
}

void TestProfileStore::unknownRegionInFileIsNotGuessed()
{
    m_settings->setValue(u"profiles/odd/region"_s, u"mars"_s);
    m_settings->setValue(u"profiles/odd/appKey"_s, u"k"_s);
    ProfileStore store(*m_settings);
    QCOMPARE(store.names(), QStringList{u"odd"_s}); // listed, so the user can see and remove it
    QVERIFY(!store.find(u"odd"_s).has_value());
    QVERIFY(store.profiles().isEmpty());
    QVERIFY(store.remove(u"odd"_s));
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestProfileStore::validation_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("errorMentions"); // empty: valid

    QTest::newRow("mainland") << mainland(u"p"_s) << QString();
    QTest::newRow("custom https") << custom(u"p"_s, u"https://api.example.com"_s) << QString();
    QTest::newRow("custom http loopback") << custom(u"p"_s, u"http://127.0.0.1:8080"_s) << QString();
    QTest::newRow("custom http localhost") << custom(u"p"_s, u"http://localhost:9000/x"_s) << QString();
    QTest::newRow("64 characters") << mainland(QString(64, u'x')) << QString();
    QTest::newRow("vendor region ignores URL") << [] {
        Profile p = mainland(u"p"_s);
        p.baseUrl = QUrl(u"http://not.used.example.com"_s);
        return p;
    }() << QString();

    QTest::newRow("CA file missing") << [] {
        Profile p = custom(u"p"_s, u"https://im.corp.example"_s);
        p.caCertificateFile = QStringLiteral(CONVDESK_TLS_DIR "/no-such-ca.pem");
        return p;
    }() << u"no-such-ca.pem cannot be read"_s;
    QTest::newRow("CA file holds a key") << [] {
        Profile p = custom(u"p"_s, u"https://im.corp.example"_s);
        p.caCertificateFile = QStringLiteral(CONVDESK_TLS_DIR "/localhost.key");
        return p;
    }() << u"holds no certificate"_s;
    QTest::newRow("empty name") << mainland(QString()) << u"Enter a profile name"_s;
    QTest::newRow("only spaces") << mainland(u"   "_s) << u"only of spaces"_s;
    QTest::newRow("65 characters") << mainland(QString(65, u'x')) << u"at most 64"_s;
    QTest::newRow("slash") << mainland(u"a/b"_s) << u"slash or backslash"_s;
    QTest::newRow("backslash") << mainland(u"a\\b"_s) << u"slash or backslash"_s;
    QTest::newRow("leading space") << mainland(u" prod"_s) << u"starts or ends with a space"_s;
    QTest::newRow("line break") << mainland(u"pr\nod"_s) << u"control character"_s;
    QTest::newRow("empty AppKey") << mainland(u"p"_s, QString()) << u"Enter the AppKey"_s;
    QTest::newRow("AppKey with space") << mainland(u"p"_s, u"abc def"_s) << u"space or line break"_s;
    QTest::newRow("AppKey with trailing newline") << mainland(u"p"_s, u"abcdef\n"_s) << u"space or line break"_s;
    QTest::newRow("custom without URL") << custom(u"p"_s, QString()) << u"needs a base URL"_s;
    QTest::newRow("custom http non-loopback") << custom(u"p"_s, u"http://api.example.com"_s) << u"https is required"_s;
    QTest::newRow("custom ftp") << custom(u"p"_s, u"ftp://api.example.com"_s) << u"must start with https://"_s;
    QTest::newRow("custom no host") << custom(u"p"_s, u"https://"_s) << u"not a valid"_s;
    QTest::newRow("custom bad backup")
        << custom(u"p"_s, u"https://api.example.com"_s, u"http://bak.example.com"_s) << u"Backup URL"_s;
    QTest::newRow("custom URL with user and password")
        << custom(u"p"_s, u"https://me:pw@api.example.com"_s) << u"user name or password"_s;
    QTest::newRow("loopback URL with user") << custom(u"p"_s, u"http://me@127.0.0.1:8080"_s)
                                            << u"user name or password"_s;
    QTest::newRow("custom URL with empty query") << custom(u"p"_s, u"https://api.example.com/?"_s)
                                                 << u"contains a query"_s;
    QTest::newRow("custom URL with fragment") << custom(u"p"_s, u"https://api.example.com/#x"_s)
                                              << u"contains a fragment"_s;
    QTest::newRow("backup URL with query")
        << custom(u"p"_s, u"https://api.example.com"_s, u"https://bak.example.com/?t=1"_s) << u"Backup URL"_s;
}

void TestProfileStore::validation()
{
    QFETCH(Profile, profile);
    QFETCH(QString, errorMentions);

    const QString problem = ProfileStore::validate(profile);
    ProfileStore store(*m_settings);
    QString saveError;
    const bool saved = store.save(profile, &saveError);
    if (errorMentions.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(saved, qPrintable(saveError));
        return;
    }
    QVERIFY2(problem.contains(errorMentions), qPrintable(problem));
    QVERIFY(!saved);
    QCOMPARE(saveError, problem);
    QVERIFY(store.names().isEmpty());
    QVERIFY(m_settings->allKeys().isEmpty());
}

void TestProfileStore::defaultProfile_data()
{
    QTest::addColumn<QStringList>("profiles");
    QTest::addColumn<QString>("lastUsed");
    QTest::addColumn<QString>("expected"); // empty: no default

    QTest::newRow("none") << QStringList() << QString() << QString();
    QTest::newRow("stale last used, none left") << QStringList() << u"gone"_s << QString();
    QTest::newRow("only profile") << QStringList{u"solo"_s} << QString() << u"solo"_s;
    QTest::newRow("only profile beats stale last used") << QStringList{u"solo"_s} << u"gone"_s << u"solo"_s;
    QTest::newRow("two, none used") << QStringList{u"a"_s, u"b"_s} << QString() << QString();
    QTest::newRow("two, last used") << QStringList{u"a"_s, u"b"_s} << u"b"_s << u"b"_s;
    QTest::newRow("two, last used no longer exists") << QStringList{u"a"_s, u"b"_s} << u"c"_s << QString();
}

void TestProfileStore::defaultProfile()
{
    QFETCH(QStringList, profiles);
    QFETCH(QString, lastUsed);
    QFETCH(QString, expected);

    ProfileStore store(*m_settings);
    for (const QString &name : profiles)
        QVERIFY(store.save(mainland(name)));
    if (!lastUsed.isEmpty())
        store.setLastUsed(lastUsed);
    QCOMPARE(store.lastUsed(), lastUsed);

    const auto chosen = store.defaultProfile();
    QCOMPARE(chosen ? chosen->name : QString(), expected);
}

void TestProfileStore::removingLastUsedForgetsIt()
{
    ProfileStore store(*m_settings);
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        QVERIFY(store.save(mainland(name)));
    store.setLastUsed(u"b"_s);
    QCOMPARE(store.defaultProfile()->name, u"b"_s);

    QVERIFY(store.remove(u"b"_s));
    QVERIFY(store.lastUsed().isEmpty());
    QVERIFY(!store.defaultProfile().has_value()); // two remain, none last used

    QVERIFY(store.remove(u"c"_s));
    QCOMPARE(store.defaultProfile()->name, u"a"_s); // the only one left
}

void TestProfileStore::settingsFileHoldsOnlyExpectedKeys()
{
    {
        ProfileStore store(*m_settings);
        QVERIFY(store.save(mainland(u"prod"_s, u"prodkey"_s)));
        QVERIFY(store.save(custom(u"sim"_s, u"http://127.0.0.1:8080"_s, u"http://127.0.0.1:8081"_s)));
        store.setLastUsed(u"sim"_s);
        m_settings->sync();
        QCOMPARE(m_settings->status(), QSettings::NoError);
    }

    QSettings reopened(settingsPath(), QSettings::IniFormat);
    QStringList keys = reopened.allKeys();
    keys.sort();
    const QStringList expected{
        u"lastUsedProfile"_s,
        u"profiles/prod/appKey"_s,
        u"profiles/prod/region"_s,
        u"profiles/sim/appKey"_s,
        u"profiles/sim/backupUrl"_s,
        u"profiles/sim/baseUrl"_s,
        u"profiles/sim/region"_s,
    };
    QCOMPARE(keys, expected);
    QCOMPARE(reopened.value(u"profiles/prod/region"_s).toString(), u"mainland"_s);
    QCOMPARE(reopened.value(u"profiles/sim/region"_s).toString(), u"custom"_s);
    QCOMPARE(reopened.value(u"profiles/sim/baseUrl"_s).toString(), u"http://127.0.0.1:8080"_s);

    // Human-readable text, no serialized QVariant blobs that could hide anything.
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("@Variant"), text.constData());
    QVERIFY2(!text.toLower().contains("secret"), text.constData());
}

void TestProfileStore::replacingANameThatDiffersInCase()
{
    ProfileStore store(*m_settings);
    QVERIFY(store.save(custom(u"prod"_s, u"https://old.example"_s)));
    store.setLastUsed(u"prod"_s);
    QCOMPARE(store.existingName(u"PROD"_s), std::optional<QString>(u"prod"_s));
    QCOMPARE(store.existingName(u"other"_s), std::nullopt);
    QString error;
    QVERIFY2(store.save(mainland(u"Prod"_s), &error, u"prod"_s), qPrintable(error));
    QCOMPARE(store.names(), QStringList{u"Prod"_s});
    QCOMPARE(store.lastUsed(), u"Prod"_s);
    QSettings reread(settingsPath(), QSettings::IniFormat);
    QVERIFY(!reread.contains(u"profiles/prod/baseUrl"_s));
    QCOMPARE(ProfileStore(reread).find(u"Prod"_s), std::optional<Profile>(mainland(u"Prod"_s)));
}

void TestProfileStore::damagedEntriesAreNamed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem"); // empty: sound
    QTest::newRow("sound") << QByteArray("[profiles]\np\\region=mainland\np\\appKey=k\n") << QString();
    QTest::newRow("no region") << QByteArray("[profiles]\np\\appKey=k\n") << u"it has no region"_s;
    QTest::newRow("no AppKey") << QByteArray("[profiles]\np\\region=overseas\n") << u"it has no AppKey"_s;
    QTest::newRow("custom, no URL") << QByteArray("[profiles]\np\\region=custom\np\\appKey=k\n")
                                    << u"it has no base URL"_s;
}

void TestProfileStore::damagedEntriesAreNamed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    m_settings.reset();
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
    file.close();
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    const ProfileStore store(*m_settings);
    QCOMPARE(store.names(), QStringList{u"p"_s});
    if (problem.isEmpty()) {
        QVERIFY(store.settingsProblem().isEmpty());
        QVERIFY(store.find(u"p"_s));
        return;
    }
    QVERIFY(!store.find(u"p"_s));
    QVERIFY(store.profiles().isEmpty());
    for (const QString &text : {store.entryProblem(u"p"_s), store.settingsProblem()}) {
        QVERIFY2(text.contains(u"The settings file %1 is damaged"_s.arg(settingsPath())), qPrintable(text));
        QVERIFY2(text.contains(problem), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"

#include "DialogHook.h"
#include "ProfileManagerDialog.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"
#include "support/RequireChild.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestProfileManagerDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void listsSavedProfiles();
    void addStoresProfileAndSecret();
    void addReportsKeychainFailure();
    void editKeepsSecretWhenLeftEmpty();
    void removeAsksFirst_data();
    void removeAsksFirst();
    void listsTheSandboxReadOnly();

private:
    template<typename T>
    static T *child(QWidget *parent, const char *name) { return test::requireChild<T>(parent, name); }
    static Profile mainland(const QString &name, const QString &appKey)
    {
        Profile profile;
        profile.name = name;
        profile.appKey = appKey;
        return profile;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<InMemorySecretStore> m_secrets;
};

void TestProfileManagerDialog::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(u"settings.ini"_s));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(*m_settings);
    m_secrets = std::make_unique<InMemorySecretStore>();
}

void TestProfileManagerDialog::cleanup()
{
    DialogHook::clearAnswers();
    m_secrets.reset();
    m_store.reset();
    m_settings.reset();
}

void TestProfileManagerDialog::listsSavedProfiles()
{
    QVERIFY(m_store->save(mainland(u"Staging"_s, u"k2"_s)));
    QVERIFY(m_store->save(mainland(u"production"_s, u"k1"_s)));
    ProfileManagerDialog dialog(*m_store, *m_secrets);
    auto *list = child<QListWidget>(&dialog, "profileList");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), u"production — Mainland China, AppKey k1"_s);
    QCOMPARE(dialog.selectedName(), u"production"_s);
    QVERIFY(child<QPushButton>(&dialog, "editProfileButton")->isEnabled());
}

void TestProfileManagerDialog::addStoresProfileAndSecret()
{
    ProfileManagerDialog dialog(*m_store, *m_secrets);
    QVERIFY(!child<QPushButton>(&dialog, "removeProfileButton")->isEnabled()); // nothing listed
    QSignalSpy changed(&dialog, &ProfileManagerDialog::profilesChanged);
    DialogHook::setInspector([](QDialog *profileDialog) {
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileName"), u"Sim"_s);
        child<QComboBox>(profileDialog, "profileRegion")->setCurrentIndex(2);
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileBaseUrl"), u"http://127.0.0.1:9000"_s);
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileAppKey"), u"key1"_s);
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileSecret"), u"s3cret"_s);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QTest::mouseClick(child<QPushButton>(&dialog, "addProfileButton"), Qt::LeftButton);

    QCOMPARE(DialogHook::lastObjectName(), u"profileDialog"_s);
    QTRY_COMPARE(changed.count(), 1);
    const auto stored = m_store->find(u"Sim"_s);
    QVERIFY(stored);
    QCOMPARE(stored->baseUrl, QUrl(u"http://127.0.0.1:9000"_s));
    QCOMPARE(dialog.selectedName(), u"Sim"_s);
    QTRY_VERIFY(m_secrets->contains(u"Sim"_s));
    const SecretResult secret = m_secrets->readBlocking(u"Sim"_s);
    QCOMPARE(secret.secret, u"s3cret"_s);
}

void TestProfileManagerDialog::addReportsKeychainFailure()
{
    ProfileManagerDialog dialog(*m_store, *m_secrets);
    m_secrets->failNextOperation(SecretStatus::NoBackend);
    DialogHook::setInspector([](QDialog *profileDialog) {
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileName"), u"P"_s);
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileAppKey"), u"key1"_s);
        QTest::keyClicks(child<QLineEdit>(profileDialog, "profileSecret"), u"s"_s);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    dialog.addProfile();
    QTRY_VERIFY(dialog.statusText().contains(u"could not be stored in the keychain"_s));
    QVERIFY(dialog.statusText().contains(u"not added"_s));
    QVERIFY(!m_secrets->contains(u"P"_s));
    QVERIFY(!m_store->find(u"P"_s)); // nothing at all is stored without a keychain
}

void TestProfileManagerDialog::editKeepsSecretWhenLeftEmpty()
{
    QVERIFY(m_store->save(mainland(u"P"_s, u"old"_s)));
    QCOMPARE(m_secrets->writeBlocking(u"P"_s, u"kept"_s).status, SecretStatus::Ok);
    ProfileManagerDialog dialog(*m_store, *m_secrets);
    DialogHook::setInspector([](QDialog *profileDialog) {
        auto *appKey = child<QLineEdit>(profileDialog, "profileAppKey");
        appKey->selectAll();
        QTest::keyClicks(appKey, u"new"_s);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QTest::mouseClick(child<QPushButton>(&dialog, "editProfileButton"), Qt::LeftButton);
    QCOMPARE(m_store->find(u"P"_s)->appKey, u"new"_s);
    QCOMPARE(m_secrets->readBlocking(u"P"_s).secret, u"kept"_s);
}

void TestProfileManagerDialog::removeAsksFirst_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("removed");
    QTest::newRow("yes") << int(QDialogButtonBox::Yes) << true;
    QTest::newRow("no") << int(QDialogButtonBox::No) << false;
}

void TestProfileManagerDialog::removeAsksFirst()
{
    QFETCH(int, answer);
    QFETCH(bool, removed);
    QVERIFY(m_store->save(mainland(u"P"_s, u"k"_s)));
    QCOMPARE(m_secrets->writeBlocking(u"P"_s, u"s"_s).status, SecretStatus::Ok);
    ProfileManagerDialog dialog(*m_store, *m_secrets);
    DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    QTest::mouseClick(child<QPushButton>(&dialog, "removeProfileButton"), Qt::LeftButton);
    QVERIFY(DialogHook::lastText().contains(u"Remove the profile \"P\""_s));
    QCOMPARE(!m_store->find(u"P"_s).has_value(), removed);
    QCOMPARE(child<QListWidget>(&dialog, "profileList")->count(), removed ? 0 : 1);
    if (removed)
        QTRY_VERIFY(!m_secrets->contains(u"P"_s));
    else
        QVERIFY(m_secrets->contains(u"P"_s));
}

// In sandbox mode the sandbox's profile is listed first, with its address, but cannot be
// edited or removed; a saved profile of the same name stays a separate entry.
void TestProfileManagerDialog::listsTheSandboxReadOnly()
{
    QVERIFY(m_store->save(mainland(u"Sandbox"_s, u"k1"_s)));
    Profile sandbox;
    sandbox.name = u"Sandbox"_s;
    sandbox.region = Region::Custom;
    sandbox.baseUrl = QUrl(u"http://127.0.0.1:4321"_s);
    sandbox.appKey = u"demo_key"_s;
    ProfileManagerDialog dialog(*m_store, *m_secrets);
    dialog.setBuiltInProfile(sandbox);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = child<QListWidget>(&dialog, "profileList");
    auto *edit = child<QPushButton>(&dialog, "editProfileButton");
    auto *remove = child<QPushButton>(&dialog, "removeProfileButton");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), u"Sandbox (built in) — local simulator at http://127.0.0.1:4321, AppKey demo_key"_s);
    QCOMPARE(list->item(1)->text(), u"Sandbox — Mainland China, AppKey k1"_s);

    QCOMPARE(list->currentRow(), 0);
    QVERIFY(dialog.isBuiltInSelected());
    QCOMPARE(dialog.selectedName(), QString());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!remove->isEnabled());
    QVERIFY(edit->toolTip().contains(u"built in"_s));
    QVERIFY(remove->toolTip().contains(u"built in"_s));
    // A double click explains instead of opening the profile dialog.
    // Through the window, as the system delivers it: press, release, press, double click, release.
    const QPoint firstRow = list->visualItemRect(list->item(0)).center();
    QTest::mouseDClick(dialog.windowHandle(), Qt::LeftButton, {}, list->viewport()->mapTo(&dialog, firstRow));
    QVERIFY(DialogHook::lastObjectName() != u"profileDialog"_s);
    QVERIFY2(dialog.statusText().contains(u"built in"_s), qPrintable(dialog.statusText()));

    // The saved profile of the same name is the one Edit and Remove act on.
    dialog.selectProfile(u"Sandbox"_s);
    QCOMPARE(list->currentRow(), 1);
    QVERIFY(!dialog.isBuiltInSelected());
    QCOMPARE(dialog.selectedName(), u"Sandbox"_s);
    QVERIFY(edit->isEnabled());
    QVERIFY(remove->isEnabled());
    QVERIFY(edit->toolTip().isEmpty());
    DialogHook::setNextAnswer(QDialogButtonBox::Yes);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!m_store->find(u"Sandbox"_s));
    QCOMPARE(list->count(), 1); // the built-in one stays
    QVERIFY(dialog.isBuiltInSelected());
}

QTEST_MAIN(TestProfileManagerDialog)
#include "tst_profilemanagerdialog.moc"

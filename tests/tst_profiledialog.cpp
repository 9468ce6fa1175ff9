#include "DialogHook.h"
#include "ProfileDialog.h"
#include "support/RequireChild.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestProfileDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();

    void validation_data();
    void validation();
    void secretIsAPasswordField();
    void baseUrlOnlyForCustomRegion();
    void editModeNeverShowsTheSecret();
    void testerGetsEnteredValues();
    void testerReportsLater();
    void staleTestResultIsDropped();
    void acceptedThroughDialogHook();
    void caCertificateFile_data();
    void caCertificateFile();
    void caFileChosenWithBrowse();
    void editModeKeepsTheCaFile();
    void requireReasonCheckBox();
    void hintsAreNotClipped_data();
    void hintsAreNotClipped();

private:
    template<typename T>
    static T *child(QWidget *parent, const char *name) { return test::requireChild<T>(parent, name); }
    static void fill(ProfileDialog &dialog, const QString &name, int region, const QString &baseUrl,
                     const QString &appKey, const QString &secret)
    {
        QTest::keyClicks(child<QLineEdit>(&dialog, "profileName"), name);
        child<QComboBox>(&dialog, "profileRegion")->setCurrentIndex(region);
        if (!baseUrl.isEmpty())
            QTest::keyClicks(child<QLineEdit>(&dialog, "profileBaseUrl"), baseUrl);
        QTest::keyClicks(child<QLineEdit>(&dialog, "profileAppKey"), appKey);
        QTest::keyClicks(child<QLineEdit>(&dialog, "profileSecret"), secret);
    }
};

void TestProfileDialog::cleanup()
{
    DialogHook::clearAnswers();
}

void TestProfileDialog::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("region"); // combo index: mainland, overseas, custom
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("appKey");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("error"); // a phrase; empty = valid

    QTest::newRow("mainland") << u"Production"_s << 0 << u""_s << u"key1"_s << u"s3cret"_s << u""_s;
    QTest::newRow("overseas") << u"SG"_s << 1 << u""_s << u"key1"_s << u"s3cret"_s << u""_s;
    QTest::newRow("custom loopback http") << u"Sim"_s << 2 << u"http://127.0.0.1:8080"_s << u"key1"_s << u"s"_s << u""_s;
    QTest::newRow("no name") << u""_s << 0 << u""_s << u"key1"_s << u"s"_s << u"Enter a profile name"_s;
    QTest::newRow("name with slash") << u"a/b"_s << 0 << u""_s << u"key1"_s << u"s"_s << u"slash"_s;
    QTest::newRow("duplicate name") << u"staging"_s << 0 << u""_s << u"key1"_s << u"s"_s << u"already exists"_s;
    QTest::newRow("no AppKey") << u"P"_s << 0 << u""_s << u""_s << u"s"_s << u"AppKey"_s;
    QTest::newRow("custom without URL") << u"P"_s << 2 << u""_s << u"key1"_s << u"s"_s << u"base URL"_s;
    QTest::newRow("custom plain http") << u"P"_s << 2 << u"http://example.com"_s << u"key1"_s << u"s"_s << u"https is required"_s;
    QTest::newRow("custom URL with user info")
        << u"P"_s << 2 << u"https://support:hunter2@im.example"_s << u"key1"_s << u"s"_s << u"user name or password"_s;
    QTest::newRow("custom URL with a query") << u"P"_s << 2 << u"https://im.example/?token=abc"_s << u"key1"_s
                                             << u"s"_s << u"contains a query"_s;
    QTest::newRow("custom URL with a fragment") << u"P"_s << 2 << u"https://im.example/#top"_s << u"key1"_s
                                                << u"s"_s << u"contains a fragment"_s;
    QTest::newRow("no secret") << u"P"_s << 0 << u""_s << u"key1"_s << u""_s << u"Enter the AppSecret"_s;
    QTest::newRow("secret with space") << u"P"_s << 0 << u""_s << u"key1"_s << u"ab cd"_s << u"AppSecret contains a space"_s;
}

void TestProfileDialog::validation()
{
    QFETCH(QString, name);
    QFETCH(int, region);
    QFETCH(QString, baseUrl);
    QFETCH(QString, appKey);
    QFETCH(QString, secret);
    QFETCH(QString, error);

    ProfileDialog dialog(ProfileDialog::Mode::Add);
    dialog.setExistingNames({u"Staging"_s});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, name, region, baseUrl, appKey, secret);

    const QString shown = child<QLabel>(&dialog, "profileError")->text();
    auto *ok = child<QPushButton>(&dialog, "profileOkButton");
    if (error.isEmpty()) {
        QVERIFY2(shown.isEmpty(), qPrintable(shown));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.profile().name, name);
        QCOMPARE(dialog.profile().appKey, appKey);
        QCOMPARE(dialog.secret(), secret);
    } else {
        QVERIFY2(shown.contains(error), qPrintable(shown));
        // The refusal never repeats a password or token from the URL.
        QVERIFY2(!shown.contains(u"hunter2"_s) && !shown.contains(u"token"_s), qPrintable(shown));
        QVERIFY(!ok->isEnabled());
        dialog.accept(); // refused while invalid
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
}

void TestProfileDialog::secretIsAPasswordField()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    auto *secret = child<QLineEdit>(&dialog, "profileSecret");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, u"topsecret"_s);
    QCOMPARE(dialog.secret(), u"topsecret"_s);
    QVERIFY(secret->displayText() != u"topsecret"_s);
}

void TestProfileDialog::baseUrlOnlyForCustomRegion()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    auto *region = child<QComboBox>(&dialog, "profileRegion");
    auto *baseUrl = child<QLineEdit>(&dialog, "profileBaseUrl");
    QCOMPARE(region->count(), 3);
    QCOMPARE(region->itemText(0), u"Mainland China"_s);
    QCOMPARE(region->itemText(1), u"Overseas (Singapore)"_s);
    QCOMPARE(region->itemText(2), u"Custom URL"_s);

    QVERIFY(!baseUrl->isEnabled());
    QCOMPARE(baseUrl->text(), u"https://open.yunxinapi.com"_s); // where requests go
    region->setCurrentIndex(1);
    QCOMPARE(baseUrl->text(), u"https://open-sg.yunxinapi.com"_s);
    region->setCurrentIndex(2);
    QVERIFY(baseUrl->isEnabled());
    QVERIFY(baseUrl->text().isEmpty());
    QTest::keyClicks(baseUrl, u"https://im.example.com"_s);
    region->setCurrentIndex(0);
    QVERIFY(dialog.profile().baseUrl.isEmpty()); // only Custom profiles carry a URL
    region->setCurrentIndex(2);
    QCOMPARE(baseUrl->text(), u"https://im.example.com"_s); // the typed URL survives
    QCOMPARE(dialog.profile().region, Region::Custom);
    QCOMPARE(dialog.profile().baseUrl, QUrl(u"https://im.example.com"_s));
}

void TestProfileDialog::editModeNeverShowsTheSecret()
{
    ProfileDialog dialog(ProfileDialog::Mode::Edit);
    Profile profile;
    profile.name = u"Sim"_s;
    profile.region = Region::Custom;
    profile.baseUrl = QUrl(u"http://127.0.0.1:9000"_s);
    profile.appKey = u"key9"_s;
    dialog.setProfile(profile);

    auto *secret = child<QLineEdit>(&dialog, "profileSecret");
    QVERIFY(secret->text().isEmpty());
    QCOMPARE(secret->placeholderText(), u"unchanged — stored in the keychain"_s);
    QVERIFY(child<QLineEdit>(&dialog, "profileName")->isReadOnly());
    QCOMPARE(child<QLineEdit>(&dialog, "profileBaseUrl")->text(), u"http://127.0.0.1:9000"_s);
    QCOMPARE(dialog.profile(), profile);
    QVERIFY(dialog.validationError().isEmpty()); // an empty secret means "unchanged"
    QVERIFY(dialog.secret().isEmpty());
}

void TestProfileDialog::testerGetsEnteredValues()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    auto *test = child<QPushButton>(&dialog, "testCredentialsButton");
    fill(dialog, u"Sim"_s, 2, u"http://127.0.0.1:9000"_s, u"key1"_s, u"s3cret"_s);
    QVERIFY(!test->isEnabled()); // no tester yet

    int calls = 0;
    Profile seenProfile;
    Credentials seenCredentials;
    dialog.setCredentialTester([&](const Profile &profile, const Credentials &credentials,
                                   const ProfileDialog::TestReport &report) {
        ++calls;
        seenProfile = profile;
        seenCredentials = credentials;
        report(u"Credentials accepted (code 200)."_s, true);
    });
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    QCOMPARE(calls, 1);
    QCOMPARE(seenProfile.name, u"Sim"_s);
    QCOMPARE(seenProfile.region, Region::Custom);
    QCOMPARE(seenProfile.baseUrl, QUrl(u"http://127.0.0.1:9000"_s));
    QCOMPARE(seenCredentials.appKey, u"key1"_s);
    QCOMPARE(seenCredentials.appSecret, u"s3cret"_s);
    auto *result = child<QLabel>(&dialog, "testResult");
    QCOMPARE(result->text(), u"Credentials accepted (code 200)."_s);
    QVERIFY(!result->font().bold());
    QVERIFY(test->isEnabled());
}

void TestProfileDialog::testerReportsLater()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    fill(dialog, u"P"_s, 0, {}, u"key1"_s, u"wrong"_s);
    ProfileDialog::TestReport pending;
    dialog.setCredentialTester([&](const Profile &, const Credentials &, ProfileDialog::TestReport report) {
        pending = std::move(report);
    });
    auto *test = child<QPushButton>(&dialog, "testCredentialsButton");
    auto *result = child<QLabel>(&dialog, "testResult");
    QTest::mouseClick(test, Qt::LeftButton);
    QCOMPARE(result->text(), u"Testing…"_s);
    QVERIFY(!test->isEnabled()); // one test at a time
    pending(u"Rejected: code 414, the CheckSum is wrong."_s, false);
    QCOMPARE(result->text(), u"Rejected: code 414, the CheckSum is wrong."_s);
    QVERIFY(result->font().bold());
    QVERIFY(test->isEnabled());
}

void TestProfileDialog::staleTestResultIsDropped()
{
    ProfileDialog::TestReport pending;
    auto dialog = std::make_unique<ProfileDialog>(ProfileDialog::Mode::Add);
    fill(*dialog, u"P"_s, 0, {}, u"key1"_s, u"s"_s);
    dialog->setCredentialTester([&](const Profile &, const Credentials &, ProfileDialog::TestReport report) {
        pending = std::move(report);
    });
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testCredentialsButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "profileAppKey"), u"2"_s); // values changed
    pending(u"for the old key"_s, true);
    QVERIFY(child<QLabel>(dialog.get(), "testResult")->text().isEmpty());

    QTest::mouseClick(child<QPushButton>(dialog.get(), "testCredentialsButton"), Qt::LeftButton);
    dialog.reset();
    pending(u"after the dialog closed"_s, true); // must not touch the deleted dialog
}

void TestProfileDialog::acceptedThroughDialogHook()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    fill(dialog, u"P"_s, 0, {}, u"key1"_s, u"s"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QCOMPARE(DialogHook::exec(&dialog), int(QDialog::Accepted));

    ProfileDialog invalid(ProfileDialog::Mode::Add);
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"is disabled"_s));
    QCOMPARE(DialogHook::exec(&invalid), int(QDialog::Rejected));
}

void TestProfileDialog::caCertificateFile_data()
{
    QTest::addColumn<QString>("file"); // under tests/tls, or a name made in a temporary folder
    QTest::addColumn<QString>("error"); // a phrase; empty = valid
    QTest::newRow("none") << QString() << QString();
    QTest::newRow("the test CA") << u"test-ca.pem"_s << QString();
    QTest::newRow("missing file") << u"missing.pem"_s << u"cannot be read"_s;
    QTest::newRow("a key, not a certificate") << u"localhost.key"_s << u"holds no certificate"_s;
    QTest::newRow("a folder") << u"."_s << u"not a regular file"_s; // tests/tls itself
}

void TestProfileDialog::caCertificateFile()
{
    QFETCH(QString, file);
    QFETCH(QString, error);
    const QString path = file.isEmpty() ? QString() : QStringLiteral(CONVDESK_TLS_DIR) + u'/' + file;
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    fill(dialog, u"Private"_s, 2, u"https://im.internal.example"_s, u"key1"_s, u"s3cret"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, "profileCaFile"), path);

    auto *ok = child<QDialogButtonBox>(&dialog, "profileButtons")->button(QDialogButtonBox::Ok);
    const QString shown = child<QLabel>(&dialog, "profileError")->text();
    if (error.isEmpty()) {
        QVERIFY2(shown.isEmpty(), qPrintable(shown));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.profile().caCertificateFile, path);
        QCOMPARE(dialog.profile().endpoint().caCertificateFile, path); // what the client will load
    } else {
        QVERIFY2(shown.contains(error) && shown.contains(file), qPrintable(shown));
        QVERIFY(!ok->isEnabled());
    }
}

void TestProfileDialog::caFileChosenWithBrowse()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    fill(dialog, u"Private"_s, 2, u"https://im.internal.example"_s, u"key1"_s, u"s3cret"_s);
    auto *field = child<QLineEdit>(&dialog, "profileCaFile");
    auto *browse = child<QPushButton>(&dialog, "profileCaFileBrowse");
    const QString ca = QStringLiteral(CONVDESK_TLS_DIR) + u"/test-ca.pem"_s;

    DialogHook::setNextFileName(ca);
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"openFileDialog"_s);
    QCOMPARE(field->text(), QDir::toNativeSeparators(ca));
    QCOMPARE(dialog.profile().caCertificateFile, ca);

    DialogHook::setNextFileName(QString()); // Cancel keeps the file chosen before
    QTest::mouseClick(browse, Qt::LeftButton);
    QCOMPARE(field->text(), QDir::toNativeSeparators(ca));

    DialogHook::setNextFileName(QStringLiteral(CONVDESK_TLS_DIR) + u"/localhost.key"_s);
    QTest::mouseClick(browse, Qt::LeftButton);
    QVERIFY(child<QLabel>(&dialog, "profileError")->text().contains(u"holds no certificate"_s));
    QCOMPARE(DialogHook::pendingFileNames(), 0); // each click asked exactly once
}

void TestProfileDialog::editModeKeepsTheCaFile()
{
    Profile profile;
    profile.name = u"Private"_s;
    profile.region = Region::Custom;
    profile.baseUrl = QUrl(u"https://im.internal.example"_s);
    profile.appKey = u"key1"_s;
    profile.caCertificateFile = QStringLiteral(CONVDESK_TLS_DIR) + u"/test-ca.pem"_s;
    ProfileDialog dialog(ProfileDialog::Mode::Edit);
    dialog.setProfile(profile);
    QCOMPARE(dialog.profile(), profile); // editing something else never drops the CA file

    auto *field = child<QLineEdit>(&dialog, "profileCaFile");
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    QVERIFY(dialog.profile().caCertificateFile.isEmpty());
    QVERIFY(dialog.validationError().isEmpty());
}

void TestProfileDialog::requireReasonCheckBox()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *check = child<QCheckBox>(&dialog, "requireReasonCheck");
    QCOMPARE(check->text(), u"Re&quire a reason for every save"_s);
    QVERIFY(!check->isChecked());
    QVERIFY(!dialog.profile().requireReason);
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(check->height() / 2, check->height() / 2));
    QVERIFY(dialog.profile().requireReason);

    Profile strict;
    strict.name = u"Strict"_s;
    strict.appKey = u"key1"_s;
    strict.requireReason = true;
    ProfileDialog edit(ProfileDialog::Mode::Edit);
    edit.setProfile(strict);
    QVERIFY(child<QCheckBox>(&edit, "requireReasonCheck")->isChecked());
    QCOMPARE(edit.profile(), strict);
}

void TestProfileDialog::hintsAreNotClipped_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("add") << int(ProfileDialog::Mode::Add);
    QTest::newRow("edit") << int(ProfileDialog::Mode::Edit);
}

void TestProfileDialog::hintsAreNotClipped()
{
    QFETCH(int, mode);
    ProfileDialog dialog{ProfileDialog::Mode(mode)};
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QLineEdit *> fields = dialog.findChildren<QLineEdit *>();
    QVERIFY(fields.size() >= 6);
    for (const QLineEdit *field : fields) {
        if (field->placeholderText().isEmpty() || !field->text().isEmpty())
            continue;
        // The text area is the field less its frame and margins, a few pixels each side.
        const int needed = field->fontMetrics().horizontalAdvance(field->placeholderText()) + 8;
        QVERIFY2(field->width() >= needed, qPrintable(u"%1: %2 px for a hint of %3 px"_s.arg(
                                               field->objectName()).arg(field->width()).arg(needed)));
    }
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"

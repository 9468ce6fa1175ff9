#include "DialogHook.h"
#include "ProfileDialog.h"
#include "support/RequireChild.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The profile dialog's "Server extension schema" field: the picker, the live check, and OK
// refused while the file is not a usable schema.
class TestProfileDialogSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void checkLine_data();
    void checkLine();
    void chosenWithThePicker();
    void editModeShowsTheStoredSchema();

private:
    template<typename T>
    static T *child(QWidget *parent, const char *name) { return test::requireChild<T>(parent, name); }
    QString write(const QString &name, const QByteArray &text);
    static void fill(ProfileDialog &dialog)
    {
        QTest::keyClicks(child<QLineEdit>(&dialog, "profileName"), u"Support"_s);
        child<QComboBox>(&dialog, "profileRegion")->setCurrentIndex(0);
        QTest::keyClicks(child<QLineEdit>(&dialog, "profileAppKey"), u"key1"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, "profileSecret"), u"s3cret"_s);
    }

    QTemporaryDir m_dir;
};

void TestProfileDialogSchema::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestProfileDialogSchema::cleanup()
{
    DialogHook::clearAnswers();
}

QString TestProfileDialogSchema::write(const QString &name, const QByteArray &text)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

void TestProfileDialogSchema::checkLine_data()
{
    QTest::addColumn<QString>("file");      // "" leaves the field empty
    QTest::addColumn<QString>("status");    // what the check line starts with, "" when hidden
    QTest::addColumn<bool>("okEnabled");

    QTest::newRow("empty field: no schema") << QString() << QString() << true;
    QTest::newRow("titled schema") << write(u"titled.json"_s, R"({"title":"Support desk","type":"object"})")
                                   << u"Valid schema: Support desk"_s << true;
    QTest::newRow("untitled schema: its file name")
        << write(u"plain.json"_s, R"({"type":"object"})") << u"Valid schema: plain.json"_s << true;
    QTest::newRow("not JSON") << write(u"broken.json"_s, "{\"type\": ") << u"*"_s << false;
    QTest::newRow("not a valid schema") << write(u"invalid.json"_s, R"({"type":"thing"})") << u"*"_s << false;
    QTest::newRow("missing file") << m_dir.filePath(u"absent.json"_s) << u"*"_s << false;
}

void TestProfileDialogSchema::checkLine()
{
    QFETCH(QString, file);
    QFETCH(QString, status);
    QFETCH(bool, okEnabled);
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    fill(dialog);
    QTest::keyClicks(child<QLineEdit>(&dialog, "schemaFileEdit"), QDir::toNativeSeparators(file));
    auto *line = child<QLabel>(&dialog, "schemaFileStatus");
    auto *ok = child<QPushButton>(&dialog, "profileOkButton");
    QCOMPARE(ok->isEnabled(), okEnabled);
    QCOMPARE(dialog.profile().extensionSchemaFile, file);
    if (status.isEmpty()) {
        QVERIFY(line->isHidden());
    } else if (status == u"*"_s) { // the load error sentence, the same one that refuses OK
        QVERIFY(!line->isHidden());
        QVERIFY(!line->text().isEmpty());
        QCOMPARE(child<QLabel>(&dialog, "profileError")->text(), line->text());
        QCOMPARE(dialog.validationError(), line->text());
    } else {
        QCOMPARE(line->text(), status);
    }
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    QCOMPARE(DialogHook::exec(&dialog) == QDialog::Accepted, okEnabled);
}

void TestProfileDialogSchema::chosenWithThePicker()
{
    const QString schema = write(u"picked.json"_s, R"({"title":"Picked","type":"object"})");
    ProfileDialog dialog(ProfileDialog::Mode::Add);
    fill(dialog);
    auto *button = child<QPushButton>(&dialog, "schemaFileButton");
    DialogHook::setNextFileName(schema);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"openFileDialog"_s);
    QCOMPARE(child<QLineEdit>(&dialog, "schemaFileEdit")->text(), QDir::toNativeSeparators(schema));
    QCOMPARE(child<QLabel>(&dialog, "schemaFileStatus")->text(), u"Valid schema: Picked"_s);

    DialogHook::setNextFileName(QString()); // Cancel keeps the file chosen before
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(dialog.profile().extensionSchemaFile, schema);
    QCOMPARE(DialogHook::pendingFileNames(), 0);
}

void TestProfileDialogSchema::editModeShowsTheStoredSchema()
{
    const QString schema = write(u"stored.json"_s, R"({"title":"Stored","type":"object"})");
    Profile profile;
    profile.name = u"Support"_s;
    profile.appKey = u"key1"_s;
    profile.extensionSchemaFile = schema;
    ProfileDialog dialog(ProfileDialog::Mode::Edit);
    dialog.setProfile(profile);
    QCOMPARE(child<QLabel>(&dialog, "schemaFileStatus")->text(), u"Valid schema: Stored"_s);
    QCOMPARE(dialog.profile().extensionSchemaFile, schema);
    child<QLineEdit>(&dialog, "schemaFileEdit")->clear(); // removing the schema
    QCOMPARE(dialog.profile().extensionSchemaFile, QString());
    QVERIFY(child<QPushButton>(&dialog, "profileOkButton")->isEnabled());
}

QTEST_MAIN(TestProfileDialogSchema)
#include "tst_profiledialogschema.moc"

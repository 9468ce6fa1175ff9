#include "DialogHook.h"
#include "SaveConfirmDialog.h"
#include "support/RequireChild.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The review of a save when the profile has a team schema: its errors are listed, and "Save
// anyway" needs its own tick; a schema that cannot be read needs the same tick.
class TestSaveConfirmSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();

    void passingValueNeedsNoTick_data();
    void passingValueNeedsNoTick();
    void errorsAreListedAndNeedTheTick();
    void unreadableSchemaNeedsTheTick();
    void answeredThroughTheHook_data();
    void answeredThroughTheHook();

private:
    static SaveConfirmation sample(QList<SchemaError> errors, const QString &problem = QString())
    {
        SaveConfirmation confirmation{u"acc1|1|acc2"_s, u"Support"_s, u"0123abcd"_s, uR"({"priority":"low"})"_s,
                                      uR"({"priority":"hgih"})"_s, QString(), false};
        confirmation.schemaFile = u"/teams/support/extension-schema.json"_s;
        confirmation.schemaErrors = std::move(errors);
        confirmation.schemaProblem = problem;
        return confirmation;
    }
    static QPushButton *saveButton(const QDialog &dialog)
    {
        return test::requireChild<QPushButton>(&dialog, "confirmSaveButton");
    }
};

void TestSaveConfirmSchema::cleanup()
{
    DialogHook::clearAnswers();
}

void TestSaveConfirmSchema::passingValueNeedsNoTick_data()
{
    QTest::addColumn<QString>("schemaFile");
    QTest::newRow("no schema") << QString();
    QTest::newRow("schema, no errors") << u"/teams/support/extension-schema.json"_s;
}

void TestSaveConfirmSchema::passingValueNeedsNoTick()
{
    QFETCH(QString, schemaFile);
    SaveConfirmation confirmation = sample({});
    confirmation.schemaFile = schemaFile;
    SaveConfirmDialog dialog(confirmation);
    QVERIFY(!dialog.findChild<QLabel *>(u"confirmSchemaErrors"_s));
    QVERIFY(!dialog.findChild<QCheckBox *>(u"confirmSchemaCheck"_s));
    QCOMPARE(saveButton(dialog)->text(), u"&Save to server"_s);
    QVERIFY(saveButton(dialog)->isEnabled());
}

void TestSaveConfirmSchema::errorsAreListedAndNeedTheTick()
{
    SaveConfirmDialog dialog(sample({{u"/priority"_s, u"must be one of low, normal, high, urgent"_s},
                                     {QString(), u"misses the required key ticket"_s}}));
    const QString listed = test::requireChild<QLabel>(&dialog, "confirmSchemaErrors")->text();
    QVERIFY2(listed.contains(u"/priority: must be one of low, normal, high, urgent"_s), qPrintable(listed));
    QVERIFY2(listed.contains(u"misses the required key ticket"_s), qPrintable(listed));
    QVERIFY2(listed.contains(u"extension-schema.json"_s), qPrintable(listed));
    QCOMPARE(saveButton(dialog)->text(), u"Save &anyway"_s);
    QVERIFY(!saveButton(dialog)->isEnabled());
    auto *tick = test::requireChild<QCheckBox>(&dialog, "confirmSchemaCheck");
    tick->click();
    QVERIFY(tick->isChecked());
    QVERIFY(saveButton(dialog)->isEnabled());
    tick->click();
    QVERIFY(!saveButton(dialog)->isEnabled());
}

void TestSaveConfirmSchema::unreadableSchemaNeedsTheTick()
{
    SaveConfirmDialog dialog(sample({}, u"The schema file extension-schema.json does not exist."_s));
    const QString listed = test::requireChild<QLabel>(&dialog, "confirmSchemaErrors")->text();
    QVERIFY2(listed.contains(u"does not exist"_s), qPrintable(listed));
    QVERIFY(!saveButton(dialog)->isEnabled());
    test::requireChild<QCheckBox>(&dialog, "confirmSchemaCheck")->setChecked(true);
    QVERIFY(saveButton(dialog)->isEnabled());
}

void TestSaveConfirmSchema::answeredThroughTheHook_data()
{
    QTest::addColumn<bool>("tick");
    QTest::addColumn<bool>("saved");
    QTest::newRow("ticked") << true << true;
    QTest::newRow("not ticked: Save does nothing") << false << false;
}

void TestSaveConfirmSchema::answeredThroughTheHook()
{
    QFETCH(bool, tick);
    QFETCH(bool, saved);
    SaveConfirmation confirmation = sample({{u"/priority"_s, u"not allowed"_s}});
    DialogHook::setInspector([tick](QDialog *dialog) {
        test::requireChild<QCheckBox>(dialog, "confirmSchemaCheck")->setChecked(tick);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save); // a disabled Save does not accept
    QCOMPARE(SaveConfirmDialog::confirm(confirmation, nullptr), saved);
}

QTEST_MAIN(TestSaveConfirmSchema)
#include "tst_saveconfirmschema.moc"

#include "ExtensionForm.h"
#include "models/ExtensionFormModel.h"
#include "schema/ExtensionSchema.h"
#include "support/ItemViewClicks.h"
#include "support/RequireChild.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeView>

using namespace convdesk;
using namespace Qt::StringLiterals;

using Model = ExtensionFormModel;

namespace {

// Plain literals: moc does not read this schema correctly as one raw string.
const QByteArray TeamSchema =
    "{\n"
    "  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"
    "  \"type\": \"object\",\n"
    "  \"required\": [\"ticket\", \"priority\"],\n"
    "  \"properties\": {\n"
    "    \"ticket\": {\"title\": \"Ticket\", \"description\": \"The help desk's number.\", \"type\": \"string\",\n"
    "               \"pattern\": \"^T-\\\\d{4}$\"},\n"
    "    \"priority\": {\"type\": \"string\", \"enum\": [\"low\", \"normal\", \"high\", \"urgent\"], \"default\": \"normal\"},\n"
    "    \"vip\": {\"type\": \"boolean\", \"default\": false},\n"
    "    \"agent\": {\"type\": \"string\", \"maxLength\": 8},\n"
    "    \"calls\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 20},\n"
    "    \"budget\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1000000000000},\n"
    "    \"score\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 5}\n"
    "  }\n"
    "}\n";

} // namespace

// The form with a team schema, driven as a user does: the editors the schema asks for, the
// marks on the rows, the fields it offers, and its errors beside the value while typing.
class TestExtensionFormSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void enumIsADropDown();
    void boundedIntegers_data();
    void boundedIntegers();
    void boundedNumberIsADoubleSpinBox();
    void booleanIsACheckBox();
    void maxLengthHasACounter();
    void titlesRequiredAndExtraMarks();
    void extraKeyNotAllowed();
    void titledKeysFitTheirColumn_data();
    void titledKeysFitTheirColumn();
    void addFieldMenuOffersMissingFields();
    void addRequiredFields();
    void errorsBesideTheFieldAsYouType();
    void unreadableSchemaIsShown();

private:
    template<typename T>
    T *child(const char *name) { return test::requireChild<T>(m_form, name); }
    QTreeView *view() { return child<QTreeView>("extensionFormView"); }
    QModelIndex at(const QString &pointer, int column) { return m_form->model()->indexForPointer(pointer, column); }
    static std::shared_ptr<const ExtensionSchema> schema(const QByteArray &text = TeamSchema);

    ExtensionForm *m_form = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // alive the whole test
};

std::shared_ptr<const ExtensionSchema> TestExtensionFormSchema::schema(const QByteArray &text)
{
    QString error;
    auto loaded = ExtensionSchema::fromText(text, u"team.json"_s, &error);
    if (!loaded)
        qFatal("test schema rejected: %s", qPrintable(error));
    return std::make_shared<const ExtensionSchema>(std::move(*loaded));
}

void TestExtensionFormSchema::init()
{
    m_form = new ExtensionForm;
    m_tester = std::make_unique<QAbstractItemModelTester>(m_form->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_form->setSchema(schema());
    m_form->resize(800, 420);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form));
}

void TestExtensionFormSchema::cleanup()
{
    m_tester.reset();
    delete m_form;
    m_form = nullptr;
}

void TestExtensionFormSchema::enumIsADropDown()
{
    m_form->setText(uR"({"ticket":"T-0001","priority":"high"})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/priority"_s, Model::ValueColumn));
    auto *combo = test::visibleEditor<QComboBox>(view(), "formEnumEditor");
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->currentText(), u"high"_s);
    QTest::keyClick(combo, Qt::Key_Down); // a choice is the whole edit
    QTRY_COMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"ticket":"T-0001","priority":"urgent"})"_s);
}

void TestExtensionFormSchema::boundedIntegers_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("editorName");
    QTest::newRow("bounds fit in int") << u"calls"_s << u"formSpinEditor"_s;
    QTest::newRow("bounds beyond int") << u"budget"_s << u"formIntegerEditor"_s;
}

void TestExtensionFormSchema::boundedIntegers()
{
    QFETCH(QString, key);
    QFETCH(QString, editorName);
    m_form->setText(uR"({"%1":3})"_s.arg(key));
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u'/' + key, Model::ValueColumn));
    QWidget *editor = test::visibleEditor<QWidget>(view(), editorName.toLatin1().constData());
    QVERIFY(editor);
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        QCOMPARE(spin->minimum(), 0);
        QCOMPARE(spin->maximum(), 20);
        QCOMPARE(spin->value(), 3);
        QTest::keyClick(spin, Qt::Key_Up);
        QTest::keyClick(spin, Qt::Key_Return);
        QTRY_COMPARE(edited.size(), 1);
        QCOMPARE(edited.at(0).at(0).toString(), uR"({"calls":4})"_s);
    } else {
        QVERIFY(qobject_cast<QLineEdit *>(editor));
    }
}

void TestExtensionFormSchema::boundedNumberIsADoubleSpinBox()
{
    m_form->setText(uR"({"score":2.5})"_s);
    test::doubleClickCell(view(), at(u"/score"_s, Model::ValueColumn));
    auto *spin = test::visibleEditor<QDoubleSpinBox>(view(), "formDoubleSpinEditor");
    QVERIFY(spin);
    QCOMPARE(spin->maximum(), 5.0);
    QCOMPARE(spin->value(), 2.5);
}

void TestExtensionFormSchema::booleanIsACheckBox()
{
    m_form->setText(uR"({"vip":false})"_s);
    const QModelIndex value = at(u"/vip"_s, Model::ValueColumn);
    QVERIFY(value.flags() & Qt::ItemIsUserCheckable);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    QVERIFY(m_form->model()->setData(value, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"vip":true})"_s);
}

void TestExtensionFormSchema::maxLengthHasACounter()
{
    m_form->setText(uR"({"agent":"ann"})"_s);
    test::doubleClickCell(view(), at(u"/agent"_s, Model::ValueColumn));
    auto *editor = test::visibleEditor<QLineEdit>(view(), "formStringEditor");
    QVERIFY(editor);
    auto *counter = editor->findChild<QLabel *>(u"formLengthCounter"_s);
    QVERIFY(counter);
    QCOMPARE(counter->text(), u"3/8"_s);
    QTest::keyClick(editor, Qt::Key_End); // the editor opens with its text selected
    QTest::keyClicks(editor, u"_smith"_s);
    QCOMPARE(counter->text(), u"9/8"_s);
}

void TestExtensionFormSchema::titlesRequiredAndExtraMarks()
{
    m_form->setText(uR"({"ticket":"T-0001","priority":"low","channel":"web"})"_s);
    const QModelIndex ticket = at(u"/ticket"_s, Model::KeyColumn);
    QCOMPARE(ticket.data().toString(), u"Ticket (ticket)"_s);
    QCOMPARE(ticket.data(Qt::EditRole).toString(), u"ticket"_s); // the key editor edits the name
    QVERIFY(ticket.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(ticket.data(Qt::ToolTipRole).toString().contains(u"The help desk's number."_s));
    QVERIFY(!at(u"/channel"_s, Model::KeyColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(m_form->model()->isExtra(at(u"/channel"_s, Model::KeyColumn)));
    QVERIFY(!m_form->model()->isExtra(ticket));
    QCOMPARE(at(u"/channel"_s, Model::TypeColumn).data().toString(), u"string · extra"_s);
    QCOMPARE(at(u"/ticket"_s, Model::TypeColumn).data().toString(), u"string"_s);
}

void TestExtensionFormSchema::titledKeysFitTheirColumn_data()
{
    QTest::addColumn<bool>("schemaFirst"); // the window sets the schema after the text

    QTest::newRow("schema, then text") << true;
    QTest::newRow("text, then schema") << false;
}

void TestExtensionFormSchema::titledKeysFitTheirColumn()
{
    QFETCH(bool, schemaFirst);
    QByteArray titled = TeamSchema;
    titled.replace(R"("priority": {"type")", R"("priority": {"title": "Priority for the help desk", "type")");
    const QString text = uR"({"ticket":"T-0001","priority":"low","channel":"web"})"_s;
    m_form->setSchema(nullptr);
    if (schemaFirst) {
        m_form->setSchema(schema(titled));
        m_form->setText(text);
    } else {
        m_form->setText(text);
        m_form->setSchema(schema(titled));
    }
    const QModelIndex priority = at(u"/priority"_s, Model::KeyColumn);
    QCOMPARE(priority.data().toString(), u"Priority for the help desk (priority)"_s);
    QVERIFY(view()->columnWidth(Model::KeyColumn) >= view()->sizeHintForIndex(priority).width());
    // Values keep most of the view.
    QVERIFY(view()->columnWidth(Model::KeyColumn) <= view()->viewport()->width() * 2 / 5);
}

void TestExtensionFormSchema::extraKeyNotAllowed()
{
    QByteArray closed = TeamSchema;
    closed.insert(closed.lastIndexOf('}'), R"(, "additionalProperties": false)");
    m_form->setSchema(schema(closed));
    m_form->setText(uR"({"ticket":"T-0001","priority":"low","channel":"web"})"_s);
    QCOMPARE(at(u"/channel"_s, Model::TypeColumn).data().toString(), u"string · not allowed"_s);
    QVERIFY(!m_form->model()->schemaErrors().isEmpty());
    QVERIFY(child<QLabel>("schemaErrors")->isVisible());
}

void TestExtensionFormSchema::addFieldMenuOffersMissingFields()
{
    m_form->setText(uR"({"ticket":"T-0001","priority":"low"})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    QTest::mouseClick(child<QPushButton>("formAddButton"), Qt::LeftButton);
    auto *menu = child<QMenu>("formAddMenu");
    QTRY_VERIFY(menu->isVisible());
    QStringList offered;
    for (const QAction *action : menu->actions()) {
        if (action->objectName().startsWith(u"formAddField_"_s))
            offered << action->objectName().sliced(13);
    }
    QCOMPARE(offered, (QStringList{u"vip"_s, u"agent"_s, u"calls"_s, u"budget"_s, u"score"_s}));
    QAction *vip = menu->findChild<QAction *>(u"formAddField_vip"_s);
    QVERIFY(vip);
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(vip).center());
    QTRY_COMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"ticket":"T-0001","priority":"low","vip":false})"_s);
}

void TestExtensionFormSchema::addRequiredFields()
{
    m_form->setText(uR"({"agent":"ann"})"_s);
    auto *button = child<QPushButton>("formAddRequiredButton");
    QVERIFY(button->isVisible());
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"agent":"ann","ticket":"","priority":"normal"})"_s);
    QVERIFY(!button->isVisible());
}

void TestExtensionFormSchema::errorsBesideTheFieldAsYouType()
{
    m_form->setText(uR"({"ticket":"T-0001","priority":"low"})"_s);
    auto *errors = child<QLabel>("schemaErrors");
    QVERIFY(!errors->isVisible());
    QSignalSpy changed(m_form->model(), &ExtensionFormModel::schemaErrorsChanged);
    test::doubleClickCell(view(), at(u"/ticket"_s, Model::ValueColumn));
    auto *editor = test::visibleEditor<QLineEdit>(view(), "formStringEditor");
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"12"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(errors->isVisible());
    QCOMPARE(changed.size(), 1);
    QVERIFY2(errors->text().startsWith(u"/ticket: "_s), qPrintable(errors->text()));
    QVERIFY(!at(u"/ticket"_s, Model::ValueColumn).data(Model::SchemaErrorsRole).toStringList().isEmpty());
    QVERIFY(at(u"/priority"_s, Model::ValueColumn).data(Model::SchemaErrorsRole).toStringList().isEmpty());

    m_form->setText(uR"({"ticket":"T-0001","priority":"low"})"_s); // e.g. undo
    QVERIFY(!errors->isVisible());
    QVERIFY(at(u"/ticket"_s, Model::ValueColumn).data(Model::SchemaErrorsRole).toStringList().isEmpty());
}

void TestExtensionFormSchema::unreadableSchemaIsShown()
{
    m_form->setSchema(nullptr, u"The file team.json does not exist."_s);
    m_form->setText(uR"({"a":1})"_s);
    auto *errors = child<QLabel>("schemaErrors");
    QVERIFY(errors->isVisible());
    QVERIFY(errors->text().contains(u"The file team.json does not exist."_s));
    QVERIFY(!m_form->model()->isExtra(at(u"/a"_s, Model::KeyColumn)));
}

QTEST_MAIN(TestExtensionFormSchema)
#include "tst_extensionformschema.moc"

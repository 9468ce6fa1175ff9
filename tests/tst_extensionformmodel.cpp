#include "models/ExtensionFormModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

using Model = ExtensionFormModel;
using Kind = JsonTextSpans::Kind;

// The form view's model: rows in the text's order, exact values, edits that keep the
// untouched bytes, refusals with a reason, and the model signals views rely on.
class TestExtensionFormModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void rows_data();
    void rows();
    void availability_data();
    void availability();
    void edits_data();
    void edits();
    void refusals_data();
    void refusals();
    void addKeyPicksAFreeName();
    void emptyValueOffersAnEmptyForm();
    void addItemAndRenumber();
    void removeRows();
    void moveUpAndDown();
    void moveRowsBlock();
    void typeChangeDropsChildren();
    void setTextResetsOnlyWhenDifferent();
    void readOnlyRefusesEverything();

private:
    // Every row depth first: "key|type|value" (a check state as [x] or [ ]), children indented.
    QStringList flatten(const QModelIndex &parent = QModelIndex(), const QString &indent = QString()) const;

    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // alive the whole test
};

void TestExtensionFormModel::init()
{
    m_model = std::make_unique<Model>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestExtensionFormModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QStringList TestExtensionFormModel::flatten(const QModelIndex &parent, const QString &indent) const
{
    QStringList rows;
    for (int row = 0; row < m_model->rowCount(parent); ++row) {
        const QModelIndex key = m_model->index(row, Model::KeyColumn, parent);
        const QModelIndex value = key.siblingAtColumn(Model::ValueColumn);
        QString shown = value.data().toString();
        if (const QVariant check = value.data(Qt::CheckStateRole); check.isValid())
            shown = check.value<Qt::CheckState>() == Qt::Checked ? u"[x]"_s : u"[ ]"_s;
        rows << indent + key.data().toString() + u'|' + key.siblingAtColumn(Model::TypeColumn).data().toString()
                    + u'|' + shown;
        rows << flatten(key, indent + u"  "_s);
    }
    return rows;
}

void TestExtensionFormModel::rows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("rows");

    QTest::newRow("every type, in the text's order")
        << uR"({"z":"text","big":9007199254740993,"f":1.0,"e":1E+2,"yes":true,"no":false,"n":null})"_s
        << QStringList{u"z|string|text"_s, u"big|integer|9007199254740993"_s, u"f|number|1.0"_s,
                       u"e|number|1E+2"_s, u"yes|boolean|[x]"_s, u"no|boolean|[ ]"_s, u"n|null|null"_s};
    QTest::newRow("nested containers")
        << uR"({"contact":{"phone":"1","mail":"m"},"tags":["a",{"k":[]}],"one":{"x":1}})"_s
        << QStringList{u"contact|object|{2 keys}"_s, u"  phone|string|1"_s, u"  mail|string|m"_s,
                       u"tags|array|[2 items]"_s, u"  [0]|string|a"_s, u"  [1]|object|{1 keys}"_s,
                       u"    k|array|[0 items]"_s, u"one|object|{1 keys}"_s, u"  x|integer|1"_s};
    QTest::newRow("strings are decoded") << uR"({"caf\u00e9":"a\"b\n","备注":"😀"})"_s
                                         << QStringList{u"café|string|a\"b\n"_s, u"备注|string|😀"_s};
    QTest::newRow("past 64 bits is a number") << uR"({"n":12345678901234567890})"_s
                                              << QStringList{u"n|number|12345678901234567890"_s};
    QTest::newRow("empty object") << u" { } "_s << QStringList{};
    QTest::newRow("empty text") << QString() << QStringList{};
}

void TestExtensionFormModel::rows()
{
    QFETCH(QString, text);
    QFETCH(QStringList, rows);
    m_model->setText(text);
    QVERIFY(m_model->isAvailable());
    QCOMPARE(flatten(), rows);
}

void TestExtensionFormModel::availability_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    QTest::newRow("object") << uR"({"a":1})"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("plain text") << u"vip customer"_s
                                << u"The value is plain text, not JSON, so it can only be edited as text."_s;
    QTest::newRow("invalid JSON") << uR"({"a":1,}x)"_s
                                  << u"The value is not valid JSON (line 1, column 8), so it can only be edited "
                                     "as text."_s;
    QTest::newRow("array") << u"[1]"_s
                           << u"The value is a JSON array, not an object, so it can only be edited as text."_s;
    QTest::newRow("number") << u"42"_s
                            << u"The value is a single JSON integer, not an object, so it can only be edited as "
                               "text."_s;
    QTest::newRow("string") << u"\"x\""_s
                            << u"The value is a single JSON string, not an object, so it can only be edited as "
                               "text."_s;
}

void TestExtensionFormModel::availability()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    m_model->setText(text);
    QCOMPARE(m_model->isAvailable(), reason.isEmpty());
    QCOMPARE(m_model->unavailableReason(), reason);
    if (!reason.isEmpty()) {
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->addKey().isValid());
    }
}

void TestExtensionFormModel::edits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("description");

    const QString text = uR"({ "vip": true, "big": 9007199254740993, "contact": {"phone": "1", "f": 1.0}, "s": "x" })"_s;
    const auto with = [&](const QString &from, const QString &to) {
        QString result = text;
        return result.replace(from, to);
    };
    QTest::newRow("rename") << text << u"/vip"_s << int(Model::KeyColumn) << int(Qt::EditRole)
                            << QVariant(u"is_vip"_s) << with(u"\"vip\""_s, u"\"is_vip\""_s)
                            << u"Rename “vip” to “is_vip”"_s;
    QTest::newRow("set a nested string") << text << u"/contact/phone"_s << int(Model::ValueColumn)
                                         << int(Qt::EditRole) << QVariant(u"+86 \"1\""_s)
                                         << with(u"\"phone\": \"1\""_s, u"\"phone\": \"+86 \\\"1\\\"\""_s)
                                         << u"Set /contact/phone"_s;
    QTest::newRow("uncheck a boolean") << text << u"/vip"_s << int(Model::ValueColumn) << int(Qt::CheckStateRole)
                                       << QVariant(int(Qt::Unchecked)) << with(u"true"_s, u"false"_s)
                                       << u"Set /vip"_s;
    QTest::newRow("set an integer past 2^53")
        << text << u"/big"_s << int(Model::ValueColumn) << int(Qt::EditRole) << QVariant(u"9223372036854775807"_s)
        << with(u"9007199254740993"_s, u"9223372036854775807"_s) << u"Set /big"_s;
    QTest::newRow("set a number") << text << u"/contact/f"_s << int(Model::ValueColumn) << int(Qt::EditRole)
                                  << QVariant(u"-2.50e3"_s) << with(u"1.0"_s, u"-2.50e3"_s)
                                  << u"Set /contact/f"_s;
    QTest::newRow("string to integer") << uR"({"n": "42"})"_s << u"/n"_s << int(Model::TypeColumn)
                                       << int(Qt::EditRole) << QVariant(int(Kind::Integer)) << uR"({"n": 42})"_s
                                       << u"Change /n to integer"_s;
    QTest::newRow("integer to boolean") << uR"({"n": 42})"_s << u"/n"_s << int(Model::TypeColumn)
                                        << int(Qt::EditRole) << QVariant(int(Kind::Boolean))
                                        << uR"({"n": false})"_s << u"Change /n to boolean"_s;
}

void TestExtensionFormModel::edits()
{
    QFETCH(QString, text);
    QFETCH(QString, pointer);
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QVariant, value);
    QFETCH(QString, expected);
    QFETCH(QString, description);

    m_model->setText(text);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    QSignalSpy changed(m_model.get(), &Model::dataChanged);
    QSignalSpy reset(m_model.get(), &Model::modelReset);
    const QModelIndex index = m_model->indexForPointer(pointer, column);
    QVERIFY(index.isValid());
    QVERIFY(m_model->setData(index, value, role));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), expected);
    QCOMPARE(edited.at(0).at(1).toString(), description);
    QCOMPARE(m_model->text(), expected);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(reset.size(), 0);
    // The controller hands the text back: nothing more happens.
    m_model->setText(expected);
    QCOMPARE(reset.size(), 0);
}

void TestExtensionFormModel::refusals_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("message");

    QTest::newRow("duplicate key") << u"/a"_s << int(Model::KeyColumn) << QVariant(u"b"_s)
                                   << u"This object already has a key named “b”."_s;
    QTest::newRow("empty key") << u"/a"_s << int(Model::KeyColumn) << QVariant(QString()) << u"A key cannot be empty."_s;
    QTest::newRow("integer past 64 bits") << u"/i"_s << int(Model::ValueColumn)
                                          << QVariant(u"9223372036854775808"_s)
                                          << u"“9223372036854775808” is not a whole number from -9223372036854775808 "
                                             "to 9223372036854775807."_s;
    QTest::newRow("integer with a fraction") << u"/i"_s << int(Model::ValueColumn) << QVariant(u"1.5"_s)
                                             << u"“1.5” is not a whole number"_s;
    QTest::newRow("number with a plus") << u"/f"_s << int(Model::ValueColumn) << QVariant(u"+1"_s)
                                        << u"“+1” is not a number as JSON writes one"_s;
    QTest::newRow("number that is text") << u"/f"_s << int(Model::ValueColumn) << QVariant(u"NaN"_s)
                                         << u"“NaN” is not a number"_s;
    QTest::newRow("a duplicated key in the text") << u"/d"_s << int(Model::ValueColumn) << QVariant(u"x"_s)
                                                  << u"has the key “d” more than once"_s;
}

void TestExtensionFormModel::refusals()
{
    QFETCH(QString, pointer);
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(QString, message);

    const QString text = uR"({"a":1,"b":2,"i":3,"f":1.0,"d":"1","d":"2"})"_s;
    m_model->setText(text);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    QSignalSpy refused(m_model.get(), &Model::editRefused);
    QVERIFY(!m_model->setData(m_model->indexForPointer(pointer, column), value));
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.at(0).at(0).toString().contains(message), qPrintable(refused.at(0).at(0).toString()));
    QCOMPARE(edited.size(), 0);
    QCOMPARE(m_model->text(), text);
}

void TestExtensionFormModel::addKeyPicksAFreeName()
{
    m_model->setText(uR"({"new_key":1, "c": {"new_key": 2}})"_s);
    QSignalSpy inserted(m_model.get(), &Model::rowsInserted);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    const QModelIndex added = m_model->addKey();
    QCOMPARE(added.data().toString(), u"new_key_2"_s);
    QCOMPARE(added.row(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->text(), uR"({"new_key":1, "c": {"new_key": 2},"new_key_2":""})"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Add “new_key_2”"_s);

    const QModelIndex nested = m_model->addKey(m_model->indexForPointer(u"/c"_s));
    QCOMPARE(nested.data().toString(), u"new_key_2"_s);
    QCOMPARE(nested.parent(), m_model->indexForPointer(u"/c"_s));
    QCOMPARE(m_model->text(), uR"({"new_key":1, "c": {"new_key": 2,"new_key_2":""},"new_key_2":""})"_s);
    QCOMPARE(m_model->indexForPointer(u"/c"_s, Model::ValueColumn).data().toString(), u"{2 keys}"_s);
    // Not into a scalar.
    QVERIFY(!m_model->addKey(m_model->indexForPointer(u"/new_key"_s)).isValid());
}

void TestExtensionFormModel::emptyValueOffersAnEmptyForm()
{
    m_model->setText(QString());
    QVERIFY(m_model->isAvailable());
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    QVERIFY(m_model->addKey().isValid());
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"new_key":""})"_s);
    QCOMPARE(flatten(), QStringList{u"new_key|string|"_s});
}

void TestExtensionFormModel::addItemAndRenumber()
{
    m_model->setText(uR"({"tags": ["a", "b"]})"_s);
    const QModelIndex tags = m_model->indexForPointer(u"/tags"_s);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    const QModelIndex item = m_model->addItem(tags);
    QCOMPARE(item.data().toString(), u"[2]"_s);
    QCOMPARE(m_model->text(), uR"({"tags": ["a", "b",""]})"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Add an item to “tags”"_s);
    QVERIFY(!m_model->addItem(QModelIndex()).isValid());

    QSignalSpy changed(m_model.get(), &Model::dataChanged);
    QVERIFY(m_model->moveUp(m_model->index(2, 0, tags)));
    QCOMPARE(m_model->text(), uR"({"tags": ["a", "","b"]})"_s); // the separators stay in place
    QCOMPARE(flatten(), (QStringList{u"tags|array|[3 items]"_s, u"  [0]|string|a"_s, u"  [1]|string|"_s,
                                     u"  [2]|string|b"_s}));
    QVERIFY(!changed.isEmpty()); // the keys "[1]" and "[2]" were renumbered
}

void TestExtensionFormModel::removeRows()
{
    m_model->setText(uR"({ "a": 1.0, "tags": ["x"], "c": 3 })"_s);
    QSignalSpy removed(m_model.get(), &Model::rowsRemoved);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    QVERIFY(m_model->removeRow(1));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->text(), uR"({ "a": 1.0, "c": 3 })"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Remove “tags”"_s);
    QVERIFY(m_model->removeRows(0, 2));
    QCOMPARE(m_model->text(), uR"({})"_s);
    QCOMPARE(edited.at(1).at(1).toString(), u"Remove 2 rows"_s);
    QVERIFY(!m_model->removeRow(0));
}

void TestExtensionFormModel::moveUpAndDown()
{
    const QString text = u"{\n  \"a\": 1.0,\n  \"tier\": \"gold\",\n  \"c\": 3\n}"_s;
    m_model->setText(text);
    QSignalSpy moved(m_model.get(), &Model::rowsMoved);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    const QPersistentModelIndex tier = m_model->indexForPointer(u"/tier"_s);
    QVERIFY(m_model->moveUp(tier));
    QCOMPARE(m_model->text(), u"{\n  \"tier\": \"gold\",\n  \"a\": 1.0,\n  \"c\": 3\n}"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Move “tier” up"_s);
    QCOMPARE(tier.row(), 0);
    QVERIFY(!m_model->moveUp(tier));
    QVERIFY(m_model->moveDown(tier));
    QVERIFY(m_model->moveDown(tier));
    QCOMPARE(tier.row(), 2);
    QVERIFY(!m_model->moveDown(tier));
    QCOMPARE(m_model->text(), u"{\n  \"a\": 1.0,\n  \"c\": 3,\n  \"tier\": \"gold\"\n}"_s);
    QCOMPARE(edited.at(2).at(1).toString(), u"Move “tier” down"_s);
    QCOMPARE(moved.size(), 3);
}

void TestExtensionFormModel::moveRowsBlock()
{
    m_model->setText(uR"({"l":[0,1,2,3,4]})"_s);
    const QModelIndex list = m_model->indexForPointer(u"/l"_s);
    QVERIFY(m_model->moveRows(list, 0, 2, list, 4)); // 0,1 before 4
    QCOMPARE(m_model->text(), uR"({"l":[2,3,0,1,4]})"_s);
    QVERIFY(m_model->moveRows(list, 3, 2, list, 1)); // 1,4 before 3
    QCOMPARE(m_model->text(), uR"({"l":[2,1,4,3,0]})"_s);
    QStringList values;
    for (int row = 0; row < 5; ++row)
        values << m_model->index(row, Model::ValueColumn, list).data().toString();
    QCOMPARE(values, (QStringList{u"2"_s, u"1"_s, u"4"_s, u"3"_s, u"0"_s}));
    QVERIFY(!m_model->moveRows(list, 0, 2, list, 1)); // onto itself
    QVERIFY(!m_model->moveRows(list, 0, 1, QModelIndex(), 0)); // another parent
}

void TestExtensionFormModel::typeChangeDropsChildren()
{
    m_model->setText(uR"({"o":{"a":1,"b":2},"k":1.0})"_s);
    QSignalSpy removed(m_model.get(), &Model::rowsRemoved);
    const QModelIndex type = m_model->indexForPointer(u"/o"_s, Model::TypeColumn);
    QVERIFY(m_model->setData(type, int(Kind::Array)));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->text(), uR"({"o":[],"k":1.0})"_s);
    QCOMPARE(flatten(), (QStringList{u"o|array|[0 items]"_s, u"k|number|1.0"_s}));
}

void TestExtensionFormModel::setTextResetsOnlyWhenDifferent()
{
    QSignalSpy reset(m_model.get(), &Model::modelReset);
    m_model->setText(uR"({"a":1})"_s);
    QCOMPARE(reset.size(), 1);
    m_model->setText(uR"({"a":1})"_s);
    QCOMPARE(reset.size(), 1);
    m_model->setText(uR"({"a":2})"_s);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(flatten(), QStringList{u"a|integer|2"_s});
}

void TestExtensionFormModel::readOnlyRefusesEverything()
{
    const QString text = uR"({"a":"x","b":true,"l":[]})"_s;
    m_model->setText(text);
    m_model->setReadOnly(true);
    QSignalSpy edited(m_model.get(), &Model::textEdited);
    const QModelIndex a = m_model->indexForPointer(u"/a"_s, Model::ValueColumn);
    QVERIFY(!(m_model->flags(a) & Qt::ItemIsEditable));
    QVERIFY(!(m_model->flags(m_model->indexForPointer(u"/b"_s, Model::ValueColumn)) & Qt::ItemIsUserCheckable));
    QVERIFY(!m_model->setData(a, u"y"_s));
    QVERIFY(!m_model->addKey().isValid());
    QVERIFY(!m_model->addItem(m_model->indexForPointer(u"/l"_s)).isValid());
    QVERIFY(!m_model->removeRow(0));
    QVERIFY(!m_model->moveDown(m_model->indexForPointer(u"/a"_s)));
    QCOMPARE(edited.size(), 0);
    QCOMPARE(m_model->text(), text);
    m_model->setReadOnly(false);
    QVERIFY(m_model->setData(a, u"y"_s));
}

QTEST_GUILESS_MAIN(TestExtensionFormModel)
#include "tst_extensionformmodel.moc"

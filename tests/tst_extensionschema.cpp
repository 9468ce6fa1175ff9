#include "schema/ExtensionSchema.h"
#include "schema/SchemaErrorText.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// A team's rules, using every keyword the README claims.
const QByteArray TeamSchema = R"({
  "title": "Support ticket",
  "type": "object",
  "definitions": {
    "agent": {
      "type": "object",
      "properties": {
        "name": {"type": "string", "title": "Agent name", "description": "Who handled it"},
        "id": {"type": "integer", "minimum": 1}
      },
      "required": ["name"]
    }
  },
  "properties": {
    "ticket": {"type": "string", "title": "Ticket", "pattern": "^T-\\d{8}-\\d{4}$", "examples": ["T-20240101-0001"]},
    "priority": {"enum": ["low", "normal", "high", "urgent"], "default": "normal"},
    "vip": {"type": "boolean", "default": false},
    "note": {"type": "string", "minLength": 2, "maxLength": 64, "format": "date"},
    "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3, "uniqueItems": true},
    "score": {"type": "number", "minimum": 0, "maximum": 10, "multipleOf": 0.5},
    "level": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 5},
    "kind": {"const": "support"},
    "agent": {"$ref": "#/definitions/agent"},
    "contact": {"type": "object", "properties": {"phone": {"type": ["string", "null"]}},
                "additionalProperties": false},
    "channel": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
    "region": {"oneOf": [{"type": "string", "maxLength": 2}, {"type": "string", "minLength": 2}]},
    "code": {"allOf": [{"type": "string"}, {"minLength": 3}]},
    "blocked": {"not": {"type": "string"}},
    "a/b~c": {"type": "integer"}
  },
  "patternProperties": {"^x-": {"type": "string"}},
  "required": ["ticket", "priority"]
})";

const QString ValidBase = uR"("ticket": "T-20240101-0001", "priority": "low")"_s;

ExtensionSchema teamSchema()
{
    QString error;
    std::optional<ExtensionSchema> schema = ExtensionSchema::fromText(TeamSchema, u"team.json"_s, &error);
    if (!schema)
        qFatal("the test schema does not load: %s", qPrintable(error));
    return *schema;
}

} // namespace

namespace convdesk {
// QCOMPARE prints the pointer and the message of a differing error.
char *toString(const SchemaError &error)
{
    return QTest::toString(error.pointer + u": "_s + error.message);
}
} // namespace convdesk

class TestExtensionSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadRefuses_data();
    void loadRefuses();
    void loadReadsFileAndHashesIt();
    void validValuePasses();
    void keywordErrors_data();
    void keywordErrors();
    void everyErrorIsCollected();
    void valueThatIsNotJson();
    void hints();
    void namesAndAdditionalProperties();
};

void TestExtensionSchema::loadRefuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON: line and column")
        << "{\n  \"type\": \"object\",\n  oops\n}"_ba
        << u"The schema team.json is not JSON: line 3, column 3: "_s;
    QTest::newRow("negative minLength: keyword pointer")
        << R"({"properties": {"priority": {"minLength": -1}}})"_ba
        << u"The schema team.json is not a valid JSON Schema (draft-07): /properties/priority/minLength: must be at least 0"_s;
    QTest::newRow("type is a number")
        << R"({"type": 12})"_ba
        << u"The schema team.json is not a valid JSON Schema (draft-07): /type: must match at least one of the schemas in \"anyOf\"; the first one says: must be one of: "_s;
    QTest::newRow("required is not a list")
        << R"({"required": "ticket"})"_ba
        << u"The schema team.json is not a valid JSON Schema (draft-07): /required: must be an array (it is a string)"_s;
    QTest::newRow("schema is a list")
        << R"([{"type": "string"}])"_ba
        << u"The schema team.json is not a valid JSON Schema (draft-07): /: must be an object or a boolean (it is an array)"_s;
    QTest::newRow("pattern is no regular expression")
        << R"({"properties": {"t": {"pattern": "(unclosed"}}})"_ba
        << u"The schema team.json is not a valid JSON Schema (draft-07): /properties/t/pattern: (unclosed is not a regular expression"_s;
    QTest::newRow("remote reference")
        << R"({"$ref": "http://example.com/schema.json"})"_ba
        << u"The schema team.json cannot be used: "_s;
}

void TestExtensionSchema::loadRefuses()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!ExtensionSchema::fromText(text, u"team.json"_s, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void TestExtensionSchema::loadReadsFileAndHashesIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"team.schema.json"_s);
    QString error;
    QVERIFY(!ExtensionSchema::load(path, &error));
    QCOMPARE(error, u"The schema file %1 does not exist."_s.arg(path));
    QVERIFY(!ExtensionSchema::load(dir.path(), &error));
    QVERIFY2(error.contains(dir.path()), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(TeamSchema);
    file.close();
    const std::optional<ExtensionSchema> schema = ExtensionSchema::load(path, &error);
    QVERIFY2(schema, qPrintable(error));
    QCOMPARE(schema->filePath(), path);
    QCOMPARE(schema->title(), u"Support ticket"_s);
    QCOMPARE(schema->sha256Hex(),
             QString::fromLatin1(QCryptographicHash::hash(TeamSchema, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(teamSchema().filePath(), QString());
    QCOMPARE(teamSchema().sha256Hex(), schema->sha256Hex());
}

void TestExtensionSchema::validValuePasses()
{
    const ExtensionSchema schema = teamSchema();
    QCOMPARE(schema.validate(u"{%1}"_s.arg(ValidBase)), QList<SchemaError>());
    // "format" is a hint only; 1.0 is an integer (draft-07); extra keys are allowed at the root.
    QCOMPARE(schema.validate(u"{%1, \"note\": \"not a date\", \"level\": 1.0, \"extra\": 1,"
                             " \"agent\": {\"name\": \"Ann\"}, \"contact\": {\"phone\": null}}"_s.arg(ValidBase)),
             QList<SchemaError>());
}

void TestExtensionSchema::keywordErrors_data()
{
    QTest::addColumn<QString>("members"); // added to a valid value (or replacing its keys)
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");
    const QString longNote = QString(70, u'中');
    QTest::newRow("type") << u"\"vip\": \"true\""_s << u"/vip"_s << u"must be a boolean (it is a string)"_s;
    QTest::newRow("type, two allowed") << u"\"contact\": {\"phone\": 5}"_s << u"/contact/phone"_s
                                       << u"must be a string or null (it is an integer)"_s;
    QTest::newRow("enum") << u"\"priority\": \"hgih\""_s << u"/priority"_s
                          << u"must be one of: \"low\", \"normal\", \"high\", \"urgent\""_s;
    QTest::newRow("const") << u"\"kind\": \"sales\""_s << u"/kind"_s << u"must be exactly \"support\""_s;
    QTest::newRow("required") << u"\"priority\": null, \"-\": 0"_s << u"/priority"_s
                              << u"must be one of: \"low\", \"normal\", \"high\", \"urgent\""_s;
    QTest::newRow("additionalProperties") << u"\"contact\": {\"phone\": \"1\", \"fax\": \"2\"}"_s
                                          << u"/contact/fax"_s
                                          << u"is not allowed: the schema allows no other keys"_s;
    QTest::newRow("patternProperties") << u"\"x-origin\": 1"_s << u"/x-origin"_s
                                       << u"must be a string (it is an integer)"_s;
    QTest::newRow("items") << u"\"tags\": [\"a\", 2]"_s << u"/tags/1"_s << u"must be a string (it is an integer)"_s;
    QTest::newRow("minItems") << u"\"tags\": []"_s << u"/tags"_s << u"must have at least 1 item(s) (it has 0)"_s;
    QTest::newRow("maxItems") << u"\"tags\": [\"a\", \"b\", \"c\", \"d\"]"_s << u"/tags"_s
                              << u"must have at most 3 item(s) (it has 4)"_s;
    QTest::newRow("uniqueItems") << u"\"tags\": [\"a\", \"a\"]"_s << u"/tags"_s
                                 << u"must not hold the same item twice (items 0 and 1 are equal)"_s;
    QTest::newRow("minimum") << u"\"score\": -1"_s << u"/score"_s << u"must be at least 0"_s;
    QTest::newRow("maximum") << u"\"score\": 10.5"_s << u"/score"_s << u"must be at most 10"_s;
    QTest::newRow("exclusiveMinimum") << u"\"level\": 0"_s << u"/level"_s << u"must be greater than 0"_s;
    QTest::newRow("exclusiveMaximum") << u"\"level\": 5"_s << u"/level"_s << u"must be less than 5"_s;
    QTest::newRow("multipleOf") << u"\"score\": 0.3"_s << u"/score"_s << u"must be a multiple of 0.5"_s;
    QTest::newRow("minLength") << u"\"note\": \"a\""_s << u"/note"_s
                               << u"must be at least 2 character(s) (it has 1)"_s;
    QTest::newRow("maxLength in characters") << u"\"note\": \"%1\""_s.arg(longNote) << u"/note"_s
                                             << u"must be at most 64 character(s) (it has 70)"_s;
    QTest::newRow("pattern") << u"\"ticket\": \"T-1\""_s << u"/ticket"_s
                             << u"must match the pattern ^T-\\d{8}-\\d{4}$"_s;
    QTest::newRow("allOf") << u"\"code\": \"ab\""_s << u"/code"_s << u"must be at least 3 character(s) (it has 2)"_s;
    QTest::newRow("anyOf") << u"\"channel\": true"_s << u"/channel"_s
                           << u"must match at least one of the schemas in \"anyOf\"; the first one says: "
                              "must be a string (it is a boolean)"_s;
    QTest::newRow("oneOf, none") << u"\"region\": 5"_s << u"/region"_s
                                 << u"must match exactly one of the schemas in \"oneOf\" (it matches none); "
                                    "the first one says: must be a string (it is an integer)"_s;
    QTest::newRow("oneOf, two") << u"\"region\": \"ab\""_s << u"/region"_s
                                << u"must match exactly one of the schemas in \"oneOf\" (it matches more than one)"_s;
    QTest::newRow("not") << u"\"blocked\": \"yes\""_s << u"/blocked"_s << u"must not match the schema in \"not\""_s;
    QTest::newRow("$ref to definitions") << u"\"agent\": {\"name\": \"Ann\", \"id\": 0}"_s << u"/agent/id"_s
                                         << u"must be at least 1"_s;
    QTest::newRow("required in a $ref") << u"\"agent\": {\"id\": 2}"_s << u"/agent/name"_s << u"is required"_s;
    QTest::newRow("pointer escaping") << u"\"a/b~c\": \"x\""_s << u"/a~1b~0c"_s
                                      << u"must be an integer (it is a string)"_s;
}

void TestExtensionSchema::keywordErrors()
{
    QFETCH(QString, members);
    QFETCH(QString, pointer);
    QFETCH(QString, message);
    // Later members replace earlier ones of the same name (nlohmann keeps the last).
    const QList<SchemaError> errors = teamSchema().validate(u"{%1, %2}"_s.arg(ValidBase, members));
    QCOMPARE(errors, QList<SchemaError>({SchemaError{pointer, message}}));
    QVERIFY(!message.startsWith(SchemaErrorText::unmapped(QString()).section(u'(', 0, 0)));
}

void TestExtensionSchema::everyErrorIsCollected()
{
    const QList<SchemaError> errors =
        teamSchema().validate(uR"({"vip": 1, "tags": ["a", "a", 3], "contact": {"fax": 1}})"_s);
    QCOMPARE(errors, (QList<SchemaError>{
        {u"/contact/fax"_s, u"is not allowed: the schema allows no other keys"_s},
        {u"/tags/2"_s, u"must be a string (it is an integer)"_s},
        {u"/tags"_s, u"must not hold the same item twice (items 0 and 1 are equal)"_s},
        {u"/vip"_s, u"must be a boolean (it is an integer)"_s},
        {u"/priority"_s, u"is required"_s}, // valijson names missing keys in sorted order
        {u"/ticket"_s, u"is required"_s},
    }));
    QCOMPARE(teamSchema().validate(u"[]"_s),
             QList<SchemaError>({SchemaError{QString(), u"must be an object (it is an array)"_s}}));
}

void TestExtensionSchema::valueThatIsNotJson()
{
    const QList<SchemaError> errors = teamSchema().validate(u"{\"vip\": tru}"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().pointer, QString());
    QVERIFY2(errors.first().message.startsWith(u"is not JSON: line 1, column "_s), qPrintable(errors.first().message));
}

void TestExtensionSchema::hints()
{
    const ExtensionSchema schema = teamSchema();
    const std::optional<SchemaFieldHints> priority = schema.hintsFor(u"/priority"_s);
    QVERIFY(priority);
    QCOMPARE(priority->enumValues.size(), 4);
    QVERIFY(priority->enumValues.first() == OrderedJson("low"));
    QVERIFY(priority->defaultValue == OrderedJson("normal"));
    QVERIFY(priority->required);

    const std::optional<SchemaFieldHints> ticket = schema.hintsFor(u"/ticket"_s);
    QVERIFY(ticket);
    QCOMPARE(ticket->title, u"Ticket"_s);
    QCOMPARE(ticket->types, QStringList{u"string"_s});
    QCOMPARE(ticket->pattern, u"^T-\\d{8}-\\d{4}$"_s);
    QCOMPARE(ticket->examples.size(), 1);

    const std::optional<SchemaFieldHints> note = schema.hintsFor(u"/note"_s);
    QVERIFY(note);
    QCOMPARE(note->maxLength, std::optional<qint64>(64));
    QCOMPARE(note->minLength, std::optional<qint64>(2));
    QCOMPARE(note->format, u"date"_s);
    QVERIFY(!note->required);

    const std::optional<SchemaFieldHints> agentName = schema.hintsFor(u"/agent/name"_s); // via $ref
    QVERIFY(agentName);
    QCOMPARE(agentName->title, u"Agent name"_s);
    QCOMPARE(agentName->description, u"Who handled it"_s);
    QVERIFY(agentName->required);

    const std::optional<SchemaFieldHints> score = schema.hintsFor(u"/score"_s);
    QVERIFY(score);
    QCOMPARE(score->minimum, std::optional<double>(0));
    QCOMPARE(score->maximum, std::optional<double>(10));
    const std::optional<SchemaFieldHints> level = schema.hintsFor(u"/level"_s);
    QVERIFY(level);
    QCOMPARE(level->exclusiveMaximum, std::optional<double>(5));
    QVERIFY(schema.hintsFor(u"/kind"_s)->enumValues == QList<OrderedJson>{OrderedJson("support")});

    QCOMPARE(schema.hintsFor(u"/tags/0"_s)->types, QStringList{u"string"_s});
    QCOMPARE(schema.hintsFor(u"/x-origin"_s)->types, QStringList{u"string"_s});
    QCOMPARE(schema.hintsFor(u"/channel"_s)->types, QStringList{u"string"_s}); // first anyOf member
    QCOMPARE(schema.hintsFor(u"/a~1b~0c"_s)->types, QStringList{u"integer"_s});
    QVERIFY(!schema.hintsFor(u"/unknown"_s));   // an extra key
    QVERIFY(!schema.hintsFor(u"no slash"_s));
    QCOMPARE(schema.hintsFor(QString())->title, u"Support ticket"_s);
}

void TestExtensionSchema::namesAndAdditionalProperties()
{
    const ExtensionSchema schema = teamSchema();
    QCOMPARE(schema.propertyNames(QString()),
             (QStringList{u"ticket"_s, u"priority"_s, u"vip"_s, u"note"_s, u"tags"_s, u"score"_s, u"level"_s,
                          u"kind"_s, u"agent"_s, u"contact"_s, u"channel"_s, u"region"_s, u"code"_s,
                          u"blocked"_s, u"a/b~c"_s}));
    QCOMPARE(schema.requiredNames(QString()), (QStringList{u"ticket"_s, u"priority"_s}));
    QCOMPARE(schema.propertyNames(u"/agent"_s), (QStringList{u"name"_s, u"id"_s}));
    QCOMPARE(schema.requiredNames(u"/agent"_s), QStringList{u"name"_s});
    QVERIFY(schema.allowsAdditionalProperties(QString()));
    QVERIFY(!schema.allowsAdditionalProperties(u"/contact"_s));
    QCOMPARE(schema.propertyNames(u"/unknown"_s), QStringList());
}

QTEST_GUILESS_MAIN(TestExtensionSchema)
#include "tst_extensionschema.moc"

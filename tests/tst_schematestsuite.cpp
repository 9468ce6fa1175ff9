#include "schema/ExtensionSchema.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The official JSON-Schema-Test-Suite (Debian json-schema-test-suite), draft-07, run through
// ExtensionSchema for every keyword the README claims. CONVDESK_SCHEMA_TEST_SUITE_DIR comes
// from CMake; scripts/install-deps.sh installs the package, and without it this test fails.

namespace {

struct Skip
{
    const char *file;
    const char *group; // the suite's group description
    const char *why;
};

// The cases left out, and why. The README lists the same.
const Skip Skipped[] = {
    {"ref.json", "Recursive references between schemas",
     "names subschemas by their own \"$id\" URLs (http://localhost:1234/node): only JSON Pointer refs"
     " within the file (and the draft-07 meta-schema by its URL) are supported"},
};

const char *skipReason(const QString &file, const QString &group)
{
    for (const Skip &skip : Skipped)
        if (file == QLatin1String(skip.file) && group == QLatin1String(skip.group))
            return skip.why;
    return nullptr;
}

} // namespace

class TestSchemaTestSuite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyword_data();
    void keyword();
};

void TestSchemaTestSuite::keyword_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"type", "enum", "const", "properties", "required", "additionalProperties",
                             "patternProperties", "items", "minItems", "maxItems", "uniqueItems", "minimum",
                             "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
                             "maxLength", "pattern", "allOf", "anyOf", "oneOf", "not", "ref", "definitions"})
        QTest::newRow(name) << QString::fromLatin1(name) + u".json"_s;
}

void TestSchemaTestSuite::keyword()
{
    QFETCH(QString, file);
    QFile suiteFile(QDir(QStringLiteral(CONVDESK_SCHEMA_TEST_SUITE_DIR)).filePath(file));
    QVERIFY2(suiteFile.open(QIODevice::ReadOnly),
             qPrintable(u"%1: %2 (install the json-schema-test-suite package)"_s
                            .arg(suiteFile.fileName(), suiteFile.errorString())));
    JsonParseError parseError;
    const std::optional<OrderedJson> groups = Json::parse(suiteFile.readAll(), &parseError);
    QVERIFY2(groups && groups->is_array(), qPrintable(parseError.describe()));

    int cases = 0;
    int skipped = 0;
    QStringList disagreements;
    for (const OrderedJson &group : *groups) {
        const QString groupName = Json::toQString(group.at("description").get<std::string>());
        if (const char *why = skipReason(file, groupName)) {
            qInfo("%s: skipped \"%s\": %s", qPrintable(file), qPrintable(groupName), why);
            skipped += int(group.at("tests").size());
            continue;
        }
        QString error;
        const std::optional<ExtensionSchema> schema =
            ExtensionSchema::fromText(Json::serialize(group.at("schema")), groupName, &error);
        if (!schema) {
            disagreements << u"%1: the schema does not load: %2"_s.arg(groupName, error);
            continue;
        }
        for (const OrderedJson &test : group.at("tests")) {
            ++cases;
            const bool expected = test.at("valid").get<bool>();
            const QList<SchemaError> errors = schema->validate(test.at("data"));
            if (errors.isEmpty() != expected) {
                disagreements << u"%1 / %2: expected %3, got %4"_s.arg(
                    groupName, Json::toQString(test.at("description").get<std::string>()),
                    expected ? u"valid"_s : u"invalid"_s,
                    errors.isEmpty() ? u"valid"_s : errors.first().pointer + u": "_s + errors.first().message);
            }
        }
    }
    qInfo("%s: %d cases checked, %d skipped", qPrintable(file), cases, skipped);
    QVERIFY(cases > 0);
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSchemaTestSuite)
#include "tst_schematestsuite.moc"

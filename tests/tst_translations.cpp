#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

// One <message> of a Qt Linguist catalogue.
struct CatalogueMessage
{
    QString context;
    QString source;
    QString comment;
    QString translationType; // "" when finished; "unfinished", "vanished", "obsolete"
    QStringList forms;        // the translation, or the numerus forms
    bool numerus = false;

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString label() const { return u"[%1] \"%2\""_s.arg(context, source.left(90)); }
};

QList<CatalogueMessage> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QList<CatalogueMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    CatalogueMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message = {};
            message.context = context;
            message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "comment"_L1) {
            message.comment = xml.readElementText();
        } else if (name == "translation"_L1) {
            message.translationType = xml.attributes().value("type"_L1).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = u"%1 line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%(\\d+)"_s);
    QStringList found;
    for (const auto &match : placeholder.globalMatch(text))
        found << match.captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasMnemonic(const QString &text)
{
    static const QRegularExpression mnemonic(u"&[^&\\s]"_s);
    return QString(text).remove(u"&&"_s).contains(mnemonic);
}

// The files lupdate scans (resources/CMakeLists.txt globs the same): *.h and *.cpp under app/ and ui/.
QStringList translatableSources()
{
    QStringList files;
    for (const char *folder : {"app", "ui"}) {
        QDirIterator it(QStringLiteral(CONVDESK_SOURCE_DIR) + u'/' + QLatin1String(folder),
                        {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

} // namespace

// The catalogues are complete and match the sources. That the windows show no English is
// tst_translatedwindows' part.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void catalogueMatchesTheSources_data();
    void catalogueMatchesTheSources();

private:
    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("zh_CN") << u"convdesk_zh_CN.ts"_s << false;
    QTest::newRow("en (plural forms)") << u"convdesk_en.ts"_s << true;
}

// Every message is finished, not empty, keeps the %N placeholders and the mnemonic of its
// source; the English catalogue has a singular and a plural of every "%n" message.
void TestTranslations::catalogueIsComplete()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    QString error;
    const QList<CatalogueMessage> messages =
        readCatalogue(QStringLiteral(CONVDESK_TRANSLATIONS_DIR) + u'/' + file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const CatalogueMessage &message : messages) {
        if (!message.translationType.isEmpty())
            problems << u"%1: %2"_s.arg(message.translationType, message.label());
        if (message.forms.isEmpty() || std::any_of(message.forms.cbegin(), message.forms.cend(),
                                                   [](const QString &form) { return form.trimmed().isEmpty(); }))
            problems << u"empty: %1"_s.arg(message.label());
        if (pluralOnly && (!message.numerus || message.forms.size() != 2))
            problems << u"not a singular and a plural: %1"_s.arg(message.label());
        for (const QString &form : message.forms) {
            if (placeholders(form) != placeholders(message.source))
                problems << u"placeholders %1 instead of %2: %3"_s.arg(
                    placeholders(form).join(u','), placeholders(message.source).join(u','), message.label());
            if (hasMnemonic(message.source) && !hasMnemonic(form))
                problems << u"mnemonic (&) lost: %1 → \"%2\""_s.arg(message.label(), form);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 of %2 messages in %3 need work:\n"_s.arg(problems.size())
                                                .arg(messages.size())
                                                .arg(file)
                                            + problems.join(u'\n')));
}

void TestTranslations::catalogueMatchesTheSources_data()
{
    catalogueIsComplete_data();
}

// lupdate runs over the sources into a scratch catalogue: it must hold exactly the messages
// of the committed one. Otherwise `cmake --build <dir> --target update_translations` is due.
void TestTranslations::catalogueMatchesTheSources()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    const QString fresh = m_dir.filePath(file);
    QFile::remove(fresh);
    QStringList arguments{u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s, u"none"_s,
                          u"-I"_s, QStringLiteral(CONVDESK_SOURCE_DIR) + u"/app/core"_s,
                          u"-I"_s, QStringLiteral(CONVDESK_SOURCE_DIR) + u"/ui"_s};
    if (pluralOnly)
        arguments << u"-pluralonly"_s;
    arguments << translatableSources() << u"-ts"_s << fresh;
    QProcess lupdate;
    lupdate.start(QStringLiteral(CONVDESK_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAllStandardError().constData());

    QString error;
    QHash<QString, QString> expected; // key → label
    for (const CatalogueMessage &message : readCatalogue(fresh, &error))
        expected.insert(message.key(), message.label());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QHash<QString, QString> committed;
    for (const CatalogueMessage &message :
         readCatalogue(QStringLiteral(CONVDESK_TRANSLATIONS_DIR) + u'/' + file, &error))
        committed.insert(message.key(), message.label());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!expected.isEmpty());

    QStringList problems;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!committed.contains(it.key()))
            problems << u"not in the catalogue: "_s + it.value();
    }
    for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
        if (!expected.contains(it.key()))
            problems << u"no longer in the sources: "_s + it.value();
    }
    problems.sort();
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 is out of date; run the update_translations target and translate:\n"_s.arg(file)
                        + problems.join(u'\n')));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

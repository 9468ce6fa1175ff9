#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"
#include "models/TreeTextMatcher.h"

#include <QFile>
#include <QIdentityProxyModel>
#include <QTest>

#include <memory>
#include <vector>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

OrderedJson loadSample(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(path));
    const auto parsed = Json::parse(file.readAll());
    if (!parsed)
        qFatal("bad test data %s", qPrintable(path));
    return *parsed;
}

// What the display and the JSON text of values add to their text, and what case folding
// does beyond ASCII: the cases where a search of the raw text alone would go wrong.
OrderedJson edgeCases()
{
    OrderedJson document = loadSample(QFINDTESTDATA("data/conversation-edge-cases.json"));
    document["long"] = Json::toStdString(QString(250, u'x') + u"END"); // elided in the display
    return document;
}

struct Node
{
    QString path;
    std::vector<int> rows;
};

// Every node of the tree model, decoded children included, depth first.
void collect(const QAbstractItemModel &model, const QModelIndex &parent, std::vector<int> &rows,
             std::vector<Node> &nodes)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        rows.push_back(row);
        nodes.push_back(Node{index.data(ConversationTreeModel::PathRole).toString(), rows});
        collect(model, index, rows, nodes);
        rows.pop_back();
    }
}

} // namespace

// TreeTextMatcher against the filter it replaces: ConversationFilterModel::rowMatches(), which
// asks the model's data() row by row. Both must find exactly the same nodes.
class TestTreeTextMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsWhatRowMatchesFinds_data();
    void findsWhatRowMatchesFinds();
    void acceptsWhatTheRowFilterShowed();
    void stopsWhenProgressSaysSo();
    void countsValues();
};

void TestTreeTextMatcher::findsWhatRowMatchesFinds_data()
{
    QTest::addColumn<QString>("text");
    const QStringList texts{
        u"e"_s, u"E"_s, u"type"_s, u"1"_s, u"[0]"_s, u"[1"_s, u"0]"_s,            // keys, positions
        u"one-to-one"_s, u"advanced team"_s, u"custom"_s, u"100 ·"_s, u"·"_s,    // enums
        u"2024-01-"_s, u":"_s, u"ms"_s, u"1705468380123"_s,                       // timestamps
        u"\""_s, u"\"yes\""_s, u"\\\""_s, u"\\n"_s, u"\\"_s, u"…"_s, u"x…"_s,   // JSON text, display
        u"END"_s, u"first line"_s, u"second"_s, u"true"_s, u"null"_s, u"1.5"_s, u"1.50"_s,
        u"18446744073709551615"_s, u"-42"_s, u"\"T-"_s,                           // raw values
        u"k"_s, u"\u212a"_s, u"é"_s, u"école"_s, u"CAFÉ"_s,                       // case folding
        u"值"_s, u"退款"_s, u"refund"_s, u"工单"_s, u"甲|1"_s, u"零"_s,           // Chinese
        u"{}"_s, u"[ ]"_s, u"{broken"_s, u"deep"_s, u"bottom"_s, u"\"deep\""_s,   // string-held JSON
        u"VIP"_s, u"t-1"_s, u"tab"_s, u"b\tk"_s, u"push"_s, u"refund approved"_s, u"A1209"_s,
        u"9007199254740993"_s, u"working days"_s, u"user_8812"_s, u"no such text"_s,
    };
    for (const QString &text : texts)
        QTest::newRow(qPrintable(text)) << text;
}

void TestTreeTextMatcher::findsWhatRowMatchesFinds()
{
    QFETCH(QString, text);
    struct Case
    {
        const char *name;
        OrderedJson document;
        std::optional<QString> pending;
    };
    const OrderedJson nested = loadSample(QFINDTESTDATA("data/conversation-nested.json"));
    const std::vector<Case> cases{
        {"nested sample", nested, std::nullopt},
        {"flat sample", loadSample(QFINDTESTDATA("data/conversation-flat.json")), std::nullopt},
        {"edge cases", edgeCases(), std::nullopt},
        {"pending server_extension", nested, uR"({"ticket":"T-2024-0999","note":"Refund\nvip","n":1})"_s},
        {"document that is a string of JSON", OrderedJson(R"({"a":{"b":"vip e 1"},"c":[1,"x"]})"), std::nullopt},
    };
    for (const Case &each : cases) {
        ConversationTreeModel model;
        model.setDocument(each.document);
        if (each.pending)
            model.setPendingServerExtension(*each.pending);
        ConversationFilterModel filter;
        filter.setSourceModel(&model);
        filter.setFilterText(text);

        TreeFilterJob job{model.documentIndex(), model.documentRoot(), std::nullopt, text.trimmed(),
                          TreeFilterJob::Record::EveryMatch};
        if (each.pending)
            job.pendingServerExtension = Json::toStdString(*each.pending);
        const auto matches = TreeTextMatcher::run(job);
        QVERIFY(matches);

        std::vector<Node> nodes;
        std::vector<int> rows;
        collect(model, {}, rows, nodes);
        QVERIFY(nodes.size() >= 5);
        QStringList byRows;
        QStringList byMatcher;
        for (const Node &node : nodes) {
            QModelIndex parent;
            for (size_t i = 0; i + 1 < node.rows.size(); ++i)
                parent = model.index(node.rows[i], 0, parent);
            if (filter.rowMatches(node.rows.back(), parent))
                byRows << node.path;
            if (matches->matches(node.rows))
                byMatcher << node.path;
        }
        if (byMatcher != byRows)
            qWarning("%s: %s", each.name, qPrintable(text));
        QCOMPARE(byMatcher, byRows);
    }
}

void TestTreeTextMatcher::acceptsWhatTheRowFilterShowed()
{
    // The rows the proxy shows are those QSortFilterProxyModel's recursive filter showed
    // over rowMatches(): a match, its ancestors, and everything below a match.
    const OrderedJson document = loadSample(QFINDTESTDATA("data/conversation-nested.json"));
    for (const QString &text : {u"message"_s, u"push"_s, u"T-2024"_s, u"a"_s, u"1"_s, u"vip"_s}) {
        ConversationTreeModel model;
        model.setDocument(document);
        ConversationFilterModel rowFilter; // over a plain proxy of the model: the old way
        rowFilter.setFilterText(text);
        QIdentityProxyModel plain;
        plain.setSourceModel(&model);
        rowFilter.setSourceModel(&plain);
        QVERIFY(rowFilter.isRecursiveFilteringEnabled());

        ConversationFilterModel filter;
        filter.setSourceModel(&model);
        filter.setFilterText(text);
        QVERIFY(!filter.isRecursiveFilteringEnabled());

        std::vector<Node> shownBefore;
        std::vector<Node> shownNow;
        std::vector<int> rows;
        collect(rowFilter, {}, rows, shownBefore);
        collect(filter, {}, rows, shownNow);
        QStringList before;
        QStringList now;
        for (const Node &node : shownBefore)
            before << node.path;
        for (const Node &node : shownNow)
            now << node.path;
        QVERIFY(!now.isEmpty());
        QCOMPARE(now, before);
    }
}

void TestTreeTextMatcher::stopsWhenProgressSaysSo()
{
    OrderedJson document = OrderedJson::array();
    for (int i = 0; i < 3 * int(TreeTextMatcher::ProgressInterval); ++i)
        document.push_back(i);
    const TreeFilterJob job{JsonIndex::fromJson(document), JsonIndex::Root, std::nullopt, u"7"_s};
    QList<qint64> reported;
    const auto stopped = TreeTextMatcher::run(job, [&](qint64 visited) {
        reported << visited;
        return false;
    });
    QVERIFY(!stopped);
    QCOMPARE(reported, QList<qint64>{TreeTextMatcher::ProgressInterval});

    reported.clear();
    const auto finished = TreeTextMatcher::run(job, [&](qint64 visited) {
        reported << visited;
        return true;
    });
    QVERIFY(finished);
    QCOMPARE(reported.size(), 3);
    QVERIFY(finished->accepts(std::vector<int>{7}));
    QVERIFY(!finished->accepts(std::vector<int>{8}));
}

void TestTreeTextMatcher::countsValues()
{
    const auto document = JsonIndex::parse(R"({"a": 1, "b": [1, 2, {"c": "{\"d\":1}"}], "e": {}})");
    QVERIFY(document);
    QCOMPARE(TreeTextMatcher::countValues(*document), 7); // the string's JSON is not counted
    QCOMPARE(TreeTextMatcher::countValues(*document, JsonIndex::Root, 4), 4);
    const JsonIndex::NodeId b = document->member(JsonIndex::Root, "b");
    QCOMPARE(TreeTextMatcher::countValues(*document, b), 4);
    QCOMPARE(TreeTextMatcher::countValues(*JsonIndex::parse("5")), 0);
}

QTEST_GUILESS_MAIN(TestTreeTextMatcher)
#include "tst_treetextmatcher.moc"

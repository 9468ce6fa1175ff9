#include "TreeScenario.h"

#include "BenchDocument.h"
#include "BenchStats.h"
#include "ConversationPanel.h"
#include "ProcessMemory.h"
#include "json/JsonDocument.h"
#include "json/JsonIndex.h"
#include "json/SharedJson.h"
#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <deque>
#include <memory>

namespace convdesk::bench {

namespace {

// What the scenario drives, whichever way the tree is built.
class TreeUnderTest
{
public:
    virtual ~TreeUnderTest() = default;
    virtual QWidget *window() = 0;
    virtual QTreeView *view() = 0;
    // Parses the response and makes the model ready; reports the split between the two.
    virtual void load(const QByteArray &response, double *parseMs, double *modelMs) = 0;
    virtual void setFilter(const QString &text) = 0;
    // Runs the event loop until the filter's rows follow the text (ours may search on a
    // worker thread); returns at once for a filter that is done when setFilter() returns.
    virtual void waitFiltered() {}
    virtual qint64 nodeCount() const { return -1; }

protected:
    // As ReplyClassifier does: the body parsed once (simdjson), `data` shared from it, not copied.
    static SharedJson parseData(const char *variant, const QByteArray &response)
    {
        JsonParseError error;
        const std::shared_ptr<const JsonIndex> parsed = JsonIndex::parse(response, &error);
        if (!parsed)
            qFatal("%s: the response is not JSON: %s", variant, qPrintable(error.describe()));
        return SharedJson(parsed).member("data");
    }
};

// The baseline: QJsonDocument, then every value as three QStandardItems, built before the
// model is handed to the view (the eager approach at its fastest: no per-row signals).
class EagerTree final : public TreeUnderTest
{
public:
    EagerTree()
    {
        m_proxy.setRecursiveFilteringEnabled(true);
        m_proxy.setFilterKeyColumn(-1);
        m_proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_proxy.setSourceModel(m_model.get());
        m_view.setModel(&m_proxy);
        m_view.setUniformRowHeights(true);
    }
    QWidget *window() override { return &m_view; }
    QTreeView *view() override { return &m_view; }

    void load(const QByteArray &response, double *parseMs, double *modelMs) override
    {
        QElapsedTimer clock;
        clock.start();
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(response, &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("eager: the response is not JSON: %s", qPrintable(error.errorString()));
        const QJsonObject data = document.object().value(QLatin1String("data")).toObject();
        *parseMs = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        auto model = std::make_unique<QStandardItemModel>();
        model->setHorizontalHeaderLabels({QStringLiteral("Key"), QStringLiteral("Value"), QStringLiteral("Type")});
        appendObject(model->invisibleRootItem(), data);
        m_proxy.setSourceModel(model.get());
        m_model = std::move(model);
        *modelMs = double(clock.nsecsElapsed()) / 1e6;
    }

    void setFilter(const QString &text) override { m_proxy.setFilterFixedString(text); }

private:
    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Object: return QStringLiteral("object");
        case QJsonValue::Array: return QStringLiteral("array");
        case QJsonValue::String: return QStringLiteral("string");
        case QJsonValue::Double: return QStringLiteral("number");
        case QJsonValue::Bool: return QStringLiteral("boolean");
        case QJsonValue::Null: return QStringLiteral("null");
        case QJsonValue::Undefined: break;
        }
        return QStringLiteral("undefined");
    }

    static QString valueText(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Object: return QStringLiteral("{%1 keys}").arg(value.toObject().size());
        case QJsonValue::Array: return QStringLiteral("[%1 items]").arg(value.toArray().size());
        case QJsonValue::String: return value.toString();
        case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
        case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        default: return QStringLiteral("null");
        }
    }

    static void appendValue(QStandardItem *parent, const QString &key, const QJsonValue &value)
    {
        auto *keyItem = new QStandardItem(key);
        parent->appendRow({keyItem, new QStandardItem(valueText(value)), new QStandardItem(typeName(value))});
        if (value.isObject())
            appendObject(keyItem, value.toObject());
        else if (value.isArray())
            appendArray(keyItem, value.toArray());
    }
    static void appendObject(QStandardItem *parent, const QJsonObject &object)
    {
        for (auto it = object.begin(); it != object.end(); ++it)
            appendValue(parent, it.key(), it.value());
    }
    static void appendArray(QStandardItem *parent, const QJsonArray &array)
    {
        for (qsizetype i = 0; i < array.size(); ++i)
            appendValue(parent, u'[' + QString::number(i) + u']', array.at(i));
    }

    std::unique_ptr<QStandardItemModel> m_model = std::make_unique<QStandardItemModel>();
    QSortFilterProxyModel m_proxy;
    QTreeView m_view;
};

void waitForFilter(ConversationFilterModel &filter)
{
    if (!filter.isFiltering())
        return;
    QEventLoop loop;
    QObject::connect(&filter, &ConversationFilterModel::filterFinished, &loop, &QEventLoop::quit);
    loop.exec();
}

// Ours, the models alone, configured as ConversationPanel configures its view.
class LazyTree final : public TreeUnderTest
{
public:
    LazyTree()
    {
        m_filter.setSourceModel(&m_model);
        m_view.setModel(&m_filter);
        m_view.setUniformRowHeights(true);
    }
    QWidget *window() override { return &m_view; }
    QTreeView *view() override { return &m_view; }

    void load(const QByteArray &response, double *parseMs, double *modelMs) override
    {
        QElapsedTimer clock;
        clock.start();
        const SharedJson data = parseData("lazy", response);
        *parseMs = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        m_model.setDocument(data);
        *modelMs = double(clock.nsecsElapsed()) / 1e6;
    }

    void setFilter(const QString &text) override { m_filter.setFilterText(text); }
    void waitFiltered() override { waitForFilter(m_filter); }
    qint64 nodeCount() const override { return m_model.materializedNodeCount(); }

private:
    ConversationTreeModel m_model;
    ConversationFilterModel m_filter;
    QTreeView m_view;
};

// Ours as the main window shows it.
class PanelTree final : public TreeUnderTest
{
public:
    QWidget *window() override { return &m_panel; }
    QTreeView *view() override { return m_panel.treeView(); }

    void load(const QByteArray &response, double *parseMs, double *modelMs) override
    {
        QElapsedTimer clock;
        clock.start();
        // As the window gets it: ApiResult's data shared from the parsed body, through
        // ConversationSession::sharedConversation() to the panel, never copied.
        const SharedJson data = parseData("panel", response);
        *parseMs = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        m_panel.setConversation(data);
        *modelMs = double(clock.nsecsElapsed()) / 1e6;
    }

    void setFilter(const QString &text) override { m_panel.setFilterText(text); }
    void waitFiltered() override { waitForFilter(*m_panel.filterModel()); }
    qint64 nodeCount() const override { return m_panel.treeModel()->materializedNodeCount(); }

private:
    ConversationPanel m_panel;
};

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// Runs what the step left for the event loop (delayed layouts, coalesced column sizing,
// zero-timers) and then paints, so deferred work is inside the measured time.
void settleAndPaint(QTreeView *view)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    view->viewport()->repaint();
}

// Rows a user could scroll through: the top level plus the children of expanded rows.
qint64 visibleRows(const QTreeView *view, const QModelIndex &parent = {})
{
    const QAbstractItemModel *model = view->model();
    qint64 rows = model->rowCount(parent);
    for (int row = 0, count = model->rowCount(parent); row < count; ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (view->isExpanded(index))
            rows += visibleRows(view, index);
    }
    return rows;
}

// Breadth-first, the way "expand all" reveals a tree level by level, until `target` rows
// are visible. Returns how many are.
qint64 expandBreadthFirst(QTreeView *view, qint64 target)
{
    const QAbstractItemModel *model = view->model();
    qint64 visible = visibleRows(view);
    std::deque<QPersistentModelIndex> queue;
    for (int row = 0, count = model->rowCount(); row < count; ++row)
        queue.emplace_back(model->index(row, 0));
    while (!queue.empty() && visible < target) {
        const QModelIndex index = queue.front();
        queue.pop_front();
        if (!index.isValid() || !model->hasChildren(index))
            continue;
        const int children = model->rowCount(index);
        if (!view->isExpanded(index)) {
            view->expand(index);
            visible += children;
        }
        for (int row = 0; row < children; ++row)
            queue.emplace_back(model->index(row, 0, index));
    }
    return visible;
}

std::unique_ptr<TreeUnderTest> makeTree(TreeScenario::Variant variant)
{
    switch (variant) {
    case TreeScenario::Variant::Eager: return std::make_unique<EagerTree>();
    case TreeScenario::Variant::Lazy: return std::make_unique<LazyTree>();
    case TreeScenario::Variant::Panel: return std::make_unique<PanelTree>();
    }
    return nullptr;
}

} // namespace

std::optional<TreeScenario::Variant> TreeScenario::variantFromName(const QString &name)
{
    if (name == u"eager")
        return Variant::Eager;
    if (name == u"lazy")
        return Variant::Lazy;
    if (name == u"panel")
        return Variant::Panel;
    return std::nullopt;
}

QString TreeScenario::variantName(Variant variant)
{
    switch (variant) {
    case Variant::Eager: return QStringLiteral("eager");
    case Variant::Lazy: return QStringLiteral("lazy");
    case Variant::Panel: return QStringLiteral("panel");
    }
    return {};
}

BenchMetrics TreeScenario::run(Variant variant, const QByteArray &response, const Options &options)
{
    BenchMetrics metrics;
    const std::unique_ptr<TreeUnderTest> tree = makeTree(variant);
    QWidget *window = tree->window();
    QTreeView *view = tree->view();
    window->resize(options.viewSize);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        qFatal("tree scenario: the window was never exposed");
    view->viewport()->repaint();
    metrics.set(QStringLiteral("rss_before_kb"), double(ProcessMemory::now().residentKb));

    // Load: parse, model, first paint of the tree.
    QElapsedTimer clock;
    clock.start();
    double parseMs = 0;
    double modelMs = 0;
    tree->load(response, &parseMs, &modelMs);
    settleAndPaint(view);
    metrics.set(QStringLiteral("parse_ms"), parseMs);
    metrics.set(QStringLiteral("model_ms"), modelMs);
    metrics.set(QStringLiteral("first_paint_ms"), msSince(clock));
    const ProcessMemory painted = ProcessMemory::now();
    metrics.set(QStringLiteral("rss_paint_kb"), double(painted.residentKb));
    metrics.set(QStringLiteral("peak_paint_kb"), double(painted.peakKb));
    if (tree->nodeCount() >= 0)
        metrics.set(QStringLiteral("nodes_paint"), double(tree->nodeCount()));

    // Expand the first rows breadth-first, then paint.
    clock.restart();
    const qint64 visible = expandBreadthFirst(view, options.expandRows);
    settleAndPaint(view);
    metrics.set(QStringLiteral("expand_ms"), msSince(clock));
    metrics.set(QStringLiteral("visible_rows"), double(visible));

    // Scroll through them a wheel notch at a time, painting after every step.
    QScrollBar *bar = view->verticalScrollBar();
    const int step = view->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? options.rowsPerScrollStep
                         : options.rowsPerScrollStep * std::max(1, view->sizeHintForRow(0));
    QList<double> stepMs;
    stepMs.reserve(options.scrollSteps);
    bar->setValue(0);
    for (int i = 0; i < options.scrollSteps; ++i) {
        clock.restart();
        bar->setValue(bar->value() + step >= bar->maximum() ? 0 : bar->value() + step);
        settleAndPaint(view);
        stepMs.append(msSince(clock));
    }
    const BenchStats scroll = BenchStats::of(stepMs);
    metrics.set(QStringLiteral("scroll_median_ms"), scroll.median);
    metrics.set(QStringLiteral("scroll_p95_ms"), scroll.p95);
    metrics.set(QStringLiteral("scroll_max_ms"), scroll.max);

    // Filter for text that only one value deep inside holds, until the result is painted.
    // A 1 ms timer ticks whenever the event loop runs: the longest gap between ticks (from
    // the keystroke to the paint) is the longest time the GUI thread could not take input.
    bar->setValue(0);
    QList<qint64> ticksNs;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] { ticksNs.append(clock.nsecsElapsed()); });
    clock.restart();
    ticker.start();
    tree->setFilter(QString::fromLatin1(BenchDocument::Needle));
    tree->waitFiltered();
    settleAndPaint(view);
    const qint64 filteredNs = clock.nsecsElapsed();
    ticker.stop();
    ticksNs.append(filteredNs);
    qint64 longestBlockNs = 0;
    qint64 previousNs = 0;
    for (const qint64 tick : std::as_const(ticksNs)) {
        longestBlockNs = std::max(longestBlockNs, tick - previousNs);
        previousNs = tick;
    }
    metrics.set(QStringLiteral("filter_ms"), double(filteredNs) / 1e6);
    metrics.set(QStringLiteral("filter_block_ms"), double(longestBlockNs) / 1e6);
    metrics.set(QStringLiteral("filter_top_rows"), double(view->model()->rowCount()));

    const ProcessMemory end = ProcessMemory::now();
    metrics.set(QStringLiteral("peak_end_kb"), double(end.peakKb));
    if (tree->nodeCount() >= 0)
        metrics.set(QStringLiteral("nodes_end"), double(tree->nodeCount()));

    window->hide();
    return metrics;
}

} // namespace convdesk::bench

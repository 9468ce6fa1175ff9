#include "ListScenario.h"

#include "ApiCall.h"
#include "ApiClient.h"
#include "BenchStats.h"
#include "FieldDecoder.h"
#include "ProcessMemory.h"
#include "RequestSigner.h"
#include "SandboxServer.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <vector>

namespace convdesk::bench {

namespace {

const char *const ColumnKeys[] = {"conversation_id", "type", "unread_count", "update_time", "last_message"};
constexpr int ColumnCount = int(std::size(ColumnKeys));

QStringList headerLabels()
{
    return {QStringLiteral("Conversation"), QStringLiteral("Type"), QStringLiteral("Unread"),
            QStringLiteral("Updated"), QStringLiteral("Last message")};
}

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// One page: the items and the token of the next page (empty on the last).
struct Page
{
    bool ok = false;
    QString nextToken;
};

class Lister
{
public:
    virtual ~Lister() = default;
    virtual QAbstractItemModel *model() = 0;
    virtual Page fetch(const QString &pageToken) = 0;
};

// Baseline: QNetworkAccessManager + QJsonDocument + QStandardItemModel.
class EagerLister final : public Lister
{
public:
    explicit EagerLister(const ListScenario::Options &options) : m_options(options)
    {
        m_model.setHorizontalHeaderLabels(headerLabels());
    }
    QAbstractItemModel *model() override { return &m_model; }

    Page fetch(const QString &pageToken) override
    {
        QUrl url = m_options.sandboxUrl;
        url.setPath(QStringLiteral("/im/v2.1/conversations"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("account_id"), m_options.accountId);
        if (!pageToken.isEmpty())
            query.addQueryItem(QStringLiteral("page_token"), pageToken);
        query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
        url.setQuery(query);
        QNetworkRequest request(url);
        RequestSigner::apply(request, RequestSigner::sign(SandboxServer::demoCredentials(),
                                                          QDateTime::currentSecsSinceEpoch()),
                             RequestSigner::generateTraceId(), false);
        QNetworkReply *reply = m_network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError || body.value(QLatin1String("code")).toInt() != 200)
            return {};
        const QJsonObject data = body.value(QLatin1String("data")).toObject();
        const QJsonArray items = data.value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject c = item.toObject();
            const QJsonObject last = c.value(QLatin1String("last_message")).toObject();
            m_model.appendRow({
                new QStandardItem(c.value(QLatin1String("conversation_id")).toString()),
                new QStandardItem(QString::number(c.value(QLatin1String("type")).toInt())),
                new QStandardItem(QString::number(c.value(QLatin1String("unread_count")).toInt())),
                new QStandardItem(QDateTime::fromMSecsSinceEpoch(qint64(c.value(QLatin1String("update_time")).toDouble()))
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                new QStandardItem(last.value(QLatin1String("text")).toString()),
            });
        }
        Page page;
        page.ok = true;
        if (data.value(QLatin1String("has_more")).toBool())
            page.nextToken = data.value(QLatin1String("next_token")).toString();
        return page;
    }

private:
    ListScenario::Options m_options;
    QNetworkAccessManager m_network;
    QStandardItemModel m_model;
};

// The conversations as the API gave them; cells are formatted when painted.
class ConversationPageModel final : public QAbstractTableModel
{
public:
    void append(OrderedJson::array_t &&items)
    {
        if (items.empty())
            return;
        beginInsertRows({}, int(m_items.size()), int(m_items.size() + items.size()) - 1);
        for (OrderedJson &item : items)
            m_items.push_back(std::move(item));
        endInsertRows();
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        const OrderedJson &conversation = m_items[size_t(index.row())];
        const char *key = ColumnKeys[index.column()];
        const auto found = conversation.find(key);
        if (found == conversation.end())
            return {};
        if (index.column() == 4) { // the last message's text
            const auto text = found->find("text");
            return text != found->end() && text->is_string() ? Json::toQString(text->get_ref<const std::string &>())
                                                             : QString();
        }
        return FieldDecoder::decode(JsonPath{JsonPathStep(QString::fromLatin1(key))}, *found).display;
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
            return headerLabels().value(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

private:
    std::vector<OrderedJson> m_items;
};

// Ours: ApiClient's signed calls and parsed results.
class LazyLister final : public Lister
{
public:
    explicit LazyLister(const ListScenario::Options &options) : m_options(options)
    {
        m_client.setEndpoint(ApiEndpoint::custom(options.sandboxUrl));
        m_client.setCredentials(SandboxServer::demoCredentials());
    }
    QAbstractItemModel *model() override { return &m_model; }

    Page fetch(const QString &pageToken) override
    {
        ApiCall *call = m_client.listConversations(m_options.accountId, pageToken, m_options.pageSize);
        ApiResult result;
        QEventLoop loop;
        QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResult &finished) {
            result = finished;
            loop.quit();
        });
        loop.exec();
        if (!result.ok())
            return {};
        OrderedJson &data = result.data;
        if (const auto items = data.find("items"); items != data.end() && items->is_array())
            m_model.append(std::move(items->get_ref<OrderedJson::array_t &>()));
        Page page;
        page.ok = true;
        if (data.value("has_more", false) && data.contains("next_token") && data["next_token"].is_string())
            page.nextToken = Json::toQString(data["next_token"].get_ref<const std::string &>());
        return page;
    }

private:
    ListScenario::Options m_options;
    ApiClient m_client;
    ConversationPageModel m_model;
};

} // namespace

std::optional<ListScenario::Variant> ListScenario::variantFromName(const QString &name)
{
    if (name == u"eager")
        return Variant::Eager;
    if (name == u"lazy")
        return Variant::Lazy;
    return std::nullopt;
}

QString ListScenario::variantName(Variant variant)
{
    return variant == Variant::Eager ? QStringLiteral("eager") : QStringLiteral("lazy");
}

BenchMetrics ListScenario::run(Variant variant, const Options &options)
{
    BenchMetrics metrics;
    std::unique_ptr<Lister> lister;
    if (variant == Variant::Eager)
        lister = std::make_unique<EagerLister>(options);
    else
        lister = std::make_unique<LazyLister>(options);

    QTableView view;
    view.setModel(lister->model());
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // one row height for all
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(options.viewSize);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        qFatal("list scenario: the window was never exposed");
    view.viewport()->repaint();
    metrics.set(QStringLiteral("rss_before_kb"), double(ProcessMemory::now().residentKb));

    QElapsedTimer clock;
    clock.start();
    int pages = 0;
    QString token;
    bool failed = false;
    do {
        const Page page = lister->fetch(token);
        if (!page.ok) {
            failed = true;
            break;
        }
        ++pages;
        if (pages == 1) {
            view.viewport()->repaint();
            metrics.set(QStringLiteral("first_page_ms"), msSince(clock));
        }
        token = page.nextToken;
    } while (!token.isEmpty());
    view.viewport()->repaint();
    metrics.set(QStringLiteral("all_pages_ms"), msSince(clock));
    metrics.set(QStringLiteral("pages"), pages);
    metrics.set(QStringLiteral("rows"), failed ? -1 : lister->model()->rowCount());

    QScrollBar *bar = view.verticalScrollBar();
    const int step = view.verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? options.rowsPerScrollStep
                         : options.rowsPerScrollStep * std::max(1, view.rowHeight(0));
    QList<double> stepMs;
    for (int i = 0; i < options.scrollSteps; ++i) {
        clock.restart();
        // Jumps spread over the whole list, as dragging the scroll bar does, a notch at a time.
        bar->setValue(bar->value() + step >= bar->maximum() ? 0 : bar->value() + step);
        view.viewport()->repaint();
        stepMs.append(msSince(clock));
    }
    const BenchStats scroll = BenchStats::of(stepMs);
    metrics.set(QStringLiteral("scroll_median_ms"), scroll.median);
    metrics.set(QStringLiteral("scroll_p95_ms"), scroll.p95);
    metrics.set(QStringLiteral("scroll_max_ms"), scroll.max);

    const ProcessMemory end = ProcessMemory::now();
    metrics.set(QStringLiteral("rss_end_kb"), double(end.residentKb));
    metrics.set(QStringLiteral("peak_end_kb"), double(end.peakKb));
    return metrics;
}

} // namespace convdesk::bench

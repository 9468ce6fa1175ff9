#include "ListScenario.h"

#include "AccountBrowser.h"
#include "AfterNextPaint.h"
#include "BenchStats.h"
#include "ProcessMemory.h"
#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/RequestSigner.h"
#include "models/ConversationListModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

#include <ctime>
#include <memory>
#include <utility>

namespace convdesk::bench {

namespace {

QStringList headerLabels()
{
    return {QStringLiteral("Conversation"), QStringLiteral("Type"), QStringLiteral("Unread"),
            QStringLiteral("Updated"), QStringLiteral("Last message")};
}

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// CPU time of the whole process (the network thread too), in ms: on a machine shared with
// other builds the wall-clock figures mostly measure waiting for a CPU; this does not.
double cpuMsNow()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// When the first rows were first shown: the end of the first paint of the table's viewport
// after rows arrived, wherever the event loop ran it. Ours paints inside its fetch's event
// loop, the baseline only once its fetch has returned; timing an extra repaint() after the
// fetch made ours pay for two paints and the baseline for one.
class FirstRowsPaint final : public QObject
{
public:
    FirstRowsPaint(QAbstractItemModel *model, QWidget *viewport)
    {
        m_clock.start();
        m_cpuStart = cpuMsNow();
        // The view only schedules its paint when rows arrive, so the next paint shows them.
        connect(model, &QAbstractItemModel::rowsInserted, this, [this, viewport] {
            if (std::exchange(m_rowsArrived, true))
                return;
            runAfterNextPaint(viewport, [this, alive = QPointer<FirstRowsPaint>(this)] {
                if (!alive)
                    return;
                m_wallMs = msSince(m_clock);
                m_cpuMs = cpuMsNow() - m_cpuStart;
                m_shown = true;
            });
        });
    }

    // Runs the event loop until that paint has happened; false if it never does.
    bool wait()
    {
        QElapsedTimer limit;
        limit.start();
        while (!m_shown && limit.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        return m_shown;
    }
    double wallMs() const { return m_wallMs; }
    double cpuMs() const { return m_cpuMs; }

private:
    QElapsedTimer m_clock;
    double m_cpuStart = 0;
    bool m_rowsArrived = false;
    bool m_shown = false;
    double m_wallMs = 0;
    double m_cpuMs = 0;
};

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
    virtual QWidget *window() = 0;
    virtual QTableView *view() = 0;
    virtual QAbstractItemModel *model() = 0; // the rows, unsorted
    virtual Page fetch(const QString &pageToken) = 0;
};

// Baseline: QNetworkAccessManager + QJsonDocument + QStandardItemModel.
class EagerLister final : public Lister
{
public:
    explicit EagerLister(const ListScenario::Options &options) : m_options(options)
    {
        m_model.setHorizontalHeaderLabels(headerLabels());
        m_view.setModel(&m_model);
        m_view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // one row height for all
        m_view.horizontalHeader()->setStretchLastSection(true);
    }
    QWidget *window() override { return &m_view; }
    QTableView *view() override { return &m_view; }
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
    QTableView m_view;
};

// Ours: the window's AccountBrowser (ConversationListModel behind a sorting proxy, its own
// table view), paging through ApiClient with its "Load more".
class BrowserLister final : public Lister
{
public:
    explicit BrowserLister(const ListScenario::Options &options)
    {
        m_client.setEndpoint(ApiEndpoint::custom(options.sandboxUrl));
        m_client.setCredentials(SandboxServer::demoCredentials());
        m_browser.setClient(&m_client);
        m_browser.setPageSize(options.pageSize);
        m_browser.setAccount(options.accountId);
    }
    QWidget *window() override { return &m_browser; }
    QTableView *view() override { return m_browser.view(); }
    QAbstractItemModel *model() override { return m_browser.model(); }

    Page fetch(const QString &pageToken) override
    {
        bool ok = false;
        QEventLoop loop;
        const QMetaObject::Connection loaded = QObject::connect(&m_browser, &AccountBrowser::pageLoaded, &loop, [&] {
            ok = true;
            loop.quit();
        });
        const QMetaObject::Connection failed =
            QObject::connect(&m_browser, &AccountBrowser::pageFailed, &loop, &QEventLoop::quit);
        if (pageToken.isEmpty())
            m_browser.list();
        else
            m_browser.loadMore();
        loop.exec();
        QObject::disconnect(loaded);
        QObject::disconnect(failed);
        Page page;
        page.ok = ok;
        if (ok && m_browser.model()->hasMore())
            page.nextToken = m_browser.model()->nextToken();
        return page;
    }

private:
    ApiClient m_client;
    AccountBrowser m_browser;
};

} // namespace

std::optional<ListScenario::Variant> ListScenario::variantFromName(const QString &name)
{
    if (name == u"eager")
        return Variant::Eager;
    if (name == u"browser")
        return Variant::Browser;
    return std::nullopt;
}

QString ListScenario::variantName(Variant variant)
{
    return variant == Variant::Eager ? QStringLiteral("eager") : QStringLiteral("browser");
}

BenchMetrics ListScenario::run(Variant variant, const Options &options)
{
    BenchMetrics metrics;
    std::unique_ptr<Lister> lister;
    if (variant == Variant::Eager)
        lister = std::make_unique<EagerLister>(options);
    else
        lister = std::make_unique<BrowserLister>(options);

    QWidget *window = lister->window();
    QTableView &view = *lister->view();
    window->resize(options.viewSize);
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        qFatal("list scenario: the window was never exposed");
    view.viewport()->repaint();
    metrics.set(QStringLiteral("rss_before_kb"), double(ProcessMemory::now().residentKb));

    QElapsedTimer clock;
    clock.start();
    const double cpuStart = cpuMsNow();
    FirstRowsPaint firstRowsPaint(lister->model(), view.viewport());
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
            if (!firstRowsPaint.wait())
                qFatal("list scenario: the first page was never painted");
            metrics.set(QStringLiteral("first_page_ms"), firstRowsPaint.wallMs());
            metrics.set(QStringLiteral("first_page_cpu_ms"), firstRowsPaint.cpuMs());
        }
        token = page.nextToken;
    } while (!token.isEmpty());
    view.viewport()->repaint();
    metrics.set(QStringLiteral("all_pages_ms"), msSince(clock));
    metrics.set(QStringLiteral("all_pages_cpu_ms"), cpuMsNow() - cpuStart);
    metrics.set(QStringLiteral("pages"), pages);
    metrics.set(QStringLiteral("rows"), failed ? -1 : lister->model()->rowCount());

    QScrollBar *bar = view.verticalScrollBar();
    const int step = view.verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? options.rowsPerScrollStep
                         : options.rowsPerScrollStep * std::max(1, view.rowHeight(0));
    QList<double> stepMs;
    QList<double> stepCpuMs;
    for (int i = 0; i < options.scrollSteps; ++i) {
        clock.restart();
        const double stepCpuStart = cpuMsNow();
        // Jumps spread over the whole list, as dragging the scroll bar does, a notch at a time.
        bar->setValue(bar->value() + step >= bar->maximum() ? 0 : bar->value() + step);
        view.viewport()->repaint();
        stepMs.append(msSince(clock));
        stepCpuMs.append(cpuMsNow() - stepCpuStart);
    }
    const BenchStats scroll = BenchStats::of(stepMs);
    metrics.set(QStringLiteral("scroll_median_ms"), scroll.median);
    metrics.set(QStringLiteral("scroll_p95_ms"), scroll.p95);
    metrics.set(QStringLiteral("scroll_max_ms"), scroll.max);
    const BenchStats scrollCpu = BenchStats::of(stepCpuMs);
    metrics.set(QStringLiteral("scroll_cpu_median_ms"), scrollCpu.median);
    metrics.set(QStringLiteral("scroll_cpu_p95_ms"), scrollCpu.p95);

    const ProcessMemory end = ProcessMemory::now();
    metrics.set(QStringLiteral("rss_end_kb"), double(end.residentKb));
    metrics.set(QStringLiteral("peak_end_kb"), double(end.peakKb));
    return metrics;
}

} // namespace convdesk::bench

#pragma once

#include "BenchMetrics.h"

#include <QSize>
#include <QString>
#include <QUrl>

#include <optional>

namespace convdesk::bench {

// The account browser with every page of an account's conversations (100 per page)
// fetched from a sandbox in another process, shown as pages arrive.
//   eager   - the common approach: signed QNetworkAccessManager calls, QJsonDocument, five
//             QStandardItems per conversation in a QTableView (the baseline);
//   browser - ours: the window's AccountBrowser (ApiClient::listConversations,
//             ConversationListModel behind a sorting proxy), "Load more" until the last page.
class ListScenario
{
public:
    enum class Variant { Eager, Browser };

    struct Options
    {
        QUrl sandboxUrl;
        QString accountId;
        int pageSize = 100;
        int scrollSteps = 200;
        int rowsPerScrollStep = 3;
        QSize viewSize{1000, 700};
    };

    static std::optional<Variant> variantFromName(const QString &name);
    static QString variantName(Variant variant);

    // Needs a QApplication and the sandbox listening. Figures: first_page_ms, all_pages_ms
    // (to the last page shown), rows, pages, scroll_median_ms / scroll_p95_ms / scroll_max_ms,
    // rss_before_kb, rss_end_kb, peak_end_kb. rows is -1 when a page failed.
    static BenchMetrics run(Variant variant, const Options &options);
};

} // namespace convdesk::bench

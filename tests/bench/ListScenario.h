#pragma once

#include "BenchMetrics.h"

#include <QSize>
#include <QString>
#include <QUrl>

#include <optional>

namespace convdesk::bench {

// The account browser's core path: every page of an account's conversations (100 per page)
// fetched from a sandbox in another process and shown in a QTableView as pages arrive.
//   eager - the common approach: signed QNetworkAccessManager calls, QJsonDocument, five
//           QStandardItems per conversation (the baseline);
//   lazy  - ours: ApiClient::listConversations, the parsed items kept as they are in a
//           table model that formats a cell only when it is painted (the GUI has no
//           account browser yet; this is the model it would use).
class ListScenario
{
public:
    enum class Variant { Eager, Lazy };

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

#pragma once

#include "BenchMetrics.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

namespace convdesk::bench {

// One large conversation response, loaded into a tree view in this process (offscreen),
// then expanded, scrolled and filtered. Three ways of doing it:
//   eager - the common approach: QJsonDocument into a fully built QStandardItemModel under a
//           recursive QSortFilterProxyModel (the baseline);
//   lazy  - ours: nlohmann ordered_json into ConversationTreeModel under
//           ConversationFilterModel;
//   panel - ours as the window uses it: ConversationPanel (tree, raw JSON tab, column
//           sizing, expansion restore).
// Every variant's view, proxy and window exist and are painted before the clock starts,
// as they are when the user presses Load.
class TreeScenario
{
public:
    enum class Variant { Eager, Lazy, Panel };

    struct Options
    {
        int expandRows = 10000;    // breadth-first expansion stops at this many visible rows
        int scrollSteps = 200;     // repaints while scrolling
        int rowsPerScrollStep = 3; // one mouse-wheel notch
        QSize viewSize{1000, 700};
    };

    static std::optional<Variant> variantFromName(const QString &name);
    static QString variantName(Variant variant);

    // Needs a QApplication. Figures (ms, kB, counts):
    //   parse_ms, model_ms, first_paint_ms (parse start to the first painted viewport),
    //   expand_ms + visible_rows, scroll_median_ms / scroll_p95_ms / scroll_max_ms,
    //   filter_ms (until painted) + filter_block_ms (longest GUI-thread block) + filter_top_rows, rss_before_kb, rss_paint_kb, peak_paint_kb, peak_end_kb,
    //   for the models that build lazily, nodes_paint / nodes_end. `response` is parsed where it
    //   is when it has JsonIndex::Padding bytes of room after it, as ApiCall leaves a body.
    static BenchMetrics run(Variant variant, const QByteArray &response, const Options &options);
};

} // namespace convdesk::bench

#pragma once

#include "json/ExtensionDiff.h"

#include <QTextEdit>

namespace convdesk {

// A read-only, monospace view of an ExtensionDiff: "  " unchanged, "- " removed and "+ "
// added lines, the changed ones tinted from the palette (and italic/bold, for anyone who
// cannot tell the tints apart). Re-tints itself when the palette changes.
class DiffView final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)
public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    // `emptyText` is shown when the diff has no lines (both values empty).
    void setDiff(const ExtensionDiff &diff, const QString &emptyText = {});
    const ExtensionDiff &diff() const { return m_diff; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    ExtensionDiff m_diff;
};

} // namespace convdesk

#pragma once

#include <QLabel>

namespace convdesk {

// A one-line label that ends a text too long for it with "…" instead of cutting a glyph in
// half or pushing its neighbours away; text() keeps the whole text, and the tooltip shows it
// when it is cut. For the status bar's outcome beside the trace id.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    // What is painted now: the text, or its elided form when it does not fit.
    QString displayedText() const;
    bool isElided() const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString oneLineText() const;
};

} // namespace convdesk

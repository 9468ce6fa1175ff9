#include "MessageBanner.h"

#include "AlertStyle.h"
#include "api/ErrorText.h"

using namespace Qt::StringLiterals;

namespace convdesk {

MessageBanner::MessageBanner(Kind kind, const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setAutoFillBackground(true);
    switch (kind) {
    case Kind::Notice:
        setBackgroundRole(QPalette::Highlight);
        setForegroundRole(QPalette::HighlightedText);
        break;
    case Kind::Problem:
        setBackgroundRole(QPalette::ToolTipBase);
        setForegroundRole(QPalette::ToolTipText);
        break;
    case Kind::Warning: {
        QPalette warning = palette();
        AlertStyle::applyWarningColours(warning, AlertStyle::isDark(warning));
        setPalette(warning);
        setBackgroundRole(QPalette::Window);
        setForegroundRole(QPalette::WindowText);
        break;
    }
    }
    setFrameShape(QFrame::StyledPanel);
    setMargin(fontMetrics().height() / 2);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showFailure(const QString &operation, const ApiResult &result, bool editKept)
{
    QString heading = tr("%1 failed: %2").arg(operation, ErrorText::title(result.error));
    if (result.error == ErrorKind::Business)
        heading += u' ' + tr("(code %1)").arg(result.code);
    QString html = u"<b>"_s + heading.toHtmlEscaped() + u"</b><br>"_s + ErrorText::describe(result).toHtmlEscaped();
    if (editKept)
        html += u"<br>"_s + tr("Your edited text is still in the editor.").toHtmlEscaped();
    if (!result.traceId.isEmpty())
        html += u"<br>"_s + tr("Trace id: %1").arg(result.traceId).toHtmlEscaped();
    setText(html);
    show();
}

void MessageBanner::showMessage(const QString &text)
{
    setText(text.toHtmlEscaped());
    show();
}

void MessageBanner::dismiss()
{
    clear();
    hide();
}

bool MessageBanner::isShowing(const QString &text) const
{
    return !isHidden() && this->text() == text.toHtmlEscaped();
}

} // namespace convdesk

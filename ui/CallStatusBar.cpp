#include "CallStatusBar.h"

#include "ElidedLabel.h"
#include "api/ErrorText.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace convdesk {

CallStatusBar::CallStatusBar(QWidget *parent)
    : QWidget(parent)
    , m_outcome(new ElidedLabel(this))
    , m_traceLabel(new QLabel(this))
    , m_copyTrace(new QToolButton(this))
    , m_latency(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("callStatusBar"));

    m_outcome->setObjectName(QStringLiteral("callOutcome"));
    // Long error sentences end in "…" before the trace id; the whole text is in the tooltip
    // and in the window's message area.
    m_outcome->setMinimumWidth(fontMetrics().averageCharWidth() * 20);

    m_traceLabel->setObjectName(QStringLiteral("traceIdLabel"));
    m_traceLabel->setTextFormat(Qt::PlainText);
    m_traceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_traceLabel->setToolTip(tr("Trace id of the last request (X-custom-traceid); quote it to the vendor's support"));

    m_copyTrace->setObjectName(QStringLiteral("copyTraceIdButton"));
    m_copyTrace->setText(tr("Copy trace id"));
    m_copyTrace->setToolTip(tr("Copy the trace id of the last request"));
    m_copyTrace->setAccessibleName(tr("Copy trace id"));
    m_copyTrace->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copyTrace->setEnabled(false);

    m_latency->setObjectName(QStringLiteral("latencyLabel"));
    m_latency->setToolTip(tr("How long the last call took"));

    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // busy mode: no known end
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 12);
    m_busy->setAccessibleName(tr("Request running"));

    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop waiting for the running request (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_outcome, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_cancel);
    layout->addWidget(m_traceLabel);
    layout->addWidget(m_copyTrace);
    layout->addWidget(m_latency);

    connect(m_copyTrace, &QToolButton::clicked, this, &CallStatusBar::copyTraceId);
    connect(m_cancel, &QPushButton::clicked, this, &CallStatusBar::cancelRequested);

    m_outcome->setText(tr("Ready"));
    m_traceLabel->hide();
    m_latency->hide();
    setRunning(false);
}

CallStatusBar::~CallStatusBar() = default;

void CallStatusBar::showRunning(const QString &what)
{
    m_outcome->setText(what);
    m_outcome->setToolTip(what);
    setRunning(true);
}

void CallStatusBar::showResult(const QString &operation, const ApiResult &result, const QString &success)
{
    setRunning(false);
    QString text;
    QString details;
    if (result.ok()) {
        // The code's meaning from the vendor's table, in the user's language; the server's msg
        // for success is always the English "success".
        const QString codeText =
            tr("%1: code %2 %3").arg(operation).arg(result.code).arg(ErrorText::businessCodeMeaning(result.code));
        text = success.isEmpty() ? codeText : success;
        details = success.isEmpty() ? QString() : codeText;
    } else if (result.error == ErrorKind::Business) {
        text = tr("%1 failed: code %2 (%3). %4")
                   .arg(operation).arg(result.code).arg(ErrorText::businessCodeMeaning(result.code),
                                                        ErrorText::describe(result));
    } else {
        text = tr("%1 failed: %2. %3").arg(operation, ErrorText::title(result.error), ErrorText::describe(result));
    }
    m_outcome->setText(text.trimmed());
    m_outcome->setToolTip(details.isEmpty() ? text.trimmed() : text.trimmed() + u'\n' + details);

    m_traceId = result.traceId;
    m_traceLabel->setText(tr("Trace id: %1").arg(m_traceId));
    m_traceLabel->setVisible(!m_traceId.isEmpty());
    m_copyTrace->setEnabled(!m_traceId.isEmpty());
    m_latency->setText(tr("%1 ms").arg(result.latencyMs));
    m_latency->setVisible(true);
}

void CallStatusBar::showNote(const QString &text)
{
    m_outcome->setText(text);
    m_outcome->setToolTip(text);
}

void CallStatusBar::showStopped(const QString &text, const QString &traceId)
{
    setRunning(false);
    showNote(text);
    m_traceId = traceId;
    m_traceLabel->setText(tr("Trace id: %1").arg(m_traceId));
    m_traceLabel->setVisible(!m_traceId.isEmpty());
    m_copyTrace->setEnabled(!m_traceId.isEmpty());
    m_latency->hide();
}

QString CallStatusBar::outcomeText() const
{
    return m_outcome->text();
}

void CallStatusBar::copyTraceId()
{
    if (m_traceId.isEmpty())
        return;
    QApplication::clipboard()->setText(m_traceId);
    Q_EMIT copied(tr("Trace id copied."));
}

void CallStatusBar::setRunning(bool running)
{
    m_running = running;
    m_busy->setVisible(running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
}

} // namespace convdesk

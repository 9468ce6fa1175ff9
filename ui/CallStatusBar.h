#pragma once

#include "api/ApiResult.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace convdesk {

class ElidedLabel;

// The outcome of the last call, for the status bar: business code and message, the trace id
// (selectable, with a copy button, because support tickets ask for it) and the latency.
// While a call runs it shows a busy indicator and a Cancel button instead.
class CallStatusBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallStatusBar)
public:
    explicit CallStatusBar(QWidget *parent = nullptr);
    ~CallStatusBar() override;

    // `what` says what runs: "Loading acc1|1|acc2…".
    void showRunning(const QString &what);
    // `operation` names the call in the outcome: "Load", "Save".
    // A finished call. `success` is what a person reads when it went well ("Saved. …"); the
    // code and its meaning go to the tooltip beside the trace id. Without it, "Load: code 200".
    void showResult(const QString &operation, const ApiResult &result, const QString &success = QString());
    // A note that is not a call outcome (a refused action, a keychain message).
    void showNote(const QString &text);
    // The calls ended in an outcome that is not one request's result (a save the conflict
    // check stopped): the busy state ends, `text` and the trace id of the last request show.
    void showStopped(const QString &text, const QString &traceId);

    QString outcomeText() const;
    QString traceId() const { return m_traceId; }
    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void copyTraceId();

Q_SIGNALS:
    void cancelRequested();
    void copied(const QString &message); // the trace id went to the clipboard

private:
    void setRunning(bool running);

    ElidedLabel *m_outcome;
    QLabel *m_traceLabel;
    QToolButton *m_copyTrace;
    QLabel *m_latency;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QString m_traceId;
    bool m_running = false;
};

} // namespace convdesk

#include "AfterNextPaint.h"

#include <QEvent>
#include <QWidget>

#include <utility>

namespace convdesk {

namespace {

// A child of the widget, so that it goes with it and the action never outlives it.
class NextPaintWatcher final : public QObject
{
public:
    NextPaintWatcher(QWidget *widget, std::function<void()> action)
        : QObject(widget), m_action(std::move(action))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_action) {
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(this, [this] {
                const std::function<void()> action = std::exchange(m_action, nullptr);
                deleteLater();
                action();
            }, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_action;
};

} // namespace

void runAfterNextPaint(QWidget *widget, std::function<void()> action)
{
    if (widget && action)
        new NextPaintWatcher(widget, std::move(action));
}

} // namespace convdesk

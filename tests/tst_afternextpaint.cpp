#include "AfterNextPaint.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// runAfterNextPaint: what waits for a window's first paint runs after it, once, and never
// after the window has gone.
class TestAfterNextPaint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnceAfterThePaint();
    void nothingRunsWhenTheWidgetGoesFirst();
};

namespace {

// Counts the paints it sees before the action runs.
class PaintCounter final : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void TestAfterNextPaint::runsOnceAfterThePaint()
{
    QLabel label(u"Conversation Desk"_s);
    PaintCounter counter;
    label.installEventFilter(&counter);
    int runs = 0;
    int paintsSeenByAction = -1;
    QTimer done; // a signal for QSignalSpy to wait on
    done.setSingleShot(true);
    QSignalSpy ran(&done, &QTimer::timeout);
    runAfterNextPaint(&label, [&] {
        ++runs;
        paintsSeenByAction = counter.paints;
        done.start(0);
    });
    QCoreApplication::processEvents(); // nothing is shown yet: nothing runs
    QCOMPARE(runs, 0);
    label.show();
    QVERIFY(ran.wait(5000));
    QCOMPARE(runs, 1);
    QVERIFY(paintsSeenByAction >= 1);
    // Later paints run nothing more.
    label.repaint();
    QCoreApplication::processEvents();
    QCOMPARE(runs, 1);
}

void TestAfterNextPaint::nothingRunsWhenTheWidgetGoesFirst()
{
    int runs = 0;
    {
        auto label = std::make_unique<QLabel>(u"gone"_s);
        label->show();
        QVERIFY(QTest::qWaitForWindowExposed(label.get()));
        runAfterNextPaint(label.get(), [&runs] { ++runs; });
        label->repaint(); // painted at once; the action waits in the event queue
    }
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(runs, 0);
}

QTEST_MAIN(TestAfterNextPaint)
#include "tst_afternextpaint.moc"

#include "CallStatusBar.h"
#include "ElidedLabel.h"
#include "api/ApiResult.h"

#include <QLabel>
#include <QTest>
#include <QToolButton>

using namespace convdesk;
using namespace Qt::StringLiterals;

// A long status text ends in "…" within its own space, before the trace id, and keeps the
// whole text for the tooltip and for tests.
class TestElidedLabel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void elidesOnlyWhatDoesNotFit_data();
    void elidesOnlyWhatDoesNotFit();
    void longOutcomeStopsBeforeTheTraceId();
};

void TestElidedLabel::elidesOnlyWhatDoesNotFit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("widthInChars");
    QTest::addColumn<bool>("elided");

    QTest::newRow("short, wide") << u"Loaded."_s << 40 << false;
    QTest::newRow("long, narrow") << u"Save failed: Timeout. The server did not answer in time."_s << 15 << true;
    QTest::newRow("two lines, wide") << u"first\nsecond"_s << 40 << false;
}

void TestElidedLabel::elidesOnlyWhatDoesNotFit()
{
    QFETCH(QString, text);
    QFETCH(int, widthInChars);
    QFETCH(bool, elided);
    ElidedLabel label;
    label.setText(text);
    label.resize(label.fontMetrics().horizontalAdvance(u'x') * widthInChars, label.sizeHint().height());
    QCOMPARE(label.text(), text); // the whole text stays
    QCOMPARE(label.isElided(), elided);
    QVERIFY(!label.displayedText().contains(u'\n'));
    if (elided) {
        QVERIFY(label.displayedText().endsWith(u'…'));
        QVERIFY(label.fontMetrics().horizontalAdvance(label.displayedText()) <= label.contentsRect().width());
    }
}

void TestElidedLabel::longOutcomeStopsBeforeTheTraceId()
{
    QWidget window;
    window.resize(640, 40);
    auto *bar = new CallStatusBar(&window);
    bar->resize(640, 40);
    ApiResult result;
    result.error = ErrorKind::Timeout;
    result.traceId = u"0123456789abcdef0123456789abcdef"_s;
    result.detail = QString(u"the server at 127.0.0.1 was silent "_s).repeated(8);
    bar->showResult(u"Load"_s, result);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *outcome = bar->findChild<ElidedLabel *>(u"callOutcome"_s);
    QVERIFY(outcome);
    auto *trace = bar->findChild<QLabel *>(u"traceIdLabel"_s);
    QVERIFY(trace->isVisible());
    QVERIFY(outcome->geometry().right() < trace->geometry().left());
    QVERIFY(outcome->isElided());
    QVERIFY(outcome->toolTip().contains(result.detail.trimmed()));
    QVERIFY(outcome->text().contains(u"Timeout"_s));
}

QTEST_MAIN(TestElidedLabel)
#include "tst_elidedlabel.moc"

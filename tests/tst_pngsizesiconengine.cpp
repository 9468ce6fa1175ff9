#include "DesktopIdentity.h"
#include "PngSizesIconEngine.h"

#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The application icon's engine: a PNG is read only when the icon is drawn at a size, and then
// only the one file that fits that size.
class TestPngSizesIconEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingIsReadUntilDrawn();
    void drawingReadsTheOneFileThatFits_data();
    void drawingReadsTheOneFileThatFits();
    void aSecondDrawingReusesTheFile();
    void paintDrawsAtTheRectangleSize();
    void disabledModeStillDraws();
    void noFilesIsANullIcon();

private:
    static PngSizesIconEngine::Files applicationFiles();
};

PngSizesIconEngine::Files TestPngSizesIconEngine::applicationFiles()
{
    PngSizesIconEngine::Files files;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        files.emplace(size, u":/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(DesktopIdentity::appId()));
    return files;
}

void TestPngSizesIconEngine::nothingIsReadUntilDrawn()
{
    auto *engine = new PngSizesIconEngine(applicationFiles());
    const QIcon icon(engine);
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.availableSizes().size(), 9);
    QCOMPARE(icon.availableSizes().constLast(), QSize(512, 512));
    QCOMPARE(icon.actualSize(QSize(40, 40)), QSize(40, 40));
    QCOMPARE(icon.actualSize(QSize(1000, 1000)), QSize(512, 512));
    QCOMPARE(engine->filesRead(), 0);
}

void TestPngSizesIconEngine::drawingReadsTheOneFileThatFits_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("shown");
    QTest::addRow("16, a file of its own") << 16 << 16;
    QTest::addRow("64, a file of its own") << 64 << 64;
    QTest::addRow("20, from the 22-pixel file") << 20 << 20;
    QTest::addRow("1000, the largest file") << 1000 << 512;
}

void TestPngSizesIconEngine::drawingReadsTheOneFileThatFits()
{
    QFETCH(int, asked);
    QFETCH(int, shown);
    auto *engine = new PngSizesIconEngine(applicationFiles());
    const QIcon icon(engine);
    const QPixmap pixmap = icon.pixmap(QSize(asked, asked), 1.0);
    QCOMPARE(pixmap.size(), QSize(shown, shown));
    QCOMPARE(engine->filesRead(), 1);
    // The bubble is opaque in the middle: a real picture, not an empty pixmap of that size.
    QCOMPARE(pixmap.toImage().pixelColor(shown / 2, shown / 2).alpha(), 255);
}

void TestPngSizesIconEngine::aSecondDrawingReusesTheFile()
{
    auto *engine = new PngSizesIconEngine(applicationFiles());
    const QIcon icon(engine);
    QVERIFY(!icon.pixmap(QSize(32, 32), 1.0).isNull());
    QVERIFY(!icon.pixmap(QSize(32, 32), 1.0).isNull());
    QCOMPARE(engine->filesRead(), 1);
    QCOMPARE(icon.pixmap(QSize(32, 32), 2.0).size(), QSize(64, 64)); // a 2× screen gets the 64 file
    QCOMPARE(engine->filesRead(), 2);
}

void TestPngSizesIconEngine::paintDrawsAtTheRectangleSize()
{
    auto *engine = new PngSizesIconEngine(applicationFiles());
    const QIcon icon(engine);
    QImage canvas(100, 100, QImage::Format_ARGB32_Premultiplied);
    canvas.fill(Qt::transparent);
    {
        QPainter painter(&canvas);
        icon.paint(&painter, QRect(10, 10, 48, 48));
    }
    QCOMPARE(engine->filesRead(), 1);
    QCOMPARE(canvas.pixelColor(34, 34).alpha(), 255); // the middle of the drawn icon
    QCOMPARE(canvas.pixelColor(80, 80).alpha(), 0);   // nothing outside its rectangle
}

void TestPngSizesIconEngine::disabledModeStillDraws()
{
    const QIcon icon(new PngSizesIconEngine(applicationFiles()));
    const QPixmap disabled = icon.pixmap(QSize(32, 32), 1.0, QIcon::Disabled);
    QCOMPARE(disabled.size(), QSize(32, 32));
    QVERIFY(disabled.toImage() != icon.pixmap(QSize(32, 32), 1.0).toImage());
}

void TestPngSizesIconEngine::noFilesIsANullIcon()
{
    const QIcon icon(new PngSizesIconEngine({}));
    QVERIFY(icon.isNull());
    QVERIFY(icon.pixmap(QSize(16, 16), 1.0).isNull());
}

QTEST_MAIN(TestPngSizesIconEngine)
#include "tst_pngsizesiconengine.moc"

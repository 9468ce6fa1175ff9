#include "api/RateLimitBackoff.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Code 416 and how long a batch run waits before it asks again: the rules alone, without a
// server or a clock (api/RateLimitBackoff.h). The waiting itself is tested through the CLI.
class TestRateLimitBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatCountsAsRateLimited_data();
    void whatCountsAsRateLimited();
    void retryAfterHeader_data();
    void retryAfterHeader();
    void delays_data();
    void delays();
};

namespace {
const QDateTime Now = QDateTime::fromString(u"2026-10-21T07:28:00Z"_s, Qt::ISODate);
} // namespace

void TestRateLimitBackoff::whatCountsAsRateLimited_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<bool>("limited");
    QTest::newRow("code 416") << int(ErrorKind::Business) << 416 << 200 << true;
    QTest::newRow("HTTP 429 from a gateway") << int(ErrorKind::HttpStatus) << 0 << 429 << true;
    QTest::newRow("code 414") << int(ErrorKind::Business) << 414 << 200 << false;
    QTest::newRow("code 503, busy") << int(ErrorKind::Business) << 503 << 200 << false;
    QTest::newRow("HTTP 503") << int(ErrorKind::HttpStatus) << 0 << 503 << false;
    QTest::newRow("success") << int(ErrorKind::None) << 200 << 200 << false;
    QTest::newRow("416 in a malformed answer") << int(ErrorKind::MalformedResponse) << 416 << 200 << false;
}

void TestRateLimitBackoff::whatCountsAsRateLimited()
{
    QFETCH(int, error);
    QFETCH(int, code);
    QFETCH(int, httpStatus);
    QFETCH(bool, limited);
    ApiResult result;
    result.error = ErrorKind(error);
    result.code = code;
    result.httpStatus = httpStatus;
    QCOMPARE(RateLimitBackoff::isRateLimited(result), limited);
}

void TestRateLimitBackoff::retryAfterHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("expectedMs"); // -1: none
    QTest::newRow("absent") << QByteArray() << qint64(-1);
    QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("white space") << QByteArray(" 2 ") << qint64(2000);
    QTest::newRow("HTTP date ahead") << QByteArray("Wed, 21 Oct 2026 07:28:07 GMT") << qint64(7000);
    QTest::newRow("HTTP date past") << QByteArray("Wed, 21 Oct 2026 07:27:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("more digits than fit") << QByteArray("99999999999999999999999")
                                          << std::numeric_limits<qint64>::max();
}

void TestRateLimitBackoff::retryAfterHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, expectedMs);
    const std::optional<qint64> parsed = RateLimitBackoff::retryAfterMs(header, Now);
    QCOMPARE(parsed.value_or(-1), expectedMs);
}

void TestRateLimitBackoff::delays_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("expectedMs");
    // The defaults: 0.5 s, doubled, at most 8 s; a Retry-After up to 60 s.
    QTest::newRow("first retry") << 1 << QByteArray() << 500;
    QTest::newRow("second") << 2 << QByteArray() << 1000;
    QTest::newRow("third") << 3 << QByteArray() << 2000;
    QTest::newRow("fifth reaches the cap") << 5 << QByteArray() << 8000;
    QTest::newRow("far beyond, still the cap") << 40 << QByteArray() << 8000;
    QTest::newRow("Retry-After wins over the backoff") << 1 << QByteArray("4") << 4000;
    QTest::newRow("a shorter Retry-After too") << 5 << QByteArray("1") << 1000;
    QTest::newRow("Retry-After 0") << 3 << QByteArray("0") << 0;
    QTest::newRow("Retry-After is bounded") << 1 << QByteArray("3600") << 60000;
    QTest::newRow("unreadable Retry-After: the backoff") << 2 << QByteArray("later") << 1000;
}

void TestRateLimitBackoff::delays()
{
    QFETCH(int, retry);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, expectedMs);
    QCOMPARE(RateLimitBackoff::delayMs(RateLimitPolicy{}, retry, retryAfter, Now), expectedMs);
}

QTEST_GUILESS_MAIN(TestRateLimitBackoff)
#include "tst_ratelimitbackoff.moc"

#include "SandboxRequest.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace convdesk {

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArrayLiteral("UNKNOWN");
}
} // namespace

SandboxRequest SandboxRequest::fromHttp(const QHttpServerRequest &request)
{
    SandboxRequest result;
    result.method = methodName(request.method());
    // QUrl keeps delimiters such as %2F encoded and re-encodes '|' as %7C, so the fully
    // encoded path is the raw one as far as segment boundaries go.
    result.encodedPath = request.url().path(QUrl::FullyEncoded).toLatin1();
    const QList<QByteArray> rawSegments = result.encodedPath.split('/');
    for (qsizetype i = 0; i < rawSegments.size(); ++i) {
        if (i == 0 && rawSegments[i].isEmpty())
            continue; // the leading '/'
        result.segments.append(QUrl::fromPercentEncoding(rawSegments[i]));
    }
    result.query = request.query();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // 6.8 keeps headers in a QHttpHeaders (names lower-cased); header() ignores case anyway.
    result.headers = request.headers().toListOfPairs();
#else
    result.headers = request.headers();
#endif
    result.body = request.body();
    return result;
}

std::optional<QByteArray> SandboxRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace convdesk

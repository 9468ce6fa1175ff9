#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

class QHttpServerRequest;

namespace convdesk {

// What the sandbox needs of one HTTP request, copied out of QHttpServerRequest so that a
// delayed answer never reaches back into the server's per-connection state.
struct SandboxRequest
{
    QByteArray method;        // "GET", "PATCH", ...
    QByteArray encodedPath;   // still percent-encoded: an encoded '/' stays inside its segment
    QStringList segments;     // the path split on '/', each segment percent-decoded on its own
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static SandboxRequest fromHttp(const QHttpServerRequest &request);

    // Case-insensitive; nullopt when the header is absent (an empty header is present).
    std::optional<QByteArray> header(QByteArrayView name) const;
};

} // namespace convdesk

#include "SandboxReply.h"

namespace convdesk {

namespace {
const QByteArray JsonContentType = QByteArrayLiteral("application/json;charset=utf-8");

OrderedJson envelope(int code, const std::string &message, const OrderedJson &data)
{
    OrderedJson body = OrderedJson::object();
    body["code"] = code;
    body["msg"] = message;
    body["data"] = data;
    return body;
}
} // namespace

SandboxReply SandboxReply::success(const OrderedJson &data)
{
    return {200, JsonContentType, Json::serialize(envelope(Success, "success", data)), Success};
}

SandboxReply SandboxReply::failure(int code, const std::string &message)
{
    return {200, JsonContentType, Json::serialize(envelope(code, message, OrderedJson::object())),
            code};
}

SandboxReply SandboxReply::httpError(int status, const QByteArray &text)
{
    return {status, QByteArrayLiteral("text/plain;charset=utf-8"), text, status};
}

SandboxReply SandboxReply::malformed()
{
    return {200, QByteArrayLiteral("text/html;charset=utf-8"),
            QByteArrayLiteral("<html><head><title>oops</title></head>"
                              "<body><h1>oops</h1><p>upstream returned garbage</p></body></html>"),
            0};
}

} // namespace convdesk

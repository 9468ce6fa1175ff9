#pragma once

#include "json/JsonDocument.h"

#include <QByteArray>

#include <string>

namespace convdesk {

// One answer of the sandbox, before it goes on the wire. Messages are protocol text, the
// way the real service sends them (English, never translated).
struct SandboxReply
{
    int httpStatus = 200;
    QByteArray contentType;
    QByteArray body;
    int code = 0; // the business code; the HTTP status for transport faults; 0 when not JSON

    static constexpr int Success = 200;
    static constexpr int ParameterError = 414;
    static constexpr int ParameterTooLong = 405;
    static constexpr int RateLimited = 416;
    static constexpr int RepeatedRequest = 431;

    // {"code":200,"msg":"success","data":{...}}
    static SandboxReply success(const OrderedJson &data);
    // HTTP 200 with {"code":N,"msg":"...","data":{}}
    static SandboxReply failure(int code, const std::string &message);
    // A transport-level failure: another HTTP status with a plain-text body.
    static SandboxReply httpError(int status, const QByteArray &text);
    // HTTP 200 with a body that is not JSON, as a misbehaving proxy would send.
    static SandboxReply malformed();
};

// A verification or parameter failure, before it becomes a reply.
struct SandboxError
{
    int code = SandboxReply::ParameterError;
    std::string message;

    SandboxReply toReply() const { return SandboxReply::failure(code, message); }
};

} // namespace convdesk

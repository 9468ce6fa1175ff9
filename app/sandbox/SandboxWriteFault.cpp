#include "SandboxWriteFault.h"

#ifdef CONVDESK_DEV_HOOKS

namespace convdesk::SandboxWriteFaults {

SandboxReply replyFor(SandboxWriteFault fault, const SandboxReply &applied)
{
    switch (fault) {
    case SandboxWriteFault::ApplyThenStatus500:
        return SandboxReply::httpError(500, "500 Internal Server Error (injected after the write took effect)\n");
    case SandboxWriteFault::ApplyThenHtml: {
        SandboxReply html;
        html.contentType = "text/html";
        html.body = "<!DOCTYPE html><html><body><h1>Gateway error</h1></body></html>";
        return html;
    }
    case SandboxWriteFault::ApplyThenLie:
    case SandboxWriteFault::LieWithoutApplying: {
        std::optional<OrderedJson> body = Json::parse(applied.body);
        if (!body || !body->is_object() || !(*body)["data"].is_object())
            return applied;
        (*body)["data"]["server_extension"] = "a value nobody sent";
        return SandboxReply::success((*body)["data"]);
    }
    case SandboxWriteFault::None:
    case SandboxWriteFault::ApplyThenReset:
    case SandboxWriteFault::ApplyThenHang:
        break;
    }
    return applied;
}

} // namespace convdesk::SandboxWriteFaults

#endif

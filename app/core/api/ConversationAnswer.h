#pragma once

#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "json/JsonDocument.h"

#include <QSet>
#include <QString>

#include <optional>

namespace convdesk {

// Checks that an answer is what was asked for, before anything shows or compares it: the one
// place for these rules, used by the GUI load, `convdesk-cli get` and `list`, the account
// browser, and meant for the guarded save's re-read. A server (or a proxy) that lies gets a
// MalformedResponse that says how, never a wrong conversation on screen or in a comparison.
namespace ConversationAnswer {

// The `data` of a get (GET /im/v2.1/conversations/{id}): an object whose conversation_id is
// `asked` (compared as ConversationId, so the server's lower-casing of the account is fine)
// and whose server_extension, when present and not null, is a string. Returns whether it is;
// when not, a sentence in `problem` ("the server answered with another conversation
// (X) than the one asked for (Y)", "server_extension is a number, not a string", ...).
bool isValidConversation(const OrderedJson &data, const ConversationId &asked, QString *problem);
// The same, reading only the members it checks (a large answer stays in its JsonIndex).
bool isValidConversation(const SharedJson &data, const ConversationId &asked, QString *problem);

// The same check on a call's result: a successful result whose data fails it becomes
// ErrorKind::MalformedResponse with the sentence as its detail. Returns result.ok() after.
// A failed result is left alone. Call this on the re-read before comparing or writing.
bool checkConversation(ApiResult &result, const ConversationId &asked);

// The `data` of one list page ({has_more, next_token, items}): an object, items an array
// (or absent on an empty page), and when has_more is true a next_token that is not empty
// and not one already sent for this listing (`tokensSent`, the first page's empty token
// included or not: either works). Returns an empty string when the page can be used.
QString listPageProblem(const OrderedJson &data, const QSet<QString> &tokensSent);

// The page_token that asks for the page after this one: next_token when has_more is true (the
// JSON boolean or the string "true" the API also sends), empty when there is no next page.
QString nextPageToken(const OrderedJson &data);

// The same check on a list call's result, as checkConversation() does.
bool checkListPage(ApiResult &result, const QSet<QString> &tokensSent);

} // namespace ConversationAnswer
} // namespace convdesk

#pragma once

#include "json/JsonDocument.h"

#include <QByteArray>
#include <QString>

namespace convdesk::bench {

// Large, deterministic GET-conversation responses for the benchmarks: a real conversation
// whose last_message.attachment holds an exported chat (threads of messages, nested
// objects and arrays) plus a wide lookup object, grown until the compact JSON reaches the
// requested size. One message text deep inside holds Needle, the filter's target.
class BenchDocument
{
public:
    static constexpr char Needle[] = "needle-7f3a9c";

    // Compact UTF-8 JSON of {"code":200,"msg":"success","data":{conversation}}, at least
    // `targetBytes` long (a few KB over at most).
    static QByteArray response(qint64 targetBytes);

    // The index-th of an account's many ordinary conversations, for the account browser:
    // a distinct id and update time, the flat last_message shape.
    static OrderedJson listedConversation(const QString &accountId, int index);

    // "100k" -> 102400, "1m" -> 1048576, "8m" -> 8388608; -1 when not a size.
    static qint64 parseSize(const QString &text);
    static QString sizeLabel(qint64 bytes); // 102400 -> "100 KB"
};

} // namespace convdesk::bench

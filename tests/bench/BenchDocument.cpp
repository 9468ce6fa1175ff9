#include "BenchDocument.h"

#include <QDateTime>
#include <QStringList>

namespace convdesk::bench {

namespace {

constexpr qint64 BaseTimeMs = 1718000000000; // June 2024: fixed, so every run is the same

// splitmix64: a tiny deterministic generator, identical on every platform.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return int(next() % quint64(bound)); }

private:
    quint64 m_state;
};

const char *const Words[] = {
    "refund", "order", "delivery", "please", "check", "account", "login", "failed", "again",
    "thanks", "support", "ticket", "update", "android", "ios", "version", "crash", "screen",
    "payment", "card", "bank", "receipt", "waiting", "today", "tomorrow", "reply", "agent",
    "message", "lost", "reconnect", "network", "slow", "fixed", "confirm", "address", "city",
};

std::string sentence(Random &random, int words)
{
    std::string text;
    for (int i = 0; i < words; ++i) {
        if (i)
            text += ' ';
        text += Words[random.below(int(std::size(Words)))];
    }
    return text;
}

std::string userName(int n)
{
    return QStringLiteral("user_%1").arg(n, 5, 10, QLatin1Char('0')).toStdString();
}

OrderedJson message(Random &random, int thread, int index, int users)
{
    OrderedJson m = OrderedJson::object();
    m["id"] = QStringLiteral("m-%1-%2").arg(thread).arg(index).toStdString();
    m["from"] = userName(random.below(users));
    m["time"] = BaseTimeMs + qint64(thread) * 3600000 + qint64(index) * 15000;
    m["text"] = sentence(random, 6 + random.below(14));
    OrderedJson reactions = OrderedJson::object();
    reactions["like"] = random.below(9);
    reactions["ok"] = random.below(3);
    m["reactions"] = std::move(reactions);
    OrderedJson readBy = OrderedJson::array();
    for (int r = 0, count = 1 + random.below(4); r < count; ++r)
        readBy.push_back(userName(random.below(users)));
    m["read_by"] = std::move(readBy);
    OrderedJson meta = OrderedJson::object();
    meta["client"] = 1 << random.below(6);
    meta["edited"] = random.below(10) == 0;
    meta["score"] = double(random.below(1000)) / 1000.0;
    meta["server_id"] = quint64(9007199254740993ULL) + quint64(random.below(1 << 30));
    m["meta"] = std::move(meta);
    return m;
}

OrderedJson thread(Random &random, int index, int users)
{
    OrderedJson t = OrderedJson::object();
    t["thread_id"] = QStringLiteral("t-%1").arg(index, 5, 10, QLatin1Char('0')).toStdString();
    t["title"] = sentence(random, 3 + random.below(4));
    OrderedJson participants = OrderedJson::array();
    for (int p = 0; p < 4; ++p)
        participants.push_back(userName(random.below(users)));
    t["participants"] = std::move(participants);
    OrderedJson labels = OrderedJson::object();
    labels["priority"] = QStringLiteral("p%1").arg(random.below(4)).toStdString();
    labels["area"] = Words[random.below(int(std::size(Words)))];
    t["labels"] = std::move(labels);
    OrderedJson messages = OrderedJson::array();
    for (int m = 0; m < 20; ++m)
        messages.push_back(message(random, index, m, users));
    t["messages"] = std::move(messages);
    return t;
}

OrderedJson conversationShell()
{
    // The documented fields in the server's order; last_message in the flat v2.1 shape.
    OrderedJson c = OrderedJson::object();
    c["conversation_id"] = "support_demo|1|bulk_export";
    c["sender_id"] = "support_demo";
    c["receiver_id"] = "bulk_export";
    c["type"] = 1;
    c["stick_top"] = false;
    c["group_ids"] = OrderedJson::array({1125899906842624001ULL, 7});
    c["server_extension"] = R"({"ticket":"T-20240611-0042","priority":"high"})";
    c["message_state"] = 0;
    OrderedJson last = OrderedJson::object();
    last["message_server_id"] = 9007199254740993ULL;
    last["message_client_id"] = "8d3f0c6e1a2b4c5d9e7f6a5b4c3d2e1f";
    last["sender_id"] = "bulk_export";
    last["conversation_type"] = 1;
    last["sender_client_type"] = 16;
    last["receiver_id"] = "support_demo";
    last["message_type"] = 100;
    last["sub_type"] = 7;
    last["create_time"] = BaseTimeMs;
    last["text"] = "";
    last["attachment"] = OrderedJson::object();
    last["extension"] = R"({"source":"export"})";
    c["last_message"] = std::move(last);
    c["unread_count"] = 3;
    c["sort_order"] = 0;
    c["create_time"] = BaseTimeMs - 86400000;
    c["update_time"] = BaseTimeMs;
    return c;
}

} // namespace

QByteArray BenchDocument::response(qint64 targetBytes)
{
    Random random(20240611);
    OrderedJson conversation = conversationShell();
    const qint64 shellBytes = qint64(conversation.dump().size()) + 64;

    // Threads are about 5 KB each; the lookup object gets three users per thread.
    OrderedJson threads = OrderedJson::array();
    qint64 bytes = shellBytes;
    int users = 64;
    while (bytes < targetBytes || threads.empty()) {
        OrderedJson next = thread(random, int(threads.size()), users);
        bytes += qint64(next.dump().size()) + 1 + 3 * 60; // + its share of the lookup
        threads.push_back(std::move(next));
        users = std::max(64, int(threads.size()) * 3);
    }
    // The needle sits in the last thread's last message: a filter has to walk everything.
    threads.back()["messages"].back()["text"] = std::string("the order id is ") + Needle;

    OrderedJson lookup = OrderedJson::object();
    for (int u = 0; u < users; ++u) {
        OrderedJson user = OrderedJson::object();
        user["name"] = sentence(random, 2);
        user["tier"] = u % 7 == 0 ? "gold" : "standard";
        user["since"] = 2015 + random.below(10);
        lookup[userName(u)] = std::move(user);
    }

    OrderedJson &attachment = conversation["last_message"]["attachment"];
    attachment["kind"] = "chat_export";
    attachment["generated_at"] = BaseTimeMs;
    attachment["threads"] = std::move(threads);
    attachment["users"] = std::move(lookup);

    OrderedJson response = OrderedJson::object();
    response["code"] = 200;
    response["msg"] = "success";
    response["data"] = std::move(conversation);
    return Json::serialize(response);
}

OrderedJson BenchDocument::listedConversation(const QString &accountId, int index)
{
    Random random(quint64(index) + 1);
    const std::string account = accountId.toStdString();
    const std::string peer = userName(index);
    OrderedJson c = OrderedJson::object();
    c["conversation_id"] = account + "|1|" + peer;
    c["sender_id"] = account;
    c["receiver_id"] = peer;
    c["type"] = 1;
    c["stick_top"] = index % 50 == 0;
    c["group_ids"] = OrderedJson::array();
    c["server_extension"] = index % 3 == 0 ? std::string() : R"({"ticket":"T-)" + std::to_string(index) + R"("})";
    c["message_state"] = 0;
    OrderedJson last = OrderedJson::object();
    last["message_server_id"] = quint64(9007199254740993ULL) + quint64(index);
    last["message_client_id"] = QStringLiteral("%1").arg(random.next(), 16, 16, QLatin1Char('0')).toStdString();
    last["sender_id"] = peer;
    last["conversation_type"] = 1;
    last["sender_client_type"] = 1 << random.below(6);
    last["receiver_id"] = account;
    last["message_type"] = 0;
    last["sub_type"] = 0;
    last["create_time"] = BaseTimeMs - qint64(index) * 60000;
    last["text"] = sentence(random, 5 + random.below(10));
    last["attachment"] = OrderedJson::object();
    last["extension"] = "";
    c["last_message"] = std::move(last);
    c["unread_count"] = random.below(20);
    c["sort_order"] = 0;
    c["create_time"] = BaseTimeMs - 86400000 - qint64(index) * 60000;
    c["update_time"] = BaseTimeMs - qint64(index) * 60000;
    return c;
}

qint64 BenchDocument::parseSize(const QString &text)
{
    const QString t = text.trimmed().toLower();
    qint64 unit = 1;
    QString number = t;
    if (t.endsWith(u'k')) {
        unit = 1024;
        number.chop(1);
    } else if (t.endsWith(u'm')) {
        unit = 1024 * 1024;
        number.chop(1);
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    return ok && value > 0 ? value * unit : -1;
}

QString BenchDocument::sizeLabel(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KB").arg(bytes / 1024);
    return QStringLiteral("%1 B").arg(bytes);
}

} // namespace convdesk::bench

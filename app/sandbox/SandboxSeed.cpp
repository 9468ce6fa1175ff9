#include "SandboxSeed.h"

#include <QtGlobal>

namespace convdesk {

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;

struct SeedEntry
{
    const char *json;
    qint64 updatedMinutesAgo;
    qint64 createdDaysAgo;
};

// Written as the server sends them, in the documented key order; times are filled in.
const SeedEntry Entries[] = {
    {R"({"conversation_id": "support_demo|1|alice", "sender_id": "support_demo",
  "receiver_id": "alice", "type": 1, "stick_top": true,
  "group_ids": [1125899906842624001, 9007199254740993],
  "server_extension": "{\"ticket\":\"T-20240611-0042\",\"priority\":\"high\",\"tags\":[\"refund\",\"vip\"],\"agent\":\"support_demo\"}",
  "message_state": 0,
  "last_message": {
    "sender_no_sense": "false", "receiver_no_sense": "false",
    "extension": "{\"client_ref\":\"kb-2291\"}",
    "message": {"message_type": 0, "sub_type": 0,
      "text": "Hi Alice, the refund for order SO-99812 has been approved. It should reach your card within 3 working days.",
      "attachment": {}},
    "message_config": {"unread_enabled": "true", "mutil_sync_enabled": "true",
      "offline_enabled": "true", "history_enabled": "true", "roaming_enabled": "true",
      "conversation_update_enabled": "true"},
    "route_config": {"route_enabled": true, "route_environment": "production"},
    "push_config": {"push_enabled": "true", "push_nick_enabled": "true",
      "push_content": "Support: your refund has been approved",
      "push_payload": "{\"sound\":\"default\",\"badge\":1,\"route\":\"ticket/T-20240611-0042\"}",
      "push_forcepush_all": "false", "push_forcepush_ids": [], "push_forcepush_content": ""},
    "antispam_config": {"antispam_enabled": "true", "antispam_business_id": "b7e4c2f0a1d94e3f",
      "antispam_extension": "", "antispam_custom_message_enabled": "false",
      "antispam_custom_message": "", "antispam_cheating": ""},
    "p2p_option": {"check_friend": "false"}},
  "unread_count": 2, "sort_order": 0, "create_time": 0, "update_time": 0})",
     3, 30},

    {R"({"conversation_id": "support_demo|1|bob_88", "sender_id": "support_demo",
  "receiver_id": "bob_88", "type": 1, "stick_top": false, "group_ids": [7],
  "server_extension": "called back on Tuesday, waiting for the bank receipt",
  "message_state": 0,
  "last_message": {"message_server_id": 9007199254740993,
    "message_client_id": "8d3f0c6e1a2b4c5d9e7f6a5b4c3d2e1f", "sender_id": "bob_88",
    "conversation_type": 1, "sender_client_type": 1, "receiver_id": "support_demo",
    "message_type": 100, "sub_type": 3, "create_time": 0, "text": "",
    "attachment": {"card": "order", "order_id": "SO-99812", "amount": "129.00",
      "currency": "CNY", "items": 2},
    "extension": "{\"source\":\"order_page\"}"},
  "unread_count": 1, "sort_order": 0, "create_time": 0, "update_time": 0,
  "last_read_time": 0})",
     12, 9},

    {R"({"conversation_id": "support_demo|2|6146078138", "sender_id": "support_demo",
  "receiver_id": "6146078138", "type": 2, "stick_top": false, "group_ids": [],
  "server_extension": "", "message_state": 0,
  "last_message": {
    "sender_no_sense": "false", "receiver_no_sense": "true", "extension": "",
    "message": {"message_type": 0, "sub_type": 0,
      "text": "@support_demo Android 5.12.0 still drops messages after a reconnect, logs attached in the ticket",
      "attachment": {}},
    "message_config": {"unread_enabled": "true", "mutil_sync_enabled": "true",
      "offline_enabled": "true", "history_enabled": "true", "roaming_enabled": "false",
      "conversation_update_enabled": "true"},
    "route_config": {"route_enabled": false, "route_environment": ""},
    "push_config": {"push_enabled": true, "push_nick_enabled": false, "push_content": "",
      "push_payload": "", "push_forcepush_all": "false", "push_forcepush_ids": ["support_demo"],
      "push_forcepush_content": "You were mentioned in QA escalations"},
    "antispam_config": {"antispam_enabled": "false", "antispam_business_id": "",
      "antispam_extension": "", "antispam_custom_message_enabled": "false",
      "antispam_custom_message": "", "antispam_cheating": ""},
    "team_option": {"mark_as_read": "false"},
    "robot_config": {"robot_account_id": "", "robot_topic": "", "robot_function": "",
      "robot_custom_content": ""}},
  "unread_count": 14, "sort_order": 0, "create_time": 0, "update_time": 0})",
     41, 120},

    {R"({"conversation_id": "support_demo|3|9007199254740997", "sender_id": "support_demo",
  "receiver_id": "9007199254740997", "type": 3, "stick_top": true,
  "group_ids": [9223372036854775806],
  "server_extension": "{\"pinned_note\":\"Weekly release sync\",\"owner\":\"ops_lead\",\"escalation\":{\"level\":2,\"notify\":[\"support_demo\",\"alice\"]}}",
  "message_state": 0,
  "last_message": {"message_server_id": 9007199254741123,
    "message_client_id": "c5f1e8a23b7d4e219c0a5d2f6e8b1a47", "sender_id": "ops_lead",
    "conversation_type": 3, "sender_client_type": 16, "receiver_id": "9007199254740997",
    "team_id": 9007199254740997, "message_type": 0, "sub_type": 0, "create_time": 0,
    "text": "Release 5.12.1 goes out at 18:00, please hold non-urgent replies until then.",
    "attachment": {}, "extension": ""},
  "unread_count": 37, "sort_order": 2, "create_time": 0, "update_time": 0})",
     95, 200},

    {R"({"conversation_id": "support_demo|1|carol.w", "sender_id": "support_demo",
  "receiver_id": "carol.w", "type": 1, "stick_top": false, "group_ids": [],
  "server_extension": "{\"ticket\":\"T-20240610-0007\",\"status\":\"closed\"}",
  "message_state": 1, "last_message": {},
  "revoke_notification": {"server_id": 12345678901234567, "attach": "",
    "revoke_id": "carol.w", "custom_info": "sent to the wrong chat", "revoke_type": 1},
  "unread_count": 0, "sort_order": 0, "create_time": 0, "update_time": 0})",
     180, 2},

    {R"({"conversation_id": "support_demo|1|dave@example.com", "sender_id": "support_demo",
  "receiver_id": "dave@example.com", "type": 1, "stick_top": false, "group_ids": [3, 7],
  "server_extension": "{\"customer\":{\"tier\":\"gold\",\"since\":2019},\"notes\":[\"prefers email\",\"timezone UTC+8\"]}",
  "message_state": 0,
  "last_message": {
    "sender_no_sense": false, "receiver_no_sense": false, "extension": "",
    "message": {"message_type": 1, "sub_type": 0, "text": "",
      "attachment": {"name": "screenshot_0611.png", "md5": "9e107d9d372bb6826bd81d3542a419d6",
        "url": "https://nim-nosdn.netease.im/MTY3NzA0NQ==/bmltYV8xMjM0NTY3ODkw",
        "ext": "png", "w": 1080, "h": 2340, "size": 482113}},
    "message_config": {"unread_enabled": true, "mutil_sync_enabled": true,
      "offline_enabled": true, "history_enabled": true, "roaming_enabled": true,
      "conversation_update_enabled": true},
    "route_config": {"route_enabled": false, "route_environment": ""},
    "push_config": {"push_enabled": "false", "push_nick_enabled": "false",
      "push_content": "", "push_payload": "{}", "push_forcepush_all": false,
      "push_forcepush_ids": [], "push_forcepush_content": ""},
    "antispam_config": {"antispam_enabled": "false", "antispam_business_id": "",
      "antispam_extension": "", "antispam_custom_message_enabled": "false",
      "antispam_custom_message": "", "antispam_cheating": ""},
    "p2p_option": {"check_friend": true}},
  "unread_count": 0, "sort_order": 0, "create_time": 0, "update_time": 0})",
     26 * 60, 45},

    {R"({"conversation_id": "alice|1|support_demo", "sender_id": "alice",
  "receiver_id": "support_demo", "type": 1, "stick_top": false, "group_ids": [],
  "server_extension": "pinned by alice", "message_state": 0,
  "last_message": {
    "sender_no_sense": "false", "receiver_no_sense": "false", "extension": "",
    "message": {"message_type": 0, "sub_type": 0,
      "text": "Hi Alice, the refund for order SO-99812 has been approved. It should reach your card within 3 working days.",
      "attachment": {}},
    "message_config": {"unread_enabled": "true", "mutil_sync_enabled": "true",
      "offline_enabled": "true", "history_enabled": "true", "roaming_enabled": "true",
      "conversation_update_enabled": "true"},
    "route_config": {"route_enabled": true, "route_environment": "production"},
    "push_config": {"push_enabled": "true", "push_nick_enabled": "true",
      "push_content": "Support: your refund has been approved",
      "push_payload": "{\"sound\":\"default\",\"badge\":1}",
      "push_forcepush_all": "false", "push_forcepush_ids": [], "push_forcepush_content": ""},
    "antispam_config": {"antispam_enabled": "true", "antispam_business_id": "b7e4c2f0a1d94e3f",
      "antispam_extension": "", "antispam_custom_message_enabled": "false",
      "antispam_custom_message": "", "antispam_cheating": ""},
    "p2p_option": {"check_friend": "false"}},
  "unread_count": 1, "sort_order": 0, "create_time": 0, "update_time": 0})",
     3, 30},

    {R"({"conversation_id": "alice|2|6146078138", "sender_id": "alice",
  "receiver_id": "6146078138", "type": 2, "stick_top": false, "group_ids": [],
  "server_extension": "", "message_state": 0,
  "last_message": {"message_server_id": 9007199254741057,
    "message_client_id": "0f4e6a1c9b8d47e2a3c5b7d9e1f3a5c7", "sender_id": "support_demo",
    "conversation_type": 2, "sender_client_type": 4, "receiver_id": "6146078138",
    "team_id": 6146078138, "message_type": 5, "sub_type": 0, "create_time": 0, "text": "",
    "attachment": {"notify_type": "team_invite", "operator": "support_demo",
      "accounts": ["carol.w", "dave@example.com"]},
    "extension": ""},
  "unread_count": 3, "sort_order": 0, "create_time": 0, "update_time": 0,
  "last_read_time": 0})",
     47, 90},
};

void setIfPresent(OrderedJson &object, const char *key, qint64 value)
{
    if (object.is_object() && object.contains(key))
        object[key] = value;
}

} // namespace

QList<OrderedJson> SandboxSeed::conversations(qint64 nowMs)
{
    QList<OrderedJson> result;
    for (const SeedEntry &entry : Entries) {
        JsonParseError error;
        std::optional<OrderedJson> conversation = Json::parse(entry.json, &error);
        if (!conversation) {
            // A typo in the table above; the tests catch it through the conversation count.
            qWarning("SandboxSeed: entry does not parse: %s", qUtf8Printable(error.describe()));
            continue;
        }
        const qint64 updated = nowMs - entry.updatedMinutesAgo * MinuteMs;
        setIfPresent(*conversation, "create_time", updated - entry.createdDaysAgo * DayMs);
        setIfPresent(*conversation, "update_time", updated);
        setIfPresent(*conversation, "last_read_time", updated - 2 * MinuteMs);
        setIfPresent((*conversation)["last_message"], "create_time", updated - 1000);
        result.append(std::move(*conversation));
    }
    return result;
}

} // namespace convdesk

#pragma once

#include "json/JsonTextSpans.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace convdesk {

// Edits members of a JSON object given as text, keeping the text the server sent: untouched
// bytes stay as they were (`1.0` stays `1.0`, `9007199254740993` stays itself, whitespace
// and escapes between untouched members stay), key order is kept, a replaced member keeps its
// place and a new one goes at the end of its object. Edited parts are written compactly.
//
// Why not a JSON library: nlohmann's dump() and QJsonDocument::toJson() both re-serialise the
// whole document from their tree, so every number, escape and space would be written their way
// (QJsonDocument also sorts keys and turns big integers into doubles). Here the validated text
// is scanned into value spans and only the edited spans are spliced.
//
// Addressing: a key that starts with '/' is an RFC 6901 JSON Pointer (`/contact/phone`, with
// `~1` for '/' and `~0` for '~'); any other key is a top-level member name. Objects on the way
// must exist (missing ones are not created). Array elements can be replaced or removed by index,
// and `-` as the last token of a set appends.
// Removing a member that is not there is not an error: nothing changes and a note says so.
//
// The form view's edits: Rename a member in place (its value's bytes stay), Move a member or
// element to another position in its container (the separators between them stay where they
// were, so a pretty-printed object stays pretty), Insert a member or element at a position,
// and ChangeType, which converts a value to another kind (see convertedValue()).
class JsonTextEditor
{
    Q_DECLARE_TR_FUNCTIONS(JsonTextEditor)
public:
    struct Edit
    {
        enum class Kind { SetJson, SetString, Remove, Rename, Move, Insert, ChangeType };
        Kind kind = Kind::SetJson;
        QString key;   // top-level name, or a JSON Pointer when it starts with '/'
        QString value; // JSON text for SetJson and Insert, the plain text for SetString, the new
                       // name for Rename, unused otherwise
        int position = -1; // Move: the index it ends at; Insert into an object: where (-1: the end)
        JsonTextSpans::Kind type = JsonTextSpans::Kind::Null; // ChangeType: the new kind

        static Edit setJson(const QString &key, const QString &json) { return {Kind::SetJson, key, json}; }
        static Edit setString(const QString &key, const QString &text) { return {Kind::SetString, key, text}; }
        static Edit remove(const QString &key) { return {Kind::Remove, key, {}}; }
        static Edit rename(const QString &key, const QString &newName) { return {Kind::Rename, key, newName}; }
        static Edit move(const QString &key, int toIndex) { return {Kind::Move, key, {}, toIndex}; }
        // key names the new member: its name last, or for an array the index it will have
        // (`/tags/0`, or `/tags/-` for the end). A member that exists already is refused.
        static Edit insertJson(const QString &key, const QString &json, int position = -1)
        {
            return {Kind::Insert, key, json, position};
        }
        static Edit changeType(const QString &key, JsonTextSpans::Kind type)
        {
            return {Kind::ChangeType, key, {}, -1, type};
        }
    };

    // Applies the edits in order. nullopt with one sentence in *error when the text is not a
    // JSON object or an edit cannot be applied (then no edit is applied at all). Notes on edits
    // that changed nothing go to *notes.
    static std::optional<QString> apply(const QString &text, const QList<Edit> &edits, QString *error,
                                        QStringList *notes = nullptr);

    // The JSON text a value becomes when its kind changes to `to`: the same text when it
    // already is of that kind; a string holding an integer, a number or true/false becomes
    // it; numbers and booleans become strings of their exact text; an integer becomes a
    // number with ".0" and a number like `3.0` an integer; anything else the kind's empty
    // value ("", 0, 0.0, false, null, {}, []).
    static QString convertedValue(const JsonTextSpans &spans, const JsonTextSpans::Span &span,
                                  JsonTextSpans::Kind to);

    // Whether a --set value is JSON: empty when it is, else a sentence naming the key.
    static QString jsonValueProblem(const QString &key, const QString &json);
};

} // namespace convdesk

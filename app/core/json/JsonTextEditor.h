#pragma once

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
class JsonTextEditor
{
    Q_DECLARE_TR_FUNCTIONS(JsonTextEditor)
public:
    struct Edit
    {
        enum class Kind { SetJson, SetString, Remove };
        Kind kind = Kind::SetJson;
        QString key;   // top-level name, or a JSON Pointer when it starts with '/'
        QString value; // JSON text for SetJson, the plain text for SetString, unused for Remove

        static Edit setJson(const QString &key, const QString &json) { return {Kind::SetJson, key, json}; }
        static Edit setString(const QString &key, const QString &text) { return {Kind::SetString, key, text}; }
        static Edit remove(const QString &key) { return {Kind::Remove, key, {}}; }
    };

    // Applies the edits in order. nullopt with one sentence in *error when the text is not a
    // JSON object or an edit cannot be applied (then no edit is applied at all). Notes on edits
    // that changed nothing go to *notes.
    static std::optional<QString> apply(const QString &text, const QList<Edit> &edits, QString *error,
                                        QStringList *notes = nullptr);

    // Whether a --set value is JSON: empty when it is, else a sentence naming the key.
    static QString jsonValueProblem(const QString &key, const QString &json);
};

} // namespace convdesk

#include "json/JsonTextEditor.h"

#include "json/JsonDocument.h"

#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

using Span = JsonTextSpans::Span;
using ValueKind = JsonTextSpans::Kind;

QString typeName(char first)
{
    switch (first) {
    case '{': return JsonTextEditor::tr("an object");
    case '[': return JsonTextEditor::tr("an array");
    case '"': return JsonTextEditor::tr("a string");
    case 't': case 'f': return JsonTextEditor::tr("a boolean");
    case 'n': return JsonTextEditor::tr("null");
    default: return JsonTextEditor::tr("a number");
    }
}

// Drops the whitespace outside strings; every other byte (numbers, escapes) stays as typed.
std::string compact(const std::string &json)
{
    std::string out;
    out.reserve(json.size());
    for (size_t pos = 0; pos < json.size();) {
        if (json[pos] == '"') {
            const size_t end = JsonTextSpans::skipString(json, pos);
            out.append(json, pos, end - pos);
            pos = end;
        } else {
            if (!JsonTextSpans::isSpace(json[pos]))
                out.push_back(json[pos]);
            ++pos;
        }
    }
    return out;
}

std::string jsonQuoted(const QString &text)
{
    return Json::serialize(OrderedJson(Json::toStdString(text))).toStdString();
}

std::optional<std::vector<std::string>> pointerTokens(const QString &key, QString *error)
{
    if (key.isEmpty()) {
        *error = JsonTextEditor::tr("a key is empty.");
        return std::nullopt;
    }
    if (!key.startsWith(u'/'))
        return std::vector<std::string>{Json::toStdString(key)};
    std::vector<std::string> tokens;
    for (const QString &raw : key.sliced(1).split(u'/')) {
        for (qsizetype i = raw.indexOf(u'~'); i >= 0; i = raw.indexOf(u'~', i + 1)) {
            if (i + 1 >= raw.size() || (raw[i + 1] != u'0' && raw[i + 1] != u'1')) {
                *error = JsonTextEditor::tr("the JSON Pointer %1 has a '~' that is not followed by 0 or 1 "
                                            "(write ~0 for '~' and ~1 for '/').")
                             .arg(key);
                return std::nullopt;
            }
        }
        QString token = raw;
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        tokens.push_back(Json::toStdString(token));
    }
    return tokens;
}

// An array position: digits without a leading zero.
std::optional<size_t> arrayIndex(const std::string &token)
{
    if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    size_t index = 0;
    for (const char c : token) {
        if (c < '0' || c > '9')
            return std::nullopt;
        index = index * 10 + size_t(c - '0');
    }
    return index;
}

QString pointerPrefix(const std::vector<std::string> &tokens, size_t count)
{
    QString prefix;
    for (size_t i = 0; i < count; ++i) {
        QString token = Json::toQString(tokens[i]);
        prefix += u'/' + token.replace(u"~"_s, u"~0"_s).replace(u"/"_s, u"~1"_s);
    }
    return prefix;
}

// Finds the member `token` of container (by name, or by index in an array); -1 when absent.
qsizetype findMember(const Span &container, const std::string &token)
{
    if (container.kind == ValueKind::Array) {
        const auto index = arrayIndex(token);
        return index && *index < container.children.size() ? qsizetype(*index) : -1;
    }
    // Later duplicates win, as in the parsed value.
    const QString name = Json::toQString(token);
    for (size_t i = container.children.size(); i-- > 0;) {
        if (container.children[i].key == name)
            return qsizetype(i);
    }
    return -1;
}

size_t closeOf(const Span &container)
{
    return container.valueEnd - 1;
}

void removeMember(std::string &text, const Span &container, size_t index)
{
    const std::vector<Span> &members = container.children;
    if (members.size() == 1)
        text.erase(container.valueBegin + 1, closeOf(container) - container.valueBegin - 1);
    else if (index + 1 < members.size()) // with the comma and the space after it
        text.erase(members[index].start, members[index + 1].start - members[index].start);
    else // the last one: from the end of the one before, taking its comma
        text.erase(members[index - 1].valueEnd, members[index].valueEnd - members[index - 1].valueEnd);
}

// Puts `addition` (a whole member or element) at `index` of container (0..size).
void insertMember(std::string &text, const Span &container, size_t index, const std::string &addition)
{
    const std::vector<Span> &members = container.children;
    if (members.empty())
        text.replace(container.valueBegin + 1, closeOf(container) - container.valueBegin - 1, addition);
    else if (index >= members.size())
        text.insert(members.back().valueEnd, ',' + addition);
    else
        text.insert(members[index].start, addition + ',');
}

// The members are permuted; the separators between them (commas, spaces, line breaks) stay
// in their places, so the layout of the container does not change.
void moveMember(std::string &text, const Span &container, size_t from, size_t to)
{
    const std::vector<Span> &members = container.children;
    std::vector<std::string> pieces;
    for (const Span &member : members)
        pieces.push_back(text.substr(member.start, member.valueEnd - member.start));
    std::string moved = std::move(pieces[from]);
    pieces.erase(pieces.begin() + qsizetype(from));
    pieces.insert(pieces.begin() + qsizetype(to), std::move(moved));
    std::string rebuilt;
    for (size_t i = 0; i < members.size(); ++i) {
        rebuilt += pieces[i];
        if (i + 1 < members.size())
            rebuilt.append(text, members[i].valueEnd, members[i + 1].start - members[i].valueEnd);
    }
    const size_t begin = members.front().start;
    text.replace(begin, members.back().valueEnd - begin, rebuilt);
}

std::string convert(const std::string &text, const Span &span, ValueKind to, const QString &decoded)
{
    const std::string exact = text.substr(span.valueBegin, span.valueEnd - span.valueBegin);
    if (span.kind == to)
        return exact;
    const std::string decodedUtf8 = Json::toStdString(decoded);
    switch (to) {
    case ValueKind::String:
        if (span.kind == ValueKind::Integer || span.kind == ValueKind::Number || span.kind == ValueKind::Boolean)
            return jsonQuoted(Json::toQString(exact));
        return "\"\"";
    case ValueKind::Integer:
        if (span.kind == ValueKind::String && JsonTextSpans::isInt64(decodedUtf8))
            return decodedUtf8;
        if (span.kind == ValueKind::Number) {
            // `3.0` and `3.00` are whole numbers written as decimals.
            const size_t dot = exact.find('.');
            if (dot != std::string::npos && exact.find_first_not_of('0', dot + 1) == std::string::npos
                && JsonTextSpans::isInt64(exact.substr(0, dot)))
                return exact.substr(0, dot);
        }
        return "0";
    case ValueKind::Number: {
        std::string number = "0";
        if (span.kind == ValueKind::Integer)
            number = exact;
        else if (span.kind == ValueKind::String && JsonTextSpans::isJsonNumber(decodedUtf8))
            number = decodedUtf8;
        // An integer's text would read back as an integer, not as the number chosen.
        return JsonTextSpans::kindOf(number) == ValueKind::Integer ? number + ".0" : number;
    }
    case ValueKind::Boolean:
        if (span.kind == ValueKind::String && (decoded == u"true"_s || decoded == u"false"_s))
            return decodedUtf8;
        return "false";
    case ValueKind::Null: return "null";
    case ValueKind::Object: return "{}";
    case ValueKind::Array: return "[]";
    }
    return "null";
}

// Applies one edit to text (a validated JSON object). False with *error when it cannot.
bool applyEdit(std::string &text, const JsonTextEditor::Edit &edit, QString *error, QStringList *notes)
{
    using EditKind = JsonTextEditor::Edit::Kind;
    const auto tokens = pointerTokens(edit.key, error);
    if (!tokens)
        return false;
    std::string newValue;
    if (edit.kind == EditKind::SetJson || edit.kind == EditKind::Insert) {
        if (const QString problem = JsonTextEditor::jsonValueProblem(edit.key, edit.value); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
        newValue = compact(Json::toStdString(edit.value));
    } else if (edit.kind == EditKind::SetString) {
        newValue = jsonQuoted(edit.value);
    }

    const JsonTextSpans spans = JsonTextSpans::scanValid(text);
    const Span *container = &spans.root();
    for (size_t depth = 0; depth + 1 < tokens->size(); ++depth) {
        const qsizetype found = findMember(*container, (*tokens)[depth]);
        const QString parent = pointerPrefix(*tokens, depth + 1);
        if (found < 0) {
            *error = JsonTextEditor::tr("cannot edit %1: %2 does not exist (missing objects are not created).")
                         .arg(edit.key, parent);
            return false;
        }
        const Span &child = container->children[size_t(found)];
        if (!child.isContainer()) {
            *error = JsonTextEditor::tr("cannot edit %1: %2 is %3, not an object.")
                         .arg(edit.key, parent, typeName(text[child.valueBegin]));
            return false;
        }
        container = &child;
    }

    const std::string &last = tokens->back();
    const qsizetype found = findMember(*container, last);
    const bool isObject = container->kind == ValueKind::Object;
    const size_t memberCount = container->children.size();
    switch (edit.kind) {
    case EditKind::Remove:
        if (found < 0) {
            if (notes)
                notes->append(JsonTextEditor::tr("%1 is not there; nothing to remove.").arg(edit.key));
            return true;
        }
        removeMember(text, *container, size_t(found));
        return true;
    case EditKind::Insert: {
        if (isObject) {
            if (found >= 0) {
                *error = JsonTextEditor::tr("cannot add %1: it exists already.").arg(edit.key);
                return false;
            }
            const size_t at = edit.position < 0 ? memberCount : qMin(size_t(edit.position), memberCount);
            insertMember(text, *container, at, jsonQuoted(Json::toQString(last)) + ':' + newValue);
            return true;
        }
        const auto index = last == "-" ? std::optional<size_t>(memberCount) : arrayIndex(last);
        if (!index || *index > memberCount) {
            *error = JsonTextEditor::tr("cannot add %1: the array has no position %2 (it has %3 elements).")
                         .arg(edit.key, Json::toQString(last))
                         .arg(memberCount);
            return false;
        }
        insertMember(text, *container, *index, newValue);
        return true;
    }
    case EditKind::Rename:
    case EditKind::Move:
    case EditKind::ChangeType:
        if (found < 0) {
            *error = JsonTextEditor::tr("cannot edit %1: it does not exist.").arg(edit.key);
            return false;
        }
        break;
    case EditKind::SetJson:
    case EditKind::SetString:
        break;
    }
    if (edit.kind == EditKind::Rename) {
        if (!isObject) {
            *error = JsonTextEditor::tr("cannot rename %1: it is an array element, which has no name.").arg(edit.key);
            return false;
        }
        if (edit.value.isEmpty()) {
            *error = JsonTextEditor::tr("cannot rename %1: the new name is empty.").arg(edit.key);
            return false;
        }
        const qsizetype other = findMember(*container, Json::toStdString(edit.value));
        if (other >= 0 && other != found) {
            *error = JsonTextEditor::tr("cannot rename %1 to %2: the object has a member of that name already.")
                         .arg(edit.key, edit.value);
            return false;
        }
        const Span &member = container->children[size_t(found)];
        if (member.key != edit.value)
            text.replace(member.start, member.keyEnd - member.start, jsonQuoted(edit.value));
        return true;
    }
    if (edit.kind == EditKind::Move) {
        if (edit.position < 0 || size_t(edit.position) >= memberCount) {
            *error = JsonTextEditor::tr("cannot move %1 to position %2: its container has %3 members.")
                         .arg(edit.key)
                         .arg(edit.position)
                         .arg(memberCount);
            return false;
        }
        if (size_t(edit.position) != size_t(found))
            moveMember(text, *container, size_t(found), size_t(edit.position));
        return true;
    }
    if (edit.kind == EditKind::ChangeType) {
        const Span &member = container->children[size_t(found)];
        newValue = convert(text, member, edit.type, spans.stringValue(member));
    }
    if (found >= 0) {
        const Span &member = container->children[size_t(found)];
        text.replace(member.valueBegin, member.valueEnd - member.valueBegin, newValue);
        return true;
    }
    std::string addition;
    if (isObject) {
        addition = jsonQuoted(Json::toQString(last)) + ':' + newValue;
    } else if (last == "-") {
        addition = newValue;
    } else {
        *error = JsonTextEditor::tr("cannot edit %1: the array has no element %2 (it has %3; use - to append).")
                     .arg(edit.key, Json::toQString(last))
                     .arg(memberCount);
        return false;
    }
    insertMember(text, *container, memberCount, addition);
    return true;
}

} // namespace

QString JsonTextEditor::convertedValue(const JsonTextSpans &spans, const JsonTextSpans::Span &span,
                                       JsonTextSpans::Kind to)
{
    return Json::toQString(convert(spans.utf8(), span, to, spans.stringValue(span)));
}

QString JsonTextEditor::jsonValueProblem(const QString &key, const QString &json)
{
    JsonParseError parseError;
    if (Json::parse(json.toUtf8(), &parseError))
        return {};
    return tr("the value for %1 is not JSON (%2). To set a text, use --set-string or quote it as a JSON "
              "string.")
        .arg(key, parseError.describe());
}

std::optional<QString> JsonTextEditor::apply(const QString &text, const QList<Edit> &edits, QString *error,
                                             QStringList *notes)
{
    const QByteArray utf8 = text.toUtf8();
    JsonParseError parseError;
    const auto parsed = Json::parse(utf8, &parseError);
    if (!parsed) {
        *error = tr("the value is not valid JSON (%1); edits by key need a JSON object.").arg(parseError.describe());
        return std::nullopt;
    }
    if (!parsed->is_object()) {
        const std::string trimmed = utf8.trimmed().toStdString();
        *error = tr("edits by key need a JSON object; this value is %1.").arg(typeName(trimmed.at(0)));
        return std::nullopt;
    }
    std::string result(utf8.constData(), size_t(utf8.size()));
    QStringList editNotes;
    for (const Edit &edit : edits) {
        if (!applyEdit(result, edit, error, &editNotes))
            return std::nullopt;
    }
    // The splices only ever put whole values in whole-value places; a check costs little.
    if (!Json::parse(QByteArrayView(result.data(), qsizetype(result.size())), &parseError)) {
        *error = tr("the edits would give invalid JSON (%1); nothing was changed.").arg(parseError.describe());
        return std::nullopt;
    }
    if (notes)
        notes->append(editNotes);
    return Json::toQString(result);
}

} // namespace convdesk

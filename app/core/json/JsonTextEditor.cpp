#include "json/JsonTextEditor.h"

#include "json/JsonDocument.h"

#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

// The scanner works on text that Json::parse has already accepted, so it only finds the
// boundaries of values; it never has to report a syntax error.
struct Member
{
    size_t start = 0;      // the key's opening quote, or the value for an array element
    size_t valueBegin = 0;
    size_t valueEnd = 0;   // one past the value
    std::string key;       // decoded member name (empty for array elements)
};

struct Container
{
    size_t open = 0;  // '{' or '['
    size_t close = 0; // '}' or ']'
    bool isObject = true;
    std::vector<Member> members;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t skipSpace(const std::string &text, size_t pos)
{
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    return pos;
}

size_t skipString(const std::string &text, size_t pos) // pos at the opening quote
{
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos;
        else if (text[pos] == '"')
            return pos + 1;
    }
    return text.size();
}

size_t skipValue(const std::string &text, size_t pos)
{
    const char first = text[pos];
    if (first == '"')
        return skipString(text, pos);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '"') {
                pos = skipString(text, pos);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return pos + 1;
            ++pos;
        }
        return pos;
    }
    // A number or a literal: up to the next delimiter.
    while (pos < text.size() && !isSpace(text[pos]) && text[pos] != ',' && text[pos] != '}' && text[pos] != ']')
        ++pos;
    return pos;
}

std::string decodeKey(const std::string &quoted)
{
    const auto key = Json::parse(QByteArrayView(quoted.data(), qsizetype(quoted.size())));
    return key && key->is_string() ? key->get<std::string>() : std::string();
}

Container scanContainer(const std::string &text, size_t open)
{
    Container container;
    container.open = open;
    container.isObject = text[open] == '{';
    size_t pos = skipSpace(text, open + 1);
    while (pos < text.size() && text[pos] != '}' && text[pos] != ']') {
        Member member;
        member.start = pos;
        if (container.isObject) {
            const size_t keyEnd = skipString(text, pos);
            member.key = decodeKey(text.substr(pos, keyEnd - pos));
            pos = skipSpace(text, skipSpace(text, keyEnd) + 1); // past ':'
        }
        member.valueBegin = pos;
        member.valueEnd = skipValue(text, pos);
        container.members.push_back(member);
        pos = skipSpace(text, member.valueEnd);
        if (pos < text.size() && text[pos] == ',')
            pos = skipSpace(text, pos + 1);
    }
    container.close = pos;
    return container;
}

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
            const size_t end = skipString(json, pos);
            out.append(json, pos, end - pos);
            pos = end;
        } else {
            if (!isSpace(json[pos]))
                out.push_back(json[pos]);
            ++pos;
        }
    }
    return out;
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
qsizetype findMember(const Container &container, const std::string &token)
{
    if (!container.isObject) {
        const auto index = arrayIndex(token);
        return index && *index < container.members.size() ? qsizetype(*index) : -1;
    }
    // Later duplicates win, as in the parsed value.
    for (size_t i = container.members.size(); i-- > 0;) {
        if (container.members[i].key == token)
            return qsizetype(i);
    }
    return -1;
}

void removeMember(std::string &text, const Container &container, size_t index)
{
    const std::vector<Member> &members = container.members;
    if (members.size() == 1)
        text.erase(container.open + 1, container.close - container.open - 1);
    else if (index + 1 < members.size()) // with the comma and the space after it
        text.erase(members[index].start, members[index + 1].start - members[index].start);
    else // the last one: from the end of the one before, taking its comma
        text.erase(members[index - 1].valueEnd, members[index].valueEnd - members[index - 1].valueEnd);
}

// Applies one edit to text (a validated JSON object). False with *error when it cannot.
bool applyEdit(std::string &text, const JsonTextEditor::Edit &edit, QString *error, QStringList *notes)
{
    const auto tokens = pointerTokens(edit.key, error);
    if (!tokens)
        return false;
    std::string newValue;
    if (edit.kind == JsonTextEditor::Edit::Kind::SetJson) {
        if (const QString problem = JsonTextEditor::jsonValueProblem(edit.key, edit.value); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
        newValue = compact(Json::toStdString(edit.value));
    } else if (edit.kind == JsonTextEditor::Edit::Kind::SetString) {
        newValue = Json::serialize(OrderedJson(Json::toStdString(edit.value))).toStdString();
    }

    Container container = scanContainer(text, skipSpace(text, 0));
    for (size_t depth = 0; depth + 1 < tokens->size(); ++depth) {
        const qsizetype found = findMember(container, (*tokens)[depth]);
        const QString parent = pointerPrefix(*tokens, depth + 1);
        if (found < 0) {
            *error = JsonTextEditor::tr("cannot edit %1: %2 does not exist (missing objects are not created).")
                         .arg(edit.key, parent);
            return false;
        }
        const size_t valueBegin = container.members[size_t(found)].valueBegin;
        if (text[valueBegin] != '{' && text[valueBegin] != '[') {
            *error = JsonTextEditor::tr("cannot edit %1: %2 is %3, not an object.")
                         .arg(edit.key, parent, typeName(text[valueBegin]));
            return false;
        }
        container = scanContainer(text, valueBegin);
    }

    const std::string &last = tokens->back();
    const qsizetype found = findMember(container, last);
    if (edit.kind == JsonTextEditor::Edit::Kind::Remove) {
        if (found < 0) {
            if (notes)
                notes->append(JsonTextEditor::tr("%1 is not there; nothing to remove.").arg(edit.key));
            return true;
        }
        removeMember(text, container, size_t(found));
        return true;
    }
    if (found >= 0) {
        const Member &member = container.members[size_t(found)];
        text.replace(member.valueBegin, member.valueEnd - member.valueBegin, newValue);
        return true;
    }
    std::string addition;
    if (container.isObject) {
        addition = Json::serialize(OrderedJson(last)).toStdString() + ':' + newValue;
    } else if (last == "-") {
        addition = newValue;
    } else {
        *error = JsonTextEditor::tr("cannot edit %1: the array has no element %2 (it has %3; use - to append).")
                     .arg(edit.key, Json::toQString(last))
                     .arg(container.members.size());
        return false;
    }
    if (container.members.empty())
        text.replace(container.open + 1, container.close - container.open - 1, addition);
    else
        text.insert(container.members.back().valueEnd, ',' + addition);
    return true;
}

} // namespace

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

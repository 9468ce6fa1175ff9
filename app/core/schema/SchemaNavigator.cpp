#include "schema/SchemaNavigator.h"

#include <algorithm>
#include <regex>

namespace convdesk::SchemaNavigator {

namespace {

// "$ref" chains and "allOf" nesting deeper than this are cycles, or not worth following.
constexpr int MaxExpansionDepth = 32;

std::string unescapeToken(std::string token)
{
    std::string out;
    out.reserve(token.size());
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

std::string escapeToken(const std::string &token)
{
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

bool isArrayIndex(const std::string &token)
{
    return !token.empty() && token.size() < 10
        && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool regexFinds(const std::string &pattern, const std::string &text)
{
    try {
        return std::regex_search(text, std::regex(pattern, std::regex::ECMAScript));
    } catch (const std::regex_error &) {
        return false; // load() refuses such schemas; hints just skip the pattern
    }
}

void expand(const OrderedJson &root, const OrderedJson &node, int depth,
            std::vector<const OrderedJson *> &out)
{
    if (depth > MaxExpansionDepth || !node.is_object())
        return;
    if (const auto ref = node.find("$ref"); ref != node.end() && ref->is_string()) {
        // Draft-07: a "$ref" replaces its siblings.
        if (const OrderedJson *target = resolveLocalRef(root, ref->get<std::string>()))
            expand(root, *target, depth + 1, out);
        return;
    }
    if (std::find(out.begin(), out.end(), &node) == out.end())
        out.push_back(&node);
    for (const char *combinator : {"allOf", "anyOf", "oneOf"}) {
        const auto members = node.find(combinator);
        if (members == node.end() || !members->is_array())
            continue;
        for (const OrderedJson &member : *members)
            expand(root, member, depth + 1, out);
    }
}

void step(const OrderedJson &root, const OrderedJson &schema, const std::string &token,
          std::vector<const OrderedJson *> &out)
{
    bool named = false;
    if (const auto properties = schema.find("properties");
        properties != schema.end() && properties->is_object() && properties->contains(token)) {
        expand(root, properties->at(token), 0, out);
        named = true;
    }
    if (const auto patterns = schema.find("patternProperties");
        patterns != schema.end() && patterns->is_object()) {
        for (auto it = patterns->begin(); it != patterns->end(); ++it) {
            if (regexFinds(it.key(), token)) {
                expand(root, it.value(), 0, out);
                named = true;
            }
        }
    }
    if (!named) {
        if (const auto additional = schema.find("additionalProperties"); additional != schema.end())
            expand(root, *additional, 0, out);
    }
    if (!isArrayIndex(token))
        return;
    const auto items = schema.find("items");
    if (items == schema.end())
        return;
    if (items->is_array()) {
        const size_t index = std::stoul(token);
        if (index < items->size())
            expand(root, items->at(index), 0, out);
        else if (const auto more = schema.find("additionalItems"); more != schema.end())
            expand(root, *more, 0, out);
    } else {
        expand(root, *items, 0, out);
    }
}

} // namespace

std::optional<std::vector<std::string>> pointerTokens(const QString &pointer)
{
    std::vector<std::string> tokens;
    if (pointer.isEmpty())
        return tokens;
    if (!pointer.startsWith(u'/'))
        return std::nullopt;
    const QStringList parts = pointer.mid(1).split(u'/');
    for (const QString &part : parts)
        tokens.push_back(unescapeToken(Json::toStdString(part)));
    return tokens;
}

QString pointerFromTokens(const std::vector<std::string> &tokens)
{
    std::string text;
    for (const std::string &token : tokens)
        text += '/' + escapeToken(token);
    return Json::toQString(text);
}

const OrderedJson *resolveLocalRef(const OrderedJson &root, const std::string &ref)
{
    if (ref.empty() || ref[0] != '#')
        return nullptr;
    const std::optional<std::vector<std::string>> tokens =
        pointerTokens(Json::toQString(ref.substr(1)));
    if (!tokens)
        return nullptr;
    const OrderedJson *node = &root;
    for (const std::string &token : *tokens) {
        if (node->is_object()) {
            const auto it = node->find(token);
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (node->is_array() && isArrayIndex(token) && std::stoul(token) < node->size()) {
            node = &node->at(std::stoul(token));
        } else {
            return nullptr;
        }
    }
    return node;
}

std::vector<const OrderedJson *> schemasAt(const OrderedJson &root,
                                           const std::vector<std::string> &tokens)
{
    std::vector<const OrderedJson *> current;
    expand(root, root, 0, current);
    for (const std::string &token : tokens) {
        std::vector<const OrderedJson *> next;
        for (const OrderedJson *schema : current)
            step(root, *schema, token, next);
        current = std::move(next);
        if (current.empty())
            break;
    }
    return current;
}

} // namespace convdesk::SchemaNavigator

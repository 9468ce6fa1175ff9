#include "models/TreeTextMatcher.h"

#include "json/FieldDecoder.h"
#include "json/JsonPath.h"

#include <QChar>

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

namespace convdesk {

namespace {

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// The filter text, ready for comparing with UTF-8.
class Needle
{
public:
    explicit Needle(const QString &text)
        : m_text(text)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            char32_t code = text.at(i).unicode();
            if (QChar::isHighSurrogate(code) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                code = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
                ++i;
            }
            // Displays add an ellipsis (elided text) and JSON text adds quotes, backslashes
            // and escapes; a needle with none of them is found in a string's own text or not
            // at all.
            if (code < 0x20 || code == u'"' || code == u'\\' || code == 0x2026 || code == 0xFFFD)
                m_plain = false;
            // QString compares case-insensitively by case folding (the Kelvin sign folds to
            // 'k'): ASCII text can only hold a needle whose folded form is ASCII.
            const char32_t folded = QChar::toCaseFolded(code);
            if (folded >= 0x80)
                m_foldsToAscii = false;
            else
                m_asciiFolded.push_back(char(folded));
        }
    }

    const QString &text() const { return m_text; }
    bool isPlain() const { return m_plain; }

    bool isInAscii(const char *data, size_t size) const
    {
        if (!m_foldsToAscii)
            return false;
        const size_t length = m_asciiFolded.size();
        if (length > size)
            return false;
        const char first = m_asciiFolded.front();
        for (size_t at = 0; at + length <= size; ++at) {
            if (asciiLower(data[at]) != first)
                continue;
            size_t matched = 1;
            while (matched < length && asciiLower(data[at + matched]) == m_asciiFolded[matched])
                ++matched;
            if (matched == length)
                return true;
        }
        return false;
    }

    bool isIn(const QString &text) const { return text.contains(m_text, Qt::CaseInsensitive); }

    // UTF-8 as the tree model shows it (Json::toQString), compared without converting ASCII.
    bool isInUtf8(std::string_view utf8, bool ascii) const
    {
        return ascii ? isInAscii(utf8.data(), utf8.size()) : isIn(Json::toQString(std::string(utf8)));
    }

private:
    QString m_text;
    std::string m_asciiFolded;
    bool m_foldsToAscii = true;
    bool m_plain = true;
};

struct TextTraits
{
    bool ascii = true;
    bool escaped = false; // has a character that JSON text writes as an escape
};

TextTraits traitsOf(std::string_view utf8)
{
    TextTraits traits;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80)
            traits.ascii = false;
        else if (byte < 0x20 || byte == '"' || byte == '\\')
            traits.escaped = true;
    }
    return traits;
}

bool isAscii(std::string_view utf8)
{
    return std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Keys whose values FieldDecoder shows as something else than their text (enum meanings,
// dates) in the conversation's own fields.
bool isDecodedVendorKey(std::string_view key)
{
    static constexpr std::array<std::string_view, 9> keys{
        "type",          "conversation_type", "message_type",  "message_state",  "revoke_type",
        "sender_client_type", "create_time", "update_time", "last_read_time",
    };
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

class Walker
{
public:
    Walker(const TreeFilterJob &job, const TreeTextMatcher::Progress &progress)
        : m_needle(job.text)
        , m_record(job.record)
        , m_progress(progress)
    {
        if (job.pendingServerExtension)
            m_pending = JsonIndex::fromJson(OrderedJson(*job.pendingServerExtension));
    }

    bool walk(const JsonIndex &document, JsonIndex::NodeId root)
    {
        // The tree model shows its pending text in place of the root's server_extension string.
        if (m_pending) {
            const JsonIndex::NodeId found = document.member(root, "server_extension");
            if (found != JsonIndex::NoNode && document.isString(found))
                m_serverExtension = found;
        }
        if (document.isContainer(root)) {
            visitChildren(document, root, false, true);
        } else if (document.isString(root)) {
            if (const auto embedded = FieldDecoder::embeddedIndex(document.string(root)))
                visitChildren(*embedded, JsonIndex::Root, true, false);
        }
        return !m_stopped;
    }

    TreeFilterMatches takeMatches() { return std::move(m_matches); }

private:
    static constexpr quint32 NoEntry = 0xFFFFFFFF;

    struct Frame
    {
        int row;
        const JsonIndex *index; // where its key is; null for an array element
        JsonIndex::NodeId node;
        quint32 entry = NoEntry;
        bool matched = false;
        bool matchBelow = false;
    };

    void visitChildren(const JsonIndex &index, JsonIndex::NodeId container, bool decoded, bool inDocument)
    {
        const bool object = index.isObject(container);
        JsonIndex::NodeId child = index.firstChild(container);
        for (int row = 0, count = index.childCount(container); row < count; ++row, child = index.nextSibling(child))
            visit(index, child, object, row, decoded, inDocument && m_frames.empty());
    }

    // The tree shows the string's text, or its pending one.
    void visit(const JsonIndex &index, JsonIndex::NodeId node, bool hasKey, int row, bool decoded, bool atDocumentRoot)
    {
        if (m_stopped)
            return;
        if (++m_visited % TreeTextMatcher::ProgressInterval == 0 && m_progress && !m_progress(m_visited)) {
            m_stopped = true;
            return;
        }
        m_frames.push_back(Frame{row, hasKey ? &index : nullptr, node});
        const bool pending = atDocumentRoot && node == m_serverExtension;
        const JsonIndex &shown = pending ? *m_pending : index;
        const JsonIndex::NodeId shownNode = pending ? JsonIndex::Root : node;

        // What the tree model shows as the children of a string (ConversationTreeModel::decodedJson).
        std::shared_ptr<const JsonIndex> embedded;
        if (shown.isString(shownNode) && mayHoldJson(shown, shownNode))
            embedded = FieldDecoder::embeddedIndex(shown.string(shownNode));
        const bool hasDecodedChildren = embedded && embedded->childCount(JsonIndex::Root) > 0;

        // As ConversationFilterModel::rowMatches(): the key, then (scalars only) the value.
        const bool container = shown.isContainer(shownNode);
        if (keyMatches() || (!container && !hasDecodedChildren && valueMatches(shown, shownNode, decoded)))
            recordMatch();
        if (container)
            visitChildren(shown, shownNode, decoded, false);
        else if (hasDecodedChildren)
            visitChildren(*embedded, JsonIndex::Root, true, false);

        if (m_frames.back().matched)
            --m_matchedFrames;
        m_frames.pop_back();
    }

    static bool mayHoldJson(const JsonIndex &index, JsonIndex::NodeId node)
    {
        return index.stringHasEscape(node) ? FieldDecoder::mayHoldEmbeddedJson(index.string(node))
                                           : FieldDecoder::mayHoldEmbeddedJson(index.rawString(node));
    }

    // A key as the tree shows it, and its UTF-8 (kept in `storage` when it had escapes).
    static std::string_view keyOf(const Frame &frame, std::string &storage)
    {
        if (!frame.index->keyHasEscape(frame.node))
            return frame.index->rawKey(frame.node);
        storage = frame.index->key(frame.node);
        return storage;
    }

    bool keyMatches() const
    {
        const Frame &self = m_frames.back();
        if (self.index) {
            std::string storage;
            const std::string_view key = keyOf(self, storage);
            return m_needle.isInUtf8(key, isAscii(key));
        }
        std::array<char, 16> text{'['};
        const auto end = std::to_chars(text.data() + 1, text.data() + text.size() - 1, self.row).ptr;
        *end = ']';
        return m_needle.isInAscii(text.data(), size_t(end + 1 - text.data()));
    }

    bool valueMatches(const JsonIndex &index, JsonIndex::NodeId node, bool decoded) const
    {
        const Frame &self = m_frames.back();
        if (!decoded && self.index) {
            std::string storage;
            if (isDecodedVendorKey(keyOf(self, storage)))
                return displayOrJsonMatches(index, node, decoded);
        }
        if (index.isString(node)) {
            // Its compact JSON is the text in quotes, and its display a part of the text
            // (plus an ellipsis when elided): with a plain needle, the text decides.
            if (index.stringHasEscape(node) || !m_needle.isPlain())
                return displayOrJsonMatches(index, node, decoded);
            const std::string_view text = index.rawString(node);
            return m_needle.isInUtf8(text, traitsOf(text).ascii);
        }
        // Numbers, booleans and null are shown as their JSON text.
        const std::string_view text = index.rawText(node);
        return m_needle.isInAscii(text.data(), text.size());
    }

    // The long way, exactly what the model shows: FieldDecoder's display and the compact JSON.
    bool displayOrJsonMatches(const JsonIndex &index, JsonIndex::NodeId node, bool decoded) const
    {
        const auto origin = decoded ? FieldDecoder::Origin::EmbeddedJson : FieldDecoder::Origin::Conversation;
        return m_needle.isIn(FieldDecoder::decode(path(), index, node, origin).display)
            || m_needle.isIn(QString::fromUtf8(index.serialize(node)));
    }

    JsonPath path() const
    {
        QList<JsonPathStep> steps;
        steps.reserve(qsizetype(m_frames.size()));
        for (const Frame &frame : m_frames) {
            if (frame.index)
                steps.append(Json::toQString(frame.index->key(frame.node)));
            else
                steps.append(frame.row);
        }
        return JsonPath(std::move(steps));
    }

    void recordMatch()
    {
        const size_t depth = m_frames.size();
        // Ancestors are marked from the deepest one already marked on.
        size_t first = depth - 1;
        while (first > 0 && !m_frames[first - 1].matchBelow)
            --first;
        for (size_t i = first; i + 1 < depth; ++i) {
            mark(i, TreeFilterMatches::MatchBelowFlag);
            m_frames[i].matchBelow = true;
        }
        if (m_matchedFrames == 0 || m_record == TreeFilterJob::Record::EveryMatch)
            mark(depth - 1, TreeFilterMatches::MatchesFlag);
        m_frames.back().matched = true;
        ++m_matchedFrames;
    }

    void mark(size_t depth, quint32 flags)
    {
        const quint32 parent = depth == 0 ? TreeFilterMatches::RootEntry : m_frames[depth - 1].entry;
        m_frames[depth].entry = m_matches.mark(parent, m_frames[depth].row, flags);
    }

    const Needle m_needle;
    const TreeFilterJob::Record m_record;
    const TreeTextMatcher::Progress &m_progress;
    std::shared_ptr<const JsonIndex> m_pending;
    JsonIndex::NodeId m_serverExtension = JsonIndex::NoNode;
    std::vector<Frame> m_frames;
    qsizetype m_matchedFrames = 0; // frames on the stack that match by themselves
    qint64 m_visited = 0;
    bool m_stopped = false;
    TreeFilterMatches m_matches;
};

} // namespace

std::optional<TreeFilterMatches> TreeTextMatcher::run(const TreeFilterJob &job, const Progress &progress)
{
    Q_ASSERT(!job.text.isEmpty());
    if (!job.document || job.text.isEmpty())
        return TreeFilterMatches();
    Walker walker(job, progress);
    if (!walker.walk(*job.document, job.root))
        return std::nullopt;
    return walker.takeMatches();
}

qint64 TreeTextMatcher::countValues(const JsonIndex &document, JsonIndex::NodeId root, qint64 limit)
{
    return std::min(document.descendantCount(root), limit);
}

} // namespace convdesk

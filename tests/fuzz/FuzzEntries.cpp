#include "FuzzEntries.h"

#include "api/ConversationId.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "json/ExtensionDiff.h"
#include "json/FieldDecoder.h"
#include "json/JsonDocument.h"
#include "json/JsonIndex.h"
#include "models/ConversationTreeModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace convdesk::FuzzEntries {

namespace {

// The tree is lazy; a walk materialises it, so stop after this many nodes.
constexpr int MaxWalkedNodes = 5000;

QString roundTripProblem(const OrderedJson &parsed)
{
    const QByteArray compact = Json::serialize(parsed);
    const std::optional<OrderedJson> again = Json::parse(compact);
    if (!again)
        return u"serialized JSON does not parse again: "_s + QString::fromUtf8(compact.left(200));
    if (*again != parsed)
        return u"serialize/parse changed the document: "_s + QString::fromUtf8(compact.left(200));
    return {};
}

QString parseErrorProblem(QByteArrayView data, const JsonParseError &error)
{
    if (error.message.isEmpty())
        return u"parse failed without a message"_s;
    if (error.describe().isEmpty())
        return u"JsonParseError::describe() is empty"_s;
    if (error.line != 0) {
        if (error.offset < 0 || error.offset > data.size())
            return u"error offset %1 outside the %2 bytes"_s.arg(error.offset).arg(data.size());
        if (error.line < 1 || error.column < 1)
            return u"error at line %1, column %2"_s.arg(error.line).arg(error.column);
        if (error.line > data.count('\n') + 1)
            return u"error line %1 beyond the text's %2 lines"_s.arg(error.line).arg(data.count('\n') + 1);
    }
    return {};
}

// How many children the tree shows for a value: its members or elements, and for a string
// those of the JSON object or array it holds (decoded children).
int expectedRows(const OrderedJson &value)
{
    if (value.is_string()) {
        const auto embedded = FieldDecoder::embeddedJson(value.get_ref<const std::string &>());
        return embedded ? int(embedded->size()) : 0;
    }
    return value.is_structured() ? int(value.size()) : 0;
}

QString walkTree(const OrderedJson &document)
{
    ConversationTreeModel model;
    model.setDocument(document);
    // Qt's own consistency checks of parent(), index(), rowCount() and data(); abort on failure.
    const QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    std::vector<QModelIndex> pending{QModelIndex()};
    int walked = 0;
    while (!pending.empty() && walked < MaxWalkedNodes) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        const int rows = model.rowCount(parent);
        if (rows != expectedRows(model.valueAt(parent)))
            return u"rowCount(%1) differs from the JSON"_s.arg(model.pathForIndex(parent));
        for (int row = 0; row < rows && walked < MaxWalkedNodes; ++row, ++walked) {
            const QModelIndex index = model.index(row, ConversationTreeModel::KeyColumn, parent);
            if (!index.isValid() || model.parent(index) != parent)
                return u"index/parent mismatch under %1 at row %2"_s.arg(model.pathForIndex(parent)).arg(row);
            for (int column = 0; column < ConversationTreeModel::ColumnCount; ++column) {
                const QModelIndex cell = model.index(row, column, parent);
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                                 int(ConversationTreeModel::PathRole), int(ConversationTreeModel::RawValueRole),
                                 int(ConversationTreeModel::IsContainerRole)})
                    (void)model.data(cell, role);
            }
            const QString path = model.pathForIndex(index);
            const QModelIndex found = model.indexForPath(path);
            if (found != index)
                return u"the path %1 leads elsewhere (row %2 under %3)"_s
                    .arg(path).arg(row).arg(model.pathForIndex(parent));
            const std::optional<OrderedJson> raw =
                Json::parse(model.data(index, ConversationTreeModel::RawValueRole).toString().toUtf8());
            if (!raw || *raw != model.valueAt(index))
                return u"RawValueRole of %1 is not the node's JSON"_s.arg(path);
            (void)model.valueText(index);
            (void)model.decodedField(index);
            if (model.hasChildren(index))
                pending.push_back(index);
        }
    }
    return {};
}

} // namespace

QString responseParser(QByteArrayView data)
{
    JsonParseError error;
    const std::optional<OrderedJson> parsed = Json::parse(data, &error);
    // The API client's parse (simdjson) accepts exactly what nlohmann accepts, and reads the same.
    const std::shared_ptr<const JsonIndex> index = JsonIndex::parse(data.toByteArray());
    if (bool(index) != bool(parsed))
        return parsed ? u"JsonIndex refused JSON that nlohmann reads"_s : u"JsonIndex accepted text that is not JSON"_s;
    if (index && index->toJson(JsonIndex::Root) != *parsed)
        return u"JsonIndex reads other values than nlohmann"_s;
    if (!parsed)
        return parseErrorProblem(data, error);
    if (data.contains('\0'))
        return u"text with a NUL byte was accepted"_s;
    if (QString problem = roundTripProblem(*parsed); !problem.isEmpty())
        return problem;
    return walkTree(*parsed);
}

QString conversationId(QByteArrayView data)
{
    const QString text = QString::fromUtf8(data);
    QString error;
    const std::optional<ConversationId> id = ConversationId::parse(text, &error);
    if (!id)
        return error.isEmpty() ? u"rejected without a reason"_s : QString();
    if (!id->isValid())
        return u"accepted an ID that is not valid"_s;
    if (!ConversationId::validateAccountId(id->accountId()).isEmpty())
        return u"accepted account %1 that validateAccountId refuses"_s.arg(id->accountId());
    if (!ConversationId::validateTargetId(id->type(), id->targetId()).isEmpty())
        return u"accepted target %1 that validateTargetId refuses"_s.arg(id->targetId());
    const QString segment = id->toPathSegment();
    for (QChar c : segment) {
        if (c == u'/' || c == u'|' || c == u'?' || c == u'#' || c.unicode() > 127 || c.isSpace())
            return u"path segment %1 contains '%2'"_s.arg(segment, c);
    }
    for (const QString &form : {id->toString(), segment}) {
        const std::optional<ConversationId> again = ConversationId::parse(form, &error);
        if (!again)
            return u"%1 (from %2) does not parse: %3"_s.arg(form, text, error);
        if (*again != *id)
            return u"%1 parses to %2, not %3"_s.arg(form, again->toString(), id->toString());
    }
    return {};
}

QString extensionValidator(QByteArrayView data)
{
    // The editor holds a QString: invalid UTF-8 has already become U+FFFD by then.
    const QString text = QString::fromUtf8(data);
    const QByteArray utf8 = text.toUtf8();
    JsonParseError error;
    const std::optional<OrderedJson> parsed = Json::parse(utf8, &error);
    if (!parsed) {
        if (QString problem = parseErrorProblem(utf8, error); !problem.isEmpty())
            return problem;
        const ExtensionDiff diff = ExtensionDiff::compute(text, text);
        if (!diff.identical())
            return u"a text differs from itself"_s;
        return {};
    }
    if (QString problem = roundTripProblem(*parsed); !problem.isEmpty())
        return problem;
    // Format and Compact replace the text with these; they must mean the same JSON.
    for (int indent : {-1, 2, 4}) {
        const QString formatted = Json::toText(*parsed, indent);
        const std::optional<OrderedJson> reparsed = Json::parse(formatted.toUtf8());
        if (!reparsed || *reparsed != *parsed)
            return u"formatting with indent %1 changed the JSON"_s.arg(indent);
        const ExtensionDiff diff = ExtensionDiff::compute(text, formatted);
        if (!diff.comparedAsJson || TextDiff::hasChanges(diff.lines))
            return u"the save diff shows changes where only the formatting differs"_s;
    }
    return {};
}

QString auditLogReader(QByteArrayView data)
{
    static const auto scratch = std::make_unique<QTemporaryDir>();
    if (!scratch->isValid())
        return u"no temporary directory"_s;
    const QString path = scratch->filePath(u"audit.jsonl"_s);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data.toByteArray()) != data.size())
            return u"cannot write %1"_s.arg(path);
    }
    QStringList warnings;
    const QList<AuditRecord> records = AuditLog(path).readAll(&warnings);

    qsizetype nonEmptyLines = 0;
    for (const QByteArray &line : data.toByteArray().split('\n'))
        nonEmptyLines += line.trimmed().isEmpty() ? 0 : 1;
    if (records.size() + warnings.size() != nonEmptyLines)
        return u"%1 records and %2 warnings for %3 non-empty lines"_s
            .arg(records.size()).arg(warnings.size()).arg(nonEmptyLines);

    // What append() writes for each record must read back as the same record.
    for (const AuditRecord &record : records) {
        const QByteArray line = Json::serialize(record.toJson());
        if (line.contains('\n'))
            return u"a record serializes with a line break"_s;
        const std::optional<OrderedJson> json = Json::parse(line);
        if (!json)
            return u"a record serializes to invalid JSON: "_s + QString::fromUtf8(line.left(200));
        QString problem;
        const std::optional<AuditRecord> again = AuditRecord::fromJson(*json, &problem);
        if (!again)
            return u"a record written back is refused (%1): "_s.arg(problem) + QString::fromUtf8(line.left(200));
        if (!(*again == record))
            return u"a record changes when written back: "_s + QString::fromUtf8(line.left(200));
    }

    // The History's rows: one per Complete line and one per attempt id, however the lines mix.
    QSet<QString> attemptIds;
    qsizetype completeLines = 0;
    for (const AuditRecord &record : records) {
        if (record.phase == AuditRecord::Phase::Complete)
            ++completeLines;
        else
            attemptIds.insert(record.attemptId);
    }
    const QList<AuditRecord> rows = AuditJoin::attempts(records);
    if (rows.size() != completeLines + attemptIds.size())
        return u"%1 rows joined from %2 complete lines and %3 attempt ids"_s.arg(rows.size())
            .arg(completeLines).arg(attemptIds.size());
    return {};
}

} // namespace convdesk::FuzzEntries

#include "KeyEdits.h"

#include "BoundedInput.h"

#include <QHash>

namespace convdesk {

namespace {

const QString SetOption = QStringLiteral("set");
const QString SetStringOption = QStringLiteral("set-string");
const QString UnsetOption = QStringLiteral("unset");

std::optional<JsonTextEditor::Edit> parseEdit(const QString &option, const QString &argument, QString *problem)
{
    const QString flag = QStringLiteral("--") + option;
    if (const QString nul = BoundedInput::nulProblem(argument, flag); !nul.isEmpty()) {
        *problem = nul;
        return std::nullopt;
    }
    if (option == UnsetOption) {
        if (argument.isEmpty()) {
            *problem = KeyEdits::tr("--unset needs a KEY; it is empty.");
            return std::nullopt;
        }
        return JsonTextEditor::Edit::remove(argument);
    }
    const qsizetype equals = argument.indexOf(u'=');
    if (equals < 0) {
        *problem = option == SetOption
                       ? KeyEdits::tr("--set needs KEY=JSON, e.g. --set vip=true or --set 'name=\"Li\"'; got \"%1\".")
                             .arg(argument)
                       : KeyEdits::tr("--set-string needs KEY=TEXT, e.g. --set-string name=Li; got \"%1\".")
                             .arg(argument);
        return std::nullopt;
    }
    const QString key = argument.first(equals);
    const QString value = argument.sliced(equals + 1);
    if (key.isEmpty()) {
        *problem = KeyEdits::tr("%1 %2: the KEY before '=' is empty.").arg(flag, argument);
        return std::nullopt;
    }
    if (option == SetStringOption)
        return JsonTextEditor::Edit::setString(key, value);
    if (const QString notJson = JsonTextEditor::jsonValueProblem(key, value); !notJson.isEmpty()) {
        *problem = notJson;
        return std::nullopt;
    }
    return JsonTextEditor::Edit::setJson(key, value);
}

} // namespace

QList<QCommandLineOption> KeyEdits::options()
{
    return {
        QCommandLineOption(SetOption,
                           tr("Set KEY (a top-level key or a JSON Pointer like /contact/phone) to a JSON value; "
                              "repeatable."),
                           tr("KEY=JSON")),
        QCommandLineOption(SetStringOption, tr("Set KEY to TEXT as a JSON string; repeatable."), tr("KEY=TEXT")),
        QCommandLineOption(UnsetOption, tr("Remove KEY (nothing happens when it is not there); repeatable."),
                           tr("KEY")),
    };
}

bool KeyEdits::isRequested(const QCommandLineParser &parser)
{
    return parser.isSet(SetOption) || parser.isSet(SetStringOption) || parser.isSet(UnsetOption);
}

std::optional<QList<JsonTextEditor::Edit>> KeyEdits::read(const QCommandLineParser &parser, QString *problem)
{
    for (const char16_t *whole : {u"value", u"file", u"stdin", u"allow-empty", u"expect-current", u"expect-file"}) {
        if (parser.isSet(QString::fromUtf16(whole))) {
            *problem = tr("--set, --set-string and --unset edit the value the server holds; they cannot be "
                          "combined with --%1 (the value read is the guard).")
                           .arg(QString::fromUtf16(whole));
            return std::nullopt;
        }
    }
    // values() keeps each option's own order; optionNames() lists every occurrence in the order
    // given, so together they give the true interleaving.
    QHash<QString, qsizetype> used;
    QList<JsonTextEditor::Edit> edits;
    for (const QString &name : parser.optionNames()) {
        if (name != SetOption && name != SetStringOption && name != UnsetOption)
            continue;
        const QString argument = parser.values(name).value(used[name]++);
        const auto edit = parseEdit(name, argument, problem);
        if (!edit)
            return std::nullopt;
        edits.append(*edit);
    }
    return edits;
}

} // namespace convdesk

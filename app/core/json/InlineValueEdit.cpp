#include "json/InlineValueEdit.h"

namespace convdesk {

bool InlineValueEdit::isEditable(const OrderedJson &value)
{
    return value.is_primitive();
}

QString InlineValueEdit::editText(const OrderedJson &value)
{
    if (value.is_string())
        return Json::toQString(value.get_ref<const std::string &>());
    return Json::toText(value);
}

InlineValueEdit::Result InlineValueEdit::fromTypedText(const QString &pointer, const OrderedJson &current,
                                                       const QString &typed)
{
    Result result;
    if (!isEditable(current) || typed == editText(current))
        return result;
    if (current.is_string()) {
        result.edit = JsonTextEditor::Edit::setString(pointer, typed);
        return result;
    }
    const QString json = typed.trimmed();
    JsonParseError error;
    if (!Json::parse(json.toUtf8(), &error)) {
        result.refusal = tr("%1 was not changed: the text typed is not JSON (%2). Type a number, true, "
                            "false or null, or text in double quotes.")
                             .arg(pointer, error.describe());
        return result;
    }
    if (json != editText(current))
        result.edit = JsonTextEditor::Edit::setJson(pointer, json);
    return result;
}

} // namespace convdesk

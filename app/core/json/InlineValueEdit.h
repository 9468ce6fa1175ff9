#pragma once

#include "json/JsonDocument.h"
#include "json/JsonTextEditor.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace convdesk {

// Text typed into the Value cell of one scalar in a JSON object, turned into the
// JsonTextEditor::Edit that makes the change: a string takes the typed text as it is, a number,
// boolean or null takes JSON (so "42" stays a number, "\"42\"" makes it a string). Containers
// are edited through their children, never as a whole.
class InlineValueEdit
{
    Q_DECLARE_TR_FUNCTIONS(InlineValueEdit)
public:
    static bool isEditable(const OrderedJson &value); // strings, numbers, booleans, null

    // What the editor starts with: a string unquoted, anything else as its exact JSON.
    static QString editText(const OrderedJson &value);

    struct Result
    {
        std::optional<JsonTextEditor::Edit> edit; // nullopt: nothing to do, or refused
        QString refusal;                          // why the text was refused; empty otherwise
    };

    // `pointer` is the RFC 6901 pointer of `current` in its object (`/contact/phone`). Typing
    // the text the editor started with asks for nothing.
    static Result fromTypedText(const QString &pointer, const OrderedJson &current, const QString &typed);
};

} // namespace convdesk

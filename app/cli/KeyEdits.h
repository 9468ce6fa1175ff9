#pragma once

#include "json/JsonTextEditor.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace convdesk {

// set-extension's key edits: --set KEY=JSON, --set-string KEY=TEXT and --unset KEY, each
// repeatable, in the order they were given on the command line. KEY is a top-level key or a
// JSON Pointer (/contact/phone); it is everything before the first '=', so it cannot hold one.
class KeyEdits
{
    Q_DECLARE_TR_FUNCTIONS(KeyEdits)
public:
    static QList<QCommandLineOption> options();
    static bool isRequested(const QCommandLineParser &parser);

    // The edits in command-line order, each checked (a key, and JSON for --set); nullopt with a
    // sentence for a usage error (exit 2) in *problem. Refuses options that give the whole value.
    static std::optional<QList<JsonTextEditor::Edit>> read(const QCommandLineParser &parser, QString *problem);
};

} // namespace convdesk

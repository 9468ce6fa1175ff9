#pragma once

#include "CliContext.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace convdesk {

// set-extension's inputs: the new value from exactly one of --value, --file or --stdin, and the
// optional expected value from --expect-current or --expect-file. Files and standard input are
// read with BoundedInput's 64 KiB limit; every value must be UTF-8 without NUL characters; an
// empty new value needs --allow-empty, so that clearing the field is always deliberate.
struct ExtensionInput
{
    QString value;
    std::optional<QString> expected;

    // nullopt with a sentence for a usage error (exit 2) in *problem.
    static std::optional<ExtensionInput> read(const CliContext &context, const QCommandLineParser &parser,
                                              QString *problem);
    // Only the text of exactly one of --value, --file or --stdin, as check-extension reads it
    // (the same limits; an empty text is allowed).
    static std::optional<QString> readText(const CliContext &context, const QCommandLineParser &parser,
                                           QString *problem);
};

} // namespace convdesk

#include "ExtensionInput.h"

#include "BoundedInput.h"
#include "api/ApiLimits.h"
#include "commands/SetExtensionCommand.h"

namespace convdesk {

namespace {

std::optional<QString> readNewValue(const CliContext &context, const QCommandLineParser &parser, QString *problem)
{
    if (parser.isSet(QStringLiteral("value"))) {
        QString value = parser.value(QStringLiteral("value"));
        if (QString nul = BoundedInput::nulProblem(value, QStringLiteral("--value")); !nul.isEmpty()) {
            *problem = nul;
            return std::nullopt;
        }
        return value;
    }
    if (parser.isSet(QStringLiteral("file"))) {
        const QString path = parser.value(QStringLiteral("file"));
        const std::optional<QByteArray> bytes = BoundedInput::readFile(path, BoundedInput::MaxValueBytes, problem);
        return bytes ? BoundedInput::decodeText(*bytes, path, problem) : std::nullopt;
    }
    const QString source = SetExtensionCommand::tr("standard input");
    const std::optional<QByteArray> bytes =
        BoundedInput::readStream(context.in, BoundedInput::MaxValueBytes, source, problem);
    return bytes ? BoundedInput::decodeText(*bytes, source, problem) : std::nullopt;
}

// nullopt without a problem when no expected value was given.
std::optional<QString> readExpectedValue(const QCommandLineParser &parser, QString *problem)
{
    // The expected value is compared exactly, byte for byte: a file's final newline counts.
    if (parser.isSet(QStringLiteral("expect-current"))) {
        QString expected = parser.value(QStringLiteral("expect-current"));
        *problem = BoundedInput::nulProblem(expected, QStringLiteral("--expect-current"));
        return problem->isEmpty() ? std::optional<QString>(expected) : std::nullopt;
    }
    if (!parser.isSet(QStringLiteral("expect-file")))
        return std::nullopt;
    const QString path = parser.value(QStringLiteral("expect-file"));
    const std::optional<QByteArray> bytes = BoundedInput::readFile(path, BoundedInput::MaxValueBytes, problem);
    return bytes ? BoundedInput::decodeText(*bytes, path, problem) : std::nullopt;
}

} // namespace

std::optional<QString> ExtensionInput::readText(const CliContext &context, const QCommandLineParser &parser,
                                                QString *problem)
{
    const int sources = int(parser.isSet(QStringLiteral("value"))) + int(parser.isSet(QStringLiteral("file")))
                        + int(parser.isSet(QStringLiteral("stdin")));
    if (sources != 1) {
        *problem = SetExtensionCommand::tr("give exactly one of --value TEXT, --file PATH or --stdin.");
        return std::nullopt;
    }
    return readNewValue(context, parser, problem);
}

std::optional<ExtensionInput> ExtensionInput::read(const CliContext &context, const QCommandLineParser &parser,
                                                   QString *problem)
{
    const int sources = int(parser.isSet(QStringLiteral("value"))) + int(parser.isSet(QStringLiteral("file")))
                        + int(parser.isSet(QStringLiteral("stdin")));
    if (sources != 1) {
        *problem = SetExtensionCommand::tr("give exactly one of --value TEXT, --file PATH or --stdin.");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("expect-current")) && parser.isSet(QStringLiteral("expect-file"))) {
        *problem = SetExtensionCommand::tr("give at most one of --expect-current TEXT or --expect-file PATH.");
        return std::nullopt;
    }

    ExtensionInput input;
    const std::optional<QString> value = readNewValue(context, parser, problem);
    if (!value)
        return std::nullopt;
    input.value = *value;
    if (input.value.isEmpty() && !parser.isSet(QStringLiteral("allow-empty"))) {
        *problem = SetExtensionCommand::tr("the new server_extension is empty; to clear it, add --allow-empty.");
        return std::nullopt;
    }
    if (input.value.size() > ApiLimits::MaxServerExtensionLength) {
        *problem = SetExtensionCommand::tr("the new server_extension has %1 characters; the server accepts at most %2.")
                       .arg(input.value.size())
                       .arg(ApiLimits::MaxServerExtensionLength);
        return std::nullopt;
    }
    problem->clear();
    input.expected = readExpectedValue(parser, problem);
    if (!problem->isEmpty())
        return std::nullopt;
    return input;
}

} // namespace convdesk

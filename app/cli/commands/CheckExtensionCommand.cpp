#include "CheckExtensionCommand.h"

#include "ExtensionInput.h"
#include "SchemaCheck.h"
#include "profiles/ProfileStore.h"

#include <QFileInfo>

namespace convdesk {

CheckExtensionCommand::CheckExtensionCommand()
    : Command(QStringLiteral("check-extension"))
{
}

QString CheckExtensionCommand::description(const CliContext &) const
{
    return tr("Check a server_extension against a JSON Schema (draft-07), given as a file or as the one a\n"
              "profile names; nothing is sent. Prints \"valid\" (exit 0), or each error as \"/pointer: message\"\n"
              "on standard error (exit 2); a schema that cannot be read or is not valid is named (exit 2).");
}

QList<QCommandLineOption> CheckExtensionCommand::options() const
{
    return {
        option(QStringLiteral("value"), tr("The server_extension text to check."), tr("text")),
        option(QStringLiteral("file"), tr("Read the server_extension to check from a file."), tr("path")),
        option(QStringLiteral("stdin"), tr("Read the server_extension to check from standard input.")),
        option(QStringLiteral("schema"), tr("The JSON Schema file to check against."), tr("path")),
        option(QStringLiteral("profile"), tr("Check against the extension schema of this profile."), tr("name")),
    };
}

int CheckExtensionCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(context, tr("check-extension takes no arguments."));
    const bool bySchema = parser.isSet(QStringLiteral("schema"));
    if (bySchema == parser.isSet(QStringLiteral("profile")))
        return usageError(context, tr("give exactly one of --schema FILE or --profile NAME."));

    QString schemaPath;
    if (bySchema) {
        schemaPath = QFileInfo(parser.value(QStringLiteral("schema"))).absoluteFilePath();
    } else {
        const QString name = parser.value(QStringLiteral("profile"));
        const std::optional<Profile> profile = ProfileStore(context.settings).find(name);
        if (!profile)
            return usageError(context, tr("there is no profile named \"%1\".").arg(name));
        if (profile->extensionSchemaFile.isEmpty())
            return usageError(context, tr("the profile \"%1\" has no extension schema (profile add "
                                          "--extension-schema FILE).").arg(profile->name));
        schemaPath = profile->extensionSchemaFile;
    }

    QString problem;
    const std::optional<QString> value = ExtensionInput::readText(context, parser, &problem);
    if (!value)
        return usageError(context, problem);
    const std::optional<ExtensionSchema> schema = SchemaCheck::load(context, schemaPath);
    if (!schema)
        return ExitUsage;
    if (SchemaCheck::check(context, *schema, *value).check != SchemaVerdict::Passed)
        return ExitUsage;
    context.printOut(tr("valid").toUtf8() + '\n');
    return ExitOk;
}

} // namespace convdesk

#include "CliApplication.h"

#include "SandboxCertificate.h"
#include "SandboxServer.h"
#include "SecretInput.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ApiLimits.h"
#include "api/ConversationId.h"
#include "api/ErrorText.h"
#include "audit/AuditExport.h"
#include "audit/AuditFilter.h"
#include "audit/AuditLog.h"
#include "platform/AppIdentity.h"
#include "profiles/ProfileStore.h"
#include "secrets/KeychainSecretStore.h"
#include "session/GuardedSave.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringDecoder>

namespace convdesk {

namespace {

// A value read as bytes must be UTF-8: decoding anything else would quietly send U+FFFD
// replacement characters to the server (or compare with them) instead of the user's text.
bool decodeUtf8(const QByteArray &bytes, const QString &source, QString *text, QString *problem)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder.decode(bytes);
    if (!decoder.hasError())
        return true;
    *problem = CliApplication::tr("%1 is not UTF-8 text; save it as UTF-8 and try again.").arg(source);
    return false;
}

QCommandLineOption option(const QString &name, const QString &description, const QString &valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name, description)
                               : QCommandLineOption(name, description, valueName);
}

} // namespace

CliApplication::CliApplication(FILE *in, FILE *out, FILE *err)
    : m_in(in)
    , m_out(out)
    , m_err(err)
{
    m_parser.setApplicationDescription(tr(
        "Conversation Desk command line: inspect and edit NetEase Yunxin IM conversations.\n"
        "\n"
        "Commands:\n"
        "  profile add NAME (--region mainland|overseas | --endpoint URL) --app-key KEY\n"
        "              [--ca-file PATH]\n"
        "                     store a profile; the AppSecret is read from standard input\n"
        "  profile list       list the stored profiles\n"
        "  profile remove NAME\n"
        "                     remove a profile and its secret\n"
        "  get CONVERSATION_ID\n"
        "                     print the conversation as JSON, in the server's key order\n"
        "  set-extension CONVERSATION_ID (--value TEXT | --file PATH | --stdin)\n"
        "                [--expect-current TEXT | --expect-file PATH]\n"
        "                     replace the conversation's server_extension; with --expect-*, only\n"
        "                     if the server still holds exactly that value (else exit 6)\n"
        "  list ACCOUNT_ID [--limit N] [--all]\n"
        "                     list an account's conversations\n"
        "  history [--conversation ID] [--profile NAME] [--outcome success|failure|conflict]\n"
        "          [--format table|json|csv]\n"
        "                     print the audit log of save attempts (GUI and CLI)\n"
        "  sandbox [--port N] [--https]\n"
        "                     run the built-in simulator of the API\n"
        "\n"
        "Every set-extension attempt (success, failure or conflict) is recorded in the audit log\n"
        "%1\n"
        "\n"
        "Exit codes: 0 ok, 2 usage or invalid input, 3 business error, 4 network/timeout/TLS/HTTP,\n"
        "5 credential or keychain problem, 6 conflict (the server's value is not the expected one;\n"
        "nothing was written), 7 the audit log cannot be written (nothing was sent).")
        .arg(AuditLog::defaultFilePath()));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        option(QStringLiteral("profile"), tr("Profile to use (default: the only or last-used one); for history, only its records."),
               tr("name")),
        option(QStringLiteral("region"), tr("Region of a new profile: mainland or overseas."), tr("region")),
        option(QStringLiteral("endpoint"), tr("Custom base URL of a new profile (https, or http on loopback)."), tr("url")),
        option(QStringLiteral("backup-endpoint"), tr("Optional backup base URL of a custom profile."), tr("url")),
        option(QStringLiteral("app-key"), tr("AppKey of a new profile."), tr("key")),
        option(QStringLiteral("ca-file"), tr("CA certificates (PEM) a new profile trusts besides the system's."), tr("path")),
        option(QStringLiteral("value"), tr("New server_extension text."), tr("text")),
        option(QStringLiteral("file"), tr("Read the new server_extension from a file."), tr("path")),
        option(QStringLiteral("stdin"), tr("Read the new server_extension from standard input.")),
        option(QStringLiteral("expect-current"),
               tr("Write only if the server's server_extension is exactly this text."), tr("text")),
        option(QStringLiteral("expect-file"),
               tr("Write only if the server's server_extension is exactly this file's content."), tr("path")),
        option(QStringLiteral("conversation"), tr("history: only this conversation."), tr("id")),
        option(QStringLiteral("outcome"), tr("history: only success, failure or conflict."), tr("outcome")),
        option(QStringLiteral("format"), tr("history: table (default), json or csv."), tr("format")),
        option(QStringLiteral("limit"), tr("Conversations per page, 1 to 100 (default 100)."), tr("n")),
        option(QStringLiteral("all"), tr("Follow next_token until every page is read.")),
        option(QStringLiteral("port"), tr("Port for the sandbox (default: any free port)."), tr("port")),
        option(QStringLiteral("https"), tr("sandbox: serve https with a self-signed certificate (a profile trusts it "
                                           "with --ca-file).")),
    });
    m_parser.addPositionalArgument(tr("command"),
                                   tr("profile, get, set-extension, list, history or sandbox"));
}

CliApplication::~CliApplication() = default;

void CliApplication::printOut(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), m_out);
    std::fflush(m_out);
}

void CliApplication::printErr(const QString &text)
{
    const QByteArray utf8 = text.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), m_err);
    std::fflush(m_err);
}

int CliApplication::usageError(const QString &message)
{
    printErr(tr("convdesk-cli: %1").arg(message));
    printErr(tr("Run \"convdesk-cli --help\" for usage."));
    return ExitUsage;
}

bool CliApplication::rejectOptionsOtherThan(const QStringList &allowed)
{
    const QStringList given = m_parser.optionNames();
    for (const QString &name : given) {
        if (!allowed.contains(name)) {
            usageError(tr("the option --%1 does not apply to this command.").arg(name));
            return false;
        }
    }
    return true;
}

int CliApplication::run(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        printOut(m_parser.helpText().toUtf8());
        return ExitOk;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        printOut(QStringLiteral("convdesk-cli %1\n").arg(AppIdentity::version()).toUtf8());
        return ExitOk;
    }
    const QStringList args = m_parser.positionalArguments();
    if (args.isEmpty())
        return usageError(tr("no command given."));

    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("sandbox")) {
        if (!rest.isEmpty())
            return usageError(tr("sandbox takes no arguments."));
        return rejectOptionsOtherThan({QStringLiteral("port"), QStringLiteral("https")}) ? runSandbox() : ExitUsage;
    }

    m_settings = std::make_unique<QSettings>();
    m_profiles = std::make_unique<ProfileStore>(*m_settings);
    m_secrets = std::make_unique<KeychainSecretStore>(AppIdentity::keychainService());

    if (command == QLatin1String("profile"))
        return runProfile(rest);
    if (command == QLatin1String("get"))
        return runGet(rest);
    if (command == QLatin1String("set-extension"))
        return runSetExtension(rest);
    if (command == QLatin1String("list"))
        return runList(rest);
    if (command == QLatin1String("history"))
        return runHistory(rest);
    return usageError(tr("unknown command \"%1\".").arg(command));
}

int CliApplication::runProfile(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return runProfileAdd(args.mid(1));
    if (sub == QLatin1String("list")) {
        if (args.size() != 1)
            return usageError(tr("profile list takes no arguments."));
        return rejectOptionsOtherThan({}) ? runProfileList() : ExitUsage;
    }
    if (sub == QLatin1String("remove"))
        return runProfileRemove(args.mid(1));
    return usageError(tr("use \"profile add\", \"profile list\" or \"profile remove\"."));
}

int CliApplication::runProfileAdd(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(tr("profile add takes exactly one NAME."));
    if (!rejectOptionsOtherThan({QStringLiteral("region"), QStringLiteral("endpoint"),
                                 QStringLiteral("backup-endpoint"), QStringLiteral("app-key"),
                                 QStringLiteral("ca-file")}))
        return ExitUsage;
    const bool hasRegion = m_parser.isSet(QStringLiteral("region"));
    const bool hasEndpoint = m_parser.isSet(QStringLiteral("endpoint"));
    if (hasRegion == hasEndpoint)
        return usageError(tr("give exactly one of --region mainland|overseas or --endpoint URL."));
    if (!m_parser.isSet(QStringLiteral("app-key")))
        return usageError(tr("--app-key is required."));

    Profile profile;
    profile.name = args.first();
    profile.appKey = m_parser.value(QStringLiteral("app-key"));
    if (hasRegion) {
        const QString region = m_parser.value(QStringLiteral("region"));
        if (!regionFromKey(region, &profile.region) || profile.region == Region::Custom)
            return usageError(tr("--region must be mainland or overseas, not \"%1\".").arg(region));
        if (m_parser.isSet(QStringLiteral("backup-endpoint")))
            return usageError(tr("--backup-endpoint goes with --endpoint."));
    } else {
        profile.region = Region::Custom;
        profile.baseUrl = QUrl(m_parser.value(QStringLiteral("endpoint")), QUrl::StrictMode);
        if (m_parser.isSet(QStringLiteral("backup-endpoint")))
            profile.backupUrl = QUrl(m_parser.value(QStringLiteral("backup-endpoint")), QUrl::StrictMode);
    }
    if (m_parser.isSet(QStringLiteral("ca-file")))
        profile.caCertificateFile = QFileInfo(m_parser.value(QStringLiteral("ca-file"))).absoluteFilePath();
    if (const QString problem = ProfileStore::validate(profile); !problem.isEmpty())
        return usageError(problem);

    const QString secret = SecretInput::read(m_in, m_err);
    if (secret.isEmpty())
        return usageError(tr("no AppSecret on standard input (pipe it in, e.g. "
                             "\"printf %s \\\"$SECRET\\\" | convdesk-cli profile add ...\")."));

    // The secret goes to the keychain first: if that fails, nothing at all is stored.
    const SecretResult written = m_secrets->writeBlocking(profile.name, secret);
    if (!written.ok()) {
        printErr(tr("convdesk-cli: the AppSecret could not be stored in the keychain: %1").arg(written.message));
        return ExitCredentials;
    }
    QString error;
    if (!m_profiles->save(profile, &error)) {
        m_secrets->removeBlocking(profile.name);
        return usageError(error);
    }
    m_profiles->setLastUsed(profile.name);
    printErr(tr("Profile \"%1\" saved; its AppSecret is in the system keychain.").arg(profile.name));
    return ExitOk;
}

int CliApplication::runProfileList()
{
    const QList<Profile> profiles = m_profiles->profiles();
    const std::optional<Profile> fallback = m_profiles->defaultProfile();
    QByteArray text;
    for (const Profile &profile : profiles) {
        const QString where = profile.region == Region::Custom ? profile.baseUrl.toString()
                                                               : regionKey(profile.region);
        const bool isDefault = fallback && fallback->name == profile.name;
        text += QStringLiteral("%1\t%2\t%3%4\n")
                    .arg(profile.name, where, profile.appKey,
                         isDefault ? QStringLiteral("\t") + tr("(default)") : QString())
                    .toUtf8();
    }
    if (const QString problem = m_profiles->settingsProblem(); !problem.isEmpty())
        printErr(tr("convdesk-cli: warning: %1").arg(problem));
    if (profiles.isEmpty())
        printErr(tr("No profiles yet; add one with \"convdesk-cli profile add\"."));
    printOut(text);
    return ExitOk;
}

int CliApplication::runProfileRemove(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(tr("profile remove takes exactly one NAME."));
    if (!rejectOptionsOtherThan({}))
        return ExitUsage;
    const QString name = args.first();
    if (!m_profiles->find(name))
        return usageError(tr("there is no profile named \"%1\".").arg(name));
    const SecretResult removed = m_secrets->removeBlocking(name);
    if (!removed.ok() && removed.status != SecretStatus::NotFound) {
        printErr(tr("convdesk-cli: the AppSecret could not be removed from the keychain: %1").arg(removed.message));
        return ExitCredentials;
    }
    if (!m_profiles->remove(name)) {
        printErr(tr("convdesk-cli: the profile \"%1\" could not be removed from the settings file; its "
                    "AppSecret is already gone from the keychain.").arg(name));
        return ExitCredentials;
    }
    printErr(tr("Profile \"%1\" removed.").arg(name));
    return ExitOk;
}

int CliApplication::prepareClient(ApiClient &client, Profile *profile)
{
    std::optional<Profile> chosen;
    if (m_parser.isSet(QStringLiteral("profile"))) {
        const QString name = m_parser.value(QStringLiteral("profile"));
        chosen = m_profiles->find(name);
        if (!chosen) {
            printErr(tr("convdesk-cli: there is no profile named \"%1\".").arg(name));
            return ExitCredentials;
        }
    } else {
        chosen = m_profiles->defaultProfile();
        if (!chosen) {
            printErr(m_profiles->names().isEmpty()
                         ? tr("convdesk-cli: no profile yet; add one with \"convdesk-cli profile add\".")
                         : tr("convdesk-cli: several profiles exist; choose one with --profile."));
            return ExitCredentials;
        }
    }
    const SecretResult secret = m_secrets->readBlocking(chosen->name);
    if (!secret.ok()) {
        printErr(secret.status == SecretStatus::NotFound
                     ? tr("convdesk-cli: the keychain has no AppSecret for profile \"%1\"; add the profile again.")
                           .arg(chosen->name)
                     : tr("convdesk-cli: the AppSecret could not be read from the keychain: %1").arg(secret.message));
        return ExitCredentials;
    }
    client.setEndpoint(chosen->endpoint());
    client.setCredentials({chosen->appKey, secret.secret});
    m_profiles->setLastUsed(chosen->name);
    *profile = *chosen;
    return ExitOk;
}

ApiResult CliApplication::wait(ApiCall *call)
{
    ApiResult result;
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResult &finished) {
        result = finished;
        loop.quit();
    });
    loop.exec();
    return result;
}

int CliApplication::reportFailure(const ApiResult &result)
{
    QString line = tr("convdesk-cli: %1: %2").arg(ErrorText::title(result.error), ErrorText::describe(result));
    if (result.error == ErrorKind::Business)
        line += tr(" [code %1]").arg(result.code);
    line += tr(" (trace id %1)").arg(result.traceId);
    printErr(line);
    switch (result.error) {
    case ErrorKind::None: return ExitOk;
    case ErrorKind::Business: return ExitBusiness;
    case ErrorKind::Configuration: return ExitCredentials;
    default: return ExitTransport;
    }
}

int CliApplication::runGet(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(tr("get takes exactly one CONVERSATION_ID."));
    if (!rejectOptionsOtherThan({QStringLiteral("profile")}))
        return ExitUsage;
    QString problem;
    const auto id = ConversationId::parse(args.first(), &problem);
    if (!id)
        return usageError(problem);

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(client, &profile); status != ExitOk)
        return status;
    const ApiResult result = wait(client.getConversation(*id));
    if (!result.ok())
        return reportFailure(result);
    printOut(Json::serialize(result.data, 2) + '\n');
    return ExitOk;
}

int CliApplication::runSetExtension(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(tr("set-extension takes exactly one CONVERSATION_ID."));
    if (!rejectOptionsOtherThan({QStringLiteral("profile"), QStringLiteral("value"), QStringLiteral("file"),
                                 QStringLiteral("stdin"), QStringLiteral("expect-current"),
                                 QStringLiteral("expect-file")}))
        return ExitUsage;
    QString problem;
    const auto id = ConversationId::parse(args.first(), &problem);
    if (!id)
        return usageError(problem);

    const int sources = int(m_parser.isSet(QStringLiteral("value"))) + int(m_parser.isSet(QStringLiteral("file")))
                        + int(m_parser.isSet(QStringLiteral("stdin")));
    if (sources != 1)
        return usageError(tr("give exactly one of --value TEXT, --file PATH or --stdin."));
    if (m_parser.isSet(QStringLiteral("expect-current")) && m_parser.isSet(QStringLiteral("expect-file")))
        return usageError(tr("give at most one of --expect-current TEXT or --expect-file PATH."));
    QString value;
    if (m_parser.isSet(QStringLiteral("value"))) {
        value = m_parser.value(QStringLiteral("value"));
    } else if (m_parser.isSet(QStringLiteral("file"))) {
        QFile file(m_parser.value(QStringLiteral("file")));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        if (!decodeUtf8(file.readAll(), file.fileName(), &value, &problem))
            return usageError(problem);
    } else {
        QFile input;
        if (!input.open(m_in, QIODevice::ReadOnly))
            return usageError(tr("cannot read standard input."));
        if (!decodeUtf8(input.readAll(), tr("standard input"), &value, &problem))
            return usageError(problem);
    }
    if (value.size() > ApiLimits::MaxServerExtensionLength)
        return usageError(tr("the new server_extension has %1 characters; the server accepts at most %2.")
                              .arg(value.size()).arg(ApiLimits::MaxServerExtensionLength));
    // The expected value is compared exactly, byte for byte: a file's final newline counts.
    std::optional<QString> expected;
    if (m_parser.isSet(QStringLiteral("expect-current"))) {
        expected = m_parser.value(QStringLiteral("expect-current"));
    } else if (m_parser.isSet(QStringLiteral("expect-file"))) {
        QFile file(m_parser.value(QStringLiteral("expect-file")));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QString text;
        if (!decodeUtf8(file.readAll(), file.fileName(), &text, &problem))
            return usageError(problem);
        expected = text;
    }

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(client, &profile); status != ExitOk)
        return status;

    AuditLog auditLog;
    GuardedSave save(&client);
    save.setAuditLog(&auditLog, profile.name, QStringLiteral("cli"));
    QEventLoop loop;
    int status = ExitOk;
    QObject::connect(&save, &GuardedSave::auditFailed, &loop, [this](const QString &message) {
        printErr(tr("convdesk-cli: warning: this attempt could not be recorded in the audit log: %1").arg(message));
    });
    QObject::connect(&save, &GuardedSave::conflict, &loop, [&](const SaveConflict &conflict) {
        status = reportConflict(conflict);
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::rereadFailed, &loop, [&](const ApiResult &result) {
        printErr(tr("convdesk-cli: nothing was written: the conversation could not be read just before "
                    "writing."));
        status = reportFailure(result);
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::finished, &loop, [&](const ApiResult &result) {
        if (result.ok())
            printOut(Json::serialize(result.data, 2) + '\n');
        else
            status = reportFailure(result);
        loop.quit();
    });

    QString refusal;
    const bool started = expected ? save.save(*id, *expected, value, &refusal) : save.overwrite(*id, value, &refusal);
    if (!started) {
        printErr(tr("convdesk-cli: %1").arg(refusal));
        return ExitAuditLog;
    }
    loop.exec();
    return status;
}

int CliApplication::reportConflict(const SaveConflict &conflict)
{
    printErr(tr("convdesk-cli: not saved: the conversation's server_extension on the server is not the "
                "expected value (someone else changed it). Nothing was written. (trace id %1)")
                 .arg(conflict.traceId));
    printErr(tr("Expected:\n%1\nOn the server now:\n%2").arg(conflict.loaded, conflict.serverNow));
    printErr(tr("To write anyway, run again with --expect-current set to the server's value, "
                "or without --expect-*."));
    return ExitConflict;
}

int CliApplication::runList(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(tr("list takes exactly one ACCOUNT_ID."));
    if (!rejectOptionsOtherThan({QStringLiteral("profile"), QStringLiteral("limit"), QStringLiteral("all")}))
        return ExitUsage;
    const QString account = args.first();
    if (const QString problem = ConversationId::validateAccountId(account); !problem.isEmpty())
        return usageError(problem);
    int limit = 100;
    if (m_parser.isSet(QStringLiteral("limit"))) {
        bool numeric = false;
        limit = m_parser.value(QStringLiteral("limit")).toInt(&numeric);
        if (!numeric || limit < 1 || limit > 100)
            return usageError(tr("--limit must be a number from 1 to 100."));
    }
    const bool all = m_parser.isSet(QStringLiteral("all"));

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(client, &profile); status != ExitOk)
        return status;

    OrderedJson items = OrderedJson::array();
    QString pageToken;
    OrderedJson lastPage;
    // A server that kept answering has_more would otherwise loop forever.
    constexpr int MaxPages = 10000;
    for (int page = 0; page < MaxPages; ++page) {
        const ApiResult result = wait(client.listConversations(account, pageToken, limit));
        if (!result.ok())
            return reportFailure(result);
        lastPage = result.data;
        if (!all)
            break;
        if (lastPage.contains("items") && lastPage["items"].is_array())
            for (const auto &item : lastPage["items"])
                items.push_back(item);
        const bool hasMore = lastPage.value("has_more", false) == true;
        const std::string next = lastPage.contains("next_token") && lastPage["next_token"].is_string()
                                     ? lastPage["next_token"].get<std::string>()
                                     : std::string();
        if (!hasMore || next.empty())
            break;
        pageToken = Json::toQString(next);
    }
    if (!all) {
        printOut(Json::serialize(lastPage, 2) + '\n');
        return ExitOk;
    }
    OrderedJson combined = OrderedJson::object();
    combined["has_more"] = false;
    combined["items"] = std::move(items);
    printOut(Json::serialize(combined, 2) + '\n');
    return ExitOk;
}

namespace {

// One table cell on one line: tabs and line breaks would break the columns.
QString tableCell(const QString &text)
{
    QString cell = text;
    cell.replace(u'\\', QLatin1String("\\\\"));
    cell.replace(u'\t', QLatin1String("\\t"));
    cell.replace(u'\r', QLatin1String("\\r"));
    cell.replace(u'\n', QLatin1String("\\n"));
    return cell;
}

} // namespace

int CliApplication::runHistory(const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(tr("history takes no arguments; filter with --conversation, --profile or --outcome."));
    if (!rejectOptionsOtherThan({QStringLiteral("conversation"), QStringLiteral("profile"), QStringLiteral("outcome"),
                                 QStringLiteral("format")}))
        return ExitUsage;
    AuditFilter filter;
    if (m_parser.isSet(QStringLiteral("conversation"))) {
        QString problem;
        const auto id = ConversationId::parse(m_parser.value(QStringLiteral("conversation")), &problem);
        if (!id)
            return usageError(problem);
        filter.conversationId = id->toString();
    }
    filter.profile = m_parser.value(QStringLiteral("profile"));
    if (m_parser.isSet(QStringLiteral("outcome"))) {
        const QString key = m_parser.value(QStringLiteral("outcome"));
        const auto outcome = AuditRecord::outcomeFromKey(key);
        if (!outcome)
            return usageError(tr("--outcome must be success, failure or conflict, not \"%1\".").arg(key));
        filter.outcomes = {*outcome};
    }
    const QString format = m_parser.isSet(QStringLiteral("format")) ? m_parser.value(QStringLiteral("format"))
                                                                     : QStringLiteral("table");
    if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return usageError(tr("--format must be table, json or csv, not \"%1\".").arg(format));

    const AuditLog log;
    QStringList warnings;
    const QList<AuditRecord> records = filter.apply(log.readAll(&warnings));
    for (const QString &warning : std::as_const(warnings))
        printErr(tr("convdesk-cli: warning: %1").arg(warning));

    if (format == QLatin1String("json")) {
        printOut(AuditExport::toJson(records));
        return ExitOk;
    }
    if (format == QLatin1String("csv")) {
        printOut(AuditExport::toCsv(records));
        return ExitOk;
    }
    if (records.isEmpty()) {
        printErr(tr("No save attempts recorded%1.").arg(filter.isEmpty() ? QString() : tr(" that match")));
        return ExitOk;
    }
    QByteArray text = QStringList{tr("TIME (UTC)"), tr("PROFILE"), tr("CONVERSATION"), tr("OUTCOME"), tr("CODE"),
                                  tr("TRACE ID"), tr("VALUE BEFORE"), tr("VALUE SENT")}
                          .join(u'\t').toUtf8() + '\n';
    for (const AuditRecord &record : records) {
        const QString outcome = record.outcome() == AuditRecord::Outcome::Failure
                                    ? AuditRecord::outcomeKey(record.outcome()) + u':' + record.errorKind
                                    : AuditRecord::outcomeKey(record.outcome());
        const QStringList cells{record.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                record.profile,
                                record.conversationId,
                                outcome,
                                record.code == 0 ? QString() : QString::number(record.code),
                                record.traceId,
                                record.valueBefore ? *record.valueBefore : tr("(unknown)"),
                                record.valueSent};
        QStringList escaped;
        for (const QString &cell : cells)
            escaped << tableCell(cell);
        text += escaped.join(u'\t').toUtf8() + '\n';
    }
    printOut(text);
    return ExitOk;
}

int CliApplication::runSandbox()
{
    quint16 port = 0;
    if (m_parser.isSet(QStringLiteral("port"))) {
        bool numeric = false;
        const uint value = m_parser.value(QStringLiteral("port")).toUInt(&numeric);
        if (!numeric || value > 65535)
            return usageError(tr("--port must be a number from 0 to 65535."));
        port = quint16(value);
    }
    SandboxServer sandbox;
    QString caOption; // what a profile adds to trust this sandbox
    if (m_parser.isSet(QStringLiteral("https"))) {
        QString problem;
        const std::optional<SandboxCertificate> certificate =
            SandboxCertificate::ensure(SandboxCertificate::defaultFolder(), &problem);
        if (!certificate || !sandbox.setTlsCertificate(certificate->certificateFile, certificate->privateKeyFile)) {
            printErr(tr("convdesk-cli: the sandbox cannot serve https: %1")
                         .arg(certificate ? sandbox.errorString() : problem));
            return ExitTransport; // like a sandbox that cannot listen
        }
        caOption = QStringLiteral(" --ca-file '%1'").arg(certificate->certificateFile);
    }
    if (!sandbox.listen(QHostAddress::LocalHost, port)) {
        printErr(tr("convdesk-cli: the sandbox could not listen: %1").arg(sandbox.errorString()));
        return ExitTransport;
    }
    const Credentials demo = SandboxServer::demoCredentials();
    const QString url = sandbox.baseUrl().toString();
    printOut(tr("Conversation Desk sandbox listening on %1\n"
                "AppKey:    %2\n"
                "AppSecret: %3   (a public demo value, not a real secret)\n"
                "Conversations: %4\n"
                "\n"
                "Try:\n"
                "  printf %s %3 | convdesk-cli profile add sandbox --endpoint %1 --app-key %2%6\n"
                "  convdesk-cli get '%5' --profile sandbox\n"
                "Stop with Ctrl+C.\n")
                 .arg(url, demo.appKey, demo.appSecret, sandbox.conversationIds().join(QLatin1String(", ")),
                      sandbox.conversationIds().value(0), caOption)
                 .toUtf8());
    return QCoreApplication::exec();
}

} // namespace convdesk

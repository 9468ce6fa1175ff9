#include "audit/AuditRecord.h"

#include "api/ApiResult.h"

#include <QUuid>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace convdesk {

namespace {

void putOptional(OrderedJson &json, const char *key, const std::optional<QString> &value)
{
    if (value)
        json[key] = Json::toStdString(*value);
    else
        json[key] = nullptr;
}

// A string member, or empty; false when the key holds something other than a string.
bool readString(const OrderedJson &json, const char *key, QString *out)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return true;
    if (!it->is_string())
        return false;
    *out = Json::toQString(it->get<std::string>());
    return true;
}

bool readOptionalString(const OrderedJson &json, const char *key, std::optional<QString> *out)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        out->reset();
        return true;
    }
    if (!it->is_string())
        return false;
    *out = Json::toQString(it->get<std::string>());
    return true;
}

bool readInt(const OrderedJson &json, const char *key, int *out)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return true;
    if (!it->is_number_integer())
        return false;
    *out = it->get<int>();
    return true;
}

} // namespace

AuditRecord::Outcome AuditRecord::outcome() const
{
    if (phase == Phase::Attempt || errorKind == UnknownKind)
        return Outcome::Unknown;
    if (errorKind == errorKindKey(ErrorKind::None))
        return Outcome::Success;
    if (errorKind == ConflictKind || errorKind == OverwrittenKind)
        return Outcome::Conflict;
    return Outcome::Failure;
}

AuditRecord AuditRecord::joinedWith(const AuditRecord *outcomeLine) const
{
    AuditRecord row = *this;
    if (!outcomeLine) {
        row.errorKind = UnknownKind;
        row.msg = tr("Interrupted: the save was sent, but its process ended before the outcome was known. "
                     "The next save or start of the app checks the server and records what happened.");
        return row;
    }
    row.phase = Phase::Complete;
    row.errorKind = outcomeLine->errorKind;
    row.code = outcomeLine->code;
    row.msg = outcomeLine->msg;
    row.httpStatus = outcomeLine->httpStatus;
    row.verifiedBy = outcomeLine->verifiedBy;
    row.valueAfter = outcomeLine->valueAfter;
    // The row keeps the write's trace id (the Attempt's); a later check's is in its own line.
    if (row.traceId.isEmpty())
        row.traceId = outcomeLine->traceId;
    return row;
}

QString AuditRecord::newAttemptId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString AuditRecord::phaseKey(Phase phase)
{
    switch (phase) {
    case Phase::Complete: return QStringLiteral("complete");
    case Phase::Attempt: return QStringLiteral("attempt");
    case Phase::Outcome: return QStringLiteral("outcome");
    }
    return {};
}

void AuditRecord::setResult(const QString &stageName, const ApiResult &result)
{
    stage = stageName;
    errorKind = errorKindKey(result.error);
    code = result.code;
    msg = result.msg.isEmpty() ? result.detail : result.msg;
    httpStatus = result.httpStatus;
    traceId = result.traceId;
}

OrderedJson AuditRecord::toJson() const
{
    OrderedJson json = OrderedJson::object();
    json["time"] = Json::toStdString(time.toUTC().toString(Qt::ISODateWithMs));
    json["phase"] = Json::toStdString(phaseKey(phase));
    json["attempt_id"] = Json::toStdString(attemptId);
    json["os_user"] = Json::toStdString(osUser);
    json["source"] = Json::toStdString(source);
    json["profile"] = Json::toStdString(profile);
    json["app_key"] = Json::toStdString(appKey);
    json["conversation_id"] = Json::toStdString(conversationId);
    json["outcome"] = Json::toStdString(outcomeKey(outcome())); // derived, for readers of the raw file
    json["error_kind"] = Json::toStdString(errorKind);
    json["stage"] = Json::toStdString(stage);
    json["code"] = code;
    json["msg"] = Json::toStdString(msg);
    json["http_status"] = httpStatus;
    json["trace_id"] = Json::toStdString(traceId);
    putOptional(json, "expected", expected);
    putOptional(json, "value_before", valueBefore);
    json["value_sent"] = Json::toStdString(valueSent);
    json["verified_by"] = Json::toStdString(verifiedBy);
    putOptional(json, "value_after", valueAfter);
    if (!reason.isEmpty()) // lines without a reason stay as they were before reasons existed
        json["reason"] = Json::toStdString(reason);
    // Only saves checked against a schema carry these, so older readers see nothing new.
    if (!schemaPath.isEmpty())
        json["schema_path"] = Json::toStdString(schemaPath);
    if (!schemaSha256.isEmpty())
        json["schema_sha256"] = Json::toStdString(schemaSha256);
    if (!schemaCheck.isEmpty())
        json["schema_check"] = Json::toStdString(schemaCheck);
    if (!schemaErrors.isEmpty()) {
        OrderedJson lines = OrderedJson::array();
        for (const QString &line : schemaErrors)
            lines.push_back(Json::toStdString(line));
        json["schema_errors"] = lines;
    }
    if (revertOf.isValid()) {
        OrderedJson reverted = OrderedJson::object();
        reverted["time"] = Json::toStdString(revertOf.time.toUTC().toString(Qt::ISODateWithMs));
        if (!revertOf.attemptId.isEmpty())
            reverted["attempt_id"] = Json::toStdString(revertOf.attemptId);
        json["revert_of"] = reverted;
    }
    return json;
}

std::optional<AuditRecord> AuditRecord::fromJson(const OrderedJson &json, QString *error)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (!json.is_object())
        return fail(tr("not a JSON object"));
    AuditRecord record;
    QString timeText;
    if (!readString(json, "time", &timeText) || timeText.isEmpty())
        return fail(tr("no \"time\""));
    record.time = QDateTime::fromString(timeText, Qt::ISODateWithMs).toUTC();
    // A time that toJson() could not write back (ISO 8601 has no year 0 or 10000) is not one
    // this class wrote; accepting it would turn into an empty "time" on export.
    if (!record.time.isValid() || record.time.toString(Qt::ISODateWithMs).isEmpty())
        return fail(tr("\"time\" is not an ISO 8601 date and time: %1").arg(timeText));
    if (!readString(json, "conversation_id", &record.conversationId) || record.conversationId.isEmpty())
        return fail(tr("no \"conversation_id\""));
    QString phaseText;
    if (!readString(json, "phase", &phaseText))
        return fail(tr("\"phase\" is not a string"));
    if (phaseText.isEmpty() || phaseText == phaseKey(Phase::Complete))
        record.phase = Phase::Complete; // lines from before write-ahead have no phase
    else if (phaseText == phaseKey(Phase::Attempt))
        record.phase = Phase::Attempt;
    else if (phaseText == phaseKey(Phase::Outcome))
        record.phase = Phase::Outcome;
    else
        return fail(tr("\"phase\" is not complete, attempt or outcome: %1").arg(phaseText));
    if (!readString(json, "error_kind", &record.errorKind))
        return fail(tr("\"error_kind\" is not a string"));
    if (record.errorKind.isEmpty() && record.phase != Phase::Attempt)
        return fail(tr("no \"error_kind\""));

    struct StringField { const char *key; QString *target; };
    const StringField strings[] = {
        {"os_user", &record.osUser}, {"source", &record.source}, {"profile", &record.profile},
        {"app_key", &record.appKey}, {"stage", &record.stage}, {"msg", &record.msg},
        {"trace_id", &record.traceId}, {"value_sent", &record.valueSent},
        {"attempt_id", &record.attemptId}, {"verified_by", &record.verifiedBy},
        {"reason", &record.reason}, {"schema_path", &record.schemaPath},
        {"schema_sha256", &record.schemaSha256}, {"schema_check", &record.schemaCheck},
    };
    for (const StringField &field : strings) {
        if (!readString(json, field.key, field.target))
            return fail(tr("\"%1\" is not a string").arg(QLatin1String(field.key)));
    }
    if (!readOptionalString(json, "expected", &record.expected))
        return fail(tr("\"expected\" is not a string"));
    if (!readOptionalString(json, "value_before", &record.valueBefore))
        return fail(tr("\"value_before\" is not a string"));
    if (!readOptionalString(json, "value_after", &record.valueAfter))
        return fail(tr("\"value_after\" is not a string"));
    if (record.phase != Phase::Complete && record.attemptId.isEmpty())
        return fail(tr("no \"attempt_id\" on an attempt or outcome line"));
    if (const auto lines = json.find("schema_errors"); lines != json.end() && !lines->is_null()) {
        if (!lines->is_array())
            return fail(tr("\"schema_errors\" is not a list of strings"));
        for (const OrderedJson &line : *lines) {
            if (!line.is_string())
                return fail(tr("\"schema_errors\" is not a list of strings"));
            record.schemaErrors << Json::toQString(line.get<std::string>());
        }
    }
    if (const auto reverted = json.find("revert_of"); reverted != json.end() && !reverted->is_null()) {
        QString revertedTime;
        if (!reverted->is_object() || !readString(*reverted, "time", &revertedTime)
            || !readString(*reverted, "attempt_id", &record.revertOf.attemptId))
            return fail(tr("\"revert_of\" is not an object with a \"time\""));
        record.revertOf.time = QDateTime::fromString(revertedTime, Qt::ISODateWithMs).toUTC();
        if (!record.revertOf.time.isValid())
            return fail(tr("\"revert_of\" has no ISO 8601 \"time\": %1").arg(revertedTime));
    }
    if (!readInt(json, "code", &record.code))
        return fail(tr("\"code\" is not an integer"));
    if (!readInt(json, "http_status", &record.httpStatus))
        return fail(tr("\"http_status\" is not an integer"));
    return record;
}

QString AuditRecord::currentOsUser()
{
#ifdef Q_OS_UNIX
    // The account itself, not $USER: that is unset under cron, systemd and in containers,
    // and anyone can set it to another name.
    passwd account{};
    passwd *found = nullptr;
    char buffer[1024];
    if (::getpwuid_r(::geteuid(), &account, buffer, sizeof buffer, &found) == 0 && found && found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
#endif
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

QString AuditRecord::outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Success: return QStringLiteral("success");
    case Outcome::Failure: return QStringLiteral("failure");
    case Outcome::Conflict: return QStringLiteral("conflict");
    case Outcome::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

std::optional<AuditRecord::Outcome> AuditRecord::outcomeFromKey(const QString &key)
{
    for (Outcome outcome : {Outcome::Success, Outcome::Failure, Outcome::Conflict, Outcome::Unknown}) {
        if (key == outcomeKey(outcome))
            return outcome;
    }
    return std::nullopt;
}

} // namespace convdesk

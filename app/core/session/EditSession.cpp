#include "session/EditSession.h"

#include "audit/AuditRecord.h"
#include "session/ConversationSession.h"
#include "session/ExtensionDraft.h"
#include "schema/SchemaVerdict.h"
#include "session/GuardedSave.h"

#include <utility>

namespace convdesk {

EditSession::EditSession(ConversationSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_draft(new ExtensionDraft(this))
{
    connect(m_session, &ConversationSession::busyChanged, m_draft, &ExtensionDraft::setLocked);
    connect(m_session, &ConversationSession::conversationChanged, this, &EditSession::onConversationChanged);
    connect(m_session, &ConversationSession::loaded, this, &EditSession::onLoaded);
    connect(m_session, &ConversationSession::saved, this, &EditSession::onSaved);
    connect(m_session, &ConversationSession::failed, this,
            [this](const ApiResult &, ConversationSession::Operation operation) {
                m_afterSave = nullptr; // whatever waited for this save does not happen
                if (operation == ConversationSession::Operation::Load)
                    m_pendingRevert.reset();
            });
    connect(m_session, &ConversationSession::conflict, this, &EditSession::onConflict);
}

EditSession::~EditSession() = default;

void EditSession::credentialsArrived()
{
    if (const auto waiting = std::exchange(m_loadWhenCredentialsArrive, std::nullopt))
        startLoad(*waiting);
}

void EditSession::forgetPending()
{
    m_loadWhenCredentialsArrive.reset();
    m_pendingRevert.reset();
    m_afterSave = nullptr;
}

QString EditSession::noProfileProblem()
{
    return tr("Choose a profile first, or add one: Profiles… → Add…");
}

bool EditSession::load(const ConversationId &id)
{
    if (!m_session->hasProfile()) {
        Q_EMIT problem(noProfileProblem());
        return false;
    }
    if (m_session->isBusy()) {
        Q_EMIT note(m_session->refusalReason(ConversationSession::Operation::Load));
        return false;
    }
    switch (askAboutUnsavedEdits(tr("loading %1").arg(id.toString()), [this, id] { startLoad(id); })) {
    case Unsaved::Proceed:
        startLoad(id);
        return m_session->operation() == ConversationSession::Operation::Load || m_loadWhenCredentialsArrive;
    case Unsaved::AfterSave:
        return true;
    case Unsaved::Stay:
        return false;
    }
    return false;
}

void EditSession::startLoad(const ConversationId &id)
{
    Q_EMIT loadRequested(id.toString());
    if (m_credentialsPending && m_credentialsPending()) {
        m_loadWhenCredentialsArrive = id;
        Q_EMIT note(tr("Reading the AppSecret from the keychain…"));
        return;
    }
    if (!m_session->load(id))
        Q_EMIT note(m_session->refusalReason(ConversationSession::Operation::Load));
}

bool EditSession::isShowingOrLoading(const ConversationId &id) const
{
    const bool loadingIt = m_session->operation() == ConversationSession::Operation::Load
                        && m_session->pendingId() == id;
    const bool showingIt = !m_session->isBusy() && m_session->hasConversation() && m_session->conversationId() == id;
    return loadingIt || showingIt;
}

bool EditSession::open(const ConversationId &id)
{
    if (isShowingOrLoading(id))
        return true;
    return load(id);
}

bool EditSession::save()
{
    auto afterSave = std::exchange(m_afterSave, nullptr);
    if (const QString why = m_session->refusalReason(ConversationSession::Operation::Save); !why.isEmpty()) {
        Q_EMIT note(why);
        return false;
    }
    if (!m_draft->isModified()) {
        Q_EMIT note(tr("Nothing to save: the server extension is as loaded."));
        return false;
    }
    if (m_draft->isTooLong()) {
        Q_EMIT note(tr("The server extension is longer than %1 characters; shorten it to save.")
                        .arg(ExtensionDraft::MaxLength));
        return false;
    }
    // Asked before the review too: no point confirming a save that will be refused.
    if (const QString auditProblem = m_session->auditProblem(); !auditProblem.isEmpty()) {
        Q_EMIT problem(auditProblem);
        return false;
    }
    SaveReview review{m_session->conversationId().toString(), m_session->profile().name,
                      m_session->profile().appKey, m_session->loadedServerExtension(), m_draft->text(),
                      reason(), m_session->profile().requireReason};
    checkAgainstSchema(review);
    const bool confirmed = m_review && m_review(review);
    setReason(review.reason); // kept even when cancelled
    if (!confirmed) {
        Q_EMIT note(tr("Save cancelled; nothing was sent."));
        return false;
    }
    if (review.reasonRequired && review.reason.trimmed().isEmpty()) {
        Q_EMIT note(tr("Not saved: this profile requires a reason for every save."));
        return false;
    }
    m_verdictBeingSaved = verdictOf(review);
    m_revertBeingSaved = revertInDraft(review.after);
    if (!sendSave(review.after, review.reason))
        return false;
    m_afterSave = std::move(afterSave);
    return true;
}

SchemaVerdict EditSession::verdictOf(const SaveReview &review)
{
    if (review.schemaFile.isEmpty())
        return {};
    if (!review.schemaProblem.isEmpty()) // the value could not be checked: said so, not "passed"
        return SchemaVerdict::skipped(review.schemaFile);
    SchemaVerdict verdict;
    verdict.schemaPath = review.schemaFile;
    verdict.schemaSha256 = review.schemaSha256;
    verdict.check = review.schemaErrors.isEmpty() ? SchemaVerdict::Passed : SchemaVerdict::Failed;
    for (const SchemaError &error : review.schemaErrors)
        verdict.errors << SchemaVerdict::line(error);
    return verdict;
}

void EditSession::checkAgainstSchema(SaveReview &review) const
{
    review.schemaFile = m_session->profile().extensionSchemaFile;
    if (review.schemaFile.isEmpty())
        return;
    // Read now, not when the profile was chosen: a team's shared copy may have changed.
    const auto schema = ExtensionSchema::load(review.schemaFile, &review.schemaProblem);
    if (!schema)
        return;
    review.schemaSha256 = schema->sha256Hex();
    review.schemaErrors = schema->validate(review.after);
}

RevertedSave EditSession::revertInDraft(const QString &value) const
{
    // Only the reverted value itself: edited further, it is a save of its own.
    if (m_revertInDraft && m_revertInDraft->id == m_session->conversationId() && m_revertInDraft->value == value)
        return m_revertInDraft->reverted;
    return {};
}

bool EditSession::sendSave(const QString &value, const QString &reason)
{
    QString refusal;
    m_session->setNextSaveSchemaVerdict(m_verdictBeingSaved);
    m_session->setNextSaveRevertOf(m_revertBeingSaved);
    if (!m_session->save(value, reason, &refusal)) {
        Q_EMIT problem(refusal);
        return false;
    }
    m_reasonBeingSaved = reason;
    return true;
}

bool EditSession::applyKeyEdit(const JsonTextEditor::Edit &edit)
{
    if (m_draft->isLocked()) {
        Q_EMIT note(m_session->refusalReason(ConversationSession::Operation::Save));
        return false;
    }
    QString error;
    const auto edited = JsonTextEditor::apply(m_draft->text(), {edit}, &error);
    if (!edited) {
        Q_EMIT problem(tr("The edit was not applied: %1").arg(error));
        return false;
    }
    m_draft->setText(*edited, edit.kind == JsonTextEditor::Edit::Kind::Remove ? tr("Remove %1").arg(edit.key)
                                                                              : tr("Set %1").arg(edit.key));
    return true;
}

QString EditSession::reason() const
{
    return m_session->hasConversation() ? m_reasons.value(m_session->conversationId().toString()) : QString();
}

void EditSession::setReason(const QString &reason)
{
    if (!m_session->hasConversation())
        return;
    const QString id = m_session->conversationId().toString();
    if (reason.isEmpty())
        m_reasons.remove(id);
    else
        m_reasons.insert(id, reason);
}

bool EditSession::revertTo(const AuditRecord &record)
{
    if (!record.valueBefore) {
        Q_EMIT problem(tr("Cannot revert: this attempt could not read the server first, so the value "
                          "before it is unknown."));
        return false;
    }
    const Profile profile = m_session->profile();
    if (record.profile != profile.name || (!record.appKey.isEmpty() && record.appKey != profile.appKey)) {
        Q_EMIT problem(tr("Cannot revert here: that save was made with the profile %1 (AppKey %2); "
                          "choose that profile first.")
                           .arg(record.profile, record.appKey));
        return false;
    }
    QString error;
    const auto id = ConversationId::parse(record.conversationId, &error);
    if (!id) {
        Q_EMIT problem(tr("Cannot revert: %1").arg(error));
        return false;
    }
    if (m_session->isBusy()) {
        Q_EMIT note(m_session->refusalReason(ConversationSession::Operation::Save));
        return false;
    }
    const QString value = *record.valueBefore;
    const RevertedSave reverted{record.time, record.attemptId};
    if (m_session->hasConversation() && m_session->conversationId() == *id) {
        if (m_draft->isModified() && m_draft->text() != value) {
            const auto choice = askAboutUnsavedEdits(tr("reverting to the value from the history"),
                                                     [this, value, reverted] { applyRevert(value, reverted); });
            if (choice == Unsaved::AfterSave)
                return true;
            if (choice == Unsaved::Stay)
                return false;
        }
        applyRevert(value, reverted);
        return true;
    }
    // Load it first; the revert goes on once it is shown (see onLoaded()).
    m_pendingRevert = PendingRevert{*id, value, reverted};
    if (!load(*id)) {
        m_pendingRevert.reset(); // the user stayed, or the load could not start
        return false;
    }
    return true;
}

void EditSession::applyRevert(const QString &value, const RevertedSave &reverted)
{
    m_revertInDraft = PendingRevert{m_session->conversationId(), value, reverted};
    m_draft->setText(value, tr("Revert to a value from the History"));
    if (!m_draft->isModified()) {
        Q_EMIT note(tr("The server extension already has that value; nothing to revert."));
        return;
    }
    save();
}

bool EditSession::mayLeave(const QString &action, std::function<void()> proceedLater)
{
    return askAboutUnsavedEdits(action, std::move(proceedLater)) == Unsaved::Proceed;
}

EditSession::Unsaved EditSession::askAboutUnsavedEdits(const QString &action, std::function<void()> afterSave)
{
    if (!m_draft->isModified())
        return Unsaved::Proceed;
    const UnsavedAnswer answer = m_askUnsaved ? m_askUnsaved(m_session->conversationId().toString(), action)
                                              : UnsavedAnswer::Cancel;
    switch (answer) {
    case UnsavedAnswer::Discard:
        return Unsaved::Proceed;
    case UnsavedAnswer::Save:
        m_afterSave = std::move(afterSave);
        if (save())
            return Unsaved::AfterSave;
        m_afterSave = nullptr;
        return Unsaved::Stay;
    case UnsavedAnswer::Cancel:
        break;
    }
    return Unsaved::Stay;
}

void EditSession::onConversationChanged()
{
    const QString loaded = m_session->hasConversation() ? m_session->loadedServerExtension() : QString();
    if (std::exchange(m_keepDraftOnNextChange, false)) {
        m_draft->rebase(loaded);
    } else {
        m_draft->reset(loaded);
        m_revertInDraft.reset(); // saved, or another conversation: the revert is done with
    }
}

void EditSession::onLoaded()
{
    if (const auto revert = std::exchange(m_pendingRevert, std::nullopt);
        revert && revert->id == m_session->conversationId())
        applyRevert(revert->value, revert->reverted);
}

void EditSession::onSaved()
{
    // The reason went on record with this save; the next change gets its own.
    if (m_session->hasConversation()
        && m_reasons.value(m_session->conversationId().toString()) == m_reasonBeingSaved)
        m_reasons.remove(m_session->conversationId().toString());
    m_reasonBeingSaved.clear();
    if (auto next = std::exchange(m_afterSave, nullptr))
        next();
}

void EditSession::onConflict(const SaveConflict &conflict)
{
    // Whatever waited for the save (a load, closing) waits for an overwrite, or is dropped.
    auto afterSave = std::exchange(m_afterSave, nullptr);
    const ConflictChoice choice = m_resolveConflict ? m_resolveConflict(conflict) : ConflictChoice::KeepEditing;
    switch (choice) {
    case ConflictChoice::Overwrite: {
        QString refusal;
        m_session->setNextSaveSchemaVerdict(m_verdictBeingSaved); // the same value, the same verdict
        m_session->setNextSaveRevertOf(m_revertBeingSaved);
        if (!m_session->overwrite(conflict.yours, m_reasonBeingSaved, &refusal)) {
            Q_EMIT problem(refusal);
            return;
        }
        m_afterSave = std::move(afterSave);
        return;
    }
    case ConflictChoice::TakeServer:
        m_session->adoptServerState(conflict); // the draft becomes the server's value, unmodified
        Q_EMIT note(conflict.overwrittenAfterSave
                        ? tr("Took the server's value, which replaced your save.")
                        : tr("Took the server's value; your edit was dropped. Nothing was written."));
        return;
    case ConflictChoice::KeepEditing:
        // The server's value becomes the base: the tree shows it, Revert returns to it, and the
        // next Save compares with it and is guarded against any further change. The draft and
        // its undo history stay.
        if (conflict.id == m_session->conversationId())
            m_keepDraftOnNextChange = true;
        m_session->adoptServerState(conflict);
        m_keepDraftOnNextChange = false;
        m_draft->setText(conflict.yours, tr("Keep my edit after a conflict"));
        Q_EMIT problem(
            conflict.overwrittenAfterSave
                ? tr("Your save of %1 was written, then overwritten right after it. Your text is still in the "
                     "editor; the tree now shows the server's value, and the next Save shows what it would "
                     "replace.")
                      .arg(conflict.id.toString())
                : tr("Not saved: someone changed the server extension of %1 while you were editing. Your text "
                     "is still in the editor; the tree now shows the server's value, and the next Save shows "
                     "what it would replace.")
                      .arg(conflict.id.toString()));
        return;
    }
}

} // namespace convdesk

#pragma once

#include "api/ConversationId.h"
#include "audit/AuditRecord.h"
#include "json/JsonTextEditor.h"
#include "schema/ExtensionSchema.h"
#include "schema/SchemaVerdict.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace convdesk {

class ConversationSession;
class ExtensionDraft;
struct SaveConflict;

// What the user is asked to confirm before a save is sent.
struct SaveReview
{
    QString conversationId;
    QString profileName;
    QString appKey;
    QString before; // server_extension as loaded
    QString after;  // the value to send
    QString reason; // "Reason / ticket": what the user typed so far; the review may change it
    bool reasonRequired = false;
    // The profile's team schema, read afresh for this review: its file ("" for none), the
    // SHA-256 of what was read, why it could not be used ("" when it could) and what it finds
    // wrong with `after`. A review that goes ahead despite errors or a problem is recorded so.
    QString schemaFile{};
    QString schemaSha256{};
    QString schemaProblem{};
    QList<SchemaError> schemaErrors{};
    bool passesSchema() const { return schemaFile.isEmpty() || (schemaProblem.isEmpty() && schemaErrors.isEmpty()); }
};

// The editing workflow of the main window, without widgets: the draft of server_extension
// (loaded value, pending value, one undo history), the reason typed for it, the questions
// before a load or a save, what waits for a save (a load, closing, switching profiles), a
// revert from the History waiting for its conversation, and what happens after a conflict.
// The window answers the questions through hooks (dialogs in the GUI, scripted in tests) and
// shows the notes and problems this reports.
class EditSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditSession)
public:
    enum class UnsavedAnswer { Save, Discard, Cancel };
    enum class ConflictChoice { Overwrite, TakeServer, KeepEditing };
    Q_ENUM(ConflictChoice)

    // `action` completes "Save them before …?" ("loading 1|p2p|a|b", "closing").
    using UnsavedQuestion = std::function<UnsavedAnswer(const QString &conversationId, const QString &action)>;
    // True to send; the review writes the reason it ended with into `review.reason`.
    using ReviewHook = std::function<bool(SaveReview &review)>;
    using ConflictHook = std::function<ConflictChoice(const SaveConflict &conflict)>;

    explicit EditSession(ConversationSession *session, QObject *parent = nullptr);
    ~EditSession() override;

    ConversationSession *session() const { return m_session; }
    ExtensionDraft *draft() const { return m_draft; }

    // The problem a load reports while there is no profile, so that the window can take it
    // back once there is one.
    static QString noProfileProblem();

    void setUnsavedQuestion(UnsavedQuestion question) { m_askUnsaved = std::move(question); }
    void setReviewHook(ReviewHook review) { m_review = std::move(review); }
    void setConflictHook(ConflictHook resolve) { m_resolveConflict = std::move(resolve); }

    // While `pending` says the profile's AppSecret is still being read, a load waits;
    // credentialsArrived() starts it.
    void setCredentialsPendingCheck(std::function<bool()> pending) { m_credentialsPending = std::move(pending); }
    void credentialsArrived();
    bool isLoadWaitingForCredentials() const { return m_loadWhenCredentialsArrive.has_value(); }
    // The profile changed: whatever waited for the old one is dropped.
    void forgetPending();

    // Each returns whether the operation started, or will start once a save or the AppSecret
    // it waits for is done; when not, note() or problem() said why.
    bool load(const ConversationId &id);
    bool save();
    // Loads `conversationId` unless it is the conversation shown or being loaded (true then).
    bool open(const ConversationId &id);
    // Puts the record's value before into the draft of its conversation (loading it first when
    // needed) and starts the usual save: review, then the guarded save.
    bool revertTo(const AuditRecord &record);

    // Before leaving the conversation (closing, switching profiles): true when there is nothing
    // to keep or the user discarded it. When the user chose to save first, `proceedLater` runs
    // once the save succeeds, and this returns false; also false when the user stayed.
    bool mayLeave(const QString &action, std::function<void()> proceedLater);

    // One key edit of the pending value (an inline edit in the tree): applied to the draft as
    // one undoable step; false, with problem() saying why, when it cannot be applied.
    bool applyKeyEdit(const JsonTextEditor::Edit &edit);

    // The reason typed for the shown conversation's pending change; kept until it is saved.
    QString reason() const;
    void setReason(const QString &reason);

    bool isShowingOrLoading(const ConversationId &id) const;

Q_SIGNALS:
    // Something the user should read in passing (the status bar).
    void note(const QString &message);
    // Something that needs attention (the message banner).
    void problem(const QString &message);
    // The conversation this session starts to load (not before the unsaved-edits question
    // was answered), so the ID box can show it.
    void loadRequested(const QString &conversationId);

private:
    void startLoad(const ConversationId &id);
    void checkAgainstSchema(SaveReview &review) const;
    bool sendSave(const QString &value, const QString &reason);
    static SchemaVerdict verdictOf(const SaveReview &review);
    RevertedSave revertInDraft(const QString &value) const;
    void onConversationChanged();
    void onLoaded();
    void onSaved();
    void onConflict(const SaveConflict &conflict);
    void applyRevert(const QString &value, const RevertedSave &reverted);

    enum class Unsaved { Proceed, AfterSave, Stay };
    Unsaved askAboutUnsavedEdits(const QString &action, std::function<void()> afterSave);

    ConversationSession *m_session;
    ExtensionDraft *m_draft;
    UnsavedQuestion m_askUnsaved;
    ReviewHook m_review;
    ConflictHook m_resolveConflict;

    std::function<bool()> m_credentialsPending;
    std::optional<ConversationId> m_loadWhenCredentialsArrive;
    std::function<void()> m_afterSave;
    struct PendingRevert
    {
        ConversationId id;
        QString value;
        RevertedSave reverted;
    };
    std::optional<PendingRevert> m_pendingRevert;
    // The draft holds a History revert: a save of exactly this value is recorded as one.
    std::optional<PendingRevert> m_revertInDraft;
    RevertedSave m_revertBeingSaved;
    QHash<QString, QString> m_reasons;   // by conversation ID, until saved
    QString m_reasonBeingSaved;
    SchemaVerdict m_verdictBeingSaved; // for the audit record, also of an overwrite after a conflict
    bool m_keepDraftOnNextChange = false; // a conflict's "keep editing": rebase, not reset
};

} // namespace convdesk

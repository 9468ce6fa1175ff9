#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"
#include "session/ConversationSession.h"
#include "session/EditSession.h"
#include "session/ExtensionDraft.h"
#include "session/GuardedSave.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The editing workflow without a window: the questions are answered by scripted hooks.
class TestEditSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loadResetsTheDraft();
    void unsavedQuestionDecidesTheLoad_data();
    void unsavedQuestionDecidesTheLoad();
    void cancelledReviewKeepsReasonAndSendsNothing();
    void reviewedSaveSendsTheDraft();
    void openOfTheShownConversationDoesNothing();
    void loadWaitsForCredentials();
    void conflictChoices_data();
    void conflictChoices();
    void revertLoadsItsConversationFirst();
    void revertRefusesAnotherProfile();
    void declinedSwitchDoesNotRenameTheIdBox();
    void revertIsRecordedOnlyForTheRevertedValue_data();
    void revertIsRecordedOnlyForTheRevertedValue();

private:
    ConversationId idAt(int index) const;
    std::string serverExtension(int index) const;
    void loadAt(int index);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ConversationSession> m_session;
    std::unique_ptr<EditSession> m_edit;
    QList<EditSession::UnsavedAnswer> m_unsavedAnswers;
    QList<bool> m_reviewAnswers;
    QList<SaveReview> m_reviews;
    QString m_reasonTyped;
    EditSession::ConflictChoice m_conflictChoice = EditSession::ConflictChoice::KeepEditing;
};

void TestEditSession::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_sandbox->conversationIds().size() >= 2);
}

void TestEditSession::init()
{
    m_sandbox->resetToSeed();
    m_session = std::make_unique<ConversationSession>();
    Profile profile;
    profile.name = u"Sandbox"_s;
    profile.region = Region::Custom;
    profile.baseUrl = m_sandbox->baseUrl();
    profile.appKey = SandboxServer::demoCredentials().appKey;
    m_session->setProfile(profile, SandboxServer::demoCredentials());
    m_edit = std::make_unique<EditSession>(m_session.get());
    m_unsavedAnswers.clear();
    m_reviewAnswers.clear();
    m_reviews.clear();
    m_reasonTyped.clear();
    m_edit->setUnsavedQuestion([this](const QString &, const QString &) {
        return m_unsavedAnswers.isEmpty() ? EditSession::UnsavedAnswer::Cancel : m_unsavedAnswers.takeFirst();
    });
    m_edit->setReviewHook([this](SaveReview &review) {
        m_reviews.append(review);
        if (!m_reasonTyped.isEmpty())
            review.reason = m_reasonTyped;
        return !m_reviewAnswers.isEmpty() && m_reviewAnswers.takeFirst();
    });
    m_edit->setConflictHook([this](const SaveConflict &) { return m_conflictChoice; });
}

void TestEditSession::cleanup()
{
    m_edit.reset();
    m_session.reset();
}

ConversationId TestEditSession::idAt(int index) const
{
    return *ConversationId::parse(m_sandbox->conversationIds().at(index));
}

std::string TestEditSession::serverExtension(int index) const
{
    const auto conversation = m_sandbox->conversation(idAt(index).toString());
    return conversation ? conversation->value("server_extension", std::string()) : std::string();
}

void TestEditSession::loadAt(int index)
{
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(m_edit->load(idAt(index)));
    QVERIFY(loaded.wait());
    QCOMPARE(m_session->conversationId(), idAt(index));
}

void TestEditSession::loadResetsTheDraft()
{
    loadAt(0);
    ExtensionDraft *draft = m_edit->draft();
    QCOMPARE(draft->original(), m_session->loadedServerExtension());
    draft->setText(u"edited"_s, u"Edit"_s);
    m_unsavedAnswers = {EditSession::UnsavedAnswer::Discard};
    loadAt(1);
    QCOMPARE(draft->text(), m_session->loadedServerExtension());
    QVERIFY(!draft->isModified());
    QVERIFY(!draft->canUndo()); // another conversation's history is gone
}

void TestEditSession::unsavedQuestionDecidesTheLoad_data()
{
    QTest::addColumn<EditSession::UnsavedAnswer>("answer");
    QTest::addColumn<bool>("reviewAnswer");
    QTest::addColumn<bool>("started");
    QTest::addColumn<int>("shownAfter");

    QTest::newRow("cancel") << EditSession::UnsavedAnswer::Cancel << false << false << 0;
    QTest::newRow("discard") << EditSession::UnsavedAnswer::Discard << false << true << 1;
    QTest::newRow("save, review sent") << EditSession::UnsavedAnswer::Save << true << true << 1;
    QTest::newRow("save, review cancelled") << EditSession::UnsavedAnswer::Save << false << false << 0;
}

void TestEditSession::unsavedQuestionDecidesTheLoad()
{
    QFETCH(EditSession::UnsavedAnswer, answer);
    QFETCH(bool, reviewAnswer);
    QFETCH(bool, started);
    QFETCH(int, shownAfter);

    loadAt(0);
    m_edit->draft()->setText(uR"({"edited":true})"_s, u"Edit"_s);
    m_unsavedAnswers = {answer};
    m_reviewAnswers = {reviewAnswer};
    QSignalSpy shown(m_session.get(), &ConversationSession::loaded);
    QCOMPARE(m_edit->load(idAt(1)), started);
    if (started)
        QTRY_COMPARE(m_session->conversationId(), idAt(shownAfter));
    else
        QVERIFY(!m_session->isBusy());
    QCOMPARE(m_session->conversationId(), idAt(shownAfter));
    if (answer == EditSession::UnsavedAnswer::Save && reviewAnswer) {
        // Saved first, then loaded: the first conversation holds the edit on the server.
        QCOMPARE(serverExtension(0),
                 std::string(R"({"edited":true})"));
    }
    if (!started)
        QCOMPARE(m_edit->draft()->text(), uR"({"edited":true})"_s); // nothing lost
}

void TestEditSession::cancelledReviewKeepsReasonAndSendsNothing()
{
    loadAt(0);
    m_edit->draft()->setText(u"{}"_s, u"Edit"_s);
    m_reasonTyped = u"TICKET-7"_s;
    QSignalSpy notes(m_edit.get(), &EditSession::note);
    QSignalSpy saveStarted(m_session.get(), &ConversationSession::saveStarted);
    QVERIFY(!m_edit->save());
    QCOMPARE(saveStarted.size(), 0);
    QCOMPARE(m_edit->reason(), u"TICKET-7"_s);
    QVERIFY(notes.last().first().toString().contains(u"nothing was sent"_s));
    // The next review starts with what was typed.
    m_reasonTyped.clear();
    QVERIFY(!m_edit->save());
    QCOMPARE(m_reviews.last().reason, u"TICKET-7"_s);
}

void TestEditSession::reviewedSaveSendsTheDraft()
{
    loadAt(0);
    const QString before = m_session->loadedServerExtension();
    m_edit->draft()->setText(uR"({"a":1})"_s, u"Edit"_s);
    m_reviewAnswers = {true};
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    QVERIFY(m_edit->save());
    QCOMPARE(m_reviews.size(), 1);
    QCOMPARE(m_reviews.first().before, before);
    QCOMPARE(m_reviews.first().after, uR"({"a":1})"_s);
    QCOMPARE(m_reviews.first().conversationId, idAt(0).toString());
    QVERIFY(saved.wait());
    QCOMPARE(m_edit->draft()->original(), uR"({"a":1})"_s);
    QVERIFY(!m_edit->draft()->isModified());
    QVERIFY(!m_edit->save()); // nothing left to save
}

void TestEditSession::openOfTheShownConversationDoesNothing()
{
    loadAt(0);
    QSignalSpy requested(m_edit.get(), &EditSession::loadRequested);
    QSignalSpy started(m_session.get(), &ConversationSession::loadStarted);
    QVERIFY(m_edit->open(idAt(0)));
    QCOMPARE(started.size(), 0);
    QVERIFY(m_edit->open(idAt(1)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), idAt(1).toString());
    QCOMPARE(started.size(), 1);
}

void TestEditSession::loadWaitsForCredentials()
{
    bool pending = true;
    m_edit->setCredentialsPendingCheck([&pending] { return pending; });
    QSignalSpy started(m_session.get(), &ConversationSession::loadStarted);
    QVERIFY(m_edit->load(idAt(0)));
    QVERIFY(m_edit->isLoadWaitingForCredentials());
    QCOMPARE(started.size(), 0);
    pending = false;
    m_edit->credentialsArrived();
    QCOMPARE(started.size(), 1);
    QVERIFY(!m_edit->isLoadWaitingForCredentials());
    m_edit->setCredentialsPendingCheck({});
}

void TestEditSession::conflictChoices_data()
{
    QTest::addColumn<EditSession::ConflictChoice>("choice");
    QTest::addColumn<QString>("draftAfter");
    QTest::addColumn<QString>("serverAfter");

    QTest::newRow("keep editing") << EditSession::ConflictChoice::KeepEditing << uR"({"mine":1})"_s
                                  << uR"({"theirs":1})"_s;
    QTest::newRow("take the server's") << EditSession::ConflictChoice::TakeServer << uR"({"theirs":1})"_s
                                       << uR"({"theirs":1})"_s;
    QTest::newRow("overwrite") << EditSession::ConflictChoice::Overwrite << uR"({"mine":1})"_s
                               << uR"({"mine":1})"_s;
}

void TestEditSession::conflictChoices()
{
    QFETCH(EditSession::ConflictChoice, choice);
    QFETCH(QString, draftAfter);
    QFETCH(QString, serverAfter);

    loadAt(0);
    m_edit->draft()->setText(uR"({"mine":1})"_s, u"Edit"_s);
    QVERIFY(m_sandbox->setServerExtension(idAt(0).toString(), uR"({"theirs":1})"_s));
    m_conflictChoice = choice;
    m_reviewAnswers = {true};
    QSignalSpy conflict(m_session.get(), &ConversationSession::conflict);
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    QVERIFY(m_edit->save());
    QVERIFY(conflict.wait());
    if (choice == EditSession::ConflictChoice::Overwrite)
        QVERIFY(saved.wait());
    QTRY_VERIFY(!m_session->isBusy());
    QCOMPARE(m_edit->draft()->text(), draftAfter);
    QCOMPARE(serverExtension(0),
             serverAfter.toStdString());
    if (choice == EditSession::ConflictChoice::KeepEditing) {
        // The server's value is the new base; the edit and its history stay.
        QCOMPARE(m_edit->draft()->original(), uR"({"theirs":1})"_s);
        QVERIFY(m_edit->draft()->isModified());
        QVERIFY(m_edit->draft()->canUndo());
    }
}

void TestEditSession::revertLoadsItsConversationFirst()
{
    loadAt(0);
    AuditRecord record;
    record.profile = u"Sandbox"_s;
    record.appKey = SandboxServer::demoCredentials().appKey;
    record.conversationId = idAt(1).toString();
    record.valueBefore = uR"({"old":true})"_s;
    QSignalSpy requested(m_edit.get(), &EditSession::loadRequested);
    QVERIFY(m_edit->revertTo(record));
    QCOMPARE(requested.size(), 1);
    QTRY_COMPARE(m_reviews.size(), 1); // after the load: the review of the revert
    QCOMPARE(m_session->conversationId(), idAt(1));
    QCOMPARE(m_reviews.first().after, uR"({"old":true})"_s);
    QCOMPARE(m_edit->draft()->text(), uR"({"old":true})"_s);
}

void TestEditSession::revertRefusesAnotherProfile()
{
    loadAt(0);
    AuditRecord record;
    record.profile = u"Production"_s;
    record.appKey = u"other"_s;
    record.conversationId = idAt(0).toString();
    record.valueBefore = u"x"_s;
    QSignalSpy problems(m_edit.get(), &EditSession::problem);
    QVERIFY(!m_edit->revertTo(record));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().first().toString().contains(u"Production"_s));
    QVERIFY(!m_edit->draft()->isModified());
}

void TestEditSession::declinedSwitchDoesNotRenameTheIdBox()
{
    loadAt(0);
    m_edit->draft()->setText(u"unsaved"_s, u"Typing"_s);
    QSignalSpy requested(m_edit.get(), &EditSession::loadRequested);
    m_unsavedAnswers << EditSession::UnsavedAnswer::Cancel;
    QVERIFY(!m_edit->open(idAt(1)));
    QCOMPARE(requested.size(), 0); // the ID box keeps naming what is shown
    QCOMPARE(m_session->conversationId(), idAt(0));

    m_unsavedAnswers << EditSession::UnsavedAnswer::Discard;
    QVERIFY(m_edit->open(idAt(1)));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), idAt(1).toString());
}

void TestEditSession::revertIsRecordedOnlyForTheRevertedValue_data()
{
    QTest::addColumn<QString>("editAfterRevert"); // typed over the reverted value; "" for none
    QTest::addColumn<bool>("firstReviewCancelled");
    QTest::addColumn<bool>("recordedAsRevert");

    QTest::newRow("as reverted") << QString() << false << true;
    QTest::newRow("cancelled, then saved as reverted") << QString() << true << true;
    QTest::newRow("edited further") << uR"({"old":true,"more":1})"_s << true << false;
}

void TestEditSession::revertIsRecordedOnlyForTheRevertedValue()
{
    QFETCH(QString, editAfterRevert);
    QFETCH(bool, firstReviewCancelled);
    QFETCH(bool, recordedAsRevert);
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    m_session->setAuditLog(&log, u"test"_s);
    loadAt(0);
    AuditRecord record;
    record.time = QDateTime(QDate(2026, 11, 30), QTime(9, 15, 2, 345), Qt::UTC);
    record.attemptId = u"attempt-1"_s;
    record.profile = u"Sandbox"_s;
    record.appKey = SandboxServer::demoCredentials().appKey;
    record.conversationId = idAt(0).toString();
    record.valueBefore = uR"({"old":true})"_s;

    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    m_reviewAnswers << !firstReviewCancelled;
    QVERIFY(m_edit->revertTo(record));
    if (firstReviewCancelled) {
        QCOMPARE(saved.size(), 0);
        if (!editAfterRevert.isEmpty())
            m_edit->draft()->setText(editAfterRevert, u"Typing"_s);
        m_reviewAnswers << true;
        QVERIFY(m_edit->save());
    }
    QVERIFY(saved.wait());

    const QList<AuditRecord> written = AuditJoin::attempts(log.readAll());
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().revertOf.isValid(), recordedAsRevert);
    if (recordedAsRevert) {
        QCOMPARE(written.first().revertOf.time, record.time);
        QCOMPARE(written.first().revertOf.attemptId, u"attempt-1"_s);
    }
    // The next save of the same conversation is a save of its own.
    m_edit->draft()->setText(u"{}"_s, u"Typing"_s);
    m_reviewAnswers << true;
    QVERIFY(m_edit->save());
    QVERIFY(saved.wait());
    QVERIFY(!AuditJoin::attempts(log.readAll()).last().revertOf.isValid());
    m_session->setAuditLog(nullptr, {});
}

QTEST_GUILESS_MAIN(TestEditSession)
#include "tst_editsession.moc"

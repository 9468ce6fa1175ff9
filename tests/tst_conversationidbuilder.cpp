#include "ConversationIdBuilder.h"
#include "support/RequireChild.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestConversationIdBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void buildsFromInput_data();
    void buildsFromInput();
    void targetLabelFollowsType();
    void returnKeyUsesTheId();
    void setFromId();

private:
    template<typename T>
    T *child(const char *name) { return test::requireChild<T>(m_builder, name); }

    ConversationIdBuilder *m_builder = nullptr;
};

void TestConversationIdBuilder::init()
{
    m_builder = new ConversationIdBuilder;
    m_builder->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_builder));
}

void TestConversationIdBuilder::cleanup()
{
    delete m_builder;
    m_builder = nullptr;
}

void TestConversationIdBuilder::buildsFromInput_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<int>("typeIndex");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("error");  // a phrase of the message; empty when valid
    QTest::addColumn<QString>("id");     // empty when invalid

    QTest::newRow("one-to-one") << u"acc1"_s << 0 << u"acc2"_s << u""_s << u"acc1|1|acc2"_s;
    QTest::newRow("advanced team") << u"acc1"_s << 1 << u"123456"_s << u""_s << u"acc1|2|123456"_s;
    QTest::newRow("super team") << u"acc1"_s << 2 << u"9007199254740993"_s << u""_s << u"acc1|3|9007199254740993"_s;
    QTest::newRow("account lower-cased") << u"Acc1"_s << 0 << u"acc2"_s << u""_s << u"acc1|1|acc2"_s;
    QTest::newRow("pasted spaces trimmed") << u" acc1 "_s << 0 << u" acc2"_s << u""_s << u"acc1|1|acc2"_s;
    QTest::newRow("empty account") << u""_s << 0 << u"acc2"_s << u"account ID is empty"_s << u""_s;
    QTest::newRow("33-character account") << QString(33, u'a') << 0 << u"b"_s << u"at most 32"_s << u""_s;
    QTest::newRow("bad character") << u"ac|c"_s << 0 << u"b"_s << u"only letters"_s << u""_s;
    QTest::newRow("empty peer") << u"acc1"_s << 0 << u""_s << u"peer account ID is empty"_s << u""_s;
    QTest::newRow("bad peer") << u"acc1"_s << 0 << u"a b"_s << u"Peer:"_s << u""_s;
    QTest::newRow("team id not a number") << u"acc1"_s << 1 << u"team7"_s << u"must be a number"_s << u""_s;
    QTest::newRow("empty team id") << u"acc1"_s << 2 << u""_s << u"team ID is empty"_s << u""_s;
}

void TestConversationIdBuilder::buildsFromInput()
{
    QFETCH(QString, account);
    QFETCH(int, typeIndex);
    QFETCH(QString, target);
    QFETCH(QString, error);
    QFETCH(QString, id);

    QSignalSpy built(m_builder, &ConversationIdBuilder::idBuilt);
    QTest::keyClicks(child<QLineEdit>("builderAccount"), account);
    child<QComboBox>("builderType")->setCurrentIndex(typeIndex);
    QTest::keyClicks(child<QLineEdit>("builderTarget"), target);

    const QString shownError = child<QLabel>("builderError")->text();
    auto *use = child<QPushButton>("builderUseButton");
    if (error.isEmpty()) {
        QVERIFY2(shownError.isEmpty(), qPrintable(shownError));
        QCOMPARE(child<QLabel>("builderResult")->text(), id);
        QVERIFY(use->isEnabled());
    } else {
        QVERIFY2(shownError.contains(error), qPrintable(shownError));
        QVERIFY(!use->isEnabled());
    }
    QTest::mouseClick(use, Qt::LeftButton);
    m_builder->use(); // a direct call must not bypass validation either
    if (id.isEmpty()) {
        QCOMPARE(built.count(), 0);
    } else {
        QCOMPARE(built.count(), 2);
        QCOMPARE(built.first().first().toString(), id);
    }
}

void TestConversationIdBuilder::targetLabelFollowsType()
{
    auto *label = child<QLabel>("builderTargetLabel");
    auto *type = child<QComboBox>("builderType");
    QCOMPARE(label->text(), u"&Peer account:"_s);
    QCOMPARE(label->buddy(), child<QLineEdit>("builderTarget"));
    type->setCurrentIndex(1);
    QCOMPARE(label->text(), u"&Team ID:"_s);
    type->setCurrentIndex(2);
    QCOMPARE(label->text(), u"&Team ID:"_s);
    type->setCurrentIndex(0);
    QCOMPARE(label->text(), u"&Peer account:"_s);
}

void TestConversationIdBuilder::returnKeyUsesTheId()
{
    QSignalSpy built(m_builder, &ConversationIdBuilder::idBuilt);
    QTest::keyClicks(child<QLineEdit>("builderAccount"), u"acc1"_s);
    QTest::keyClicks(child<QLineEdit>("builderTarget"), u"acc2"_s);
    QTest::keyClick(child<QLineEdit>("builderTarget"), Qt::Key_Return);
    QCOMPARE(built.count(), 1);
    QCOMPARE(built.first().first().toString(), u"acc1|1|acc2"_s);
}

void TestConversationIdBuilder::setFromId()
{
    const auto id = ConversationId::parse(u"agent7|3|42"_s);
    QVERIFY(id);
    m_builder->setFromId(*id);
    QCOMPARE(child<QLineEdit>("builderAccount")->text(), u"agent7"_s);
    QCOMPARE(child<QComboBox>("builderType")->currentIndex(), 2);
    QCOMPARE(child<QLineEdit>("builderTarget")->text(), u"42"_s);
    QCOMPARE(child<QLabel>("builderResult")->text(), u"agent7|3|42"_s);
    QCOMPARE(m_builder->conversationId(), id);
}

QTEST_MAIN(TestConversationIdBuilder)
#include "tst_conversationidbuilder.moc"

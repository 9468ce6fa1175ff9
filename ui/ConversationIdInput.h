#pragma once

#include "api/ConversationId.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QLineEdit;
class QSettings;
class QStringListModel;
class QToolButton;

namespace convdesk {

// The conversation ID field: completes from recently opened IDs (kept in QSettings) and
// offers the ConversationIdBuilder for users who know the accounts but not the format.
class ConversationIdInput final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationIdInput)
public:
    static constexpr int MaxRecentIds = 20;

    explicit ConversationIdInput(QWidget *parent = nullptr);
    ~ConversationIdInput() override;

    // Recent IDs are read from and written to `settings`; with none they live in memory only
    // (the sandbox's IDs do not belong in the user's history).
    void setSettings(QSettings *settings);

    QString text() const;
    void setText(const QString &text);
    // The ID typed, or nullopt with a sentence in *error.
    std::optional<ConversationId> conversationId(QString *error = nullptr) const;

    // Puts the ID first in the recent list.
    void remember(const QString &conversationId);
    QStringList recentIds() const { return m_recent; }

    QLineEdit *lineEdit() const { return m_edit; }

public Q_SLOTS:
    void openBuilder(); // a dialog with the builder; a built ID fills the field and emits submitted()

Q_SIGNALS:
    void submitted(); // Enter in the field, or an ID taken from the builder

private:
    void loadRecent();
    void storeRecent();

    QLineEdit *m_edit;
    QToolButton *m_builderButton;
    QStringListModel *m_recentModel;
    QSettings *m_settings = nullptr;
    QStringList m_recent;
};

} // namespace convdesk

#pragma once

#include "api/ConversationId.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace convdesk {

// Builds "{account}|{type}|{target}" from its parts with inline validation, for users who
// know the accounts but not the ID format.
class ConversationIdBuilder final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationIdBuilder)
public:
    explicit ConversationIdBuilder(QWidget *parent = nullptr);
    ~ConversationIdBuilder() override;

    void setFromId(const ConversationId &id);
    // The ID the fields describe, or nullopt with errorText() saying why.
    std::optional<ConversationId> conversationId() const;
    QString errorText() const;

public Q_SLOTS:
    void use(); // emits idBuilt() when the fields make a valid ID

Q_SIGNALS:
    void idBuilt(const QString &conversationId);

private:
    ConversationType currentType() const;
    void updateState();

    QLineEdit *m_account;
    QComboBox *m_type;
    QLabel *m_targetLabel;
    QLineEdit *m_target;
    QLabel *m_error;
    QLabel *m_result;
    QPushButton *m_useButton;
};

} // namespace convdesk

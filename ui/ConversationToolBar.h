#pragma once

#include <QToolBar>

class QToolButton;

namespace convdesk {

class ConversationIdInput;
class ProfileSelector;

// The main window's tool bar, in the order of the work: which profile, which conversation
// ID, and the Load button. It holds no behaviour; MainWindow connects its parts.
class ConversationToolBar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationToolBar)
public:
    // The Load button triggers `loadAction`.
    ConversationToolBar(QAction *loadAction, QWidget *parent = nullptr);
    ~ConversationToolBar() override;

    ProfileSelector *profileSelector() const { return m_profileSelector; }
    ConversationIdInput *idInput() const { return m_idInput; }
    QToolButton *loadButton() const { return m_loadButton; }

private:
    ProfileSelector *m_profileSelector;
    ConversationIdInput *m_idInput;
    QToolButton *m_loadButton;
};

} // namespace convdesk

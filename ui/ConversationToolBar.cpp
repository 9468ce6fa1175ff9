#include "ConversationToolBar.h"

#include "ConversationIdInput.h"
#include "MainWindow.h"
#include "ProfileSelector.h"

#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace convdesk {

// The texts are MainWindow's, where the catalogue has them.
ConversationToolBar::ConversationToolBar(QAction *loadAction, QWidget *parent)
    : QToolBar(MainWindow::tr("Conversation"), parent)
{
    setObjectName(QStringLiteral("mainToolBar"));
    setMovable(false);
    setFloatable(false);

    m_profileSelector = new ProfileSelector(this);
    addWidget(m_profileSelector);
    addSeparator();
    auto *idLabel = new QLabel(MainWindow::tr("Conversation &ID:"), this);
    addWidget(idLabel);
    m_idInput = new ConversationIdInput(this);
    m_idInput->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    idLabel->setBuddy(m_idInput->lineEdit());
    addWidget(m_idInput);
    m_loadButton = new QToolButton(this);
    m_loadButton->setObjectName(QStringLiteral("loadButton"));
    m_loadButton->setDefaultAction(loadAction);
    m_loadButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addWidget(m_loadButton);
    m_loadButton->setAutoRaise(false); // a button, not a flat toolbar item: it is the main action
}

ConversationToolBar::~ConversationToolBar() = default;

} // namespace convdesk

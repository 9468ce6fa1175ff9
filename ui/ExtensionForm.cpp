#include "ExtensionForm.h"

#include "AlertStyle.h"
#include "ExtensionFormDelegate.h"
#include "models/ExtensionFormModel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

using Kind = ExtensionFormModel::Kind;

QPushButton *makeButton(const QString &text, const QString &accessibleName, const QString &objectName,
                        QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

ExtensionForm::ExtensionForm(QWidget *parent)
    : QWidget(parent)
    , m_model(new ExtensionFormModel(this))
    , m_delegate(new ExtensionFormDelegate(m_model, this))
    , m_view(new QTreeView(this))
    , m_unavailable(new QLabel(this))
    , m_message(new QLabel(this))
    , m_schemaErrors(new QLabel(this))
    , m_addMenu(new QMenu(this))
    , m_buttons(new QWidget(this))
    , m_addButton(makeButton(tr("&Add key"), tr("Add key"), u"formAddButton"_s, m_buttons))
    , m_addItemButton(makeButton(tr("Add item"), tr("Add item"), u"formAddItemButton"_s, m_buttons))
    , m_removeButton(makeButton(tr("Remove"), tr("Remove"), u"formRemoveButton"_s, m_buttons))
    , m_moveUpButton(makeButton(u"↑"_s, tr("Move up"), u"formMoveUpButton"_s, m_buttons))
    , m_moveDownButton(makeButton(u"↓"_s, tr("Move down"), u"formMoveDownButton"_s, m_buttons))
{
    m_addRequiredButton = makeButton(tr("Add required fields"), tr("Add required fields"),
                                     u"formAddRequiredButton"_s, m_buttons);
    m_addRequiredButton->setToolTip(tr("Adds the fields the team's schema requires, with their defaults"));
    m_addRequiredButton->hide();
    m_addMenu->setObjectName(u"formAddMenu"_s);
    m_view->setObjectName(u"extensionFormView"_s);
    m_view->setAccessibleName(tr("Server extension form"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(ExtensionFormModel::KeyColumn, 130);
    m_view->setColumnWidth(ExtensionFormModel::TypeColumn, 70);

    m_unavailable->setObjectName(u"formUnavailable"_s);
    m_unavailable->setWordWrap(true);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_message->setObjectName(u"formMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();
    m_schemaErrors->setObjectName(u"schemaErrors"_s);
    m_schemaErrors->setWordWrap(true);
    m_schemaErrors->setTextFormat(Qt::PlainText);
    m_schemaErrors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_schemaErrors->hide();

    auto *buttonRow = new QHBoxLayout(m_buttons);
    buttonRow->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *button :
         {m_addButton, m_addItemButton, m_removeButton, m_moveUpButton, m_moveDownButton, m_addRequiredButton})
        buttonRow->addWidget(button);
    buttonRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_unavailable, 1);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_schemaErrors);
    layout->addWidget(m_buttons);

    connect(m_addButton, &QPushButton::clicked, this, [this] {
        // With a schema the button offers its fields not yet set; a popup, not exec(), so
        // nothing waits on it.
        if (m_model->missingFields(targetObject()).isEmpty()) {
            addKey();
            return;
        }
        fillAddMenu();
        m_addMenu->popup(m_addButton->mapToGlobal(QPoint(0, m_addButton->height())));
    });
    connect(m_addRequiredButton, &QPushButton::clicked, this, [this] {
        if (m_model->addRequiredFields() > 0)
            m_view->setCurrentIndex(m_model->index(m_model->rowCount() - 1, ExtensionFormModel::ValueColumn));
    });
    connect(m_model, &ExtensionFormModel::schemaErrorsChanged, this, &ExtensionForm::updateSchemaErrors);
    connect(m_addItemButton, &QPushButton::clicked, this, &ExtensionForm::addItem);
    connect(m_removeButton, &QPushButton::clicked, this, &ExtensionForm::removeCurrent);
    connect(m_moveUpButton, &QPushButton::clicked, this, [this] { moveCurrent(true); });
    connect(m_moveDownButton, &QPushButton::clicked, this, [this] { moveCurrent(false); });
    auto *removeShortcut = new QShortcut(QKeySequence::Delete, m_view);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, this, &ExtensionForm::removeCurrent);
    // The move buttons show arrows only (the row of buttons must fit a narrow pane); the
    // keyboard moves rows with Ctrl+Up / Ctrl+Down, as the tooltips say.
    m_moveUpButton->setToolTip(tr("Move the key up (Ctrl+Up)"));
    m_moveDownButton->setToolTip(tr("Move the key down (Ctrl+Down)"));
    for (QPushButton *arrow : {m_moveUpButton, m_moveDownButton})
        arrow->setMaximumWidth(arrow->fontMetrics().horizontalAdvance(u"MMM"_s) + 16);
    auto *moveUpShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), m_view);
    moveUpShortcut->setContext(Qt::WidgetShortcut);
    connect(moveUpShortcut, &QShortcut::activated, this, [this] { moveCurrent(true); });
    auto *moveDownShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), m_view);
    moveDownShortcut->setContext(Qt::WidgetShortcut);
    connect(moveDownShortcut, &QShortcut::activated, this, [this] { moveCurrent(false); });

    connect(m_model, &ExtensionFormModel::textEdited, this, [this](const QString &text, const QString &description) {
        showMessage(QString());
        Q_EMIT textEdited(text, description);
    });
    connect(m_model, &ExtensionFormModel::editRefused, this, &ExtensionForm::showMessage);
    connect(m_delegate, &ExtensionFormDelegate::keyProblemChanged, this, &ExtensionForm::showMessage);
    connect(m_delegate, &QAbstractItemDelegate::closeEditor, this,
            [this](QWidget *, QAbstractItemDelegate::EndEditHint hint) {
                if (hint == QAbstractItemDelegate::RevertModelCache)
                    showMessage(QString()); // Esc: the problem went with the edit
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ExtensionForm::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ExtensionForm::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ExtensionForm::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &ExtensionForm::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ExtensionForm::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ExtensionForm::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ExtensionForm::fitKeyColumn);
    updateAvailability();
}

ExtensionForm::~ExtensionForm()
{
    // ~QWidget closes the window, and losing focus commits an open editor into the model,
    // whose signals would then reach this form after its own part is gone (UBSan found it).
    m_delegate->disconnect(this);
    m_model->disconnect(this);
    if (QItemSelectionModel *selection = m_view->selectionModel())
        selection->disconnect(this);
}

QString ExtensionForm::text() const
{
    return m_model->text();
}

bool ExtensionForm::isAvailable() const
{
    return m_model->isAvailable();
}

void ExtensionForm::setText(const QString &text)
{
    if (text == m_model->text())
        return;
    // A reset forgets the view's state: keep it by JSON Pointer.
    QStringList expanded;
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (m_view->isExpanded(child)) {
                expanded << m_model->pointer(child);
                pending << child;
            }
        }
    }
    const QModelIndex current = m_view->currentIndex();
    const QString currentPointer = current.isValid() ? m_model->pointer(current) : QString();
    const int currentColumn = current.isValid() ? current.column() : 0;

    m_model->setText(text);
    showMessage(QString());
    for (const QString &pointer : std::as_const(expanded))
        m_view->expand(m_model->indexForPointer(pointer));
    if (const QModelIndex restored = m_model->indexForPointer(currentPointer, currentColumn); restored.isValid())
        m_view->setCurrentIndex(restored);
    updateAvailability();
}

void ExtensionForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (readOnly) {
        // The value being saved is the one on screen: an open editor is dropped, not committed.
        for (int column = 0; column < ExtensionFormModel::ColumnCount; ++column) {
            if (QWidget *editor = m_view->indexWidget(m_view->currentIndex().siblingAtColumn(column)))
                Q_EMIT m_delegate->closeEditor(editor, QAbstractItemDelegate::RevertModelCache);
        }
    }
    m_model->setReadOnly(readOnly);
    m_view->viewport()->update();
    updateButtons();
}

QModelIndex ExtensionForm::currentRow() const
{
    return m_view->currentIndex().siblingAtColumn(ExtensionFormModel::KeyColumn);
}

void ExtensionForm::addKey()
{
    const QModelIndex object = targetObject();
    const QModelIndex added = m_model->addKey(object);
    if (!added.isValid())
        return;
    m_view->expand(object);
    editKeyOf(added);
}

QModelIndex ExtensionForm::targetObject() const
{
    // The selected object, else the object that holds the selected row.
    QModelIndex object = currentRow();
    while (object.isValid() && m_model->kind(object) != Kind::Object)
        object = object.parent();
    return object;
}

void ExtensionForm::addItem()
{
    QModelIndex array = currentRow();
    if (array.isValid() && m_model->kind(array) != Kind::Array)
        array = array.parent();
    const QModelIndex added = m_model->addItem(array);
    if (!added.isValid())
        return;
    m_view->expand(array);
    m_view->setCurrentIndex(added.siblingAtColumn(ExtensionFormModel::ValueColumn));
    m_view->edit(m_view->currentIndex());
}

void ExtensionForm::editKeyOf(const QModelIndex &index)
{
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->edit(index);
}

void ExtensionForm::removeCurrent()
{
    const QModelIndex row = currentRow();
    if (row.isValid() && !m_readOnly)
        m_model->removeRow(row.row(), row.parent());
}

void ExtensionForm::moveCurrent(bool up)
{
    const QModelIndex row = currentRow();
    if (row.isValid() && (up ? m_model->moveUp(row) : m_model->moveDown(row)))
        m_view->scrollTo(m_view->currentIndex());
}

void ExtensionForm::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    AlertStyle::setAlert(m_message, !message.isEmpty());
}

void ExtensionForm::updateAvailability()
{
    const bool available = m_model->isAvailable();
    m_unavailable->setText(m_model->unavailableReason());
    m_unavailable->setVisible(!available);
    m_view->setVisible(available);
    m_buttons->setVisible(available);
    updateButtons();
}

void ExtensionForm::fitKeyColumn()
{
    // Keys (with the schema's titles) as wide as their text, but the values keep at least
    // half of the view.
    m_view->resizeColumnToContents(ExtensionFormModel::KeyColumn);
    const int widest = m_view->columnWidth(ExtensionFormModel::KeyColumn);
    const int cap = qMax(130, m_view->viewport()->width() * 2 / 5);
    m_view->setColumnWidth(ExtensionFormModel::KeyColumn, qBound(130, widest, cap));
}

void ExtensionForm::updateButtons()
{
    const bool editable = m_model->isAvailable() && !m_readOnly;
    const QModelIndex row = currentRow();
    const bool inArray = row.isValid()
        && (m_model->kind(row) == Kind::Array || m_model->kind(row.parent()) == Kind::Array);
    m_addButton->setEnabled(editable);
    const int missingRequired = int(m_model->missingRequired().size());
    m_addRequiredButton->setVisible(editable && missingRequired > 0);
    m_addRequiredButton->setText(tr("Add re&quired fields (%n)", nullptr, missingRequired));
    m_addItemButton->setEnabled(editable && inArray);
    m_removeButton->setEnabled(editable && row.isValid());
    m_moveUpButton->setEnabled(editable && row.isValid() && row.row() > 0);
    m_moveDownButton->setEnabled(editable && row.isValid() && row.row() + 1 < m_model->rowCount(row.parent()));
}

void ExtensionForm::setSchema(std::shared_ptr<const ExtensionSchema> schema, const QString &problem)
{
    m_schemaProblem = problem;
    m_model->setSchema(std::move(schema));
    updateSchemaErrors();
    updateButtons();
    fitKeyColumn(); // the schema's titles are longer than the bare keys
}

void ExtensionForm::updateSchemaErrors()
{
    QStringList lines;
    if (!m_schemaProblem.isEmpty()) {
        lines << tr("The team's schema cannot be used: %1").arg(m_schemaProblem);
    } else if (m_model->schema() && m_model->isAvailable()) {
        for (const SchemaError &error : m_model->schemaErrors())
            lines << (error.pointer.isEmpty() ? error.message : tr("%1: %2").arg(error.pointer, error.message));
    }
    m_schemaErrors->setText(lines.join(u'\n'));
    m_schemaErrors->setVisible(!lines.isEmpty());
    AlertStyle::setAlert(m_schemaErrors, !lines.isEmpty());
    updateButtons();
}

void ExtensionForm::fillAddMenu()
{
    m_addMenu->clear();
    const QModelIndex object = targetObject();
    const QString objectPointer = m_model->pointer(object);
    const ExtensionSchema *schema = m_model->schema();
    for (const QString &name : m_model->missingFields(object)) {
        const auto hints = schema->hintsFor(objectPointer + u'/' + QString(name).replace(u'~', u"~0"_s).replace(u'/', u"~1"_s));
        const QString title = hints ? hints->title : QString();
        QAction *action = m_addMenu->addAction(title.isEmpty() || title == name ? name : tr("%1 (%2)").arg(title, name));
        action->setObjectName(u"formAddField_"_s + name);
        if (hints && !hints->description.isEmpty())
            action->setToolTip(hints->description);
        if (hints && hints->required) {
            QFont bold = action->font();
            bold.setBold(true);
            action->setFont(bold);
        }
        connect(action, &QAction::triggered, this, [this, object = QPersistentModelIndex(object), name] {
            const QModelIndex added = m_model->addField(object, name);
            if (!added.isValid())
                return;
            m_view->expand(object);
            const QModelIndex value = added.siblingAtColumn(ExtensionFormModel::ValueColumn);
            m_view->setCurrentIndex(value);
            m_view->scrollTo(value);
            if (m_model->flags(value) & Qt::ItemIsEditable)
                m_view->edit(value);
        });
    }
    m_addMenu->setToolTipsVisible(true);
    m_addMenu->addSeparator();
    QAction *other = m_addMenu->addAction(tr("Another &key"));
    other->setObjectName(u"formAddOtherKey"_s);
    connect(other, &QAction::triggered, this, &ExtensionForm::addKey);
}

} // namespace convdesk

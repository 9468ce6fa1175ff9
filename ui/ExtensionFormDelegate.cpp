#include "ExtensionFormDelegate.h"

#include "models/ExtensionFormModel.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

using Kind = ExtensionFormModel::Kind;

constexpr char ProblemProperty[] = "keyProblem";

bool isLongText(const QString &text)
{
    return text.size() > ExtensionFormDelegate::LongTextLength || text.contains(u'\n');
}

// Marks a key editor the way alerts are marked elsewhere: the palette's highlight pair,
// which every theme keeps readable.
void markProblem(QLineEdit *editor, const QString &problem)
{
    editor->setProperty(ProblemProperty, problem);
    QPalette palette = editor->parentWidget() ? editor->parentWidget()->palette() : QPalette();
    if (!problem.isEmpty()) {
        palette.setColor(QPalette::Base, palette.color(QPalette::Highlight));
        palette.setColor(QPalette::Text, palette.color(QPalette::HighlightedText));
    }
    editor->setPalette(palette);
    editor->setToolTip(problem);
}

} // namespace

ExtensionFormDelegate::ExtensionFormDelegate(ExtensionFormModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{
}

QWidget *ExtensionFormDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    const Kind kind = m_model->kind(index);
    switch (index.column()) {
    case ExtensionFormModel::KeyColumn: return createKeyEditor(parent, index);
    case ExtensionFormModel::TypeColumn: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"formTypeEditor"_s);
        for (int k = int(Kind::String); k <= int(Kind::Array); ++k)
            combo->addItem(ExtensionFormModel::kindName(Kind(k)), k);
        // A choice is the whole edit: no Enter needed.
        connect(combo, &QComboBox::activated, this,
                [this, combo] { const_cast<ExtensionFormDelegate *>(this)->commitAndClose(combo); });
        return combo;
    }
    case ExtensionFormModel::ValueColumn:
        if (QWidget *editor = createSchemaEditor(parent, index))
            return editor;
        if (kind == Kind::String && isLongText(index.data(Qt::EditRole).toString())) {
            auto *text = new QPlainTextEdit(parent);
            text->setObjectName(u"formTextEditor"_s);
            text->setToolTip(tr("Ctrl+Enter saves the text, Esc cancels."));
            return text;
        }
        if (kind == Kind::Integer || kind == Kind::Number) {
            auto *line = new QLineEdit(parent);
            line->setObjectName(kind == Kind::Integer ? u"formIntegerEditor"_s : u"formNumberEditor"_s);
            // Partial input is allowed while typing; the model checks the whole value (and
            // the 64-bit range) when it is committed.
            const QString pattern = kind == Kind::Integer
                ? uR"(-?(0|[1-9][0-9]{0,18}))"_s
                : uR"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)"_s;
            line->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), line));
            return line;
        }
        if (kind == Kind::String) {
            auto *line = new QLineEdit(parent);
            line->setObjectName(u"formStringEditor"_s);
            return line;
        }
        break;
    default: break;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

QWidget *ExtensionFormDelegate::createKeyEditor(QWidget *parent, const QModelIndex &index) const
{
    auto *line = new QLineEdit(parent);
    line->setObjectName(u"formKeyEditor"_s);
    const QPersistentModelIndex edited(index);
    connect(line, &QLineEdit::textEdited, this, [this, line, edited](const QString &key) {
        const QString problem = m_model->keyProblem(edited, key);
        markProblem(line, problem);
        Q_EMIT const_cast<ExtensionFormDelegate *>(this)->keyProblemChanged(problem);
    });
    return line;
}

void ExtensionFormDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (setSchemaEditorData(editor, index))
        return;
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
        return;
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        text->setPlainText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ExtensionFormDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (setSchemaModelData(editor, model, index))
        return;
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData());
        return;
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        model->setData(index, text->toPlainText());
        return;
    }
    // A key with a problem reaches the model too (when the editor loses focus), which refuses
    // it and says why.
    QStyledItemDelegate::setModelData(editor, model, index);
}

void ExtensionFormDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                 const QModelIndex &index) const
{
    if (!qobject_cast<QPlainTextEdit *>(editor)) {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    // Long text needs room: a few lines tall, over the rows below, inside the viewport.
    QRect area = option.rect;
    area.setHeight(qMax(option.rect.height() * 6, 120));
    area.setWidth(qMax(option.rect.width(), 320));
    if (const QWidget *viewport = editor->parentWidget()) {
        area.moveRight(qMin(area.right(), viewport->width() - 1));
        area.moveBottom(qMin(area.bottom(), viewport->height() - 1));
        area.moveTopLeft(QPoint(qMax(area.left(), 0), qMax(area.top(), 0)));
    }
    editor->setGeometry(area);
}

void ExtensionFormDelegate::commitAndClose(QWidget *editor)
{
    Q_EMIT commitData(editor);
    Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
}

bool ExtensionFormDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(object);
    if (editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool isEnter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (isEnter && qobject_cast<QPlainTextEdit *>(editor) && key->modifiers().testFlag(Qt::ControlModifier)) {
            commitAndClose(editor);
            return true;
        }
        if (isEnter && !editor->property(ProblemProperty).toString().isEmpty())
            return true; // a duplicate or empty key stays in the editor, to be corrected
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace convdesk

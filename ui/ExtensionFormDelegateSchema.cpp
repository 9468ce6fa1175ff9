#include "ExtensionFormDelegate.h"

#include "models/ExtensionFormModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStyle>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

// ExtensionFormDelegate's editors and marks for a value the team's schema describes.
namespace convdesk {

namespace {

using Kind = ExtensionFormModel::Kind;

constexpr char InitialValueProperty[] = "schemaInitialValue";

struct Bounds
{
    double low;
    double high;
};

// Both ends of the allowed range, exclusive ends moved in by `step`; nullopt when one is open.
std::optional<Bounds> boundsOf(const SchemaFieldHints &hints, double step)
{
    std::optional<double> low = hints.minimum, high = hints.maximum;
    if (hints.exclusiveMinimum)
        low = std::max(low.value_or(*hints.exclusiveMinimum + step), *hints.exclusiveMinimum + step);
    if (hints.exclusiveMaximum)
        high = std::min(high.value_or(*hints.exclusiveMaximum - step), *hints.exclusiveMaximum - step);
    if (!low || !high || *low > *high)
        return std::nullopt;
    return Bounds{*low, *high};
}

bool fitsInInt(double value)
{
    return value >= double(std::numeric_limits<int>::min()) && value <= double(std::numeric_limits<int>::max());
}

// "12/64": characters as the schema counts them (code points), against its maxLength.
QString lengthText(const QString &text, qint64 maxLength)
{
    return ExtensionFormDelegate::tr("%1/%2").arg(text.toUcs4().size()).arg(maxLength);
}

void addLengthCounter(QLineEdit *line, qint64 maxLength)
{
    auto *counter = new QLabel(line);
    counter->setObjectName(u"formLengthCounter"_s);
    counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    counter->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QHBoxLayout(line);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addStretch();
    layout->addWidget(counter);
    const auto update = [line, counter, maxLength] {
        counter->setText(lengthText(line->text(), maxLength));
        const bool over = line->text().toUcs4().size() > maxLength;
        QFont font = counter->font();
        font.setBold(over);
        counter->setFont(font);
        line->setTextMargins(0, 0, counter->sizeHint().width() + 6, 0);
    };
    QObject::connect(line, &QLineEdit::textChanged, counter, update);
    update();
}

} // namespace

QWidget *ExtensionFormDelegate::createSchemaEditor(QWidget *parent, const QModelIndex &index) const
{
    const auto hints = m_model->hints(index);
    if (!hints)
        return nullptr;
    const Kind kind = m_model->kind(index);
    QWidget *editor = nullptr;
    if (!hints->enumValues.isEmpty()) {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"formEnumEditor"_s);
        for (const OrderedJson &value : hints->enumValues) {
            const QString json = Json::toText(value);
            combo->addItem(value.is_string() ? Json::toQString(value.get<std::string>()) : json, json);
        }
        connect(combo, &QComboBox::activated, this,
                [this, combo] { const_cast<ExtensionFormDelegate *>(this)->commitAndClose(combo); });
        editor = combo;
    } else if (kind == Kind::Integer) {
        const auto bounds = boundsOf(*hints, 1);
        bool inRange = false;
        const qlonglong current = index.data(Qt::EditRole).toString().toLongLong(&inRange);
        if (bounds && fitsInInt(bounds->low) && fitsInInt(bounds->high) && inRange && current >= bounds->low
            && current <= bounds->high) {
            // QSpinBox holds an int: only ranges that fit in one get it, others keep the line edit.
            auto *spin = new QSpinBox(parent);
            spin->setObjectName(u"formSpinEditor"_s);
            spin->setRange(int(std::ceil(bounds->low)), int(std::floor(bounds->high)));
            editor = spin;
        }
    } else if (kind == Kind::Number) {
        if (const auto bounds = boundsOf(*hints, 1e-9)) {
            auto *spin = new QDoubleSpinBox(parent);
            spin->setObjectName(u"formDoubleSpinEditor"_s);
            spin->setDecimals(6);
            spin->setRange(bounds->low, bounds->high);
            editor = spin;
        }
    } else if (kind == Kind::String && hints->maxLength && !index.data(Qt::EditRole).toString().contains(u'\n')) {
        auto *line = new QLineEdit(parent);
        line->setObjectName(u"formStringEditor"_s);
        addLengthCounter(line, *hints->maxLength);
        editor = line;
    }
    if (editor && !hints->description.isEmpty())
        editor->setToolTip(hints->description);
    return editor;
}

bool ExtensionFormDelegate::setSchemaEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (editor->objectName() == u"formEnumEditor"_s) {
        auto *combo = static_cast<QComboBox *>(editor);
        // The exact text of the value; a value outside the enum is offered too, so that opening
        // the editor changes nothing.
        const QString current = m_model->kind(index) == Kind::String
            ? Json::toText(OrderedJson(Json::toStdString(index.data(Qt::EditRole).toString())))
            : index.data(Qt::EditRole).toString();
        int at = combo->findData(current);
        if (at < 0) {
            combo->insertItem(0, tr("%1 (not allowed)").arg(index.data(Qt::DisplayRole).toString()), current);
            at = 0;
        }
        combo->setCurrentIndex(at);
        return true;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(index.data(Qt::EditRole).toString().toInt());
        return true;
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->setValue(index.data(Qt::EditRole).toString().toDouble());
        spin->setProperty(InitialValueProperty, spin->value());
        return true;
    }
    return false;
}

bool ExtensionFormDelegate::setSchemaModelData(QWidget *editor, QAbstractItemModel *model,
                                               const QModelIndex &index) const
{
    if (editor->objectName() == u"formEnumEditor"_s) {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), ExtensionFormModel::JsonRole);
        return true;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        model->setData(index, QString::number(spin->value()));
        return true;
    }
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        // The spin box rounds to its decimals: an untouched value keeps its exact text.
        if (spin->value() != spin->property(InitialValueProperty).toDouble())
            model->setData(index, QString::number(spin->value(), 'g', 15));
        return true;
    }
    return false;
}

void ExtensionFormDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(ExtensionFormModel::SchemaErrorsRole).toStringList().isEmpty())
        return;
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace convdesk

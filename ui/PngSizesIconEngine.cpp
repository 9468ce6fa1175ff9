#include "PngSizesIconEngine.h"

#include <QApplication>
#include <QImageReader>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>

#include <utility>

namespace convdesk {

PngSizesIconEngine::PngSizesIconEngine(Files files)
    : m_files(std::move(files))
    , m_decoded(std::make_shared<std::map<int, QPixmap>>())
{
}

PngSizesIconEngine::Files::const_iterator PngSizesIconEngine::fileFor(const QSize &size) const
{
    if (m_files.empty())
        return m_files.cend();
    const auto fitting = m_files.lower_bound(qMax(size.width(), size.height()));
    return fitting != m_files.cend() ? fitting : std::prev(m_files.cend());
}

QPixmap PngSizesIconEngine::decoded(Files::const_iterator file)
{
    if (file == m_files.cend())
        return {};
    auto cached = m_decoded->find(file->first);
    if (cached != m_decoded->end())
        return cached->second;
    QImageReader reader(file->second, "png");
    // Without this, QImageReader asks every image-format plugin (gif, ico, jpeg, ...) first,
    // loading each of them.
    reader.setAutoDetectImageFormat(false);
    QPixmap pixmap = QPixmap::fromImage(reader.read());
    m_decoded->emplace(file->first, pixmap);
    return pixmap;
}

QPixmap PngSizesIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state)
    QPixmap pixmap = decoded(fileFor(size));
    if (pixmap.isNull())
        return pixmap;
    if (pixmap.width() > size.width() || pixmap.height() > size.height())
        pixmap = pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (mode != QIcon::Normal) {
        if (auto *application = qobject_cast<QApplication *>(QCoreApplication::instance())) {
            QStyleOption option;
            option.palette = QApplication::palette();
            pixmap = application->style()->generatedIconPixmap(mode, pixmap, &option);
        }
    }
    return pixmap;
}

void PngSizesIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap shown = pixmap(rect.size() * ratio, mode, state);
    shown.setDevicePixelRatio(ratio);
    const QSize logical = shown.deviceIndependentSize().toSize();
    painter->drawPixmap(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, logical, rect), shown);
}

QSize PngSizesIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    const auto file = fileFor(size);
    if (file == m_files.cend())
        return {};
    const int edge = qMin(file->first, qMin(size.width(), size.height()));
    return {edge, edge};
}

QList<QSize> PngSizesIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    QList<QSize> sizes;
    for (const auto &file : m_files)
        sizes.append(QSize(file.first, file.first));
    return sizes;
}

QString PngSizesIconEngine::key() const
{
    return QStringLiteral("PngSizesIconEngine");
}

QIconEngine *PngSizesIconEngine::clone() const
{
    return new PngSizesIconEngine(*this);
}

bool PngSizesIconEngine::isNull()
{
    return m_files.empty();
}

} // namespace convdesk

#include "Style.h"

#include <QLabel>

namespace stratus::style {

QLabel *title(const QString &text, QWidget *parent, double scale)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace stratus::style

#include "shared/Style.h"

#include <QSpinBox>

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <algorithm>

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

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return t;
}

void markField(QWidget *field, const QString &problem)
{
    field->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c42b1c;"));
    field->setToolTip(problem);
}

QProgressBar *progressBar(QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    QPalette palette = bar->palette();
    palette.setColor(QPalette::Highlight, QColor(0x00, 0x5a, 0x9e));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    bar->setPalette(palette);
    return bar;
}

void fitColumnsToHeaders(QTableView *view, int minimum, int maximum)
{
    QHeaderView *header = view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        view->setColumnWidth(c, std::clamp(header->sectionSizeHint(c), minimum, maximum));
}

QSpinBox *spinBox(int low, int high, int value, const QString &special, QWidget *parent)
{
    auto *s = new QSpinBox(parent);
    s->setRange(low, high);
    s->setValue(value);
    s->setSpecialValueText(special);
    return s;
}

} // namespace stratus::style

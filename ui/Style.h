#pragma once
// Small shared pieces of the studio's look.

#include <QStringList>

class QLabel;
class QTableWidget;
class QWidget;

namespace stratus::style {

// A screen or page title: bold, `scale` times the normal size.
QLabel *title(const QString &text, QWidget *parent, double scale = 1.5);
// A read-only table with these column headers, no row numbers, the last column stretched.
QTableWidget *table(const QStringList &headers, QWidget *parent);

} // namespace stratus::style

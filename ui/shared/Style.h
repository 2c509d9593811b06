#pragma once
// Small shared pieces of the studio's look.

#include <QStringList>

class QLabel;
class QProgressBar;
class QSpinBox;
class QTableView;
class QTableWidget;
class QWidget;

namespace stratus::style {

// A screen or page title: bold, `scale` times the normal size.
QLabel *title(const QString &text, QWidget *parent, double scale = 1.5);
// A read-only table with these column headers, no row numbers, the last column stretched.
QTableWidget *table(const QStringList &headers, QWidget *parent);
// Marks a field as wrong (a red frame and the message as its tooltip), or
// clears the mark when `problem` is empty.
void markField(QWidget *field, const QString &problem);
// A progress bar whose text reads well over its fill: white on Azure's dark
// blue (#005a9e), a contrast of 7:1 (WCAG asks 4.5:1; the default
// highlight's is about 3.6:1).
QProgressBar *progressBar(QWidget *parent);
// A spin box from low to high at value; `special` shows in place of `low` (e.g. "auto", "none").
QSpinBox *spinBox(int low, int high, int value, const QString &special, QWidget *parent);
// Sizes each column of `view` to its header's text (the name, and a second
// line such as the type), between `minimum` and `maximum` pixels; reads no
// data, so it is cheap for wide tables. The full name is in the tooltip
// when it does not fit.
void fitColumnsToHeaders(QTableView *view, int minimum = 64, int maximum = 280);

} // namespace stratus::style

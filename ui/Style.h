#pragma once
// Small shared pieces of the studio's look.

#include <QString>

class QLabel;
class QWidget;

namespace stratus::style {

// A screen or page title: bold, `scale` times the normal size.
QLabel *title(const QString &text, QWidget *parent, double scale = 1.5);

} // namespace stratus::style

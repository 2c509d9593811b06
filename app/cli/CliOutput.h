#pragma once
// Printing for stratus-cli: aligned text tables for people, JSON for scripts.

#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

namespace stratus::cli {

QTextStream &out();
QTextStream &err();

void printTable(const QStringList &header, const QList<QStringList> &rows);
void printJson(const QJsonDocument &doc);
// Up to 6 significant digits; empty for "no value".
QString number(const std::optional<double> &v);

} // namespace stratus::cli

#pragma once
// How the studio writes numbers, durations and statuses.

#include <QColor>
#include <QJsonObject>
#include <QString>

namespace stratus::format {

// A metric value with 4 decimals; an em dash when missing (NaN).
QString metric(double value);
// 0.42 s, 12.3 s, 4 min 05 s, 1 h 02 min.
QString duration(double seconds);
// A per-row time in µs or ms.
QString perRow(double seconds);
// The colour of a run status in tables (Completed green, Failed red, ...).
QColor statusColor(const QString &status);
// A metric value as its kind asks: timings as durations, others as metric().
QString metricValue(const QString &name, double value);
// A metric's name for people: "AUC_weighted" stays (Azure's names are what users search for).
QString metricTitle(const QString &metric);
// What featurization did to a column (the featurizer's English summary), in the studio's language.
QString featurizationAction(const QString &action);
// A stored setting's value in the studio's language: a task ("classification",
// "regression"), featurization ("auto", "off") or a column purpose ("ignore",
// "categorical", "numeric"); other values as stored.
QString settingValue(const QString &value);
// What an AutoML trial trained on and grew, from its config's "fidelity"
// (rows per fit; successive halving's rung and the trial promoted; rounds or
// trees asked for and kept; early stopped or its share of time spent):
// "30,000 rows · rung 2 of 3 (promoted from trial 4) · 752 of 1,000 rounds, early stopped".
// Empty for runs that did not record it (ensembles, older runs).
QString fidelity(const QJsonObject &fidelity, const QString &algorithm);

} // namespace stratus::format

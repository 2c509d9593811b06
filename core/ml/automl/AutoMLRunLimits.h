#pragma once
// The limits and margins an AutoMLRun schedules by, shared by its two source
// files (AutoMLRun.cpp: the search and its trials; AutoMLRunEnd.cpp: the
// ensembles, the refit and the run's end). Internal to ml/automl.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <algorithm>

namespace stratus::ml::runlimits {

constexpr int kMaxTrials = 1000;
constexpr int kEarlyStoppingWarmup = 20;
constexpr int kEarlyStoppingPatience = 10;
// BestOfFamilyEnsemble blends the best trial of this many algorithms.
constexpr int kFamilies = 3;
// Seconds a budgeted run keeps after its last trial for the ensembles and storing.
inline double finalizeReserve(int budgetSeconds)
{
    return std::max(2.0, 0.05 * budgetSeconds);
}
// The scheduler keeps this many times a refit's predicted seconds.
constexpr double kRefitMargin = 1.2;
// An ensemble's refit is handed back only when this many times its prediction fits.
constexpr double kEnsembleRefitMargin = 1.4;
// The search's candidates skipped in a row before the search ends: nothing fits the time left.
constexpr int kSearchSkips = 3;

inline QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}


} // namespace stratus::ml::runlimits

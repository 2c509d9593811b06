#pragma once
// A run's leaderboard and data guardrails as `automl` prints them (a table
// for people, JSON for scripts), for every task.

#include "ml/automl/Trial.h"

#include <QJsonArray>

namespace stratus::cli {

// The line printed as each trial finishes: "Trial   3  Theta  metric 0.0712  0.4 s  Completed".
QString trialLine(const ml::TrialResult &r, const QString &metric);
// --json's "leaderboard": per trial run_id, algorithm, status, duration_seconds, its metrics, fidelity, error.
QJsonArray leaderboardJson(const QList<ml::TrialResult> &board);
void printLeaderboard(const QList<ml::TrialResult> &board, const QString &metric);
void printGuardrails(const QJsonArray &guardrails);

} // namespace stratus::cli

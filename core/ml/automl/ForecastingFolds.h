#pragma once
// ForecastingFolds: what a forecasting run's trials compute — each
// algorithm's rolling-origin forecasts of every series (the statistical
// models per series in parallel; a learner on lag features as one model per
// fold across the series), and the VotingEnsemble's Caruana selection and
// blend over them. A fold reads nothing at or after its origin; a padded
// series' folds are scored only once they train on a season of observed
// points.

#include "ml/forecasting/ForecastMetrics.h"
#include "ml/forecasting/ForecastingData.h"
#include "ml/forecasting/LagModel.h"

#include <atomic>

class QThreadPool;

namespace stratus::ml::forecasting {

// A trial's rolling-origin forecasts: [series][fold].
struct FoldForecasts {
    std::vector<std::vector<ScoredWindow>> windows;
    QMap<QString, int> details; // the model each series' last fold settled on, counted
};

// Every algorithm of the forecasting task: the statistical models, then the
// regression learners on lag features (LagModel.h).
QStringList forecastingAlgorithms();
// The lag features of a run's data and parameters (target_lags,
// target_rolling_window_size, the known-future features).
LagSpec lagSpec(const ForecastingData &data, const ForecastingParameters &parameters);
std::vector<SeriesView> seriesViews(const ForecastingData &data);

// Rolling-origin forecasts of one statistical algorithm over every series
// (in parallel on `pool`); stops early (returning what it has) when `cancel` is set.
FoldForecasts rollingOriginForecasts(const QString &algorithm, const ForecastingData &data, QThreadPool *pool,
                                     const std::atomic<bool> &cancel);
// Caruana's greedy ensemble selection with replacement (`rounds` picks) over
// the members' fold forecasts, minimising the pooled squared error: weights
// per member (summing to 1; members never picked get 0).
std::vector<double> caruanaWeights(const std::vector<const FoldForecasts *> &members, int rounds = 20);
// The weighted blend of fold forecasts (means and bands).
FoldForecasts blend(const std::vector<const FoldForecasts *> &members, const std::vector<double> &weights);
// A learner's folds on lag features: one model per fold across every series,
// trained on what precedes each series' origin (`threads` for its fit). On
// failure (the learner's error) returns no windows and sets `error`.
FoldForecasts lagRollingOriginForecasts(const QString &learner, const ForecastingData &data, const LagSpec &spec, int threads,
                                        const std::atomic<bool> &cancel, QString *error);

} // namespace stratus::ml::forecasting

#pragma once
// ForecastBacktest: a forecasting model's rolling backtest over a labelled
// file — what `stratus-cli forecast --rolling` does. For each series of the
// input, its history is the model's stored history followed by the input's
// rows (an input row replaces a stored point at its time); origins run from
// the input's first period, `step` periods apart (the model's horizon by
// default), and each forecasts the next horizon (or what is left) from the
// points before it only, with the model's members as they are (no refit of
// the lag learners, whose known-future features come from the input rows).
// Every forecast period with its actual value, and the forecasting metrics
// (ForecastMetrics.h) over them. Over periods the model was trained on, a lag
// learner has seen the answers: backtest on data newer than the model.

#include "ml/forecasting/ForecastingModel.h"

#include <QMap>

namespace stratus::ml::forecasting {

struct BacktestRow {
    QStringList id;        // the series' id values
    CivilTime origin, time;
    int step = 1;          // 1..horizon
    double actual = 0;     // NaN when no input row gave that period
    double forecast = 0;
    std::vector<double> quantiles; // per level asked
};

struct Backtest {
    std::vector<BacktestRow> rows;
    QMap<QString, double> metrics;
    int origins = 0;
};

// requires: levels in (0, 1); step >= 0 (0: the model's horizon). Errors name
// the column, or the line, that cannot be used.
Result<Backtest> rollingBacktest(const ForecastingModel &model, const DataTable &input, const std::vector<double> &levels, int step = 0);

} // namespace stratus::ml::forecasting

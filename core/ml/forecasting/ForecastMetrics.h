#pragma once
// The forecasting metrics of Azure's forecasting task, over the windows a
// rolling-origin validation scored (every series' every fold): the
// regression metrics of RegressionMetrics.h pooled over all points
// (normalized_root_mean_squared_error, Azure's primary metric by default,
// divided by the range of the target), plus
//   symmetric_mean_absolute_percentage_error  100/n sum 2|a - f| / (|a| + |f|)
//                                             (a term is 0 when both are 0)
//   mean_absolute_scaled_error                mean over windows of the window's MAE
//                                             divided by its series' in-sample
//                                             seasonal naive MAE (Hyndman & Koehler 2006)
//   prediction_interval_coverage_80           the share of actuals inside the 80%
//                                             band (the 0.1 and 0.9 quantiles)
// Points whose actual value no row gave (imputed on the grid) are not scored.

#include <QMap>
#include <QString>
#include <vector>

namespace stratus::ml::forecasting {

struct ScoredWindow {
    std::vector<double> actual;    // per horizon step; NaN: not scored (imputed)
    std::vector<double> predicted; // per horizon step
    std::vector<double> lower, upper; // the 80% band per step (empty: none)
    double scale = 0; // the MASE denominator (maseScale of the training part)
};

// The in-sample MAE of the seasonal naive forecast on `train` (season m;
// lag 1 when the history is not longer than a season, or m <= 1); NaN when
// the history has fewer than two points.
double maseScale(const std::vector<double> &train, int season);

// requires: each window's actual.size() == predicted.size(), and lower/upper
// empty or of the same size. labelMin/labelMax: the target's range over the
// training data (the normalized metrics' denominator).
QMap<QString, double> forecastingMetrics(const std::vector<ScoredWindow> &windows, double labelMin, double labelMax);

// The metrics a forecasting run may rank by (Azure's: the normalized RMSE
// and MAE, r2_score, spearman_correlation).
QStringList forecastingPrimaryMetrics();

} // namespace stratus::ml::forecasting

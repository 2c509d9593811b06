#pragma once
// Regression metrics under their Azure AutoML names: explained_variance,
// mean_absolute_error, mean_absolute_percentage_error (in percent, over the
// samples whose true value is not 0), median_absolute_error, r2_score,
// root_mean_squared_error, root_mean_squared_log_error (NaN when a value is
// below 0), spearman_correlation, and the normalized_ variants of the errors,
// divided by the range of the label (labelMin..labelMax; when both are NaN,
// the range of `truth`).

#include <QMap>
#include <QString>
#include <limits>
#include <vector>

namespace stratus::ml {

QMap<QString, double> regressionMetrics(const std::vector<double> &truth, const std::vector<double> &predicted,
                                        double labelMin = std::numeric_limits<double>::quiet_NaN(),
                                        double labelMax = std::numeric_limits<double>::quiet_NaN());

// Spearman's rank correlation (average ranks for ties).
double spearman(const std::vector<double> &a, const std::vector<double> &b);

} // namespace stratus::ml

#pragma once
// Forecast: what a forecasting model answers for one series — the point
// forecast for each of the next `horizon` periods and, for each quantile
// asked, the value below which the model expects that share of outcomes.
//
// The statistical models' intervals assume normal errors whose spread grows
// with the horizon as each model's own formula says (Hyndman &
// Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., 5.5).

#include <vector>

namespace stratus::ml::forecasting {

struct Forecast {
    std::vector<double> mean;                  // per horizon step (1..h)
    std::vector<double> quantileLevels;        // e.g. 0.1, 0.5, 0.9
    std::vector<std::vector<double>> quantiles; // [level][step]
};

// The standard normal distribution's quantile function (Wichura's AS 241,
// accurate to about 1e-16). requires: 0 < p < 1.
double normalQuantile(double p);

// Quantiles of normal forecast errors: mean[s] + z(level) * sigma[s].
// requires: mean.size() == sigma.size(); levels in (0, 1).
Forecast normalForecast(std::vector<double> mean, const std::vector<double> &sigma, const std::vector<double> &levels);

} // namespace stratus::ml::forecasting

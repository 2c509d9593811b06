#pragma once
// Forecast: what a forecasting model answers for one series — the point
// forecast for each of the next `horizon` periods and, for each quantile
// asked, the value below which the model expects that share of outcomes.
//
// The statistical models' intervals assume normal errors whose spread grows
// with the horizon as each model's own formula says (Hyndman &
// Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., 5.5).

#include <cstddef>
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

// The small-sample corrected Akaike criterion of a model with Gaussian
// one-step errors (FPP3 8.6): n log(SSE / n) + 2(p + 1) + 2(p + 1)(p + 2) /
// (n - p - 2), p free parameters (smoothing parameters and initial states;
// the + 1 is the variance); +inf when n <= p + 2.
double aiccFromSse(double sse, size_t n, int parameters);

// Quantiles of normal forecast errors: mean[s] + z(level) * sigma[s].
// requires: mean.size() == sigma.size(); levels in (0, 1).
Forecast normalForecast(std::vector<double> mean, const std::vector<double> &sigma, const std::vector<double> &levels);

} // namespace stratus::ml::forecasting

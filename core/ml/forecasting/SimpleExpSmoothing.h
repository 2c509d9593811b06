#pragma once
// SimpleExpSmoothing: ETS(A,N,N), the simplest of the exponential smoothing
// family (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice",
// 3rd ed., 8.1): level l_t = alpha * y_t + (1 - alpha) * l_{t-1}; every
// horizon step forecasts the last level. alpha (in [0, 1]) and the initial
// level l_0 minimise the sum of squared one-step errors, as statsmodels'
// SimpleExpSmoothing(initialization_method="estimated").fit() does: l_0 in
// closed form for each alpha, alpha by a grid and golden-section search.
// Intervals: sigma_h^2 = sigma^2 (1 + alpha^2 (h - 1)) (FPP3 table 8.8),
// sigma^2 = SSE / n.

#include "ml/forecasting/Forecast.h"

#include <cstddef>

namespace stratus::ml::forecasting {

struct SimpleExpSmoothing {
    double alpha = 0;
    double initialLevel = 0;
    double level = 0; // after the last observation: the point forecast
    double sse = 0;   // of the one-step errors
    size_t n = 0;

    // requires: y.size() >= 2, no NaN.
    static SimpleExpSmoothing fit(const std::vector<double> &y);
    // The same with l_0 given, only alpha estimated (statsmodels'
    // initialization_method="known", as its ThetaModel fits with l_0 = y_0).
    static SimpleExpSmoothing fitWithInitialLevel(const std::vector<double> &y, double initialLevel);
    // aiccFromSse with p = 2 (alpha, l_0).
    double aicc() const;
    Forecast forecast(int horizon, const std::vector<double> &levels) const;

private:
    static SimpleExpSmoothing fitAlpha(const std::vector<double> &y, const double *knownLevel);
};

} // namespace stratus::ml::forecasting

#pragma once
// Holt: exponential smoothing with an additive trend, plain (ETS(A,A,N)) or
// damped (ETS(A,Ad,N)) — Hyndman & Athanasopoulos, "Forecasting: Principles
// and Practice", 3rd ed., 8.2:
//   forecast  y_{t+h|t} = l_t + (phi + phi^2 + ... + phi^h) b_t
//   level     l_t = alpha y_t + (1 - alpha)(l_{t-1} + phi b_{t-1})
//   trend     b_t = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}
// (beta is FPP's beta*, statsmodels' smoothing_trend; phi = 1 without damping).
// The initial level and trend are in closed form for given parameters (the
// one-step forecasts are linear in them); alpha, beta (and phi within FPP3's
// [0.8, 0.98]) minimise the sum of squared one-step errors, by dlib's BOBYQA
// from the best of a small grid. Intervals: normal, with sigma_h from the
// model's MA(infinity) weights c_j = alpha (1 + beta (phi + ... + phi^j))
// (FPP3 table 8.8 generalised): sigma_h^2 = sigma^2 (1 + sum_{j<h} c_j^2),
// sigma^2 = SSE / n.

#include "ml/forecasting/Forecast.h"

#include <cstddef>

namespace stratus::ml::forecasting {

struct Holt {
    bool damped = false;
    double alpha = 0, beta = 0, phi = 1;
    double initialLevel = 0, initialTrend = 0;
    double level = 0, trend = 0; // after the last observation
    double sse = 0;
    size_t n = 0;

    // requires: y.size() >= 4, no NaN.
    static Holt fit(const std::vector<double> &y, bool damped);
    // aiccFromSse with p = 4 (alpha, beta, l_0, b_0), 5 when damped.
    double aicc() const;
    Forecast forecast(int horizon, const std::vector<double> &levels) const;
};

} // namespace stratus::ml::forecasting

#pragma once
// HoltWinters: exponential smoothing with additive seasonality and no,
// additive or damped trend — ETS(A,N,A), ETS(A,A,A), ETS(A,Ad,A) of
// Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed.,
// 8.3 (the component form statsmodels' ExponentialSmoothing uses):
//   forecast  y_{t+h|t} = l_t + phi_h b_t + s_{t+h-m(k+1)},  k = (h-1)/m
//   level     l_t = alpha (y_t - s_{t-m}) + (1 - alpha)(l_{t-1} + phi b_{t-1})
//   trend     b_t = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}
//   season    s_t = gamma (y_t - l_{t-1} - phi b_{t-1}) + (1 - gamma) s_{t-m}
// The initial states (l_0, b_0, s_{1-m} .. s_0) are the least-squares
// solution for given parameters (minimum-norm: the level and the seasons
// share one degree of freedom); alpha, beta, gamma in [0, 1] and phi in
// [0.8, 0.98] minimise the one-step SSE by dlib's BOBYQA from a grid.
// Intervals: sigma_h^2 = sigma^2 (1 + sum_{j<h} c_j^2), c_j = alpha +
// alpha beta phi_j + gamma [j mod m == 0] (FPP3 table 8.8), sigma^2 = SSE / n.

#include "ml/forecasting/Forecast.h"

#include <cstddef>

namespace stratus::ml::forecasting {

struct HoltWinters {
    enum class Trend { None, Additive, Damped };
    Trend trendKind = Trend::None;
    int season = 2;
    double alpha = 0, beta = 0, gamma = 0, phi = 1;
    double level = 0, trend = 0;    // after the last observation
    std::vector<double> seasonals;  // the last m seasonal states, oldest first
    double sse = 0;
    size_t n = 0;

    // requires: season >= 2, y.size() >= 2 * season, no NaN.
    static HoltWinters fit(const std::vector<double> &y, int season, Trend trend);
    // aiccFromSse; p = the smoothing parameters and the free initial states.
    double aicc() const;
    Forecast forecast(int horizon, const std::vector<double> &levels) const;
};

} // namespace stratus::ml::forecasting

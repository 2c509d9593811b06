#pragma once
// ExponentialSmoothing: Azure's ExponentialSmoothing model — the ETS family
// with the choice of trend, damping and seasonality made by AICc (Hyndman &
// Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., 8.6, as
// R's ets() does). The additive models are fitted: ETS(A,N,N)
// (SimpleExpSmoothing), ETS(A,A,N) and ETS(A,Ad,N) (Holt), and with a season
// of at least 2 and two seasons of history ETS(A,N,A), ETS(A,A,A) and
// ETS(A,Ad,A) (HoltWinters); the smallest AICc wins.

#include "ml/forecasting/Forecast.h"

#include <QString>

namespace stratus::ml::forecasting {

struct EtsChoice {
    QString model;      // "ETS(A,Ad,A)"
    double aicc = 0;    // +inf when the history is too short for any AICc (ETS(A,N,N) then)
    Forecast forecast;
};

// requires: y.size() >= 2, no NaN; season >= 1; horizon >= 1; levels in (0, 1).
EtsChoice fitExponentialSmoothing(const std::vector<double> &y, int season, int horizon, const std::vector<double> &levels);

} // namespace stratus::ml::forecasting

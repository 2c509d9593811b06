#pragma once
// Theta: the Theta method (Assimakopoulos & Nikolopoulos 2000) in Hyndman &
// Billah's form (2003, "Unmasking the Theta method"): simple exponential
// smoothing with a drift of half the series' linear trend, on the series
// with its season taken out — what statsmodels' ThetaModel(period=m).fit()
// forecasts with theta = 2 (its two-step estimation):
//   1. Seasonality: with m >= 2 and two seasons of history, the 90% test on
//      the autocorrelation at lag m (n r_m^2 / sum_{k<m} r_k^2 > 2.7055,
//      chi^2(1)); when it passes, classical decomposition (a centred moving
//      average of length m, seasonal indices by position mean, normalised):
//      multiplicative when every value is positive and every index too,
//      else additive.
//   2. On the deseasonalised series x: b_0, the least-squares slope of x on
//      t = 0..n-1, and ETS(A,N,N) with l_0 = x_0 and alpha by least squares.
//   3. x_{n+h} = l_n + (b_0 / 2)(h - 1 + 1/alpha - (1 - alpha)^n / alpha),
//      reseasonalised with the index of position (n + h - 1) mod m.
// Intervals: sigma_h^2 = sigma^2 (1 + (h - 1)(1 + (alpha - 1)^2)) (the
// IMA(1,1) form statsmodels uses), with sigma^2 the mean square of the
// model's own one-step errors on x (statsmodels fits an ARIMA(0,1,1) with
// drift for it instead), scaled by the index under multiplicative seasons.

#include "ml/forecasting/Forecast.h"

#include <QString>

namespace stratus::ml::forecasting {

struct Theta {
    double alpha = 0;
    double drift = 0;        // b_0: per period, of the deseasonalised series
    double level = 0;        // l_n of the deseasonalised series
    double sigma2 = 0;       // one-step error variance on the deseasonalised series
    size_t n = 0;
    int period = 1;
    bool multiplicative = false;
    std::vector<double> seasonal; // per position 0..period-1 (empty: no season found)

    // requires: y.size() >= 2, no NaN; period >= 1.
    static Theta fit(const std::vector<double> &y, int period);
    // "Theta" or "Theta (multiplicative season)", for the run's config.
    QString describe() const;
    Forecast forecast(int horizon, const std::vector<double> &levels) const;
};

} // namespace stratus::ml::forecasting

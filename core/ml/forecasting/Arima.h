#pragma once
// Arima: seasonal ARIMA(p,d,q)(P,D,Q)m, and AutoArima, Azure's model of
// that name: the orders chosen as Hyndman & Khandakar (2008, "Automatic time
// series forecasting: the forecast package for R") do —
//   D: 1 when the seasonal strength of a classical decomposition (FPP3
//      4.3: 1 - Var(remainder) / Var(season + remainder)) exceeds 0.64
//      (R's nsdiffs), for m >= 2 and two seasons of history;
//   d: KPSS level-stationarity tests (Kwiatkowski et al. 1992, lags
//      trunc(4 (n/100)^(1/4)), 5% critical value 0.463) on the seasonally
//      differenced series, differencing while they reject (at most 2);
//   then a stepwise search over p, q <= 5 and P, Q <= 2
//      from (2,2)(1,1), (0,0)(0,0), (1,0)(1,0), (0,1)(0,1), moving one or two
//      orders or the constant at a time while the AICc improves; a constant
//      (a drift when d + D = 1) is allowed when d + D <= 1.
// A model is fitted by conditional sum of squares on the differenced series
// (pre-sample values at the mean, residuals zero), with the AR and MA
// polynomials parameterised by partial autocorrelations in (-1, 1) (Jones
// 1980), so every fit is stationary and invertible, minimised by dlib's
// BOBYQA; the mean of the differenced series is its sample mean. Forecasts
// are the model's conditional expectations, integrated back; intervals
// follow from its psi weights: sigma_h^2 = sigma^2 sum_{j<h} psi_j^2 (FPP3 9.8).

#include "ml/forecasting/Forecast.h"

#include <QString>

namespace stratus::ml::forecasting {

struct ArimaOrder {
    int p = 0, d = 0, q = 0, P = 0, D = 0, Q = 0, m = 1;
    bool constant = false;
    // "ARIMA(2,1,1)(0,1,1)[12] with drift"
    QString describe() const;
    bool operator==(const ArimaOrder &) const = default;
};

struct Arima {
    ArimaOrder order;
    std::vector<double> ar, ma; // the expanded polynomials' coefficients: 1 - sum ar_i B^i, 1 + sum ma_j B^j
    double mean = 0;             // of the differenced series (0 without a constant)
    double sigma2 = 0;           // residual variance: SSE / n
    double sse = 0;
    size_t n = 0;                // residuals (the differenced series' length)
    double aicc = 0;
    std::vector<double> y;         // the history
    std::vector<double> residuals; // per differenced point

    // requires: the history longer than d + D m + 2 and no NaN. Errors when it is too short for the order.
    static std::optional<Arima> fit(const std::vector<double> &y, const ArimaOrder &order);
    Forecast forecast(int horizon, const std::vector<double> &levels) const;
};

// The KPSS level-stationarity statistic (larger: less stationary).
double kpssStatistic(const std::vector<double> &y);
// The seasonal differences (D) and differences (d) Hyndman & Khandakar's tests choose.
int seasonalDifferences(const std::vector<double> &y, int m);
int differences(const std::vector<double> &y);

// AutoArima: the stepwise search above. requires: y.size() >= 3, no NaN, m >= 1.
Arima autoArima(const std::vector<double> &y, int m);

} // namespace stratus::ml::forecasting

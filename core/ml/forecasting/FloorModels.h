#pragma once
// The floor models of Azure's forecasting task — Naive, SeasonalNaive,
// Average, SeasonalAverage — fitted to one series' history (a regular grid,
// no missing value) and forecasting the next `horizon` periods with normal
// prediction intervals whose spread follows Hyndman & Athanasopoulos,
// "Forecasting: Principles and Practice" (3rd ed.), table 5.2:
//   Naive            y_T;                         sigma_h = sigma * sqrt(h)
//   SeasonalNaive    y_{T+h-m(k+1)}, k = (h-1)/m; sigma_h = sigma * sqrt(k+1)
//   Average          mean of y;                   sigma_h = sigma * sqrt(1 + 1/T)
//   SeasonalAverage  mean of the same season;     sigma_h = sigma * sqrt(1 + 1/n_season)
// sigma is the root mean square of the one-step (Naive) or one-season
// (SeasonalNaive) residuals, the sample standard deviation (Average), or the
// residuals' about the season means with n - m degrees of freedom
// (SeasonalAverage).

#include "ml/forecasting/Forecast.h"

#include <QString>

namespace stratus::ml::forecasting {

enum class FloorModel { Naive, SeasonalNaive, Average, SeasonalAverage };

// "Naive", "SeasonalNaive", "Average", "SeasonalAverage" (Azure's names).
QString floorModelName(FloorModel model);

// requires: history.size() >= 1 (SeasonalNaive and SeasonalAverage fall back
//           to Naive and Average unless the history is longer than one
//           season, and when season == 1), season >= 1,
//           horizon >= 1, levels in (0, 1).
Forecast floorForecast(FloorModel model, const std::vector<double> &history, int season, int horizon,
                       const std::vector<double> &levels);

} // namespace stratus::ml::forecasting

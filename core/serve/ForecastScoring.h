#pragma once
// The forecasting dialect of POST /score — what an endpoint of a forecasting
// model answers (Azure's forecasting scoring script: the future rows in
// "data", the forecast per row in "forecast", with its "index"):
//   {"data": [{"date": "2025-01-01", "store": "store 1", "holiday": true}, ...],
//    "quantiles": [0.1, 0.9]}                                  (quantiles optional)
//   -> {"forecast": [812.4, ...], "index": [{"date": "2025-01-01", "store": "store 1"}, ...],
//       "quantiles": {"0.1": [...], "0.9": [...]}}
// A row is a future period of a series: its time, its series' id columns
// and the known-future features the model reads; a row that also gives the
// target (the label) is history, which extends the model's stored history
// and is not answered. Values may be JSON strings, numbers or booleans; a
// bad value or a missing field is a 400 naming it ("data[2].date"); a row
// the model cannot forecast (off the grid, past the horizon, an unknown
// series without history) is a 400 naming the row.

#include "ml/forecasting/ForecastingModel.h"
#include "serve/Scorer.h"

namespace stratus::serve {

ScoreResponse scoreForecast(const ml::forecasting::ForecastingModel &model, const QJsonObject &body, int maxRows);
// {"data": [...]}: each series' first periods after its history (up to three rows).
QJsonObject forecastSampleRequest(const ml::forecasting::ForecastingModel &model);
// The request's and the answer's schema, for the OpenAPI document.
QJsonObject forecastRequestSchema(const ml::forecasting::ForecastingModel &model);
QJsonObject forecastResponseSchema();

} // namespace stratus::serve

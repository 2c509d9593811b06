#pragma once
// LagModel: a regression learner of the AutoML catalogue (XGBoostRegressor,
// ElasticNet, ...) trained across every series and horizon step on
// LagFeatures rows — one model, as Azure's forecasting learners are.
//
// Training rows: for each series, origins from LagSpec::history() on (past
// its padded points, SeriesView::firstObserved), each with every step whose
// target lies before the series' training end and was not imputed; spread
// evenly to at most kMaxRows rows. The last two horizons of each series'
// training part are kept out of the fit and forecast instead (every origin
// in them, every step that ends before the training end): the standard
// deviation of those standardized errors per step, never narrower than the
// step before, gives the intervals (normal quantiles, the same for every
// series in its own scale); with refit, the model is then trained again on
// every row, those horizons included. Learners
// other than XGBoost (which routes missing values itself) read a missing
// feature as 0: for a lag, the window's level.

#include "common/Result.h"
#include "ml/forecasting/Forecast.h"
#include "ml/forecasting/LagFeatures.h"
#include "ml/learners/Learner.h"

#include <memory>

namespace stratus::ml::forecasting {

struct LagModel {
    static constexpr size_t kMaxRows = 150000;

    QString learner;
    LagSpec spec;
    std::shared_ptr<Model> model;
    std::vector<double> residualSd; // per step, in standardized units

    // trainEnd[s]: series s's targets before it are used. Errors when the
    // learner fails or the series leave no row to train on.
    static Result<LagModel> fit(const QString &learner, const LagSpec &spec, const std::vector<SeriesView> &series,
                                const std::vector<size_t> &trainEnd, const FitControl &control, bool refit = false);
    // Forecasts steps 1..horizon from origin (<= the series' length; the
    // features must reach origin + horizon - 1 for known-future ones).
    Forecast forecast(const SeriesView &series, size_t origin, int horizon, const std::vector<double> &levels) const;

    QJsonObject toJson() const;
    static Result<LagModel> fromJson(const QJsonObject &json);
};

// The learners the forecasting task trains on lag features.
QStringList lagLearners();

} // namespace stratus::ml::forecasting

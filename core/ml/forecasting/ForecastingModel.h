#pragma once
// ForecastingModel: a forecasting run's model as stored with its child run
// and a registered model version (the "pipeline" artifact, task
// "forecasting"): the algorithm (or a VotingEnsemble's members and weights),
// the settings it was trained with, and every series' history on its grid.
// The statistical models are refitted to the history when asked for a
// forecast (milliseconds a series), so a forecast can start from newer
// history than the model was trained on: rows of the input with the target
// filled in extend (or correct) the stored history first.
//
// Stored as: {task: "forecasting", algorithm, label, label_type, time_column,
// series_id_columns, freq, seasonality, forecast_horizon,
// target_aggregation_function, feature_columns, lagged_columns, members:
// [{algorithm, weight, lag_model (LagModel::toJson, for a learner on lag
// features)}], series: [{id: [...], start: "2024-01-01", values: [...],
// features: [[...] per feature, null where not given]}]}.

#include "data/DataTable.h"
#include "ml/forecasting/Forecast.h"
#include "ml/forecasting/LagModel.h"
#include "ml/forecasting/TimeGrid.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace stratus {
class Workspace;
}

namespace stratus::ml::forecasting {

class ForecastingModel {
public:
    struct Member {
        QString algorithm;
        double weight = 1;
        std::shared_ptr<LagModel> lagModel; // a learner on lag features (null for a statistical model)
    };
    struct History {
        QStringList id;
        CivilTime start;
        std::vector<double> values;
        // Per featureColumns, then per laggedColumns: the value at each point of `values` (NaN: not given).
        std::vector<std::vector<double>> features;
    };

    static Result<ForecastingModel> fromJson(const QJsonObject &json);
    // A forecasting run's child (or the run, for its best child) / a registered model version.
    static Result<ForecastingModel> fromRun(Workspace &workspace, const QString &runId);
    static Result<ForecastingModel> fromModel(Workspace &workspace, const QString &reference);
    QJsonObject toJson() const;

    QString algorithm, label, timeColumn;
    ColumnType labelType = ColumnType::Decimal;
    QStringList idColumns;
    Frequency frequency;
    int season = 1, horizon = 1;
    Aggregation aggregation = Aggregation::None;
    QList<Member> members; // one, or a VotingEnsemble's
    std::vector<History> series;
    QStringList featureColumns; // known-future features the lag learners read from future rows
    QStringList laggedColumns;  // features unknown at forecast time: the learners read their values before the origin
    bool nonNegative = false;   // no training value was below 0: forecasts and quantiles are clipped at 0
    QStringList droppedSeries;  // series left out of training as too short (their names)

    // The next `steps` periods after the series' values (weights over the
    // members); its features must reach `steps` past them for lag learners.
    // requires: values size >= 2, steps >= 1, levels in (0, 1).
    Forecast forecast(const SeriesView &series, int steps, const std::vector<double> &levels) const;

    // The columns a future row gives: the time (datetime), the series ids
    // (text) and the known-future features the learners read (decimal).
    QList<QPair<QString, ColumnType>> inputColumns() const;
    // Up to `count` future rows: each series' first period after its history
    // (features 0), as JSON objects of column: value.
    QJsonArray sampleRows(int count) const;

    struct RowForecasts {
        std::vector<char> forecast;   // per input row: 1 when it was forecast (no target given)
        std::vector<double> mean;     // per input row (NaN for history rows)
        std::vector<std::vector<double>> quantiles; // [level][row]
    };
    // Forecasts every input row without a target value: its series (by the
    // id columns) from the stored history, extended by the input's rows that
    // have a target. A forecast row must lie on the grid after its series'
    // history, at most forecast_horizon periods; errors name the line
    // (DataTable::where) and the column.
    Result<RowForecasts> forecastTable(const DataTable &input, const std::vector<double> &levels) const;

    // Every feature the learners read (featureColumns, then laggedColumns) at
    // the `length` grid points from `start`: the stored history's values (may
    // be null), replaced by the ones the input's `rows` give; `columns` holds
    // per feature the input's column, or -1 when the input lacks it.
    std::vector<std::vector<double>> featureGrid(const History *stored, const CivilTime &start, size_t length, const DataTable &input,
                                                 const std::vector<size_t> &rows, const std::vector<CivilTime> &times,
                                                 const std::vector<int> &columns) const;
    // The input's columns of every feature the learners read (-1: absent;
    // laggedColumns may be absent, featureColumns not); none when no member
    // learns on lag features. Errors name the column.
    Result<std::vector<int>> featureInputColumns(const DataTable &input) const;
    bool readsFeatures() const; // a member learns on lag features
};

// The quantile levels the CLI and endpoints take ("0.1,0.5,0.9"); errors name the bad value.
Result<std::vector<double>> parseQuantiles(const QString &text);
// A quantile's output column: "forecast_q0.1".
QString quantileColumn(double level);

} // namespace stratus::ml::forecasting

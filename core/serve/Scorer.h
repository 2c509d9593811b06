#pragma once
// Scorer: what an endpoint does with a request body, without the HTTP —
// parse it in one of the dialects clients speak, check every row against the
// model's input schema, predict, and write the response. Pure and
// thread-safe: an endpoint calls it from its worker threads, tests and the
// fuzz target call it directly.
//
// Dialects (Route::Score, POST /score — Azure ML):
//   v1  {"data": [{"age": "60", ...}], "method": "predict" | "predict_proba"}  ->  {"result": [...]}
//   v2  {"Inputs": {"data": [...]}, "GlobalParameters": {"method": ...}}      ->  {"Results": [...]}
// (Route::Invocations, POST /invocations — MLflow's scoring server): JSON
// with exactly one of dataframe_split {columns, data}, dataframe_records
// [{...}], instances [{...} or [...]], inputs ({column: [...]} or [{...}]),
// or a text/csv body with a header line  ->  {"predictions": [...]}.
//
// Values may be strings (as in the lesson) or JSON numbers and booleans, read
// by the input schema's rules, the same on every path (data/InputSchema.h):
// numbers from "60" or 60, booleans from true/"true"/0/1/"yes"/"no" and the
// column's own spellings, categories and text from strings or numbers; null
// is a missing value. A column the model does not know (the training data's
// other columns and the label are accepted), a missing column, a value of the
// wrong type or too many rows is a 4xx error naming the field ("data[0].age").
// Classification answers the class per row as the label column writes it:
// JSON booleans for a boolean label spelled false/true (0/1 too, as Azure
// answers the lesson), exact JSON integers for an integer label, else the
// class as a string (a boolean's own spellings: "yes"); with predict_proba a
// list of probabilities in classes() order. Regression answers numbers.

#include "ml/forecasting/ForecastingModel.h"
#include "ml/model/TrainedPipeline.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <memory>

namespace stratus::serve {

struct ScoreResponse {
    int status = 200;
    QByteArray body; // JSON
};

class Scorer {
public:
    enum class Route { Score, Invocations };
    static constexpr int kDefaultMaxRows = 10000;

    Scorer(std::shared_ptr<const ml::TrainedPipeline> pipeline, int maxRows = kDefaultMaxRows);
    // A forecasting model's endpoint: POST /score in the forecasting dialect
    // (ForecastScoring.h); /invocations answers 400 with the reason.
    Scorer(std::shared_ptr<const ml::forecasting::ForecastingModel> forecaster, int maxRows = kDefaultMaxRows);
    bool isForecasting() const { return m_forecaster != nullptr; }
    // The forecasting model (null for a pipeline's endpoint).
    const ml::forecasting::ForecastingModel *forecaster() const { return m_forecaster.get(); }
    // The model's algorithm, for either kind.
    QString algorithm() const;

    ScoreResponse score(Route route, const QByteArray &body, const QByteArray &contentType) const;

    const QList<QPair<QString, ColumnType>> &schema() const { return m_schema; }
    // requires: !isForecasting().
    const ml::TrainedPipeline &pipeline() const { return *m_pipeline; }
    // An OpenAPI 3.0 document of both routes, with the input schema and a sample row.
    QJsonObject openApi(const QString &serverUrl, bool keyAuth) const;
    // {"data": [a row]}: the lesson's request for a model of the lesson's
    // columns (lessonRow), else a typical row (TrainedPipeline::sampleRow).
    QJsonObject sampleRequest() const;
    // The row the lesson sends (Azure's heart-failure consumption example):
    // age 60, anaemia false, creatinine_phosphokinase 500, diabetes false,
    // ejection_fraction 38, high_blood_pressure false, platelets 260000,
    // serum_creatinine 1.40, serum_sodium 137, sex false, smoking false,
    // time 130 — as strings, as the lesson writes them.
    static QJsonObject lessonRow();

    // A JSON error body: {"error": message, "field": field}.
    static ScoreResponse error(int status, const QString &message, const QString &field = {});

private:
    struct Parsed;
    ScoreResponse respond(const Parsed &parsed) const;
    QJsonObject forecastOpenApi(const QString &serverUrl, bool keyAuth) const;
    bool parseScore(const QJsonObject &body, Parsed &out, ScoreResponse &failure) const;
    bool parseInvocations(const QByteArray &body, const QByteArray &contentType, Parsed &out, ScoreResponse &failure) const;

    std::shared_ptr<const ml::TrainedPipeline> m_pipeline;
    std::shared_ptr<const ml::forecasting::ForecastingModel> m_forecaster;
    QList<QPair<QString, ColumnType>> m_schema;
    int m_maxRows;
};

// Compares two secrets in time that does not depend on where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace stratus::serve

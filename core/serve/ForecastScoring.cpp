#include "serve/ForecastScoring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace stratus::serve {

namespace {

using ml::forecasting::ForecastingModel;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A text column built value by value.
struct TextColumn {
    DataColumn column;
    QHash<QString, int> codes;
    explicit TextColumn(const QString &name)
    {
        column.name = name;
        column.type = ColumnType::Text;
    }
    void append(const QString &v)
    {
        auto it = codes.find(v);
        if (it == codes.end()) {
            it = codes.insert(v, int(column.dictionary.size()));
            column.dictionary.push_back(v.toStdString());
        }
        column.codes.push_back(*it);
    }
};

// A JSON value as the text a CSV cell would hold; false when it is not a scalar.
bool asText(const QJsonValue &v, QString *out)
{
    if (v.isString())
        *out = v.toString();
    else if (v.isDouble())
        *out = v.toDouble() == std::floor(v.toDouble()) && std::abs(v.toDouble()) < 1e15 ? QString::number(qint64(v.toDouble()))
                                                                                           : QString::number(v.toDouble(), 'g', 17);
    else if (v.isBool())
        *out = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else
        return false;
    return true;
}

// A number from a JSON number, boolean or numeric string; NaN for null.
bool asNumber(const QJsonValue &v, double *out)
{
    if (v.isNull() || v.isUndefined()) {
        *out = std::nan("");
        return true;
    }
    if (v.isDouble()) {
        *out = v.toDouble();
        return true;
    }
    if (v.isBool()) {
        *out = v.toBool() ? 1 : 0;
        return true;
    }
    if (v.isString()) {
        const QString t = v.toString().trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("false")) {
            *out = t == QLatin1String("true") ? 1 : 0;
            return true;
        }
        bool ok = false;
        *out = t.toDouble(&ok);
        return ok && std::isfinite(*out);
    }
    return false;
}

} // namespace

ScoreResponse scoreForecast(const ForecastingModel &model, const QJsonObject &body, int maxRows)
{
    const QJsonValue data = body.value(QStringLiteral("data"));
    if (!data.isArray())
        return Scorer::error(400, QStringLiteral("the body needs \"data\": a list of rows, each a future period of a series"), QStringLiteral("data"));
    const QJsonArray rows = data.toArray();
    if (rows.isEmpty())
        return Scorer::error(400, QStringLiteral("\"data\" is empty"), QStringLiteral("data"));
    if (rows.size() > maxRows)
        return Scorer::error(413, QStringLiteral("%1 rows is more than this endpoint takes in one request (%2)").arg(rows.size()).arg(maxRows),
                             QStringLiteral("data"));
    std::vector<double> levels;
    const QJsonValue quantiles = body.value(QStringLiteral("quantiles"));
    if (!quantiles.isUndefined() && !quantiles.isNull()) {
        if (!quantiles.isArray())
            return Scorer::error(400, QStringLiteral("\"quantiles\" must be a list of numbers between 0 and 1"), QStringLiteral("quantiles"));
        const QJsonArray q = quantiles.toArray();
        for (int i = 0; i < q.size(); ++i) {
            if (!q[i].isDouble() || !(q[i].toDouble() > 0 && q[i].toDouble() < 1))
                return Scorer::error(400, QStringLiteral("a quantile must be a number between 0 and 1, exclusive"),
                                     QStringLiteral("quantiles[%1]").arg(i));
            levels.push_back(q[i].toDouble());
        }
    }

    // The rows as a table of the columns the model reads.
    TextColumn time(model.timeColumn);
    QList<TextColumn> ids;
    for (const QString &c : model.idColumns)
        ids.append(TextColumn(c));
    std::vector<DataColumn> features;
    for (const QString &c : model.featureColumns + model.laggedColumns) {
        DataColumn f;
        f.name = c;
        f.type = ColumnType::Decimal;
        features.push_back(f);
    }
    DataColumn target;
    target.name = model.label;
    target.type = ColumnType::Decimal;
    for (int i = 0; i < rows.size(); ++i) {
        const QString where = QStringLiteral("data[%1]").arg(i);
        if (!rows[i].isObject())
            return Scorer::error(400, QStringLiteral("a row must be an object of column: value"), where);
        const QJsonObject row = rows[i].toObject();
        QString text;
        if (!asText(row.value(model.timeColumn), &text) || text.trimmed().isEmpty())
            return Scorer::error(400, QStringLiteral("the time column '%1' is needed, as a date or time (2025-01-31, 2025-01-31T08:00)").arg(model.timeColumn),
                                 QStringLiteral("%1.%2").arg(where, model.timeColumn));
        time.append(text);
        for (TextColumn &id : ids) {
            if (!asText(row.value(id.column.name), &text))
                return Scorer::error(400, QStringLiteral("the series id column '%1' is needed").arg(id.column.name),
                                     QStringLiteral("%1.%2").arg(where, id.column.name));
            id.append(text);
        }
        for (DataColumn &f : features) {
            double v = 0;
            if (!asNumber(row.value(f.name), &v))
                return Scorer::error(400, QStringLiteral("'%1' must be a number or a boolean").arg(f.name), QStringLiteral("%1.%2").arg(where, f.name));
            f.appendNumber(v);
        }
        double y = 0;
        if (!asNumber(row.value(model.label), &y))
            return Scorer::error(400, QStringLiteral("'%1' (the target: history rows give it) must be a number or null").arg(model.label),
                                 QStringLiteral("%1.%2").arg(where, model.label));
        target.appendNumber(y);
    }
    DataTable table;
    table.rowCount = size_t(rows.size());
    table.columns.push_back(std::move(time.column));
    for (TextColumn &id : ids)
        table.columns.push_back(std::move(id.column));
    for (DataColumn &f : features)
        table.columns.push_back(std::move(f));
    table.columns.push_back(std::move(target));

    auto forecasts = model.forecastTable(table, levels.empty() ? std::vector<double>{0.5} : levels);
    if (!forecasts) // errors name "row N" (1-based): data[N-1]
        return Scorer::error(400, forecasts.message(), QStringLiteral("data"));
    if (std::none_of(forecasts->forecast.begin(), forecasts->forecast.end(), [](char f) { return f != 0; }))
        return Scorer::error(400, QStringLiteral("every row gives the target '%1', so none is left to forecast: leave it out of the rows to forecast")
                                      .arg(model.label),
                             QStringLiteral("data"));
    QJsonArray forecast, index;
    QJsonObject quantileAnswers;
    std::vector<QJsonArray> perLevel(levels.size());
    for (size_t r = 0; r < table.rowCount; ++r) {
        if (!forecasts->forecast[r])
            continue;
        forecast.append(forecasts->mean[r]);
        QJsonObject key{{model.timeColumn, table.columns[0].display(r)}};
        for (int i = 0; i < model.idColumns.size(); ++i)
            key.insert(model.idColumns[i], table.columns[size_t(i) + 1].display(r));
        index.append(key);
        for (size_t q = 0; q < levels.size(); ++q)
            perLevel[q].append(forecasts->quantiles[q][r]);
    }
    QJsonObject answer{{QStringLiteral("forecast"), forecast}, {QStringLiteral("index"), index}};
    for (size_t q = 0; q < levels.size(); ++q)
        quantileAnswers.insert(QString::number(levels[q], 'g', 6), perLevel[q]);
    if (!levels.empty())
        answer.insert(QStringLiteral("quantiles"), quantileAnswers);
    return {200, compact(answer)};
}

QJsonObject forecastSampleRequest(const ForecastingModel &model)
{
    return {{QStringLiteral("data"), model.sampleRows(3)}, {QStringLiteral("quantiles"), QJsonArray{0.1, 0.9}}};
}

QJsonObject forecastRequestSchema(const ForecastingModel &model)
{
    QJsonObject properties{{model.timeColumn, QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                          {QStringLiteral("description"), QStringLiteral("the period to forecast (%1)").arg(model.frequency.describe())}}}};
    QJsonArray required{model.timeColumn};
    for (const QString &c : model.idColumns) {
        properties.insert(c, QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), QStringLiteral("series id")}});
        required.append(c);
    }
    for (const QString &c : model.featureColumns)
        properties.insert(c, QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                         {QStringLiteral("description"), QStringLiteral("known-future feature")}});
    for (const QString &c : model.laggedColumns)
        properties.insert(c, QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                         {QStringLiteral("nullable"), true},
                                         {QStringLiteral("description"), QStringLiteral("unknown at forecast time: given on history rows only")}});
    properties.insert(model.label, QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                               {QStringLiteral("nullable"), true},
                                               {QStringLiteral("description"), QStringLiteral("given on history rows only")}});
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("data")}},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                              {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                                                    {QStringLiteral("required"), required},
                                                                                                    {QStringLiteral("properties"), properties}}}}},
                         {QStringLiteral("quantiles"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                                   {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}}}}}}};
}

QJsonObject forecastResponseSchema()
{
    const QJsonObject numbers{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}}};
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("forecast"), numbers},
                         {QStringLiteral("index"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                               {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}},
                         {QStringLiteral("quantiles"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                   {QStringLiteral("additionalProperties"), numbers}}}}}};
}

} // namespace stratus::serve

#include "ml/forecasting/ForecastingParameters.h"

#include <QJsonArray>
#include <algorithm>

namespace stratus::ml::forecasting {

namespace {

constexpr int kMaxPeriods = 100000; // a sanity bound for horizons, lags, windows and steps

QJsonValue autoOr(int value)
{
    return value > 0 ? QJsonValue(value) : QJsonValue(QStringLiteral("auto"));
}

} // namespace

QString shortSeriesName(ShortSeries s)
{
    switch (s) {
    case ShortSeries::Auto: return QStringLiteral("auto");
    case ShortSeries::Pad: return QStringLiteral("pad");
    case ShortSeries::Drop: return QStringLiteral("drop");
    case ShortSeries::None: return QStringLiteral("none");
    }
    return {};
}

std::optional<ShortSeries> shortSeriesFromName(const QString &name)
{
    for (ShortSeries s : {ShortSeries::Auto, ShortSeries::Pad, ShortSeries::Drop, ShortSeries::None})
        if (name.compare(shortSeriesName(s), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

Status ForecastingParameters::setTargetLags(const QString &text)
{
    const QString t = text.trimmed();
    targetLags.clear();
    if (t.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0) {
        targetLagMode = LagMode::Auto;
        return {};
    }
    if (t.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 || t.isEmpty()) {
        targetLagMode = LagMode::None;
        return {};
    }
    for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int lag = part.trimmed().toInt(&ok);
        if (!ok || lag < 1 || lag > kMaxPeriods)
            return Error{QStringLiteral("target_lags must be auto, none, or whole numbers of periods from 1 (got '%1')").arg(part.trimmed())};
        targetLags.push_back(lag);
    }
    std::sort(targetLags.begin(), targetLags.end());
    targetLags.erase(std::unique(targetLags.begin(), targetLags.end()), targetLags.end());
    targetLagMode = LagMode::Given;
    return {};
}

Status ForecastingParameters::validate() const
{
    if (timeColumnName.trimmed().isEmpty())
        return Error{QStringLiteral("time_column_name is required: the column that holds each row's date or time")};
    if (forecastHorizon < 0 || forecastHorizon > kMaxPeriods)
        return Error{QStringLiteral("forecast_horizon must be auto or a number of periods from 1 to %1 (got %2)").arg(kMaxPeriods).arg(forecastHorizon)};
    if (!freq.isEmpty() && !Frequency::fromName(freq))
        return Error{QStringLiteral("freq: '%1' is not a frequency; use a pandas alias such as min, h, D, B, W-SUN, MS, M, QS-JAN, Q-DEC, YS-JAN, Y-DEC, "
                                    "optionally with a multiple (15min, 2W-MON)")
                         .arg(freq)};
    if (targetRollingWindowSize < 0 || targetRollingWindowSize > kMaxPeriods)
        return Error{QStringLiteral("target_rolling_window_size must be 0 (none) or a number of periods (got %1)").arg(targetRollingWindowSize)};
    if (seasonality < 0 || seasonality > kMaxPeriods)
        return Error{QStringLiteral("seasonality must be auto or a number of periods from 1 (got %1)").arg(seasonality)};
    if (cvStepSize < 0 || cvStepSize > kMaxPeriods)
        return Error{QStringLiteral("cv_step_size must be auto or a number of periods from 1 (got %1)").arg(cvStepSize)};
    if (timeSeriesIdColumnNames.contains(timeColumnName))
        return Error{QStringLiteral("time_series_id_column_names: '%1' is the time column").arg(timeColumnName)};
    for (const QString &c : timeSeriesIdColumnNames)
        if (timeSeriesIdColumnNames.count(c) > 1)
            return Error{QStringLiteral("time_series_id_column_names: '%1' is named twice").arg(c)};
    for (const QString &c : featuresUnknownAtForecastTime)
        if (c == timeColumnName || timeSeriesIdColumnNames.contains(c))
            return Error{QStringLiteral("features_unknown_at_forecast_time: '%1' is the time column or a series id; those are known for future rows").arg(c)};
    return {};
}

QJsonObject ForecastingParameters::toJson() const
{
    QJsonValue lags;
    if (targetLagMode == LagMode::Auto)
        lags = QStringLiteral("auto");
    else if (targetLagMode == LagMode::Given) {
        QJsonArray a;
        for (int l : targetLags)
            a.append(l);
        lags = a;
    }
    return {{QStringLiteral("time_column_name"), timeColumnName},
            {QStringLiteral("forecast_horizon"), autoOr(forecastHorizon)},
            {QStringLiteral("time_series_id_column_names"), QJsonArray::fromStringList(timeSeriesIdColumnNames)},
            {QStringLiteral("freq"), freq.isEmpty() ? QJsonValue(QStringLiteral("auto")) : QJsonValue(freq)},
            {QStringLiteral("target_lags"), lags},
            {QStringLiteral("target_rolling_window_size"), targetRollingWindowSize > 0 ? QJsonValue(targetRollingWindowSize) : QJsonValue()},
            {QStringLiteral("feature_lags"), featureLags ? QJsonValue(QStringLiteral("auto")) : QJsonValue()},
            {QStringLiteral("seasonality"), autoOr(seasonality)},
            {QStringLiteral("short_series_handling_configuration"), shortSeriesName(shortSeriesHandling)},
            {QStringLiteral("target_aggregation_function"), aggregationName(targetAggregation)},
            {QStringLiteral("cv_step_size"), autoOr(cvStepSize)},
            {QStringLiteral("features_unknown_at_forecast_time"), QJsonArray::fromStringList(featuresUnknownAtForecastTime)}};
}

Result<ForecastingParameters> ForecastingParameters::fromJson(const QJsonObject &o)
{
    ForecastingParameters p;
    auto periods = [&](const char *name, int *out) -> Status {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull() || v.toString() == QLatin1String("auto")) {
            *out = 0;
            return {};
        }
        if (!v.isDouble() || v.toDouble() != double(v.toInt()))
            return Error{QStringLiteral("%1 must be auto or a whole number of periods").arg(QLatin1String(name))};
        *out = v.toInt();
        return {};
    };
    p.timeColumnName = o.value(QStringLiteral("time_column_name")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("time_series_id_column_names")).toArray())
        p.timeSeriesIdColumnNames << v.toString();
    const QString freq = o.value(QStringLiteral("freq")).toString();
    p.freq = freq == QLatin1String("auto") ? QString() : freq;
    const QJsonValue lags = o.value(QStringLiteral("target_lags"));
    if (lags.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : lags.toArray())
            parts << QString::number(v.toInt());
        if (Status s = p.setTargetLags(parts.join(QLatin1Char(','))); !s)
            return s.error();
    } else if (Status s = p.setTargetLags(lags.isString() ? lags.toString() : QStringLiteral("none")); !s)
        return s.error();
    p.featureLags = o.value(QStringLiteral("feature_lags")).toString() == QLatin1String("auto");
    const QString shortSeries = o.value(QStringLiteral("short_series_handling_configuration")).toString(QStringLiteral("auto"));
    const auto handling = shortSeriesFromName(shortSeries);
    if (!handling)
        return Error{QStringLiteral("short_series_handling_configuration must be auto, pad, drop or none (got '%1')").arg(shortSeries)};
    p.shortSeriesHandling = *handling;
    const QString aggregation = o.value(QStringLiteral("target_aggregation_function")).toString(QStringLiteral("none"));
    const auto a = aggregationFromName(aggregation);
    if (!a)
        return Error{QStringLiteral("target_aggregation_function must be none, sum, mean, min or max (got '%1')").arg(aggregation)};
    p.targetAggregation = *a;
    for (const QJsonValue &v : o.value(QStringLiteral("features_unknown_at_forecast_time")).toArray())
        p.featuresUnknownAtForecastTime << v.toString();
    if (Status s = periods("forecast_horizon", &p.forecastHorizon); !s)
        return s.error();
    if (Status s = periods("target_rolling_window_size", &p.targetRollingWindowSize); !s)
        return s.error();
    if (Status s = periods("seasonality", &p.seasonality); !s)
        return s.error();
    if (Status s = periods("cv_step_size", &p.cvStepSize); !s)
        return s.error();
    if (Status s = p.validate(); !s)
        return s.error();
    return p;
}

} // namespace stratus::ml::forecasting

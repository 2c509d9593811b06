#include "ml/forecasting/ForecastingModel.h"

#include "ml/forecasting/ForecastingData.h"
#include "ml/forecasting/StatisticalModels.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <map>

namespace stratus::ml::forecasting {

Result<ForecastingModel> ForecastingModel::fromJson(const QJsonObject &o)
{
    if (o.value(QStringLiteral("task")).toString() != QLatin1String("forecasting"))
        return Error{QStringLiteral("the model is not a forecasting model (its task is %1); use predict or score").arg(o.value(QStringLiteral("task")).toString())};
    ForecastingModel m;
    m.algorithm = o.value(QStringLiteral("algorithm")).toString();
    m.label = o.value(QStringLiteral("label")).toString();
    m.labelType = columnTypeFromName(o.value(QStringLiteral("label_type")).toString()).value_or(ColumnType::Decimal);
    m.timeColumn = o.value(QStringLiteral("time_column")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("series_id_columns")).toArray())
        m.idColumns << v.toString();
    const auto freq = Frequency::fromName(o.value(QStringLiteral("freq")).toString());
    if (!freq)
        return Error{QStringLiteral("the stored model has no valid freq ('%1')").arg(o.value(QStringLiteral("freq")).toString())};
    m.frequency = *freq;
    m.season = std::max(1, o.value(QStringLiteral("seasonality")).toInt(1));
    m.horizon = std::max(1, o.value(QStringLiteral("forecast_horizon")).toInt(1));
    m.aggregation = aggregationFromName(o.value(QStringLiteral("target_aggregation_function")).toString()).value_or(Aggregation::None);
    for (const QJsonValue &v : o.value(QStringLiteral("members")).toArray()) {
        Member member{v[QStringLiteral("algorithm")].toString(), v[QStringLiteral("weight")].toDouble(1), {}};
        if (lagLearners().contains(member.algorithm)) {
            auto lag = LagModel::fromJson(v[QStringLiteral("lag_model")].toObject());
            if (!lag)
                return Error{QStringLiteral("the stored %1 cannot be read: %2").arg(member.algorithm, lag.message())};
            member.lagModel = std::make_shared<LagModel>(std::move(*lag));
        } else if (!isStatisticalAlgorithm(member.algorithm)) {
            return Error{QStringLiteral("the stored model names an unknown forecasting algorithm '%1'").arg(member.algorithm)};
        }
        m.members.append(member);
    }
    if (m.members.isEmpty())
        return Error{QStringLiteral("the stored forecasting model has no members")};
    for (const QJsonValue &v : o.value(QStringLiteral("feature_columns")).toArray())
        m.featureColumns << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("lagged_columns")).toArray())
        m.laggedColumns << v.toString();
    m.nonNegative = o.value(QStringLiteral("non_negative")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("dropped_series")).toArray())
        m.droppedSeries << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("series")).toArray()) {
        History h;
        for (const QJsonValue &id : v[QStringLiteral("id")].toArray())
            h.id << id.toString();
        const auto start = CivilTime::parse(v[QStringLiteral("start")].toString().toStdString());
        if (!start)
            return Error{QStringLiteral("the stored model has a series without a valid start")};
        h.start = *start;
        for (const QJsonValue &x : v[QStringLiteral("values")].toArray())
            h.values.push_back(x.toDouble());
        for (const QJsonValue &feature : v[QStringLiteral("features")].toArray()) {
            std::vector<double> values;
            for (const QJsonValue &x : feature.toArray())
                values.push_back(x.isDouble() ? x.toDouble() : std::nan(""));
            values.resize(h.values.size(), std::nan(""));
            h.features.push_back(std::move(values));
        }
        m.series.push_back(std::move(h));
    }
    return m;
}

Result<ForecastingModel> ForecastingModel::fromRun(Workspace &ws, const QString &runId)
{
    auto stored = RunStore(ws).storedModel(runId);
    if (!stored)
        return stored.error();
    return fromJson(stored->pipeline);
}

Result<ForecastingModel> ForecastingModel::fromModel(Workspace &ws, const QString &reference)
{
    auto found = ModelStore(ws).resolveWithPipeline(reference);
    if (!found)
        return found.error();
    return fromJson(found->pipeline);
}

QJsonObject ForecastingModel::toJson() const
{
    QJsonArray memberArray, seriesArray;
    for (const Member &m : members) {
        QJsonObject o{{QStringLiteral("algorithm"), m.algorithm}, {QStringLiteral("weight"), m.weight}};
        if (m.lagModel)
            o.insert(QStringLiteral("lag_model"), m.lagModel->toJson());
        memberArray.append(o);
    }
    for (const History &h : series) {
        QJsonArray values;
        for (double v : h.values)
            values.append(v);
        QJsonObject o{{QStringLiteral("id"), QJsonArray::fromStringList(h.id)},
                      {QStringLiteral("start"), h.start.toString()},
                      {QStringLiteral("values"), values}};
        if (!h.features.empty()) {
            QJsonArray features;
            for (const std::vector<double> &f : h.features) {
                QJsonArray feature;
                for (double v : f)
                    feature.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
                features.append(feature);
            }
            o.insert(QStringLiteral("features"), features);
        }
        seriesArray.append(o);
    }
    return {{QStringLiteral("task"), QStringLiteral("forecasting")},
            {QStringLiteral("algorithm"), algorithm},
            {QStringLiteral("label"), label},
            {QStringLiteral("label_type"), columnTypeName(labelType)},
            {QStringLiteral("time_column"), timeColumn},
            {QStringLiteral("series_id_columns"), QJsonArray::fromStringList(idColumns)},
            {QStringLiteral("freq"), frequency.name()},
            {QStringLiteral("seasonality"), season},
            {QStringLiteral("forecast_horizon"), horizon},
            {QStringLiteral("target_aggregation_function"), aggregationName(aggregation)},
            {QStringLiteral("feature_columns"), QJsonArray::fromStringList(featureColumns)},
            {QStringLiteral("lagged_columns"), QJsonArray::fromStringList(laggedColumns)},
            {QStringLiteral("non_negative"), nonNegative},
            {QStringLiteral("dropped_series"), QJsonArray::fromStringList(droppedSeries)},
            {QStringLiteral("members"), memberArray},
            {QStringLiteral("series"), seriesArray}};
}

Forecast ForecastingModel::forecast(const SeriesView &view, int steps, const std::vector<double> &levels) const
{
    const std::vector<double> &history = *view.values;
    Forecast out;
    out.mean.assign(size_t(steps), 0.0);
    out.quantileLevels = levels;
    out.quantiles.assign(levels.size(), std::vector<double>(size_t(steps), 0.0));
    double total = 0;
    for (const Member &m : members)
        total += m.weight;
    for (const Member &m : members) {
        const Forecast f = m.lagModel && history.size() >= m.lagModel->spec.history()
                               ? m.lagModel->forecast(view, history.size(), steps, levels)
                               : forecastSeries(m.lagModel ? QStringLiteral("SeasonalNaive") : m.algorithm, history, season, steps, levels).forecast;
        const double w = m.weight / total;
        for (size_t s = 0; s < size_t(steps); ++s) {
            out.mean[s] += w * f.mean[s];
            for (size_t q = 0; q < levels.size(); ++q)
                out.quantiles[q][s] += w * f.quantiles[q][s];
        }
    }
    if (nonNegative) {
        for (double &v : out.mean)
            v = std::max(0.0, v);
        for (auto &q : out.quantiles)
            for (double &v : q)
                v = std::max(0.0, v);
    }
    return out;
}

Result<ForecastingModel::RowForecasts> ForecastingModel::forecastTable(const DataTable &input, const std::vector<double> &levels) const
{
    auto column = [&](const QString &name, const char *what) -> Result<int> {
        const int i = input.indexOf(name);
        if (i < 0)
            return Error{QStringLiteral("the input has no column '%1' (the model's %2)").arg(name, QLatin1String(what))};
        return i;
    };
    auto time = column(timeColumn, "time column");
    if (!time)
        return time.error();
    std::vector<int> ids;
    for (const QString &name : idColumns) {
        auto i = column(name, "time series id column");
        if (!i)
            return i.error();
        ids.push_back(*i);
    }
    auto features = featureInputColumns(input);
    if (!features)
        return features.error();
    const std::vector<int> &featureIndex = *features;
    auto times = timeValues(input, *time);
    if (!times)
        return times.error();
    int target = input.indexOf(label);
    if (target >= 0 && !input.columns[size_t(target)].isNumeric()) {
        const DataColumn &c = input.columns[size_t(target)];
        bool empty = true;
        for (size_t r = 0; r < input.rowCount && empty; ++r)
            empty = c.isMissing(r);
        if (empty)
            target = -1; // an empty target column: every row is to forecast
    }
    if (target >= 0 && !input.columns[size_t(target)].isNumeric())
        return Error{QStringLiteral("the input's column '%1' (the model's target) must hold numbers").arg(label)};

    std::map<QStringList, std::vector<size_t>> groups;
    for (size_t r = 0; r < input.rowCount; ++r)
        groups[seriesKey(input, ids, r)].push_back(r);

    RowForecasts out;
    out.forecast.assign(input.rowCount, 0);
    out.mean.assign(input.rowCount, std::nan(""));
    out.quantiles.assign(levels.size(), std::vector<double>(input.rowCount, std::nan("")));
    for (const auto &[key, rows] : groups) {
        const History *stored = nullptr;
        double code = std::nan("");
        for (size_t i = 0; i < series.size(); ++i)
            if (series[i].id == key) {
                stored = &series[i];
                code = double(i);
            }
        // The history: stored points, then the input's rows with a target (which replace a stored point at their time).
        std::vector<CivilTime> t;
        std::vector<double> v;
        std::vector<size_t> future;
        std::map<qint64, char> given;
        for (size_t r : rows) {
            if (target >= 0 && !input.columns[size_t(target)].isMissing(r)) {
                t.push_back((*times)[r]);
                v.push_back(input.columns[size_t(target)].numbers[r]);
                given[frequency.bucket((*times)[r]).seconds] = 1;
            } else {
                future.push_back(r);
            }
        }
        if (future.empty())
            continue;
        const QString seriesName = idColumns.isEmpty() ? QString() : QStringLiteral(" (series %1)").arg(key.join(QStringLiteral(", ")));
        if (stored) {
            for (size_t i = 0; i < stored->values.size(); ++i) {
                const CivilTime point = frequency.advance(stored->start, qint64(i));
                if (!given.count(point.seconds)) {
                    t.push_back(point);
                    v.push_back(stored->values[i]);
                }
            }
        } else if (t.empty()) {
            QStringList named;
            for (int i = 0; i < key.size(); ++i)
                named << QStringLiteral("%1=%2").arg(idColumns.value(i), key[i]);
            if (droppedSeries.contains(named.join(QStringLiteral(", "))))
                return Error{QStringLiteral("%1: the series%2 was dropped as too short when the model was trained (short_series_handling_configuration: "
                                            "train with pad to keep it), and the input gives none of its history (rows with '%3' filled in)")
                                 .arg(input.where(future.front()), seriesName, label)};
            return Error{QStringLiteral("%1: the model was not trained on this series%2, and the input gives none of its history (rows with '%3' filled in)")
                             .arg(input.where(future.front()), seriesName, label)};
        }
        auto regular = regularize(t, v, frequency, aggregation);
        if (!regular)
            return Error{QStringLiteral("the history%1: %2").arg(seriesName, regular.message())};
        if (regular->values.size() < 2)
            return Error{QStringLiteral("the history%1 has %2 point; a forecast needs at least 2").arg(seriesName).arg(regular->values.size())};
        const CivilTime end = frequency.advance(regular->start, qint64(regular->values.size()) - 1);
        qint64 steps = 0;
        std::vector<qint64> stepOf(future.size());
        for (size_t i = 0; i < future.size(); ++i) {
            const CivilTime at = (*times)[future[i]];
            if (!frequency.onGrid(at))
                return Error{QStringLiteral("%1: %2 is not on the model's grid (%3)%4").arg(input.where(future[i]), at.toString(), frequency.describe(), seriesName)};
            const qint64 k = frequency.periodsBetween(end, at);
            if (k < 1)
                return Error{QStringLiteral("%1: %2 is not after the history, which ends %3%4; give it the target to use it as history")
                                 .arg(input.where(future[i]), at.toString(), end.toString(), seriesName)};
            if (k > horizon)
                return Error{QStringLiteral("%1: %2 is %3 periods after the history's end %4%5; the model forecasts %6 (its forecast_horizon)")
                                 .arg(input.where(future[i]), at.toString())
                                 .arg(k)
                                 .arg(end.toString(), seriesName)
                                 .arg(horizon)};
            stepOf[i] = k;
            steps = std::max(steps, k);
        }
        SeriesView view;
        view.values = &regular->values;
        view.imputed = &regular->imputed;
        view.start = regular->start;
        view.code = code;
        for (size_t f = 0; f < featureIndex.size() && f < size_t(featureColumns.size()); ++f) {
            const DataColumn &c = input.columns[size_t(featureIndex[f])];
            for (size_t r : future)
                if (c.isMissing(r))
                    return Error{QStringLiteral("%1: '%2' is empty; the model reads it at the time it forecasts").arg(input.where(r), c.name)};
        }
        const std::vector<std::vector<double>> features =
            featureGrid(stored, regular->start, regular->values.size() + size_t(steps), input, rows, *times, featureIndex);
        for (const std::vector<double> &feature : features)
            view.features.push_back(&feature);
        const Forecast f = forecast(view, int(steps), levels);
        for (size_t i = 0; i < future.size(); ++i) {
            const size_t r = future[i], s = size_t(stepOf[i] - 1);
            out.forecast[r] = 1;
            out.mean[r] = f.mean[s];
            for (size_t q = 0; q < levels.size(); ++q)
                out.quantiles[q][r] = f.quantiles[q][s];
        }
    }
    return out;
}

bool ForecastingModel::readsFeatures() const
{
    return std::any_of(members.begin(), members.end(), [](const Member &m) { return m.lagModel != nullptr; });
}

Result<std::vector<int>> ForecastingModel::featureInputColumns(const DataTable &input) const
{
    std::vector<int> out;
    if (!readsFeatures())
        return out; // statistical members read no features
    for (const QString &name : featureColumns + laggedColumns) {
        const bool known = out.size() < size_t(featureColumns.size());
        const int i = input.indexOf(name);
        bool empty = i >= 0;
        for (size_t r = 0; empty && r < input.rowCount; ++r)
            empty = input.columns[size_t(i)].isMissing(r);
        if (i < 0 || (!known && empty)) {
            if (known)
                return Error{QStringLiteral("the input has no column '%1', a feature the model reads at the time it forecasts").arg(name)};
            out.push_back(-1); // unknown at forecast time: the stored history's values serve
            continue;
        }
        if (!input.columns[size_t(i)].isNumeric())
            return Error{QStringLiteral("the input's column '%1' must hold numbers, as it did in training").arg(name)};
        out.push_back(i);
    }
    return out;
}

std::vector<std::vector<double>> ForecastingModel::featureGrid(const History *stored, const CivilTime &start, size_t length, const DataTable &input,
                                                               const std::vector<size_t> &rows, const std::vector<CivilTime> &times,
                                                               const std::vector<int> &columns) const
{
    const size_t count = size_t(featureColumns.size() + laggedColumns.size());
    std::vector<std::vector<double>> grid(count, std::vector<double>(length, std::nan("")));
    auto put = [&](size_t f, qint64 at, double v) {
        if (at >= 0 && size_t(at) < length)
            grid[f][size_t(at)] = v;
    };
    if (stored) {
        const qint64 offset = frequency.periodsBetween(start, stored->start);
        for (size_t f = 0; f < count && f < stored->features.size(); ++f)
            for (size_t i = 0; i < stored->features[f].size(); ++i)
                put(f, offset + qint64(i), stored->features[f][i]);
    }
    for (size_t f = 0; f < count && f < columns.size(); ++f) {
        if (columns[f] < 0)
            continue;
        const DataColumn &c = input.columns[size_t(columns[f])];
        for (size_t r : rows)
            if (!c.isMissing(r))
                put(f, frequency.periodsBetween(start, frequency.bucket(times[r])), c.numbers[r]);
    }
    return grid;
}

QList<QPair<QString, ColumnType>> ForecastingModel::inputColumns() const
{
    QList<QPair<QString, ColumnType>> columns{{timeColumn, ColumnType::DateTime}};
    for (const QString &c : idColumns)
        columns.append({c, ColumnType::Text});
    for (const QString &c : readsFeatures() ? featureColumns : QStringList())
        columns.append({c, ColumnType::Decimal});
    return columns;
}

QJsonArray ForecastingModel::sampleRows(int count) const
{
    QJsonArray rows;
    const auto columns = inputColumns();
    for (size_t s = 0; s < series.size() && rows.size() < count; ++s) {
        const History &h = series[s];
        QJsonObject row{{timeColumn, frequency.advance(h.start, qint64(h.values.size())).toString()}};
        for (int i = 0; i < idColumns.size() && i < h.id.size(); ++i)
            row.insert(idColumns[i], h.id[i]);
        for (qsizetype c = 1 + idColumns.size(); c < columns.size(); ++c)
            row.insert(columns[c].first, 0);
        rows.append(row);
    }
    return rows;
}

Result<std::vector<double>> parseQuantiles(const QString &text)
{
    std::vector<double> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double q = part.trimmed().toDouble(&ok);
        if (!ok || !(q > 0 && q < 1))
            return Error{QStringLiteral("quantiles must be numbers between 0 and 1, exclusive (got '%1')").arg(part.trimmed())};
        out.push_back(q);
    }
    return out;
}

QString quantileColumn(double level)
{
    return QStringLiteral("forecast_q") + QString::number(level, 'g', 6);
}

} // namespace stratus::ml::forecasting

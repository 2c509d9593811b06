#include "ml/forecasting/ForecastingData.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <map>

namespace stratus::ml::forecasting {

namespace {

QString listed(const QStringList &names, int most = 5)
{
    QStringList shown = names.mid(0, most);
    if (names.size() > most)
        shown << QStringLiteral("and %1 more").arg(names.size() - most);
    return shown.join(QStringLiteral(", "));
}

// Pads a short series at its start to `length` points by repeating its first
// season (its first value when it has no whole season) backwards.
void pad(SeriesData &s, const Frequency &frequency, int season, size_t length)
{
    for (std::vector<double> &f : s.features)
        f.insert(f.begin(), length - s.series.values.size(), std::nan(""));
    const size_t missing = length - s.series.values.size();
    const size_t period = season > 1 && s.series.values.size() >= size_t(season) ? size_t(season) : 1;
    std::vector<double> values(missing);
    for (size_t i = 0; i < missing; ++i) {
        // Point i lies (missing - i) steps before the start: the same season position.
        const size_t back = missing - i;
        values[i] = s.series.values[(period - back % period) % period];
    }
    s.series.values.insert(s.series.values.begin(), values.begin(), values.end());
    s.series.imputed.insert(s.series.imputed.begin(), missing, 1);
    s.series.imputedPoints += missing;
    s.series.start = frequency.advance(s.series.start, -qint64(missing));
    s.paddedPoints = missing;
}

QJsonObject guardrail(const QString &name, const QString &status, const QString &description)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("status"), status}, {QStringLiteral("description"), description}};
}

} // namespace

QString SeriesData::name(const QStringList &idColumns) const
{
    if (id.isEmpty())
        return QStringLiteral("(all rows)");
    QStringList parts;
    for (int i = 0; i < id.size(); ++i)
        parts << QStringLiteral("%1=%2").arg(idColumns.value(i), id[i]);
    return parts.join(QStringLiteral(", "));
}

Result<std::vector<CivilTime>> timeValues(const DataTable &table, int column)
{
    const DataColumn &c = table.columns[size_t(column)];
    std::vector<CivilTime> out(table.rowCount);
    if (c.type == ColumnType::Integer) {
        for (size_t r = 0; r < table.rowCount; ++r) {
            if (c.isMissing(r))
                return Error{QStringLiteral("%1: the time column '%2' is empty").arg(table.where(r), c.name)};
            const int64_t year = c.integers[r];
            if (year < 1 || year > 9999)
                return Error{QStringLiteral("%1: the time column '%2' holds %3, which is neither a date nor a year (1 to 9999)")
                                 .arg(table.where(r), c.name)
                                 .arg(year)};
            out[r] = CivilTime::fromDate(int(year), 1, 1);
        }
        return out;
    }
    if (c.isNumeric())
        return Error{QStringLiteral("the time column '%1' is %2; it must hold dates or times (ISO 8601, e.g. 2024-03-01 or 2024-03-01T08:00) or years")
                         .arg(c.name, columnTypeName(c.type))};
    std::vector<std::optional<CivilTime>> parsed(c.dictionary.size());
    std::vector<char> tried(c.dictionary.size(), 0);
    for (size_t r = 0; r < table.rowCount; ++r) {
        const int code = c.codes[r];
        if (code < 0)
            return Error{QStringLiteral("%1: the time column '%2' is empty").arg(table.where(r), c.name)};
        if (!tried[size_t(code)]) {
            tried[size_t(code)] = 1;
            parsed[size_t(code)] = CivilTime::parse(c.dictionary[size_t(code)]);
        }
        if (!parsed[size_t(code)])
            return Error{QStringLiteral("%1: the time column '%2' holds '%3', which is not a date or time (ISO 8601, e.g. 2024-03-01 or 2024-03-01T08:00)")
                             .arg(table.where(r), c.name, shownValue(QString::fromStdString(c.dictionary[size_t(code)])))};
        out[r] = *parsed[size_t(code)];
    }
    return out;
}

QStringList seriesKey(const DataTable &table, const std::vector<int> &idColumns, size_t row)
{
    QStringList key;
    for (int c : idColumns)
        key << table.columns[size_t(c)].display(row);
    return key;
}

Result<ForecastingData> ForecastingData::prepare(const DataTable &table, const QString &label, const ForecastingParameters &p,
                                                 int crossValidations)
{
    if (Status s = p.validate(); !s)
        return s.error();
    QStringList columns;
    for (const DataColumn &c : table.columns)
        columns << c.name;
    auto find = [&](const QString &name, const char *field) -> Result<int> {
        const int i = table.indexOf(name);
        if (i < 0)
            return Error{QStringLiteral("%1: the dataset has no column '%2' (its columns: %3)").arg(QLatin1String(field), name, listed(columns, 40))};
        return i;
    };
    auto target = find(label, "label");
    if (!target)
        return target.error();
    const DataColumn &y = table.columns[size_t(*target)];
    if (y.type != ColumnType::Integer && y.type != ColumnType::Decimal) {
        // Name the first value that is not a number, as the other tasks do.
        for (size_t r = 0; r < table.rowCount && !y.isNumeric(); ++r) {
            bool number = false;
            y.display(r).toDouble(&number);
            if (!number && !y.isMissing(r))
                return Error{QStringLiteral("label: '%1' is %2: %3 holds '%4'. A forecast's target must be a number; read the column as "
                                            "decimal (--type %1=decimal) to take such cells as missing")
                                 .arg(label, columnTypeName(y.type), table.where(r), shownValue(y.display(r)))};
        }
        return Error{QStringLiteral("label: '%1' is %2; a forecast's target must be a number").arg(label, columnTypeName(y.type))};
    }
    auto time = find(p.timeColumnName, "time_column_name");
    if (!time)
        return time.error();
    if (*time == *target)
        return Error{QStringLiteral("time_column_name: '%1' is the label").arg(label)};
    std::vector<int> ids;
    for (const QString &name : p.timeSeriesIdColumnNames) {
        auto i = find(name, "time_series_id_column_names");
        if (!i)
            return i.error();
        if (*i == *target)
            return Error{QStringLiteral("time_series_id_column_names: '%1' is the label").arg(label)};
        ids.push_back(*i);
    }
    for (const QString &name : p.featuresUnknownAtForecastTime)
        if (auto i = find(name, "features_unknown_at_forecast_time"); !i)
            return i.error();
    if (table.rowCount == 0)
        return Error{QStringLiteral("the dataset has no rows")};
    auto times = timeValues(table, *time);
    if (!times)
        return times.error();

    // Rows by series, in the order series first appear.
    std::map<QStringList, size_t> index;
    std::vector<std::vector<size_t>> members;
    std::vector<QStringList> keys;
    for (size_t r = 0; r < table.rowCount; ++r) {
        const QStringList key = seriesKey(table, ids, r);
        auto [it, inserted] = index.emplace(key, members.size());
        if (inserted) {
            members.emplace_back();
            keys.push_back(key);
        }
        members[it->second].push_back(r);
    }

    ForecastingData d;
    std::vector<int> featureIndex, laggedIndex;
    for (int c = 0; c < int(table.columns.size()); ++c) {
        const DataColumn &col = table.columns[size_t(c)];
        if (c == *target || c == *time || std::find(ids.begin(), ids.end(), c) != ids.end())
            continue;
        const bool unknown = p.featuresUnknownAtForecastTime.contains(col.name);
        if (unknown && !p.featureLags) {
            d.unusedColumns << col.name; // unknown for future rows, and not lagged
        } else if (col.type == ColumnType::Integer || col.type == ColumnType::Decimal || col.type == ColumnType::Boolean) {
            (unknown ? d.laggedColumns : d.featureColumns) << col.name;
            (unknown ? laggedIndex : featureIndex).push_back(c);
        } else {
            d.skippedColumns << col.name;
        }
    }
    featureIndex.insert(featureIndex.end(), laggedIndex.begin(), laggedIndex.end());
    if (!p.freq.isEmpty()) {
        d.frequency = *Frequency::fromName(p.freq);
    } else {
        const auto longest = std::max_element(members.begin(), members.end(),
                                              [](const auto &a, const auto &b) { return a.size() < b.size(); });
        std::vector<CivilTime> t;
        for (size_t r : *longest)
            t.push_back((*times)[r]);
        auto f = inferFrequency(t);
        if (!f)
            return Error{QStringLiteral("freq: %1 (the time column '%2'%3); give the frequency (freq)")
                             .arg(f.message(), p.timeColumnName,
                                  keys.size() > 1 ? QStringLiteral(", series %1").arg(keys[size_t(longest - members.begin())].join(QStringLiteral("/")))
                                                  : QString())};
        d.frequency = *f;
        d.frequencyInferred = true;
    }
    d.season = p.seasonality > 0 ? p.seasonality : d.frequency.defaultSeasonality();

    size_t combined = 0, imputed = 0, missingTargets = 0, points = 0;
    std::vector<SeriesData> all;
    for (size_t s = 0; s < members.size(); ++s) {
        std::vector<CivilTime> t;
        std::vector<double> v;
        for (size_t r : members[s]) {
            t.push_back((*times)[r]);
            v.push_back(y.numbers[r]);
        }
        SeriesData sd;
        sd.id = keys[s];
        sd.rows = members[s].size();
        auto regular = regularize(t, v, d.frequency, p.targetAggregation);
        if (!regular)
            return Error{QStringLiteral("%1%2 (the time column '%3')")
                             .arg(keys.size() > 1 ? QStringLiteral("series %1: ").arg(sd.name(p.timeSeriesIdColumnNames)) : QString(),
                                  regular.message(), p.timeColumnName)};
        sd.series = std::move(*regular);
        // The history ends at the last observed value: rows after it without a target are not history.
        while (sd.series.values.size() > 1 && sd.series.imputed.back()) {
            sd.series.values.pop_back();
            sd.series.imputed.pop_back();
            --sd.series.imputedPoints;
        }
        sd.features.assign(featureIndex.size(), std::vector<double>(sd.series.values.size(), std::nan("")));
        for (size_t f = 0; f < featureIndex.size(); ++f) {
            const DataColumn &col = table.columns[size_t(featureIndex[f])];
            for (size_t i = 0; i < members[s].size(); ++i) {
                const qint64 at = d.frequency.periodsBetween(sd.series.start, d.frequency.bucket(t[i]));
                if (at >= 0 && size_t(at) < sd.features[f].size() && std::isnan(sd.features[f][size_t(at)]))
                    sd.features[f][size_t(at)] = col.numbers[members[s][i]];
            }
        }
        combined += sd.series.combinedRows;
        imputed += sd.series.imputedPoints;
        missingTargets += sd.series.missingTargets;
        points += sd.series.values.size();
        all.push_back(std::move(sd));
    }

    size_t shortest = SIZE_MAX, longestLength = 0;
    for (const SeriesData &s : all) {
        shortest = std::min(shortest, s.series.values.size());
        longestLength = std::max(longestLength, s.series.values.size());
    }
    d.folds = crossValidations > 0 ? crossValidations : 3;
    if (p.forecastHorizon > 0) {
        d.horizon = p.forecastHorizon;
    } else {
        // Auto: a season (10 periods without one), at most a fifth of the longest series.
        d.horizon = std::max(1, std::min<int>(d.season > 1 ? d.season : 10, int(longestLength / 5)));
    }
    d.step = p.cvStepSize > 0 ? p.cvStepSize : d.horizon;
    d.minTrain = std::max<size_t>(4, d.season > 1 ? size_t(d.season) + 1 : 4);

    const size_t required = d.requiredLength();
    size_t shortCount = 0, padded = 0;
    QStringList paddedNames;
    for (const SeriesData &s : all)
        shortCount += s.series.values.size() < required;
    ShortSeries handling = p.shortSeriesHandling;
    if (handling == ShortSeries::Auto)
        handling = shortCount < all.size() ? ShortSeries::Drop : ShortSeries::Pad;
    for (SeriesData &s : all) {
        if (s.series.values.size() >= required) {
            d.series.push_back(std::move(s));
            continue;
        }
        const QString name = s.name(p.timeSeriesIdColumnNames);
        if (handling == ShortSeries::None)
            return Error{QStringLiteral("short_series_handling_configuration is none, and series %1 has %2 points; the forecast horizon %3, "
                                        "%4 folds %5 apart and %6 points to train on need %7 (pad or drop short series, or shorten the horizon)")
                             .arg(name)
                             .arg(s.series.values.size())
                             .arg(d.horizon)
                             .arg(d.folds)
                             .arg(d.step)
                             .arg(d.minTrain)
                             .arg(required)};
        if (handling == ShortSeries::Drop) {
            d.droppedSeries << name;
            continue;
        }
        pad(s, d.frequency, d.season, required);
        ++padded;
        paddedNames << name;
        d.series.push_back(std::move(s));
    }
    if (d.series.empty())
        return Error{QStringLiteral("every series is shorter than the %1 points the forecast horizon %2 and %3 folds need").arg(required).arg(d.horizon).arg(d.folds)};
    // A padded series' folds are scored only once they train on a season of observed points
    // (ForecastingFolds): some series must allow it, or no trial could be scored.
    const size_t seasonNeed = size_t(std::max(2, d.season));
    size_t longestObserved = 0;
    bool scoreable = false;
    for (const SeriesData &s : d.series) {
        const size_t observed = s.series.values.size() - s.paddedPoints;
        longestObserved = std::max(longestObserved, observed);
        scoreable = scoreable || s.paddedPoints == 0 || observed >= size_t(d.horizon) + seasonNeed;
    }
    if (!scoreable)
        return Error{QStringLiteral("forecast_horizon %1 and seasonality %2 need a series of at least %3 observed points to validate on; "
                                    "the longest has %4. Shorten the horizon (%5 at most here) or the seasonality")
                         .arg(d.horizon)
                         .arg(d.season)
                         .arg(size_t(d.horizon) + seasonNeed)
                         .arg(longestObserved)
                         .arg(longestObserved > seasonNeed ? longestObserved - seasonNeed : 1)};

    shortest = SIZE_MAX; // of the series kept (dropped ones no longer count)
    for (const SeriesData &s : d.series)
        shortest = std::min(shortest, s.series.values.size() - s.paddedPoints);
    bool first = true;
    for (const SeriesData &s : d.series)
        for (size_t i = 0; i < s.series.values.size(); ++i)
            if (!s.series.imputed[i]) {
                d.labelMin = first ? s.series.values[i] : std::min(d.labelMin, s.series.values[i]);
                d.labelMax = first ? s.series.values[i] : std::max(d.labelMax, s.series.values[i]);
                first = false;
            }

    // The guardrails, as Azure names them.
    const QString freqText = d.frequency.describe();
    const bool mostlyImputed = imputed * 2 > points;
    if (!d.frequencyInferred && mostlyImputed)
        d.guardrails.append(guardrail(QStringLiteral("Frequency detection"), QStringLiteral("Alerted"),
                                      QStringLiteral("The frequency given (%1) leaves most grid points without a row: it may not be the data's; "
                                                     "leave freq to auto to infer it.")
                                          .arg(freqText)));
    else
        d.guardrails.append(guardrail(QStringLiteral("Frequency detection"), d.frequencyInferred ? QStringLiteral("Done") : QStringLiteral("Passed"),
                             d.frequencyInferred ? QStringLiteral("The time column '%1' was analyzed: the data points are %2.").arg(p.timeColumnName, freqText)
                                                 : QStringLiteral("The frequency was given: %1.").arg(freqText)));
    d.guardrails.append(guardrail(QStringLiteral("Missing time points imputation"),
                                  mostlyImputed ? QStringLiteral("Alerted") : imputed ? QStringLiteral("Done") : QStringLiteral("Passed"),
                         imputed ? QStringLiteral("%1 of %2 grid points had no target value (%3 rows had an empty target) and were filled with the "
                                                  "previous value; they are not scored.")
                                       .arg(imputed)
                                       .arg(points)
                                       .arg(missingTargets)
                                 : QStringLiteral("Every grid point has a value.")));
    d.guardrails.append(guardrail(QStringLiteral("Duplicate timestamps aggregation"), combined ? QStringLiteral("Done") : QStringLiteral("Passed"),
                         combined ? QStringLiteral("%1 rows shared a grid point with another row and were combined by %2.")
                                        .arg(combined)
                                        .arg(aggregationName(p.targetAggregation))
                                  : QStringLiteral("No two rows of a series share a time point.")));
    d.guardrails.append(guardrail(QStringLiteral("Short series handling"),
                         shortCount ? QStringLiteral("Done") : QStringLiteral("Passed"),
                         shortCount ? QStringLiteral("%1 series had fewer than %2 points (the horizon %3, %4 folds and %5 training points): %6 %7.")
                                          .arg(shortCount)
                                          .arg(required)
                                          .arg(d.horizon)
                                          .arg(d.folds)
                                          .arg(d.minTrain)
                                          .arg(padded ? QStringLiteral("padded") : QStringLiteral("dropped"),
                                               listed(padded ? paddedNames : d.droppedSeries))
                                    : QStringLiteral("Every series has at least %1 points.").arg(required)));
    d.guardrails.append(guardrail(QStringLiteral("Time series count"), QStringLiteral("Passed"),
                         QStringLiteral("%1 series%2, %3 to %4 points each.")
                             .arg(d.series.size())
                             .arg(ids.empty() ? QString() : QStringLiteral(" by %1").arg(p.timeSeriesIdColumnNames.join(QStringLiteral(", "))))
                             .arg(shortest)
                             .arg(longestLength)));
    const bool longHorizon = size_t(d.horizon) * 2 > shortest;
    d.guardrails.append(guardrail(QStringLiteral("Forecast horizon vs history"), longHorizon ? QStringLiteral("Alerted") : QStringLiteral("Passed"),
                         QStringLiteral("The horizon is %1 periods; the shortest series has %2 points%3.")
                             .arg(d.horizon)
                             .arg(shortest)
                             .arg(longHorizon ? QStringLiteral(": a horizon over half the history is hard to forecast") : QString())));
    d.guardrails.append(guardrail(QStringLiteral("Validation split handling"), QStringLiteral("Done"),
                         QStringLiteral("Rolling-origin cross-validation: %1 folds, origins %2 periods apart, each scored on the next %3 periods.")
                             .arg(d.folds)
                             .arg(d.step)
                             .arg(d.horizon)));
    return d;
}

} // namespace stratus::ml::forecasting

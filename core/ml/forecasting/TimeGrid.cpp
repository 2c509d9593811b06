#include "ml/forecasting/TimeGrid.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace stratus::ml::forecasting {

QString aggregationName(Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::None: return QStringLiteral("none");
    case Aggregation::Sum: return QStringLiteral("sum");
    case Aggregation::Mean: return QStringLiteral("mean");
    case Aggregation::Min: return QStringLiteral("min");
    case Aggregation::Max: return QStringLiteral("max");
    }
    return {};
}

std::optional<Aggregation> aggregationFromName(const QString &name)
{
    for (Aggregation a : {Aggregation::None, Aggregation::Sum, Aggregation::Mean, Aggregation::Min, Aggregation::Max})
        if (name.compare(aggregationName(a), Qt::CaseInsensitive) == 0)
            return a;
    return std::nullopt;
}

Result<RegularSeries> regularize(const std::vector<CivilTime> &times, const std::vector<double> &targets,
                                 const Frequency &frequency, Aggregation aggregation)
{
    if (times.empty())
        return Error{QStringLiteral("the series has no rows")};
    // The grid: from the first row's bucket; a sub-daily step's grid is
    // aligned on midnight, as pandas' resampling bins are (08:00, 08:15, ...).
    CivilTime origin = frequency.bucket(*std::min_element(times.begin(), times.end()));
    if (frequency.unit == Frequency::Unit::Second || frequency.unit == Frequency::Unit::Minute
        || frequency.unit == Frequency::Unit::Hour) {
        const qint64 step = frequency.advance(origin, 1).seconds - origin.seconds;
        origin.seconds -= origin.secondOfDay() % step;
    }
    struct Point {
        double sum = 0, min = INFINITY, max = -INFINITY;
        int rows = 0, values = 0;
    };
    std::map<qint64, Point> points; // by grid step from the origin
    RegularSeries out;
    for (size_t i = 0; i < times.size(); ++i) {
        const qint64 step = frequency.periodsBetween(origin, frequency.bucket(times[i]));
        Point &p = points[step];
        if (++p.rows > 1 && aggregation == Aggregation::None)
            return Error{QStringLiteral("%1: more than one row for the %2 point %3; set target_aggregation_function (sum, mean, min or max)")
                             .arg(times[i].toString(), frequency.describe(), frequency.advance(origin, step).toString())};
        if (p.rows > 1)
            ++out.combinedRows;
        if (std::isnan(targets[i])) {
            ++out.missingTargets;
            continue;
        }
        ++p.values;
        p.sum += targets[i];
        p.min = std::min(p.min, targets[i]);
        p.max = std::max(p.max, targets[i]);
    }
    out.start = origin;
    const qint64 length = points.rbegin()->first + 1;
    out.values.assign(size_t(length), std::nan(""));
    out.imputed.assign(size_t(length), 1);
    for (const auto &[step, p] : points) {
        if (p.values == 0)
            continue;
        out.values[size_t(step)] = aggregation == Aggregation::Min    ? p.min
                                   : aggregation == Aggregation::Max  ? p.max
                                   : aggregation == Aggregation::Mean ? p.sum / p.values
                                                                      : p.sum;
        out.imputed[size_t(step)] = 0;
    }
    const auto first = std::find_if(out.values.begin(), out.values.end(), [](double v) { return !std::isnan(v); });
    if (first == out.values.end())
        return Error{QStringLiteral("every target value of the series is missing")};
    double last = *first;
    for (size_t s = 0; s < out.values.size(); ++s) {
        if (std::isnan(out.values[s])) {
            out.values[s] = last;
            ++out.imputedPoints;
        } else {
            last = out.values[s];
        }
    }
    return out;
}

} // namespace stratus::ml::forecasting

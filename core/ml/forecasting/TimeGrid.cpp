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
    struct Point {
        double sum = 0, min = INFINITY, max = -INFINITY;
        int rows = 0, values = 0;
    };
    std::map<CivilTime, Point> points; // by the grid point of the unit
    RegularSeries out;
    for (size_t i = 0; i < times.size(); ++i) {
        Point &p = points[frequency.bucket(times[i])];
        if (++p.rows > 1 && aggregation == Aggregation::None)
            return Error{QStringLiteral("%1 has more than one row for the %2 point %3: set target_aggregation_function (sum, mean, min or max)")
                             .arg(times[i].toString(), frequency.describe(), frequency.bucket(times[i]).toString())};
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
    if (points.empty())
        return Error{QStringLiteral("the series has no rows")};
    // The grid of the frequency's multiple from the first point.
    out.start = points.begin()->first;
    const qint64 length = frequency.periodsBetween(out.start, points.rbegin()->first) + 1;
    out.values.assign(size_t(length), std::nan(""));
    out.imputed.assign(size_t(length), 1);
    for (const auto &[at, p] : points) {
        const qint64 step = frequency.periodsBetween(out.start, at);
        if (p.values == 0)
            continue;
        double &v = out.values[size_t(step)];
        // Finer-grained rows in one period of a multiple (two days of "2D") combine too.
        const double value = aggregation == Aggregation::Min ? p.min
                             : aggregation == Aggregation::Max ? p.max
                             : aggregation == Aggregation::Mean ? p.sum / p.values
                                                                : p.sum;
        if (std::isnan(v)) {
            v = value;
        } else {
            ++out.combinedRows;
            v = aggregation == Aggregation::Min ? std::min(v, value) : aggregation == Aggregation::Max ? std::max(v, value) : v + value;
        }
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

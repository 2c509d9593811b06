#pragma once
// Frequency: the regular step of a time series — Azure's `freq`
// (ForecastingParameters), named with pandas' offset aliases as Azure takes
// them: "min", "h", "D", "B" (business days, Monday to Friday), "W-SUN"
// (weeks ending on a weekday), "MS"/"M" (month start/end), "QS-JAN"/"Q-DEC"
// (quarters, anchored on the month that starts or ends them), "YS-JAN"/"Y-DEC"
// (years), each with an optional multiple ("15min", "2W-MON").

#include "common/Result.h"
#include "ml/forecasting/CivilTime.h"

#include <vector>

namespace stratus::ml::forecasting {

struct Frequency {
    enum class Unit { Second, Minute, Hour, Day, BusinessDay, Week, MonthStart, MonthEnd, QuarterStart, QuarterEnd, YearStart, YearEnd };
    Unit unit = Unit::Day;
    int multiple = 1; // steps of the unit per period (>= 1)
    int anchor = 0;   // Week: the weekday periods end on (0 = Monday .. 6 = Sunday);
                      // quarters and years: the month (1..12) that starts or ends them

    // The pandas alias: "D", "15min", "W-SUN", "MS", "Q-DEC", "YS-JAN".
    QString name() const;
    // A pandas alias (with aliases pandas also takes: "T" for minutes, "H",
    // "A"/"AS" for years, "ME"/"QE"/"YE" for ends); nullopt for anything else.
    static std::optional<Frequency> fromName(const QString &name);

    // Whether `t` lies on this frequency's grid (a month end for "M",
    // a weekday for "B", midnight for days and longer, ...).
    bool onGrid(const CivilTime &t) const;
    // The point `steps` periods after `t` (before, for negative steps).
    // requires: onGrid(t).
    CivilTime advance(const CivilTime &t, qint64 steps) const;
    // Periods from `from` to `to` (both on the grid): advance(from, n) == to.
    qint64 periodsBetween(const CivilTime &from, const CivilTime &to) const;
    // The point of the unit's grid (multiple 1) a time belongs to, as pandas
    // labels resampling bins: at or before it, but at or after it for the
    // end-labelled units (weeks, month, quarter and year ends): the days of
    // January belong to 2024-01-31 under "M", to 2024-01-01 under "MS".
    CivilTime bucket(const CivilTime &t) const;

    // The usual season length in periods: a day's cycle for sub-daily data
    // (24 for "h", 96 for "15min"; 1 when the step does not divide a day),
    // and as statsmodels' and Azure's defaults for the rest (days 7,
    // business days 5, weeks 52, months 12, quarters 4, years 1), divided by
    // the multiple when it divides it, else 1.
    int defaultSeasonality() const;
    // A short English phrase for messages: "every day (D)", "every 15 minutes (15min)",
    // "every month end (M)".
    QString describe() const;

    bool operator==(const Frequency &) const = default;
};

// The frequency of a series' time points (any order; repeated times count
// once; at least 3 distinct): the step most of them are apart by. Points
// between its grid steps go to their bucket (TimeGrid aggregates them), and
// gaps are missing points (TimeGrid imputes them). Rows stamped at one time
// of day (16:00, 23:59:59) are days, business days, weeks or months by their
// dates; months, quarters and years need 90% of the points on month starts
// or ends. Errors say why no frequency fits: too few points, or a grid that
// would be mostly imputed ("irregular").
Result<Frequency> inferFrequency(const std::vector<CivilTime> &times);

} // namespace stratus::ml::forecasting

#include "ml/forecasting/Frequency.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <map>

namespace stratus::ml::forecasting {

namespace {

using Unit = Frequency::Unit;

const char *const kWeekdays[] = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
const char *const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

bool isSubDaily(Unit u)
{
    return u == Unit::Second || u == Unit::Minute || u == Unit::Hour;
}

bool isEnd(Unit u)
{
    return u == Unit::MonthEnd || u == Unit::QuarterEnd || u == Unit::YearEnd;
}

qint64 unitSeconds(Unit u)
{
    return u == Unit::Second ? 1 : u == Unit::Minute ? 60 : u == Unit::Hour ? 3600 : 86400;
}

// Months per step of a monthly unit (before the multiple).
int unitMonths(Unit u)
{
    return (u == Unit::MonthStart || u == Unit::MonthEnd) ? 1 : (u == Unit::QuarterStart || u == Unit::QuarterEnd) ? 3 : 12;
}

qint64 monthIndex(const CivilTime &t)
{
    return qint64(t.year()) * 12 + t.month() - 1;
}

CivilTime fromMonthIndex(qint64 index, bool end)
{
    const int year = int(index >= 0 ? index / 12 : -((-index + 11) / 12));
    const int month = int(index - qint64(year) * 12) + 1;
    return CivilTime::fromDate(year, month, end ? daysInMonth(year, month) : 1);
}

// Business days: Monday..Friday of each week, numbered from 1970-01-05 (a Monday) on.
qint64 businessIndex(qint64 day)
{
    const qint64 shifted = day + 3; // days since Monday 1969-12-29
    const qint64 week = shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7);
    return week * 5 + std::min<qint64>(shifted - week * 7, 5);
}

qint64 dayOfBusinessIndex(qint64 index)
{
    const qint64 week = index >= 0 ? index / 5 : -((-index + 4) / 5);
    return week * 7 + (index - week * 5) - 3;
}

template <typename T>
T modeOf(const std::vector<T> &values)
{
    std::map<T, int> counts;
    for (T v : values)
        ++counts[v];
    return std::max_element(counts.begin(), counts.end(), [](const auto &a, const auto &b) { return a.second < b.second; })->first;
}

} // namespace

QString Frequency::name() const
{
    const QString prefix = multiple > 1 ? QString::number(multiple) : QString();
    switch (unit) {
    case Unit::Second: return prefix + QStringLiteral("s");
    case Unit::Minute: return prefix + QStringLiteral("min");
    case Unit::Hour: return prefix + QStringLiteral("h");
    case Unit::Day: return prefix + QStringLiteral("D");
    case Unit::BusinessDay: return prefix + QStringLiteral("B");
    case Unit::Week: return prefix + QStringLiteral("W-") + QLatin1String(kWeekdays[anchor]);
    case Unit::MonthStart: return prefix + QStringLiteral("MS");
    case Unit::MonthEnd: return prefix + QStringLiteral("M");
    case Unit::QuarterStart: return prefix + QStringLiteral("QS-") + QLatin1String(kMonths[anchor - 1]);
    case Unit::QuarterEnd: return prefix + QStringLiteral("Q-") + QLatin1String(kMonths[anchor - 1]);
    case Unit::YearStart: return prefix + QStringLiteral("YS-") + QLatin1String(kMonths[anchor - 1]);
    case Unit::YearEnd: return prefix + QStringLiteral("Y-") + QLatin1String(kMonths[anchor - 1]);
    }
    return {};
}

std::optional<Frequency> Frequency::fromName(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d*)\\s*([A-Za-z]+)(?:-([A-Za-z]{3}))?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    Frequency f;
    if (!match.captured(1).isEmpty()) {
        bool ok = false;
        f.multiple = match.captured(1).toInt(&ok);
        if (!ok || f.multiple < 1)
            return std::nullopt;
    }
    // pandas' aliases are case-sensitive where it matters ("ms" is milliseconds, "MS" month start).
    const QString alias = match.captured(2);
    const QString anchor = match.captured(3).toUpper();
    static const QHash<QString, Unit> units = {
        {QStringLiteral("s"), Unit::Second},       {QStringLiteral("S"), Unit::Second},       {QStringLiteral("min"), Unit::Minute},
        {QStringLiteral("T"), Unit::Minute},       {QStringLiteral("h"), Unit::Hour},         {QStringLiteral("H"), Unit::Hour},
        {QStringLiteral("D"), Unit::Day},          {QStringLiteral("d"), Unit::Day},          {QStringLiteral("B"), Unit::BusinessDay},
        {QStringLiteral("W"), Unit::Week},         {QStringLiteral("MS"), Unit::MonthStart},  {QStringLiteral("M"), Unit::MonthEnd},
        {QStringLiteral("ME"), Unit::MonthEnd},    {QStringLiteral("QS"), Unit::QuarterStart}, {QStringLiteral("Q"), Unit::QuarterEnd},
        {QStringLiteral("QE"), Unit::QuarterEnd},  {QStringLiteral("YS"), Unit::YearStart},   {QStringLiteral("AS"), Unit::YearStart},
        {QStringLiteral("Y"), Unit::YearEnd},      {QStringLiteral("YE"), Unit::YearEnd},     {QStringLiteral("A"), Unit::YearEnd}};
    const auto it = units.constFind(alias);
    if (it == units.cend())
        return std::nullopt;
    f.unit = *it;
    if (f.unit == Unit::Week) {
        f.anchor = 6; // pandas: "W" is "W-SUN"
        if (!anchor.isEmpty()) {
            const auto day = std::find_if(std::begin(kWeekdays), std::end(kWeekdays), [&](const char *d) { return anchor == QLatin1String(d); });
            if (day == std::end(kWeekdays))
                return std::nullopt;
            f.anchor = int(day - std::begin(kWeekdays));
        }
    } else if (f.unit == Unit::QuarterStart || f.unit == Unit::QuarterEnd || f.unit == Unit::YearStart || f.unit == Unit::YearEnd) {
        f.anchor = isEnd(f.unit) ? 12 : 1; // pandas: "Q" is "Q-DEC", "QS" is "QS-JAN"
        if (!anchor.isEmpty()) {
            const auto month = std::find_if(std::begin(kMonths), std::end(kMonths), [&](const char *m) { return anchor == QLatin1String(m); });
            if (month == std::end(kMonths))
                return std::nullopt;
            f.anchor = int(month - std::begin(kMonths)) + 1;
        }
    } else if (!anchor.isEmpty()) {
        return std::nullopt;
    }
    return f;
}

bool Frequency::onGrid(const CivilTime &t) const
{
    switch (unit) {
    case Unit::Second: return true;
    case Unit::Minute: return t.secondOfDay() % 60 == 0;
    case Unit::Hour: return t.secondOfDay() % 3600 == 0;
    case Unit::Day: return t.isMidnight();
    case Unit::BusinessDay: return t.isMidnight() && t.weekday() < 5;
    case Unit::Week: return t.isMidnight() && t.weekday() == anchor;
    case Unit::MonthStart: return t.isMidnight() && t.day() == 1;
    case Unit::MonthEnd: return t.isMidnight() && t.isMonthEnd();
    case Unit::QuarterStart: return t.isMidnight() && t.day() == 1 && (t.month() - anchor + 12) % 3 == 0;
    case Unit::QuarterEnd: return t.isMidnight() && t.isMonthEnd() && (t.month() - anchor + 12) % 3 == 0;
    case Unit::YearStart: return t.isMidnight() && t.day() == 1 && t.month() == anchor;
    case Unit::YearEnd: return t.isMidnight() && t.isMonthEnd() && t.month() == anchor;
    }
    return false;
}

CivilTime Frequency::advance(const CivilTime &t, qint64 steps) const
{
    const qint64 n = steps * multiple;
    if (isSubDaily(unit) || unit == Unit::Day)
        return {t.seconds + n * unitSeconds(unit)};
    if (unit == Unit::Week)
        return {t.seconds + n * 7 * 86400};
    if (unit == Unit::BusinessDay)
        return {(dayOfBusinessIndex(businessIndex(t.dayNumber()) + n)) * 86400};
    return fromMonthIndex(monthIndex(t) + n * unitMonths(unit), isEnd(unit));
}

qint64 Frequency::periodsBetween(const CivilTime &from, const CivilTime &to) const
{
    qint64 units = 0;
    if (isSubDaily(unit) || unit == Unit::Day)
        units = (to.seconds - from.seconds) / unitSeconds(unit);
    else if (unit == Unit::Week)
        units = (to.dayNumber() - from.dayNumber()) / 7;
    else if (unit == Unit::BusinessDay)
        units = businessIndex(to.dayNumber()) - businessIndex(from.dayNumber());
    else
        units = (monthIndex(to) - monthIndex(from)) / unitMonths(unit);
    return units / multiple;
}

CivilTime Frequency::bucket(const CivilTime &t) const
{
    const CivilTime midnight{t.dayNumber() * 86400};
    const int m = t.month(), y = t.year();
    switch (unit) {
    case Unit::Second: return t;
    case Unit::Minute: return {t.seconds - t.secondOfDay() % 60};
    case Unit::Hour: return {t.seconds - t.secondOfDay() % 3600};
    case Unit::Day: return midnight;
    case Unit::BusinessDay: return {midnight.seconds - 86400 * qint64(std::max(0, t.weekday() - 4))};
    case Unit::Week: return {midnight.seconds + 86400 * qint64((anchor - t.weekday() + 7) % 7)};
    case Unit::MonthStart: return CivilTime::fromDate(y, m, 1);
    case Unit::MonthEnd: return CivilTime::fromDate(y, m, daysInMonth(y, m));
    case Unit::QuarterStart: return fromMonthIndex(monthIndex(t) - (m - anchor + 12) % 3, false);
    case Unit::QuarterEnd: return fromMonthIndex(monthIndex(t) + (anchor - m + 12) % 3, true);
    case Unit::YearStart: return CivilTime::fromDate(m >= anchor ? y : y - 1, anchor, 1);
    case Unit::YearEnd: {
        const int year = m <= anchor ? y : y + 1;
        return CivilTime::fromDate(year, anchor, daysInMonth(year, anchor));
    }
    }
    return t;
}

int Frequency::defaultSeasonality() const
{
    if (unit == Unit::Second || unit == Unit::Minute || unit == Unit::Hour) {
        const qint64 step = unitSeconds(unit) * multiple; // a day's cycle
        return 86400 % step == 0 ? int(86400 / step) : 1;
    }
    int season = 1;
    switch (unit) {
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour: break;
    case Unit::Day: season = 7; break;
    case Unit::BusinessDay: season = 5; break;
    case Unit::Week: season = 52; break;
    case Unit::MonthStart:
    case Unit::MonthEnd: season = 12; break;
    case Unit::QuarterStart:
    case Unit::QuarterEnd: season = 4; break;
    case Unit::YearStart:
    case Unit::YearEnd: season = 1; break;
    }
    return season % multiple == 0 ? season / multiple : 1;
}

QString Frequency::describe() const
{
    static const char *const names[] = {"second", "minute", "hour", "day", "business day", "week", "month start",
                                        "month end", "quarter start", "quarter end", "year start", "year end"};
    const QString n = QLatin1String(names[int(unit)]);
    return multiple == 1 ? QStringLiteral("every %1 (%2)").arg(n, name())
                         : QStringLiteral("every %1 %2s (%3)").arg(multiple).arg(n, name());
}

Result<Frequency> inferFrequency(const std::vector<CivilTime> &given)
{
    std::vector<CivilTime> times = given;
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.size() < 3)
        return Error{QStringLiteral("%1 distinct time points are too few to infer a frequency (at least 3)").arg(times.size())};
    std::vector<qint64> diffs;
    for (size_t i = 1; i < times.size(); ++i)
        diffs.push_back(times[i].seconds - times[i - 1].seconds);
    const qint64 step = modeOf(diffs);
    Frequency f;
    if (step % 86400 != 0) {
        // Sub-daily: the most common gap (a stray point goes to its period's bucket).
        f.unit = step % 3600 == 0 ? Unit::Hour : step % 60 == 0 ? Unit::Minute : Unit::Second;
        f.multiple = int(step / unitSeconds(f.unit));
        const qint64 aligned = std::count_if(times.begin(), times.end(), [&](const CivilTime &t) { return f.onGrid(t); });
        if (aligned * 2 < qint64(times.size())) {
            // An hourly series at half past: seconds as the unit keep its phase.
            f.unit = Unit::Second;
            f.multiple = int(step);
        }
    } else {
        // Days and longer, whatever the time of day the rows are stamped with
        // (daily rows at 16:00, month ends at 23:59:59): from their days.
        std::vector<CivilTime> days;
        for (const CivilTime &t : times)
            days.push_back({t.dayNumber() * 86400});
        days.erase(std::unique(days.begin(), days.end()), days.end());
        const auto share = [&](auto predicate) {
            return double(std::count_if(days.begin(), days.end(), predicate)) / double(days.size());
        };
        // Most points (90%) on month starts or ends: months, quarters or years.
        const bool starts = share([](const CivilTime &t) { return t.day() == 1; }) >= 0.9;
        const bool ends = !starts && share([](const CivilTime &t) { return t.isMonthEnd(); }) >= 0.9;
        std::vector<qint64> dayDiffs;
        for (size_t i = 1; i < days.size(); ++i)
            dayDiffs.push_back(days[i].dayNumber() - days[i - 1].dayNumber());
        if (starts || ends) {
            std::vector<qint64> monthDiffs;
            for (size_t i = 1; i < days.size(); ++i)
                monthDiffs.push_back(monthIndex(days[i]) - monthIndex(days[i - 1]));
            const qint64 months = std::max<qint64>(1, modeOf(monthDiffs));
            const int first = days.front().month();
            if (months % 12 == 0) {
                f.unit = starts ? Unit::YearStart : Unit::YearEnd;
                f.multiple = int(months / 12);
                f.anchor = first;
            } else if (months % 3 == 0) {
                f.unit = starts ? Unit::QuarterStart : Unit::QuarterEnd;
                f.multiple = int(months / 3);
                // The anchor names the grid by a month of Jan..Mar (starts) or
                // Oct..Dec (ends); pandas' infer_freq may name the same grid by
                // another of its months.
                f.anchor = starts ? (first - 1) % 3 + 1 : (first - 1) % 3 + 10;
            } else {
                f.unit = starts ? Unit::MonthStart : Unit::MonthEnd;
                f.multiple = int(months);
            }
        } else {
            const qint64 dayStep = std::max<qint64>(1, modeOf(dayDiffs));
            const bool weekdays = share([](const CivilTime &t) { return t.weekday() < 5; }) == 1.0;
            const bool weekendGaps = std::any_of(dayDiffs.begin(), dayDiffs.end(), [](qint64 d) { return d == 3; });
            if (weekdays && weekendGaps && dayStep == 1) {
                f.unit = Unit::BusinessDay;
            } else if (dayStep % 7 == 0) {
                f.unit = Unit::Week;
                f.multiple = int(dayStep / 7);
                f.anchor = modeOf([&] {
                    std::vector<int> w;
                    for (const CivilTime &t : days)
                        w.push_back(t.weekday());
                    return w;
                }());
            } else {
                f.unit = Unit::Day;
                f.multiple = int(dayStep);
            }
        }
    }
    // A grid that would be mostly imputed is not this data's frequency.
    const qint64 periods = f.periodsBetween(f.bucket(times.front()), f.bucket(times.back())) + 1;
    if (periods > 2 * qint64(times.size()) + 10)
        return Error{QStringLiteral("the time points are irregular: %1 would need %2 points where the data has %3")
                         .arg(f.describe())
                         .arg(periods)
                         .arg(times.size())};
    return f;
}

} // namespace stratus::ml::forecasting

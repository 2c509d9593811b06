#include "ml/forecasting/CivilTime.h"

#include "data/CellParser.h"

namespace stratus::ml::forecasting {

namespace {

struct Ymd {
    int year, month, day;
};

// The inverse of daysFromCivil: the Gregorian calendar repeats every 400
// years (146,097 days); eras start on March 1 so that the leap day is last.
Ymd civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;                                 // [0, 146096]
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           // [0, 365]
    const qint64 mp = (5 * doy + 2) / 153;                               // [0, 11], from March
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return {int(year), month, day};
}

} // namespace

qint64 daysFromCivil(int year, int month, int day)
{
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

qint64 CivilTime::dayNumber() const
{
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

int CivilTime::year() const { return civilFromDays(dayNumber()).year; }
int CivilTime::month() const { return civilFromDays(dayNumber()).month; }
int CivilTime::day() const { return civilFromDays(dayNumber()).day; }

int CivilTime::weekday() const
{
    // 1970-01-01 was a Thursday (3).
    return int(((dayNumber() + 3) % 7 + 7) % 7);
}

int CivilTime::dayOfYear() const
{
    const Ymd d = civilFromDays(dayNumber());
    return int(dayNumber() - daysFromCivil(d.year, 1, 1)) + 1;
}

bool CivilTime::isMonthEnd() const
{
    const Ymd d = civilFromDays(dayNumber());
    return d.day == daysInMonth(d.year, d.month);
}

QString CivilTime::toString() const
{
    const Ymd d = civilFromDays(dayNumber());
    const QString date = QStringLiteral("%1-%2-%3")
                             .arg(d.year, 4, 10, QLatin1Char('0'))
                             .arg(d.month, 2, 10, QLatin1Char('0'))
                             .arg(d.day, 2, 10, QLatin1Char('0'));
    if (isMidnight())
        return date;
    const qint64 s = secondOfDay();
    return date
           + QStringLiteral("T%1:%2:%3")
                 .arg(s / 3600, 2, 10, QLatin1Char('0'))
                 .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                 .arg(s % 60, 2, 10, QLatin1Char('0'));
}

CivilTime CivilTime::fromDate(int year, int month, int day, qint64 secondOfDay)
{
    return {daysFromCivil(year, month, day) * 86400 + secondOfDay};
}

std::optional<CivilTime> CivilTime::parse(std::string_view text)
{
    const auto dt = cells::parseDateTime(cells::trim(text));
    if (!dt)
        return std::nullopt;
    return fromDate(dt->year, dt->month, dt->day, qint64(dt->hour) * 3600 + dt->minute * 60 + dt->second);
}

} // namespace stratus::ml::forecasting

#pragma once
// CivilTime: a date and time of day as written in a dataset's time column
// (ISO 8601, cells::parseDateTime), counted in seconds from 1970-01-01 00:00
// on the proleptic Gregorian calendar. A zone written in the value is not
// applied: a forecast works on the calendar of the data (the days, months
// and weekdays it names), as pandas does with naive timestamps.

#include <QString>
#include <QtGlobal>
#include <optional>
#include <string_view>

namespace stratus::ml::forecasting {

struct CivilTime {
    qint64 seconds = 0; // since 1970-01-01 00:00

    int year() const;
    int month() const;   // 1..12
    int day() const;     // 1..31
    int weekday() const; // 0 = Monday .. 6 = Sunday (ISO 8601)
    int dayOfYear() const; // 1..366
    qint64 secondOfDay() const { return ((seconds % 86400) + 86400) % 86400; }
    qint64 dayNumber() const; // days since 1970-01-01 (floor)
    bool isMidnight() const { return secondOfDay() == 0; }
    bool isMonthEnd() const; // the last day of its month

    // "2024-01-31" at midnight, else "2024-01-31T06:30:00".
    QString toString() const;

    static CivilTime fromDate(int year, int month, int day, qint64 secondOfDay = 0);
    // A cell's text as the importer reads dates (cells::parseDateTime), or nullopt.
    static std::optional<CivilTime> parse(std::string_view text);

    auto operator<=>(const CivilTime &) const = default;
};

// Days in `month` of `year` (Gregorian leap years).
int daysInMonth(int year, int month);
// Days from 1970-01-01 to the date (negative before).
qint64 daysFromCivil(int year, int month, int day);

} // namespace stratus::ml::forecasting

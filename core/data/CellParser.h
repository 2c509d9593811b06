#pragma once
// Reads single cells of text: missing-value tokens, numbers (optionally
// with a decimal comma), exact 64-bit integers, boolean words and ISO 8601
// date/times. Pure functions on byte views; the hot loop of the importer
// calls them. These are the value rules of every path that reads a value —
// dataset import, predict and score inputs, every endpoint dialect — through
// ColumnBuilder (README: "The value rules").

#include <cstdint>
#include <optional>
#include <string_view>

namespace stratus::cells {

// Leading and trailing spaces and tabs removed.
std::string_view trim(std::string_view s);

// Empty, NA, N/A, NaN, null or ? (case-insensitive), after trimming.
bool isMissing(std::string_view trimmed);

struct Number {
    double value = 0;
    bool integral = false;          // written without a fraction or exponent
    std::optional<int64_t> integer; // integral, in 64 bits and written canonically (no
                                    // leading zero "007", plus sign "+5" or "-0"), so that
                                    // it prints back as written
    bool otherSeparator = false;    // read with the other decimal separator (below)
};
// A finite decimal number ("12", "-3.5", "1e-3", "+7"; with decimalComma
// "1,83"). Words such as "inf" are not numbers. A value that writes the other
// decimal separator once, with no grouping it could be (not exactly three
// digits after it: "2,7" or "0,125" in a file of "1.9"; not "1,234"), is the
// number it reads as, with otherSeparator set, so that the import can say so.
std::optional<Number> parseNumber(std::string_view trimmed, bool decimalComma);

// true/false, yes/no, y/n, t/f, on/off (case-insensitive). 0/1 are numbers,
// handled by callers.
std::optional<bool> parseBoolWord(std::string_view trimmed);

// ISO 8601: YYYY-MM-DD (a real calendar day), optionally followed by 'T' or
// ' ' and hh:mm[:ss[.fff]] (24:00 the end of the day) and a zone (Z, ±hh,
// ±hhmm or ±hh:mm, at most 14 hours). Nothing else
// is a date/time ("2024/01/31", "01-31-2024" are not).
struct DateTime {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    bool hasTime = false;
};
std::optional<DateTime> parseDateTime(std::string_view trimmed);
inline bool isIsoDateTime(std::string_view trimmed)
{
    return parseDateTime(trimmed).has_value();
}

} // namespace stratus::cells

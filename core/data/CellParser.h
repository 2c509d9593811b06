#pragma once
// Reads single cells of delimited text: missing-value tokens, numbers
// (optionally with a decimal comma), booleans and ISO 8601 date/times.
// Pure functions on byte views; the hot loop of the importer calls them.

#include <optional>
#include <string_view>

namespace stratus::cells {

// Leading and trailing spaces and tabs removed.
std::string_view trim(std::string_view s);

// Empty, NA, N/A, NaN, null or ? (case-insensitive), after trimming.
bool isMissing(std::string_view trimmed);

struct Number {
    double value = 0;
    bool integral = false; // written without a fraction or exponent
};
// A finite decimal number ("12", "-3.5", "1e-3", "+7"; with decimalComma
// "1,83" and not "1.83"). Words such as "inf" are not numbers.
std::optional<Number> parseNumber(std::string_view trimmed, bool decimalComma);

// true/false, yes/no (case-insensitive). 0/1 are numbers, handled by callers.
std::optional<bool> parseBoolWord(std::string_view trimmed);

// ISO 8601: YYYY-MM-DD, optionally followed by 'T' or ' ' and hh:mm[:ss[.fff]]
// and a zone (Z or ±hh[:mm]).
bool isIsoDateTime(std::string_view trimmed);

} // namespace stratus::cells

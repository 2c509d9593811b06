#include "data/CellParser.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace stratus::cells {

namespace {

bool equalsNoCase(std::string_view s, std::string_view lower)
{
    if (s.size() != lower.size())
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lower[i])
            return false;
    }
    return true;
}

bool digits(std::string_view s, size_t pos, size_t count)
{
    if (pos + count > s.size())
        return false;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    return true;
}

int number(std::string_view s, size_t pos, size_t count)
{
    int v = 0;
    for (size_t i = pos; i < pos + count; ++i)
        v = v * 10 + (s[i] - '0');
    return v;
}

} // namespace

std::string_view trim(std::string_view s)
{
    size_t b = 0;
    size_t e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return s.substr(b, e - b);
}

bool isMissing(std::string_view s)
{
    switch (s.size()) {
    case 0: return true;
    case 1: return s[0] == '?';
    case 2: return equalsNoCase(s, "na");
    case 3: return equalsNoCase(s, "n/a") || equalsNoCase(s, "nan");
    case 4: return equalsNoCase(s, "null");
    default: return false;
    }
}

namespace {

// [+-] digits [sep digits]: the digits after the one separator, or -1 when
// the text is not of that form.
int digitsAfterSeparator(std::string_view s, char sep)
{
    size_t i = s[0] == '+' || s[0] == '-' ? 1 : 0;
    const size_t intStart = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    if (i == s.size() || s[i] != sep)
        return -1;
    const size_t fracStart = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    if (i != s.size() || i == fracStart || (fracStart - 1 == intStart && i == fracStart))
        return -1;
    return int(i - fracStart);
}

} // namespace

std::optional<Number> parseNumber(std::string_view s, bool decimalComma)
{
    if (s.empty())
        return std::nullopt;
    size_t start = 0;
    if (s[0] == '+')
        start = 1;
    if (start >= s.size())
        return std::nullopt;
    const char first = s[start];
    const char separator = decimalComma ? ',' : '.';
    const char other = decimalComma ? '.' : ',';
    if (!((first >= '0' && first <= '9') || (first == '-' && start == 0) || first == separator || first == other))
        return std::nullopt; // "+-5" is not a number
    bool integral = true;
    bool hasOther = false;
    const char *begin = s.data() + start;
    const char *end = s.data() + s.size();
    for (const char *p = begin; p < end; ++p) {
        const char c = *p;
        if (c == '.' || c == 'e' || c == 'E' || c == ',')
            integral = false;
        hasOther = hasOther || c == other;
    }
    Number n;
    char buffer[64];
    if (hasOther) {
        // "2,7" where the file writes "1.9": a number only where it cannot be a grouping.
        const int after = digitsAfterSeparator(s, other);
        if (after < 0 || after == 3)
            return std::nullopt;
        n.otherSeparator = true;
    }
    if (decimalComma || hasOther) {
        const size_t len = size_t(end - begin);
        if (len >= sizeof buffer)
            return std::nullopt;
        for (size_t i = 0; i < len; ++i) {
            if (begin[i] == separator && separator == ',')
                buffer[i] = '.';
            else if (begin[i] == other)
                buffer[i] = '.';
            else if (begin[i] == '.' && !hasOther) // "1.234,5" or "1.5" with a decimal comma
                return std::nullopt;
            else
                buffer[i] = begin[i];
        }
        begin = buffer;
        end = buffer + len;
    }
    const auto [ptr, ec] = std::from_chars(begin, end, n.value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(n.value))
        return std::nullopt;
    n.integral = integral;
    if (integral) {
        // Canonical: written as it would be written back — no plus sign, no
        // leading zero, no "-0".
        const char *digits = begin + (*begin == '-' ? 1 : 0);
        const bool leadingZero = end - digits > 1 && *digits == '0';
        const bool negativeZero = *begin == '-' && end - digits == 1 && *digits == '0';
        int64_t exact = 0;
        const auto [iptr, iec] = std::from_chars(begin, end, exact);
        if (iec == std::errc() && iptr == end && !leadingZero && !negativeZero && start == 0)
            n.integer = exact;
    }
    return n;
}

std::optional<bool> parseBoolWord(std::string_view s)
{
    for (const char *word : {"true", "yes", "y", "t", "on"}) {
        if (equalsNoCase(s, word))
            return true;
    }
    for (const char *word : {"false", "no", "n", "f", "off"}) {
        if (equalsNoCase(s, word))
            return false;
    }
    return std::nullopt;
}

std::optional<DateTime> parseDateTime(std::string_view s)
{
    // Date: YYYY-MM-DD
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
        return std::nullopt;
    DateTime dt;
    dt.year = number(s, 0, 4);
    dt.month = number(s, 5, 2);
    dt.day = number(s, 8, 2);
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > kDays[dt.month - 1])
        return std::nullopt;
    const bool leap = (dt.year % 4 == 0 && dt.year % 100 != 0) || dt.year % 400 == 0;
    if (dt.month == 2 && dt.day == 29 && !leap)
        return std::nullopt;
    if (s.size() == 10)
        return dt;
    // Time: [T ]hh:mm[:ss[.f+]]
    if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2))
        return std::nullopt;
    dt.hasTime = true;
    dt.hour = number(s, 11, 2);
    dt.minute = number(s, 14, 2);
    if (dt.hour > 24 || dt.minute > 59 || (dt.hour == 24 && dt.minute > 0))
        return std::nullopt; // 24:00 is the end of a day; 24:59 is no time
    size_t p = 16;
    if (p < s.size() && s[p] == ':') {
        if (!digits(s, p + 1, 2) || number(s, p + 1, 2) > 60)
            return std::nullopt;
        dt.second = number(s, p + 1, 2);
        p += 3;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            const size_t f = p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9')
                ++p;
            if (p == f)
                return std::nullopt;
        }
    }
    if (p == s.size())
        return dt;
    // Zone: Z or ±hh[:mm] or ±hhmm
    if (s[p] == 'Z')
        return p + 1 == s.size() ? std::optional<DateTime>(dt) : std::nullopt;
    if (s[p] != '+' && s[p] != '-')
        return std::nullopt;
    // Offsets run from -12:00 to +14:00.
    const std::string_view zone = s.substr(p + 1);
    const bool form = (zone.size() == 2 && digits(zone, 0, 2)) || (zone.size() == 4 && digits(zone, 0, 4))
                      || (zone.size() == 5 && digits(zone, 0, 2) && zone[2] == ':' && digits(zone, 3, 2));
    if (!form || number(zone, 0, 2) > 14 || (zone.size() > 2 && number(zone, zone.size() - 2, 2) > 59))
        return std::nullopt;
    return dt;
}

} // namespace stratus::cells

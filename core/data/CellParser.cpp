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
    if (!((first >= '0' && first <= '9') || first == '-' || first == '.' || (decimalComma && first == ',')))
        return std::nullopt;
    bool integral = true;
    char buffer[64];
    const char *begin = s.data() + start;
    const char *end = s.data() + s.size();
    for (const char *p = begin; p < end; ++p) {
        const char c = *p;
        if (c == '.' || c == 'e' || c == 'E' || c == ',')
            integral = false;
    }
    if (decimalComma) {
        const size_t n = size_t(end - begin);
        if (n >= sizeof buffer)
            return std::nullopt;
        for (size_t i = 0; i < n; ++i) {
            if (begin[i] == '.')
                return std::nullopt; // "1.234,5" or "1.5": not a decimal-comma number
            buffer[i] = begin[i] == ',' ? '.' : begin[i];
        }
        begin = buffer;
        end = buffer + n;
    }
    Number n;
    const auto [ptr, ec] = std::from_chars(begin, end, n.value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(n.value))
        return std::nullopt;
    n.integral = integral;
    return n;
}

std::optional<bool> parseBoolWord(std::string_view s)
{
    if (equalsNoCase(s, "true") || equalsNoCase(s, "yes"))
        return true;
    if (equalsNoCase(s, "false") || equalsNoCase(s, "no"))
        return false;
    return std::nullopt;
}

bool isIsoDateTime(std::string_view s)
{
    // Date: YYYY-MM-DD
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
        return false;
    const int month = number(s, 5, 2);
    const int day = number(s, 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    if (s.size() == 10)
        return true;
    // Time: [T ]hh:mm[:ss[.f+]]
    if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2))
        return false;
    if (number(s, 11, 2) > 24 || number(s, 14, 2) > 59)
        return false;
    size_t p = 16;
    if (p < s.size() && s[p] == ':') {
        if (!digits(s, p + 1, 2) || number(s, p + 1, 2) > 60)
            return false;
        p += 3;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            const size_t f = p;
            while (p < s.size() && s[p] >= '0' && s[p] <= '9')
                ++p;
            if (p == f)
                return false;
        }
    }
    if (p == s.size())
        return true;
    // Zone: Z or ±hh[:mm] or ±hhmm
    if (s[p] == 'Z')
        return p + 1 == s.size();
    if (s[p] != '+' && s[p] != '-')
        return false;
    const std::string_view zone = s.substr(p + 1);
    if (zone.size() == 2)
        return digits(zone, 0, 2);
    if (zone.size() == 4)
        return digits(zone, 0, 4);
    return zone.size() == 5 && digits(zone, 0, 2) && zone[2] == ':' && digits(zone, 3, 2);
}

} // namespace stratus::cells

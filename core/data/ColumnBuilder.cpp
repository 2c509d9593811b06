#include "data/ColumnBuilder.h"

#include "data/CellParser.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace stratus {

namespace {
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
}

ColumnBuilder::ColumnBuilder(std::optional<ColumnType> chosen, bool decimalComma)
    : m_chosen(chosen), m_decimalComma(decimalComma),
      m_mode(chosen && !isNumericType(*chosen) ? Mode::Strings : Mode::Numeric)
{
}

ColumnBuilder::Add ColumnBuilder::invalid(const char *why)
{
    m_reason = QCoreApplication::translate("stratus::ColumnBuilder", why);
    return Add::Invalid;
}

ColumnBuilder::Add ColumnBuilder::add(std::string_view raw)
{
    const std::string_view t = cells::trim(raw);
    if (m_mode == Mode::Strings) {
        if (cells::isMissing(t)) {
            m_strings.emplace_back();
            return Add::Ok;
        }
        if (m_chosen == ColumnType::DateTime && !cells::isIsoDateTime(t))
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not an ISO 8601 date/time (such as 2024-01-31 or 2024-01-31T14:05:00)"));
        addString(t);
        return Add::Ok;
    }
    if (cells::isMissing(t)) {
        m_numbers.push_back(kMissing);
        return Add::Ok;
    }
    if (auto n = cells::parseNumber(t, m_decimalComma)) {
        const bool zeroOne = n->value == 0 || n->value == 1;
        if (m_mode == Mode::BoolWord && !zeroOne) {
            if (m_chosen)
                return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a boolean (true/false, yes/no or 0/1)"));
            return Add::NeedStrings;
        }
        if (m_chosen == ColumnType::Boolean && !zeroOne)
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a boolean (true/false, yes/no or 0/1)"));
        const bool whole = n->integral || n->value == std::floor(n->value);
        if (m_chosen == ColumnType::Integer && !whole)
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a whole number"));
        m_numbers.push_back(n->value);
        m_integral = m_integral && n->integral;
        m_zeroOne = m_zeroOne && zeroOne;
        ++m_nonMissing;
        return Add::Ok;
    }
    if (auto b = cells::parseBoolWord(t)) {
        if (m_mode == Mode::BoolWord || m_chosen == ColumnType::Boolean || (!m_chosen && m_zeroOne)) {
            m_mode = Mode::BoolWord;
            m_numbers.push_back(*b ? 1.0 : 0.0);
            ++m_nonMissing;
            return Add::Ok;
        }
    }
    if (m_chosen == ColumnType::Boolean)
        return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a boolean (true/false, yes/no or 0/1)"));
    if (m_chosen)
        return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a number"));
    return Add::NeedStrings;
}

void ColumnBuilder::addString(std::string_view t)
{
    if (m_dateTimes && !cells::isIsoDateTime(t))
        m_dateTimes = false;
    m_strings.push_back(t);
    ++m_nonMissing;
}

void ColumnBuilder::convertToStrings(const std::vector<std::string_view> &previousRaw)
{
    m_mode = Mode::Strings;
    std::vector<double>().swap(m_numbers);
    m_strings.clear();
    m_strings.reserve(previousRaw.size());
    m_nonMissing = 0;
    m_dateTimes = true;
    for (std::string_view raw : previousRaw) {
        const std::string_view t = cells::trim(raw);
        if (cells::isMissing(t))
            m_strings.emplace_back();
        else
            addString(t);
    }
}

ColumnType ColumnBuilder::inferStringType(size_t distinct, size_t totalLength) const
{
    if (m_nonMissing > 0 && m_dateTimes)
        return ColumnType::DateTime;
    const double meanLength = m_nonMissing ? double(totalLength) / double(m_nonMissing) : 0;
    if (meanLength <= 40 && (distinct <= 50 || double(distinct) <= 0.05 * double(m_nonMissing)))
        return ColumnType::Categorical;
    return ColumnType::Text;
}

DataColumn ColumnBuilder::finish(const QString &name)
{
    DataColumn c;
    c.name = name;
    if (m_mode != Mode::Strings) {
        if (m_chosen)
            c.type = *m_chosen;
        else if (m_mode == Mode::BoolWord || (m_nonMissing > 0 && m_zeroOne))
            c.type = ColumnType::Boolean;
        else if (m_nonMissing > 0 && m_integral)
            c.type = ColumnType::Integer;
        else
            c.type = ColumnType::Decimal;
        c.numbers = std::move(m_numbers);
        return c;
    }
    std::unordered_map<std::string_view, int32_t> index;
    c.codes.reserve(m_strings.size());
    size_t totalLength = 0;
    for (std::string_view s : m_strings) {
        if (!s.data()) {
            c.codes.push_back(-1);
            continue;
        }
        totalLength += s.size();
        auto [it, inserted] = index.try_emplace(s, int32_t(c.dictionary.size()));
        if (inserted)
            c.dictionary.emplace_back(s);
        c.codes.push_back(it->second);
    }
    c.type = m_chosen ? *m_chosen : inferStringType(c.dictionary.size(), totalLength);
    std::vector<std::string_view>().swap(m_strings);
    return c;
}

} // namespace stratus

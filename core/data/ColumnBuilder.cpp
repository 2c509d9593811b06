#include "data/ColumnBuilder.h"

#include "data/CellParser.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace stratus {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool equalsNoCase(std::string_view a, const QString &b)
{
    return text(a).compare(b, Qt::CaseInsensitive) == 0;
}

bool hasLeadingZero(std::string_view t)
{
    const size_t digits = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
    return t.size() > digits + 1 && t[digits] == '0';
}

// The other value's usual spelling, in the same case: yes -> no, Y -> N, On -> Off.
QString counterpart(const QString &word)
{
    static const QList<QPair<QString, QString>> pairs = {
        {QStringLiteral("true"), QStringLiteral("false")}, {QStringLiteral("yes"), QStringLiteral("no")},
        {QStringLiteral("y"), QStringLiteral("n")},        {QStringLiteral("t"), QStringLiteral("f")},
        {QStringLiteral("on"), QStringLiteral("off")},     {QStringLiteral("1"), QStringLiteral("0")}};
    for (const auto &[t, f] : pairs) {
        for (const auto &[from, to] : {QPair<QString, QString>{t, f}, QPair<QString, QString>{f, t}}) {
            if (word.compare(from, Qt::CaseInsensitive) != 0)
                continue;
            if (word == from.toUpper())
                return to.toUpper();
            if (word.front().isUpper())
                return to.front().toUpper() + to.mid(1);
            return to;
        }
    }
    return {};
}

} // namespace

void ColumnBuilder::Tally::add(qint64 line, std::string_view value)
{
    ++count;
    if (examples.size() < ColumnNote::kMaxExamples)
        examples.append({line, text(value)});
}

ColumnBuilder::ColumnBuilder(std::optional<ColumnType> chosen, bool decimalComma, OnInvalid onInvalid,
                             const BooleanSpelling &spelling)
    : m_chosen(chosen), m_decimalComma(decimalComma), m_onInvalid(onInvalid),
      m_mode(chosen && !isNumericType(*chosen) ? Mode::Strings : Mode::Numeric), m_spelling(spelling),
      m_trackIntegers(!chosen || *chosen == ColumnType::Integer)
{
}

void ColumnBuilder::pushNumber(double value, int64_t exact)
{
    m_numbers.push_back(value);
    if (m_trackIntegers)
        m_integers.push_back(exact);
}

void ColumnBuilder::stopTrackingIntegers()
{
    // Not an integer column: the exact values are not needed (and cost 8 bytes a value).
    m_trackIntegers = false;
    std::vector<int64_t>().swap(m_integers);
}

ColumnBuilder::Add ColumnBuilder::invalid(const char *why, std::string_view t, qint64 line)
{
    if (m_onInvalid == OnInvalid::Fail) {
        m_reason = QCoreApplication::translate("stratus::ColumnBuilder", why);
        if (m_chosen == ColumnType::Boolean && !m_spelling.isDefault())
            m_reason += QStringLiteral(" (%1/%2)").arg(m_spelling.trueText, m_spelling.falseText);
        return Add::Invalid;
    }
    m_invalid.add(line, t);
    if (m_mode == Mode::Strings)
        m_strings.emplace_back();
    else
        pushNumber(kMissing, 0);
    return Add::Ok;
}

ColumnBuilder::Add ColumnBuilder::add(std::string_view raw, qint64 line)
{
    const std::string_view t = cells::trim(raw);
    const bool missing = cells::isMissing(t);
    if (m_mode == Mode::Strings) {
        if (missing) {
            m_strings.emplace_back();
            return Add::Ok;
        }
        if (m_chosen == ColumnType::DateTime && !cells::isIsoDateTime(t))
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder",
                                             "is not an ISO 8601 date/time (such as 2024-01-31 or 2024-01-31T14:05:00)"),
                           t, line);
        addString(t, line);
        return Add::Ok;
    }
    if (missing) {
        pushNumber(kMissing, 0);
        return Add::Ok;
    }
    return m_chosen ? addChosenNumeric(t, line) : addInferredNumeric(t, line);
}

ColumnBuilder::Add ColumnBuilder::addChosenNumeric(std::string_view t, qint64 line)
{
    const ColumnType type = *m_chosen;
    if (type == ColumnType::Boolean) {
        std::optional<bool> b;
        if (equalsNoCase(t, m_spelling.trueText))
            b = true;
        else if (equalsNoCase(t, m_spelling.falseText))
            b = false;
        else
            b = cells::parseBoolWord(t);
        if (!b) {
            if (auto n = cells::parseNumber(t, m_decimalComma); n && (n->value == 0 || n->value == 1))
                b = n->value == 1;
        }
        if (!b)
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a boolean (true/false, yes/no or 1/0)"), t, line);
        // The first way each value is written is its spelling; another way is noted.
        std::string &first = *b ? m_trueWord : m_falseWord;
        if (first.empty())
            first = std::string(t);
        else if (first != t)
            m_respelled.add(line, t);
        pushNumber(*b ? 1.0 : 0.0, 0);
        ++m_nonMissing;
        return Add::Ok;
    }
    const auto n = cells::parseNumber(t, m_decimalComma);
    if (!n)
        return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a number"), t, line);
    if (n->otherSeparator)
        m_otherSeparator.add(line, t);
    int64_t exact = 0;
    if (type == ColumnType::Integer) {
        if (n->integer) {
            exact = *n->integer;
        } else if (n->value != std::floor(n->value)) {
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is not a whole number"), t, line);
        } else if (std::abs(n->value) >= 9.2233720368547758e18) {
            return invalid(QT_TRANSLATE_NOOP("stratus::ColumnBuilder", "is too large for a 64-bit integer"), t, line);
        } else {
            exact = int64_t(n->value); // "3.0", "1e3", "007": whole numbers written another way
        }
    }
    pushNumber(type == ColumnType::Integer ? double(exact) : n->value, exact);
    ++m_nonMissing;
    return Add::Ok;
}

ColumnBuilder::Add ColumnBuilder::addInferredNumeric(std::string_view t, qint64 line)
{
    if (const auto n = cells::parseNumber(t, m_decimalComma)) {
        // A number among boolean words ("1" beside "yes") is a second spelling: text.
        if (m_mode == Mode::BoolWord)
            return Add::NeedStrings;
        // "007", "+5" or a whole number beyond 64 bits: a code or an ID, kept as
        // written (whatever the column's other values, so the order of the rows
        // does not matter).
        if (n->integral && !n->integer)
            return Add::NeedStrings;
        // 0 and 1 each written one way can be a boolean that keeps its spellings.
        if (n->value == 0 || n->value == 1) {
            std::string &first = n->value == 1 ? m_trueWord : m_falseWord;
            if (first.empty())
                first = std::string(t);
            else if (first != t)
                m_zeroOneSpelled = false;
        }
        if (n->otherSeparator)
            m_otherSeparator.add(line, t);
        if (m_trackIntegers && !n->integer)
            stopTrackingIntegers();
        pushNumber(n->value, n->integer.value_or(0));
        m_integral = m_integral && n->integer.has_value();
        m_zeroOne = m_zeroOne && (n->value == 0 || n->value == 1);
        ++m_nonMissing;
        return Add::Ok;
    }
    const auto b = cells::parseBoolWord(t);
    if (!b || (m_mode == Mode::Numeric && m_nonMissing > 0))
        return Add::NeedStrings;
    // Boolean words, each value written one way: a second spelling of a value makes it text.
    std::string &first = *b ? m_trueWord : m_falseWord;
    if (first.empty())
        first = std::string(t);
    else if (first != t)
        return Add::NeedStrings;
    m_mode = Mode::BoolWord;
    if (m_trackIntegers)
        stopTrackingIntegers();
    pushNumber(*b ? 1.0 : 0.0, 0);
    ++m_nonMissing;
    return Add::Ok;
}

void ColumnBuilder::addString(std::string_view t, qint64 line)
{
    if (!m_chosen) {
        if (const auto n = cells::parseNumber(t, m_decimalComma)) {
            ++m_numbersAmongStrings;
            if (n->integral && !n->integer)
                (hasLeadingZero(t) || t.front() == '+' || t == "-0" ? m_leadingZeros : m_tooLarge).add(line, t);
        } else {
            m_notNumbers.add(line, t);
        }
        if (cells::isIsoDateTime(t))
            ++m_datesAmongStrings;
        else
            m_dateTimes = false, m_notDates.add(line, t);
    }
    m_strings.push_back(t);
    ++m_nonMissing;
}

void ColumnBuilder::convertToStrings(const std::vector<std::string_view> &previousRaw, const std::vector<qint64> &lines)
{
    m_mode = Mode::Strings;
    std::vector<double>().swap(m_numbers);
    std::vector<int64_t>().swap(m_integers);
    m_strings.clear();
    m_strings.reserve(previousRaw.size());
    m_nonMissing = 0;
    m_dateTimes = true;
    m_otherSeparator = {};
    for (size_t i = 0; i < previousRaw.size(); ++i) {
        const std::string_view t = cells::trim(previousRaw[i]);
        if (cells::isMissing(t))
            m_strings.emplace_back();
        else
            addString(t, i < lines.size() ? lines[i] : 0);
    }
}

void ColumnBuilder::note(ColumnNote::Kind kind, ColumnType type, const Tally &tally, qint64 total)
{
    if (tally.count == 0)
        return;
    ColumnNote n;
    n.kind = kind;
    n.type = type;
    n.count = tally.count;
    n.total = total;
    n.examples = tally.examples;
    m_notes.append(n);
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
    const qint64 present = qint64(m_nonMissing) + m_invalid.count;
    if (m_mode != Mode::Strings) {
        if (m_chosen)
            c.type = *m_chosen;
        else if (m_mode == Mode::BoolWord || (m_nonMissing > 0 && m_zeroOne && m_zeroOneSpelled))
            c.type = ColumnType::Boolean;
        else if (m_nonMissing > 0 && m_integral)
            c.type = ColumnType::Integer;
        else
            c.type = ColumnType::Decimal;
        c.numbers = std::move(m_numbers);
        if (c.type == ColumnType::Integer)
            c.integers = std::move(m_integers);
        if (c.type == ColumnType::Boolean) {
            c.spelling = m_spelling;
            const QString t = QString::fromStdString(m_trueWord), f = QString::fromStdString(m_falseWord);
            if (!t.isEmpty() || !f.isEmpty()) {
                c.spelling.trueText = t.isEmpty() ? counterpart(f) : t;
                c.spelling.falseText = f.isEmpty() ? counterpart(t) : f;
                if (c.spelling.trueText.isEmpty() || c.spelling.falseText.isEmpty())
                    c.spelling = {};
            }
        }
        note(ColumnNote::Kind::OtherDecimalSeparator, c.type, m_otherSeparator, present);
        note(ColumnNote::Kind::NotOfChosenType, c.type, m_invalid, present);
        note(ColumnNote::Kind::Respelled, c.type, m_respelled, present);
    } else {
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
        note(ColumnNote::Kind::NotOfChosenType, c.type, m_invalid, present);
        if (!m_chosen && c.type != ColumnType::DateTime) {
            const qint64 numbers = m_numbersAmongStrings;
            if (m_notNumbers.count == 0) {
                // Every value is a number, yet the column is text: codes or IDs.
                note(ColumnNote::Kind::LeadingZeros, ColumnType::Integer, m_leadingZeros, present);
                note(ColumnNote::Kind::IntegerTooLarge, ColumnType::Integer, m_tooLarge, present);
            } else if (numbers > m_notNumbers.count) {
                note(ColumnNote::Kind::MostlyType, ColumnType::Decimal, m_notNumbers, present);
            } else if (m_datesAmongStrings > m_notDates.count) {
                note(ColumnNote::Kind::MostlyType, ColumnType::DateTime, m_notDates, present);
            }
        }
    }
    for (ColumnNote &n : m_notes)
        n.column = name;
    return c;
}

} // namespace stratus

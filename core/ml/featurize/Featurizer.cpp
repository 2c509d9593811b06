#include "ml/featurize/Featurizer.h"

#include "data/CellParser.h"

#include <QDate>
#include <QJsonArray>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

namespace stratus::ml {

namespace {

constexpr int kMaxOneHot = 30;
constexpr int kDateParts = 6;

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + long(mid), v.end());
    if (v.size() % 2)
        return v[mid];
    return (v[mid] + *std::max_element(v.begin(), v.begin() + long(mid))) / 2;
}

// year, month, day, weekday, hour, day of year, read as written (CellParser's
// ISO 8601 rule, as every path reads dates); NaN when not a date/time.
std::array<double, kDateParts> dateParts(const std::string &text)
{
    const auto dt = cells::parseDateTime(cells::trim(text));
    if (!dt) {
        const double nan = std::nan("");
        return {nan, nan, nan, nan, nan, nan};
    }
    const QDate d(dt->year, dt->month, dt->day);
    return {double(dt->year), double(dt->month), double(dt->day), double(d.dayOfWeek()), double(dt->hour),
            double(d.dayOfYear())};
}

QJsonArray numbersJson(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

std::vector<double> numbersFrom(const QJsonValue &v)
{
    std::vector<double> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(x.toDouble());
    return out;
}

} // namespace

void Featurizer::fit(const DataTable &table, int label, const std::vector<size_t> &trainRows, Mode mode)
{
    m_steps.clear();
    m_names.clear();
    m_summary.clear();
    m_imputed = false;
    for (int c = 0; c < int(table.columns.size()); ++c) {
        if (c != label)
            fitColumn(table, c, trainRows, mode);
    }
}

void Featurizer::fitColumn(const DataTable &table, int column, const std::vector<size_t> &rows, Mode mode)
{
    const DataColumn &c = table.columns[size_t(column)];
    ColumnSummary summary{c.name, columnTypeName(c.type), {}, {}};
    auto drop = [&](const QString &why) {
        summary.action = QStringLiteral("dropped: ") + why;
        m_summary.push_back(summary);
    };
    Step step;
    step.column = column;
    step.name = c.name;
    step.type = c.type;
    step.spelling = c.spelling;
    size_t missing = 0;
    if (c.isNumeric()) {
        std::vector<double> values;
        values.reserve(rows.size());
        bool increasing = true;
        for (size_t r : rows) {
            const double v = c.numbers[r];
            if (std::isnan(v)) {
                ++missing;
                continue;
            }
            if (!values.empty() && v <= values.back())
                increasing = false;
            values.push_back(v);
        }
        if (values.empty())
            return drop(QStringLiteral("all missing"));
        std::vector<double> distinct = values;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (distinct.size() <= 1)
            return drop(QStringLiteral("constant"));
        const bool integer = c.type == ColumnType::Integer;
        if (mode != Mode::Off && integer && distinct.size() == values.size() && values.size() > 50 && increasing)
            return drop(QStringLiteral("ID-like"));
        if (mode != Mode::Off && integer && distinct.size() >= 3 && distinct.size() <= 10) {
            step.kind = Kind::OneHotNumber;
            step.numbers = distinct;
            for (double v : distinct)
                summary.features << QStringLiteral("%1=%2").arg(c.name, formatNumber(v, c.type));
            summary.action = QStringLiteral("one-hot (few values)");
        } else {
            step.kind = Kind::Numeric;
            if (c.type == ColumnType::Boolean) {
                const auto ones = std::count(values.begin(), values.end(), 1.0);
                step.fill = 2 * size_t(ones) >= values.size() ? 1.0 : 0.0;
            } else {
                step.fill = medianOf(values);
            }
            step.indicator = missing > 0 && mode != Mode::Off;
            if (mode != Mode::Off && c.type != ColumnType::Boolean) {
                double sum = 0, squares = 0;
                for (double v : values)
                    sum += v;
                step.mean = sum / double(values.size());
                for (double v : values)
                    squares += (v - step.mean) * (v - step.mean);
                const double sd = std::sqrt(squares / double(values.size()));
                step.scale = sd > 0 ? sd : 1;
            }
            summary.features << c.name;
            if (step.indicator)
                summary.features << c.name + QStringLiteral("_missing");
            summary.action = c.type == ColumnType::Boolean ? QStringLiteral("boolean")
                             : mode != Mode::Off          ? QStringLiteral("numeric, standardised")
                                                           : QStringLiteral("numeric");
        }
    } else {
        if (mode == Mode::Off)
            return drop(QStringLiteral("not numeric (featurization off)"));
        std::vector<size_t> counts(c.dictionary.size(), 0);
        size_t present = 0, totalLength = 0;
        for (size_t r : rows) {
            const int32_t code = c.codes[r];
            if (code < 0) {
                ++missing;
                continue;
            }
            ++counts[size_t(code)];
            ++present;
            totalLength += c.dictionary[size_t(code)].size();
        }
        if (present == 0)
            return drop(QStringLiteral("all missing"));
        std::vector<size_t> used;
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > 0)
                used.push_back(i);
        }
        if (used.size() <= 1)
            return drop(QStringLiteral("constant"));
        std::stable_sort(used.begin(), used.end(), [&](size_t a, size_t b) { return counts[a] > counts[b]; });
        if (c.type == ColumnType::DateTime && mode == Mode::Portable) {
            return drop(QStringLiteral("datetime (ONNX's operators cannot read dates)"));
        } else if (c.type == ColumnType::DateTime) {
            step.kind = Kind::DateTime;
            std::vector<std::vector<double>> parts(kDateParts);
            for (size_t r : rows) {
                if (c.codes[r] < 0)
                    continue;
                const auto p = dateParts(c.dictionary[size_t(c.codes[r])]);
                for (int k = 0; k < kDateParts; ++k) {
                    if (!std::isnan(p[size_t(k)]))
                        parts[size_t(k)].push_back(p[size_t(k)]);
                }
            }
            for (auto &p : parts)
                step.partFill.push_back(medianOf(p));
            for (const char *part : {"year", "month", "day", "weekday", "hour", "day_of_year"})
                summary.features << QStringLiteral("%1_%2").arg(c.name, QString::fromLatin1(part));
            summary.action = QStringLiteral("datetime parts");
        } else if (used.size() == present && present > 10
                   && (c.type == ColumnType::Categorical || double(totalLength) / double(present) < 20)) {
            return drop(QStringLiteral("ID-like"));
        } else {
            for (size_t i : used) {
                step.categories.push_back(c.dictionary[i]);
                step.frequencies.push_back(double(counts[i]) / double(present));
            }
            if (c.type == ColumnType::Categorical && int(used.size()) <= kMaxOneHot) {
                step.kind = Kind::OneHotCode;
                for (const std::string &v : step.categories)
                    summary.features << QStringLiteral("%1=%2").arg(c.name, QString::fromStdString(v));
                summary.action = QStringLiteral("one-hot");
            } else if (c.type == ColumnType::Categorical || mode == Mode::Portable) {
                step.kind = Kind::Frequency;
                summary.features << c.name + QStringLiteral("_frequency");
                summary.action = c.type == ColumnType::Categorical ? QStringLiteral("frequency (high cardinality)")
                                                                   : QStringLiteral("text: frequency (no length, for ONNX)");
            } else {
                step.kind = Kind::Text;
                summary.features << c.name + QStringLiteral("_frequency") << c.name + QStringLiteral("_length");
                summary.action = QStringLiteral("text: frequency and length");
            }
        }
    }
    if (missing > 0)
        m_imputed = true;
    m_names << summary.features;
    m_summary.push_back(summary);
    m_steps.push_back(std::move(step));
}

size_t Featurizer::width(const Step &s) const
{
    switch (s.kind) {
    case Kind::Numeric: return s.indicator ? 2 : 1;
    case Kind::OneHotNumber: return s.numbers.size();
    case Kind::OneHotCode: return s.categories.size();
    case Kind::Frequency: return 1;
    case Kind::Text: return 2;
    case Kind::DateTime: return kDateParts;
    }
    return 0;
}

FeatureMatrix Featurizer::transform(const DataTable &table, const std::vector<size_t> &rows) const
{
    FeatureMatrix m;
    m.rows = rows.size();
    m.cols = size_t(m_names.size());
    m.values.assign(m.rows * m.cols, 0.0f);
    size_t offset = 0;
    for (const Step &s : m_steps) {
        const DataColumn &c = table.columns[size_t(s.column)];
        // String columns: map this table's dictionary onto the fitted categories once.
        std::vector<int> index;
        std::vector<std::array<double, kDateParts>> parts;
        if (!c.isNumeric()) {
            std::unordered_map<std::string, int> position;
            for (size_t i = 0; i < s.categories.size(); ++i)
                position.emplace(s.categories[i], int(i));
            index.assign(c.dictionary.size(), -1);
            for (size_t i = 0; i < c.dictionary.size(); ++i) {
                if (auto it = position.find(c.dictionary[i]); it != position.end())
                    index[i] = it->second;
            }
            if (s.kind == Kind::DateTime) {
                for (const std::string &v : c.dictionary)
                    parts.push_back(dateParts(v));
            }
        }
        for (size_t r = 0; r < rows.size(); ++r) {
            float *out = m.values.data() + r * m.cols + offset;
            const size_t row = rows[r];
            switch (s.kind) {
            case Kind::Numeric: {
                const double v = c.numbers[row];
                out[0] = float(((std::isnan(v) ? s.fill : v) - s.mean) / s.scale);
                if (s.indicator)
                    out[1] = std::isnan(v) ? 1.0f : 0.0f;
                break;
            }
            case Kind::OneHotNumber: {
                const double v = c.numbers[row];
                const auto it = std::lower_bound(s.numbers.begin(), s.numbers.end(), v);
                if (it != s.numbers.end() && *it == v)
                    out[it - s.numbers.begin()] = 1.0f;
                break;
            }
            case Kind::OneHotCode: {
                const int32_t code = c.codes[row];
                const int i = code < 0 ? 0 : index[size_t(code)]; // missing: the most frequent category
                if (i >= 0)
                    out[i] = 1.0f;
                break;
            }
            case Kind::Frequency:
            case Kind::Text: {
                const int32_t code = c.codes[row];
                const int i = code < 0 ? 0 : index[size_t(code)];
                out[0] = i >= 0 ? float(s.frequencies[size_t(i)]) : 0.0f;
                if (s.kind == Kind::Text)
                    out[1] = code < 0 ? 0.0f : float(QString::fromStdString(c.dictionary[size_t(code)]).size());
                break;
            }
            case Kind::DateTime: {
                const int32_t code = c.codes[row];
                for (int k = 0; k < kDateParts; ++k) {
                    const double v = code < 0 ? std::nan("") : parts[size_t(code)][size_t(k)];
                    out[k] = float(std::isnan(v) ? s.partFill[size_t(k)] : v);
                }
                break;
            }
            }
        }
        offset += width(s);
    }
    return m;
}

QList<QPair<QString, ColumnType>> Featurizer::inputColumns() const
{
    QList<QPair<QString, ColumnType>> columns;
    for (const Step &s : m_steps)
        columns.append({s.name, s.type});
    return columns;
}

QList<ColumnSpec> Featurizer::inputSpecs() const
{
    QList<ColumnSpec> columns;
    for (const Step &s : m_steps)
        columns.append({s.name, s.type, s.spelling});
    return columns;
}

QStringList Featurizer::consideredColumns() const
{
    QStringList out;
    for (const ColumnSummary &s : m_summary)
        out << s.column;
    return out;
}

QJsonObject Featurizer::sampleRow() const
{
    QJsonObject row;
    for (const Step &s : m_steps) {
        QJsonValue v;
        switch (s.kind) {
        case Kind::Numeric:
            v = s.type == ColumnType::Boolean   ? (s.spelling.isDefault() ? QJsonValue(s.fill >= 0.5) : QJsonValue(s.spelling.text(s.fill >= 0.5)))
                : s.type == ColumnType::Integer ? QJsonValue(qint64(std::round(s.fill)))
                                                : QJsonValue(s.fill);
            break;
        case Kind::OneHotNumber:
            v = s.numbers.empty() ? QJsonValue(0) : QJsonValue(qint64(s.numbers.front()));
            break;
        case Kind::DateTime:
            v = QStringLiteral("2020-01-01T00:00:00");
            break;
        default:
            v = s.categories.empty() ? QString() : QString::fromStdString(s.categories.front());
        }
        row.insert(s.name, v);
    }
    return row;
}

Result<Featurizer> Featurizer::boundTo(const DataTable &table) const
{
    Featurizer bound = *this;
    for (Step &s : bound.m_steps) {
        if (s.name.isEmpty())
            return Error{QStringLiteral("the stored pipeline does not name its columns (an older Stratus made it); "
                                        "run AutoML again")};
        const int index = table.indexOf(s.name);
        if (index < 0)
            return Error{QStringLiteral("the column '%1' is missing").arg(s.name)};
        if (isNumericType(table.columns[size_t(index)].type) != isNumericType(s.type))
            return Error{QStringLiteral("the column '%1' holds %2 values, but the model was trained on %3 values")
                             .arg(s.name, columnTypeName(table.columns[size_t(index)].type), columnTypeName(s.type))};
        s.column = index;
    }
    return bound;
}

QStringList Featurizer::highCardinalityColumns() const
{
    QStringList out;
    for (const ColumnSummary &s : m_summary) {
        if (s.action.startsWith(QLatin1String("frequency")))
            out << s.column;
    }
    return out;
}

QJsonObject Featurizer::toJson() const
{
    QJsonArray steps;
    for (const Step &s : m_steps) {
        QJsonArray categories;
        for (const std::string &v : s.categories)
            categories.append(QString::fromStdString(v));
        QJsonObject step{{QStringLiteral("column"), s.column},
                                 {QStringLiteral("name"), s.name},
                                 {QStringLiteral("type"), columnTypeName(s.type)},
                                 {QStringLiteral("kind"), int(s.kind)},
                                 {QStringLiteral("fill"), s.fill},
                                 {QStringLiteral("mean"), s.mean},
                                 {QStringLiteral("scale"), s.scale},
                                 {QStringLiteral("indicator"), s.indicator},
                                 {QStringLiteral("numbers"), numbersJson(s.numbers)},
                                 {QStringLiteral("categories"), categories},
                                 {QStringLiteral("frequencies"), numbersJson(s.frequencies)},
                                 {QStringLiteral("part_fill"), numbersJson(s.partFill)}};
        if (s.type == ColumnType::Boolean && !s.spelling.isDefault()) {
            step.insert(QStringLiteral("false"), s.spelling.falseText);
            step.insert(QStringLiteral("true"), s.spelling.trueText);
        }
        steps.append(step);
    }
    QJsonArray summary;
    for (const ColumnSummary &s : m_summary)
        summary.append(QJsonObject{{QStringLiteral("column"), s.column},
                                   {QStringLiteral("type"), s.type},
                                   {QStringLiteral("action"), s.action},
                                   {QStringLiteral("features"), QJsonArray::fromStringList(s.features)}});
    return {{QStringLiteral("steps"), steps},
            {QStringLiteral("names"), QJsonArray::fromStringList(m_names)},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("imputed"), m_imputed}};
}

Featurizer Featurizer::fromJson(const QJsonObject &json)
{
    Featurizer f;
    for (const QJsonValue &v : json.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject o = v.toObject();
        Step s;
        s.column = o.value(QStringLiteral("column")).toInt();
        s.name = o.value(QStringLiteral("name")).toString();
        s.type = columnTypeFromName(o.value(QStringLiteral("type")).toString()).value_or(ColumnType::Decimal);
        s.kind = static_cast<Kind>(o.value(QStringLiteral("kind")).toInt());
        s.fill = o.value(QStringLiteral("fill")).toDouble();
        s.mean = o.value(QStringLiteral("mean")).toDouble();
        s.scale = o.value(QStringLiteral("scale")).toDouble(1);
        s.indicator = o.value(QStringLiteral("indicator")).toBool();
        s.numbers = numbersFrom(o.value(QStringLiteral("numbers")));
        for (const QJsonValue &c : o.value(QStringLiteral("categories")).toArray())
            s.categories.push_back(c.toString().toStdString());
        s.frequencies = numbersFrom(o.value(QStringLiteral("frequencies")));
        s.partFill = numbersFrom(o.value(QStringLiteral("part_fill")));
        if (o.contains(QStringLiteral("true"))) {
            s.spelling.falseText = o.value(QStringLiteral("false")).toString();
            s.spelling.trueText = o.value(QStringLiteral("true")).toString();
        }
        f.m_steps.push_back(std::move(s));
    }
    for (const QJsonValue &v : json.value(QStringLiteral("names")).toArray())
        f.m_names << v.toString();
    for (const QJsonValue &v : json.value(QStringLiteral("summary")).toArray()) {
        const QJsonObject o = v.toObject();
        ColumnSummary s{o.value(QStringLiteral("column")).toString(), o.value(QStringLiteral("type")).toString(),
                        o.value(QStringLiteral("action")).toString(), {}};
        for (const QJsonValue &n : o.value(QStringLiteral("features")).toArray())
            s.features << n.toString();
        f.m_summary.push_back(s);
    }
    f.m_imputed = json.value(QStringLiteral("imputed")).toBool();
    return f;
}

} // namespace stratus::ml

#include "data/InputSchema.h"

#include "common/Spelling.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace stratus {

namespace {

// The translation context of this file's messages (lupdate reads it).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::InputSchema)
};

// A reading column for a schema column: integer columns take any number
// (the learners see doubles), booleans their own spellings too.
ColumnBuilder readerFor(const ColumnSpec &spec)
{
    const ColumnType type = spec.type == ColumnType::Integer ? ColumnType::Decimal : spec.type;
    return ColumnBuilder(type, false, ColumnBuilder::OnInvalid::Fail, spec.spelling);
}

} // namespace

int InputSchema::indexOf(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return i;
    }
    return -1;
}

QString InputSchema::unknownColumn(const QString &name) const
{
    QStringList names;
    for (const ColumnSpec &c : columns)
        names << c.name;
    const QString closest = closestName(name, names);
    if (!closest.isEmpty())
        return Tr::tr("unknown column '%1' (did you mean '%2'?)").arg(name, closest);
    return Tr::tr("unknown column '%1' (the model takes: %2)").arg(name, names.join(QStringLiteral(", ")));
}

QString InputSchema::missingColumn(const QString &name, const QStringList &given) const
{
    for (const QString &g : given) {
        if (indexOf(g) < 0 && editDistance(g, name) <= std::max<qsizetype>(1, name.size() / 3))
            return Tr::tr("missing column '%1' (there is a column '%2': is it misspelt?)").arg(name, g);
    }
    return Tr::tr("missing column '%1' (give it, with null or an empty value where it is missing)").arg(name);
}

Result<QList<int>> InputSchema::bind(const QStringList &given) const
{
    QList<int> out;
    QSet<QString> seen;
    for (const QString &name : given) {
        if (seen.contains(name))
            return Error{Tr::tr("column '%1' is given twice").arg(name)};
        seen.insert(name);
        const int index = indexOf(name);
        if (index < 0 && !isUnused(name))
            return Error{unknownColumn(name)};
        out << index;
    }
    for (const ColumnSpec &c : columns) {
        if (!seen.contains(c.name))
            return Error{missingColumn(c.name, given)};
    }
    return out;
}

QString InputSchema::rules()
{
    return QStringLiteral(
        "Every column the model reads must be given; null, an empty string, NA, N/A, NaN, null or ? is a missing "
        "value. Columns of the training data that the model does not read (the label, a dropped ID) are accepted and "
        "not used; any other column is refused. Values may be JSON strings (as in Azure's lesson), numbers or "
        "booleans: numbers are written with a dot (a single comma with other than three digits after it is read as "
        "the decimal point), integer columns take any number, booleans take true/false, yes/no, y/n, t/f, on/off, "
        "1/0 and the column's own spellings, date/times are ISO 8601 (2022-06-05, 2022-06-05T14:05:00, with an "
        "optional zone). A value that does not fit is refused with the field that holds it. The same rules apply to "
        "stratus-cli predict and score.");
}

QString InputSchema::accepted(const ColumnSpec &spec)
{
    switch (spec.type) {
    case ColumnType::Integer: return QStringLiteral("a number (the column holds whole numbers)");
    case ColumnType::Decimal: return QStringLiteral("a number");
    case ColumnType::Boolean:
        return QStringLiteral("a boolean: true/false, 1/0, yes/no, or this column's own spellings '%1'/'%2'")
            .arg(spec.spelling.trueText, spec.spelling.falseText);
    case ColumnType::DateTime: return QStringLiteral("an ISO 8601 date or date/time (2022-06-05, 2022-06-05T14:05:00Z)");
    case ColumnType::Categorical: return QStringLiteral("a category (any text; one not seen in training counts as none)");
    case ColumnType::Text: return QStringLiteral("text");
    }
    return {};
}

QJsonObject InputSchema::toJson() const
{
    QJsonArray list;
    for (const ColumnSpec &c : columns) {
        QJsonObject o{{QStringLiteral("name"), c.name}, {QStringLiteral("type"), columnTypeName(c.type)}};
        if (c.type == ColumnType::Boolean) {
            o.insert(QStringLiteral("false"), c.spelling.falseText);
            o.insert(QStringLiteral("true"), c.spelling.trueText);
        }
        list.append(o);
    }
    return {{QStringLiteral("columns"), list}, {QStringLiteral("unused"), QJsonArray::fromStringList(unused)}};
}

InputSchema InputSchema::fromJson(const QJsonObject &json)
{
    InputSchema s;
    for (const QJsonValue &v : json.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject o = v.toObject();
        ColumnSpec c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.type = columnTypeFromName(o.value(QStringLiteral("type")).toString()).value_or(ColumnType::Text);
        if (o.contains(QStringLiteral("true"))) {
            c.spelling.falseText = o.value(QStringLiteral("false")).toString();
            c.spelling.trueText = o.value(QStringLiteral("true")).toString();
        }
        s.columns << c;
    }
    for (const QJsonValue &v : json.value(QStringLiteral("unused")).toArray())
        s.unused << v.toString();
    return s;
}

std::optional<QByteArray> jsonCell(const QJsonValue &v, QString &problem)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return QByteArray();
    case QJsonValue::Bool: return v.toBool() ? QByteArray("true") : QByteArray("false");
    case QJsonValue::String: return v.toString().toUtf8();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        // A JSON integer keeps its 64 bits; any other number its shortest text.
        if (const qint64 i = v.toInteger(std::numeric_limits<qint64>::min()); i != std::numeric_limits<qint64>::min() || d < -9.2e18)
            return QByteArray::number(i);
        return QString::number(d, 'g', QLocale::FloatingPointShortest).toUtf8();
    }
    case QJsonValue::Array:
    case QJsonValue::Object: break;
    }
    problem = Tr::tr("%1 is not a value").arg(v.isArray() ? Tr::tr("a list") : Tr::tr("an object"));
    return std::nullopt;
}

InputTableBuilder::InputTableBuilder(const InputSchema &schema) : m_schema(schema)
{
    m_builders.reserve(size_t(schema.columns.size()));
    for (const ColumnSpec &c : schema.columns)
        m_builders.push_back(readerFor(c));
}

bool InputTableBuilder::add(int column, std::string_view text, QString &problem)
{
    const std::string &kept = m_store.emplace_back(text);
    ColumnBuilder &b = m_builders[size_t(column)];
    if (b.add(kept, qint64(m_rows) + 1) == ColumnBuilder::Add::Invalid) {
        problem = QStringLiteral("\"%1\" %2").arg(shownValue(QString::fromUtf8(text.data(), qsizetype(text.size()))), b.reason());
        return false;
    }
    return true;
}

bool InputTableBuilder::addMissing(int column, QString &problem)
{
    return add(column, std::string_view(), problem);
}

DataTable InputTableBuilder::finish()
{
    DataTable table;
    table.rowCount = m_rows;
    for (size_t c = 0; c < m_builders.size(); ++c) {
        DataColumn column = m_builders[c].finish(m_schema.columns[qsizetype(c)].name);
        column.spelling = m_schema.columns[qsizetype(c)].spelling;
        table.columns.push_back(std::move(column));
    }
    return table;
}

Result<DataTable> conformTable(const DataTable &table, const InputSchema &schema)
{
    DataTable out;
    out.rowCount = table.rowCount;
    out.sourceLines = table.sourceLines;
    out.firstLine = table.firstLine;
    out.rowOffset = table.rowOffset;
    for (const ColumnSpec &spec : schema.columns) {
        const int index = table.indexOf(spec.name);
        if (index < 0) {
            QStringList names;
            for (const DataColumn &c : table.columns)
                names << c.name;
            return Error{schema.missingColumn(spec.name, names)};
        }
        const DataColumn &c = table.columns[size_t(index)];
        // Numbers for a numeric column: a boolean column's 0/1 are numbers too
        // (the other way, the values are read: a boolean takes only 0 and 1).
        const bool numbers = c.isNumeric() && (spec.type == ColumnType::Integer || spec.type == ColumnType::Decimal);
        if (c.type == spec.type || numbers) {
            out.columns.push_back(c);
            continue;
        }
        ColumnBuilder reader = readerFor(spec);
        std::vector<QByteArray> texts(c.size());
        for (size_t r = 0; r < c.size(); ++r) {
            texts[r] = c.display(r).toUtf8();
            if (reader.add(std::string_view(texts[r].constData(), size_t(texts[r].size()))) == ColumnBuilder::Add::Invalid)
                return Error{Tr::tr("%1, column '%2': \"%3\" %4")
                                 .arg(table.where(r), spec.name, shownValue(QString::fromUtf8(texts[r])), reader.reason())};
        }
        DataColumn read = reader.finish(spec.name);
        read.spelling = spec.spelling;
        out.columns.push_back(std::move(read));
    }
    return out;
}

} // namespace stratus

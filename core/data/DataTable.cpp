#include "data/DataTable.h"

namespace stratus {

QString formatNumber(double value, ColumnType type)
{
    if (std::isnan(value))
        return {};
    if (type == ColumnType::Boolean)
        return value != 0 ? QStringLiteral("true") : QStringLiteral("false");
    if (type == ColumnType::Integer && std::abs(value) < 9.007e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 15);
}

QString DataColumn::display(size_t row) const
{
    if (isNumeric())
        return formatNumber(numbers[row], type);
    const int32_t code = codes[row];
    return code < 0 ? QString() : QString::fromStdString(dictionary[size_t(code)]);
}

int DataTable::indexOf(const QString &name) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return int(i);
    }
    return -1;
}

} // namespace stratus

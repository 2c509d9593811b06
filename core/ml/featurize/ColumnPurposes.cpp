#include "ml/featurize/ColumnPurposes.h"

#include "data/CellParser.h"

#include <QHash>
#include <cmath>

namespace stratus::ml {

namespace {

DataColumn asCategories(const DataColumn &from)
{
    DataColumn to;
    to.name = from.name;
    to.type = ColumnType::Categorical;
    QHash<QString, int32_t> codes;
    to.codes.reserve(from.numbers.size());
    for (size_t row = 0; row < from.numbers.size(); ++row) {
        if (std::isnan(from.numbers[row])) {
            to.codes.push_back(-1);
            continue;
        }
        const QString text = from.display(row);
        auto it = codes.find(text);
        if (it == codes.end()) {
            it = codes.insert(text, int32_t(to.dictionary.size()));
            to.dictionary.push_back(text.toStdString());
        }
        to.codes.push_back(*it);
    }
    return to;
}

Result<DataColumn> asNumbers(const DataColumn &from)
{
    DataColumn to;
    to.name = from.name;
    to.type = ColumnType::Decimal;
    std::vector<double> parsed(from.dictionary.size());
    std::vector<char> ok(from.dictionary.size());
    for (size_t i = 0; i < from.dictionary.size(); ++i) {
        // The value rules every path uses (CellParser), not a second parser.
        const auto n = cells::parseNumber(cells::trim(from.dictionary[i]), false);
        parsed[i] = n ? n->value : 0;
        ok[i] = n.has_value();
    }
    to.numbers.reserve(from.codes.size());
    for (size_t row = 0; row < from.codes.size(); ++row) {
        const int32_t code = from.codes[row];
        if (code < 0) {
            to.numbers.push_back(std::nan(""));
        } else if (!ok[size_t(code)]) {
            return Error{QStringLiteral("column purpose of '%1': row %2 holds '%3', which is not a number")
                             .arg(from.name)
                             .arg(row + 1)
                             .arg(QString::fromStdString(from.dictionary[size_t(code)]))};
        } else {
            to.numbers.push_back(parsed[size_t(code)]);
        }
    }
    return to;
}

} // namespace

Status applyColumnPurposes(DataTable &table, const QMap<QString, QString> &purposes)
{
    DataTable out = table;
    for (auto it = purposes.begin(); it != purposes.end(); ++it) {
        const int index = out.indexOf(it.key());
        if (index < 0)
            return Error{QStringLiteral("column purpose of '%1': the dataset has no such column").arg(it.key())};
        DataColumn &column = out.columns[size_t(index)];
        if (it.value() == QLatin1String("ignore")) {
            out.columns.erase(out.columns.begin() + index);
        } else if (it.value() == QLatin1String("categorical") && column.isNumeric()) {
            column = asCategories(column);
        } else if (it.value() == QLatin1String("numeric") && !column.isNumeric()) {
            auto numbers = asNumbers(column);
            if (!numbers)
                return numbers.error();
            column = std::move(*numbers);
        }
    }
    table = std::move(out);
    return {};
}

} // namespace stratus::ml

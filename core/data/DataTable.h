#pragma once
// DataTable: a dataset held in memory, column by column. Numeric columns
// (integer, decimal, boolean) hold doubles with NaN for a missing value;
// string columns (categorical, text, datetime) hold dictionary codes into a
// list of distinct UTF-8 values, with -1 for a missing value.

#include "data/ColumnType.h"

#include <QString>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace stratus {

struct DataColumn {
    QString name;
    ColumnType type = ColumnType::Decimal;
    std::vector<double> numbers;          // numeric types
    std::vector<int32_t> codes;           // string types
    std::vector<std::string> dictionary;  // string types: distinct values

    bool isNumeric() const { return isNumericType(type); }
    size_t size() const { return isNumeric() ? numbers.size() : codes.size(); }
    bool isMissing(size_t row) const
    {
        return isNumeric() ? std::isnan(numbers[row]) : codes[row] < 0;
    }
    // The value as the studio shows it (empty when missing).
    QString display(size_t row) const;
};

struct DataTable {
    std::vector<DataColumn> columns;
    size_t rowCount = 0;

    int indexOf(const QString &name) const;
};

// Formats a numeric value of a column type for display and export.
QString formatNumber(double value, ColumnType type);

} // namespace stratus

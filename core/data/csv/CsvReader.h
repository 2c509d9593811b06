#pragma once
// readCsv: reads a delimited UTF-8 text file into a DataTable — detects the
// dialect (unless given), names the columns, infers each column's type over
// all rows (unless the user chose it), and converts the values.
//
// Errors name the file, the line and the column: an empty file, a header with
// no rows, a record with the wrong number of fields, a quote never closed,
// invalid UTF-8, a binary file, empty or repeated column names, and a value
// that does not fit the type the user chose.

#include "common/Result.h"
#include "common/TaskControl.h"
#include "data/ColumnType.h"
#include "data/csv/CsvDialect.h"
#include "data/DataTable.h"

#include <QHash>
#include <QStringList>
#include <optional>

namespace stratus {

struct ColumnChoice {
    std::optional<ColumnType> type; // unset: inferred
    bool ignored = false;
};

struct CsvReadOptions {
    // Each unset part of the dialect is detected.
    std::optional<char> delimiter;
    std::optional<bool> hasHeader;
    std::optional<bool> decimalComma;
    // By column name. Naming a column the file does not have is an error.
    QHash<QString, ColumnChoice> columns;
    // Stop after this many data rows (a preview); -1 reads all.
    qint64 maxRows = -1;
};

struct CsvReadResult {
    DataTable table;          // without the ignored columns
    CsvDialect dialect;       // as used
    QStringList allColumns;   // every column of the file, in order
    QStringList ignored;      // the ignored ones
    qint64 fileBytes = 0;
    bool truncated = false;   // maxRows stopped the read before the end
};

Result<CsvReadResult> readCsv(const QString &path, const CsvReadOptions &options = {},
                              const TaskControl &control = {});

} // namespace stratus

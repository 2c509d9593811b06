#pragma once
// readCsv: reads a delimited UTF-8 text file into a DataTable — detects the
// dialect (unless given), names the columns, infers each column's type over
// all rows (unless the user chose it), and converts the values.
//
// Errors name the file, the line and the column: an empty file, a header with
// no rows, a record with the wrong number of fields, a quote never closed,
// invalid UTF-8, a binary file, empty or repeated column names, and a value
// that does not fit the type the user chose (unless the options say to read
// it as missing, as an import does: then a note says so). What the reading
// did to values that did not fit a type is in the result's notes.

#include "common/Result.h"
#include "common/TaskControl.h"
#include "data/ColumnBuilder.h"
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
    BooleanSpelling spelling;       // a chosen boolean's own spellings (a model's input)
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
    // A value that does not fit a chosen type: an error (scoring), or a
    // missing value counted in a note (an import: the user chose the type).
    ColumnBuilder::OnInvalid onInvalid = ColumnBuilder::OnInvalid::Fail;
};

struct CsvReadResult {
    DataTable table;          // without the ignored columns
    QString sourceName;       // the file's name (or the name given for bytes): what messages start with
    CsvDialect dialect;       // as used
    QStringList allColumns;   // every column of the file, in order
    QStringList ignored;      // the ignored ones
    qint64 fileBytes = 0;
    bool truncated = false;   // maxRows stopped the read before the end
    QList<ColumnNote> notes;  // values that did not fit a column's type, and what became of them
};

Result<CsvReadResult> readCsv(const QString &path, const CsvReadOptions &options = {},
                              const TaskControl &control = {});
// The same, from bytes in memory (a request's text/csv body); messages name
// `name` instead of a file.
Result<CsvReadResult> readCsvData(const QByteArray &data, const QString &name, const CsvReadOptions &options = {});

} // namespace stratus

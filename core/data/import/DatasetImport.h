#pragma once
// importDataset: the whole import of a delimited text file — read and type
// it, profile every column, and register it as a new dataset version — with
// progress over all three stages. On any error or cancel nothing is stored.
// A value that does not fit a type the user chose is stored as missing, and
// every such change is a note on its column's profile (ColumnNote), as are
// the other things the reading decided (numbers with the other decimal
// separator, mostly-numeric columns kept as text, IDs). Each profile also
// records whether the user chose the column's type.
//
// readForImport and registerRead are its two halves, for a caller that checks
// the table before anything is stored (`automl --train` checks the label).

#include "data/csv/CsvReader.h"
#include "data/store/DatasetStore.h"

namespace stratus {

Result<Registered> importDataset(Workspace &workspace, const QString &path, const CsvReadOptions &options,
                                 RegisterRequest request, const TaskControl &control = {});

// Reads as an import does (a value that does not fit a chosen type: missing, noted).
Result<CsvReadResult> readForImport(const QString &path, const CsvReadOptions &options, const TaskControl &control = {});
// Registers what readForImport read (`options`: what it was read with).
Result<Registered> registerRead(Workspace &workspace, const QString &path, const CsvReadResult &read,
                                const CsvReadOptions &options, RegisterRequest request, const TaskControl &control = {});

// Register an in-memory table (profiles it first).
Result<Registered> registerDataTable(Workspace &workspace, const DataTable &table, const RegisterRequest &request,
                                     const TaskControl &control = {});

} // namespace stratus

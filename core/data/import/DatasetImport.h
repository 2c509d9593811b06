#pragma once
// importDataset: the whole import of a delimited text file — read and type
// it, profile every column, and register it as a new dataset version — with
// progress over all three stages. On any error or cancel nothing is stored.

#include "data/csv/CsvReader.h"
#include "data/store/DatasetStore.h"

namespace stratus {

Result<Registered> importDataset(Workspace &workspace, const QString &path, const CsvReadOptions &options,
                                 RegisterRequest request, const TaskControl &control = {});

// Register an in-memory table (profiles it first).
Result<Registered> registerDataTable(Workspace &workspace, const DataTable &table, const RegisterRequest &request,
                                     const TaskControl &control = {});

} // namespace stratus

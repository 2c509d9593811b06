#pragma once
// How a command reads a user's CSV file, from its options: --delimiter,
// --header/--no-header, --decimal-comma/--no-decimal-comma, --type col=TYPE,..
// and --ignore col,.. (dataset import and automl --train share them), and
// how the import's notes are printed.

#include "CliArgs.h"
#include "data/ColumnNote.h"
#include "data/csv/CsvReader.h"

#include <QJsonArray>

namespace stratus::cli {

// The names of the options, for a command's list of accepted ones.
QStringList csvOptionNames();
// false with `error` set (a usage error) when an option is malformed.
bool csvReadOptions(const CliArgs &args, CsvReadOptions &options, QString &error);

// "Note: column 'x': ..." a line each, on stdout.
void printNotes(const QList<ColumnNote> &notes);
QJsonArray notesJson(const QList<ColumnNote> &notes);

} // namespace stratus::cli

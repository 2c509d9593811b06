#pragma once
// Detects how a delimited text file is written from its first bytes: the
// delimiter (comma, tab, semicolon or pipe, whichever splits the records into
// the most consistent number of fields), whether the first record is a
// header, whether numbers use a decimal comma, and a UTF-8 byte order mark.
// Rejects empty, binary and UTF-16 files with a message.

#include "common/Result.h"
#include "data/csv/CsvDialect.h"

#include <QByteArray>

namespace stratus {

// sample: the start of the file (or all of it; `complete` says which).
Result<CsvDialect> sniffDialect(const QByteArray &sample, bool complete);

// Length of a UTF-8 byte order mark at the start of data (0 or 3).
int bomLength(const char *data, qint64 size);

} // namespace stratus

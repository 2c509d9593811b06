#pragma once
// TableFile: a DataTable in a file, exactly as it is in memory — every
// column's name, type, boolean spellings, doubles, exact integers, codes and
// dictionary — for processes that must work on the same table without the
// workspace (the Slurm workers of compute/), with the rows' source lines and
// offset (what messages about a row name). Not an exchange format: the
// layout is Stratus's own (QDataStream, little-endian, a magic word and
// kVersion first) and changes with the version number.
//
// write() writes a temporary file and renames it into place, so a reader
// never sees half a table.

#include "common/Result.h"
#include "data/DataTable.h"

namespace stratus::tablefile {

constexpr int kVersion = 2;

Status write(const DataTable &table, const QString &path);
// Errors name the file: not found, not a table file, another version, truncated
// or damaged (a count larger than the file can hold is refused before any allocation).
Result<DataTable> read(const QString &path);

} // namespace stratus::tablefile

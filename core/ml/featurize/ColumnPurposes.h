#pragma once
// Applies an AutoML configuration's column purposes to a loaded table before
// anything is fitted: "ignore" removes the column, "categorical" turns a
// numeric column into categories (its values as text), "numeric" turns a
// categorical or text column into decimals (every present value must parse).

#include "common/Result.h"
#include "data/DataTable.h"

#include <QMap>

namespace stratus::ml {

// ensures: on success the table holds the columns with their new kinds; on
//          failure (an unknown column, a value that is not a number) the
//          message names the column (and the row), and the table is unchanged.
Status applyColumnPurposes(DataTable &table, const QMap<QString, QString> &purposes);

} // namespace stratus::ml

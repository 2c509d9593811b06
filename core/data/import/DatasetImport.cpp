#include "data/import/DatasetImport.h"

#include "workspace/Names.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace stratus {

namespace {

// Maps a stage's progress into [from, to] of the whole.
TaskControl stage(const TaskControl &whole, double from, double to)
{
    TaskControl part;
    part.cancel = whole.cancel;
    if (whole.progress)
        part.progress = [p = whole.progress, from, to](double f) { p(from + (to - from) * f); };
    return part;
}

Result<Registered> profileAndRegister(Workspace &workspace, const DataTable &table, const RegisterRequest &request,
                                      const TaskControl &control, double start, const QList<ColumnNote> &notes = {},
                                      const CsvReadOptions &options = {})
{
    const double mid = start + (1.0 - start) * 0.3;
    auto profiles = profileTable(table, stage(control, start, mid));
    if (profiles.size() == table.columns.size()) {
        for (const ColumnNote &n : notes) {
            if (const int c = table.indexOf(n.column); c >= 0)
                profiles[size_t(c)].notes.append(n);
        }
        for (size_t c = 0; c < profiles.size(); ++c)
            profiles[c].typeChosen = options.columns.value(table.columns[c].name).type.has_value();
    }
    if (control.canceled())
        return Error{QCoreApplication::translate("stratus::DatasetStore", "Canceled.")};
    return DatasetStore(workspace).registerTable(request, table, profiles, stage(control, mid, 1.0));
}

} // namespace

Result<CsvReadResult> readForImport(const QString &path, const CsvReadOptions &options, const TaskControl &control)
{
    CsvReadOptions lenient = options;
    lenient.onInvalid = ColumnBuilder::OnInvalid::Missing;
    return readCsv(path, lenient, control);
}

Result<Registered> registerRead(Workspace &workspace, const QString &path, const CsvReadResult &read,
                                const CsvReadOptions &options, RegisterRequest request, const TaskControl &control)
{
    request.dialect = read.dialect;
    if (request.sourcePath.isEmpty())
        request.sourcePath = QFileInfo(path).absoluteFilePath();
    return profileAndRegister(workspace, read.table, request, control, 0.0, read.notes, options);
}

Result<Registered> importDataset(Workspace &workspace, const QString &path, const CsvReadOptions &options,
                                 RegisterRequest request, const TaskControl &control)
{
    // Check the name before the (possibly long) read.
    if (Status s = names::checkDatasetName(request.name); !s)
        return s.error();
    auto read = readForImport(path, options, stage(control, 0.0, 0.55));
    if (!read)
        return read.error();
    return registerRead(workspace, path, *read, options, request, stage(control, 0.55, 1.0));
}

Result<Registered> registerDataTable(Workspace &workspace, const DataTable &table, const RegisterRequest &request,
                                     const TaskControl &control)
{
    return profileAndRegister(workspace, table, request, control, 0.0);
}

} // namespace stratus

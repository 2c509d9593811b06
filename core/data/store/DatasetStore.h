#pragma once
// DatasetStore: registers tables as versioned datasets and reads them back.
// Registering under an existing name adds a version (as Azure's
// create_new_version=True); "latest" resolves to the newest. A version's
// rows, columns, profiles and dialect are written in one transaction: a
// failed or canceled registration leaves nothing behind.

#include "common/Result.h"
#include "common/TaskControl.h"
#include "data/DataTable.h"
#include "data/store/DatasetVersion.h"

#include <optional>
#include <string>

namespace stratus {

class Workspace;

struct RegisterRequest {
    QString name;
    QString description;
    QVariantMap tags;
    QString sourcePath;
    CsvDialect dialect;
};

struct Registered {
    DatasetVersion version;
    // "name:version" of an earlier version holding the same data, if any.
    QString sameDataAs;
};

class DatasetStore {
public:
    explicit DatasetStore(Workspace &workspace) : m_ws(workspace) {}

    // requires: profiles.size() == table.columns.size().
    Result<Registered> registerTable(const RegisterRequest &request, const DataTable &table,
                                     const std::vector<ColumnProfile> &profiles, const TaskControl &control = {});

    Result<QList<DatasetSummary>> list() const;
    // "name", "name:latest" or "name:3".
    Result<DatasetVersion> resolve(const QString &reference) const;
    // version 0: the latest.
    Result<DatasetVersion> version(const QString &name, int version = 0) const;
    // Newest first.
    Result<QList<DatasetVersion>> versions(const QString &name) const;

    // One stored chunk of one column, decoded to display strings.
    Result<QStringList> readChunk(const DatasetVersion &version, int column, int chunk) const;
    Result<DataTable> loadTable(const DatasetVersion &version, const TaskControl &control = {}) const;

private:
    Result<DatasetVersion> load(qint64 versionId) const;
    Workspace &m_ws;
};

// "k=v,k2=v2" into a map; an entry without '=' is an error naming it.
Result<QVariantMap> parseTags(const QString &text);
QString formatTags(const QVariantMap &tags);

} // namespace stratus

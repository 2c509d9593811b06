#pragma once
// DatasetPreviewModel: the rows of a stored dataset version, for the Preview
// tab. Rows are fetched lazily (canFetchMore/fetchMore, in doubling batches),
// and the values of a column are read from the workspace one chunk at a time
// when first shown, then kept in a small cache — so a million-row dataset
// opens at once and scrolls smoothly.

#include "data/store/DatasetVersion.h"

#include <QAbstractTableModel>
#include <QCache>

namespace stratus {

class Workspace;

class DatasetPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kBatch = 5000;

    DatasetPreviewModel(Workspace &workspace, QObject *parent = nullptr);

    void setVersion(const DatasetVersion &version);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // How many chunks have been read from the workspace (for tests).
    int chunksRead() const { return m_chunksRead; }

private:
    const QStringList *chunk(int column, int chunkIndex) const;

    Workspace &m_ws;
    DatasetVersion m_version;
    int m_loadedRows = 0;
    bool m_changing = false; // inside endResetModel/endInsertRows
    mutable QCache<qint64, QStringList> m_cache;
    mutable int m_chunksRead = 0;
};

} // namespace stratus

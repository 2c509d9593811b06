#pragma once
// ImportJob: importDataset on a thread pool, for the studio. Emits progress
// (0-1000) as it goes and exactly one of succeeded() or failed() at the end;
// cancel() is honoured between rows and chunks, and leaves nothing stored.
// Signals are emitted from the pool thread: connect with a queued connection
// (the default for receivers living in the GUI thread).

#include "CsvReader.h"
#include "DatasetStore.h"

#include <QObject>
#include <QRunnable>
#include <atomic>

namespace stratus {

class ImportJob : public QObject, public QRunnable {
    Q_OBJECT
public:
    ImportJob(Workspace &workspace, QString path, CsvReadOptions options, RegisterRequest request);

    void run() override;
    void cancel() { m_cancel.store(true); }
    bool isCanceled() const { return m_cancel.load(); }

signals:
    void progressChanged(int permille);
    void succeeded(const stratus::DatasetVersion &version, const QString &sameDataAs);
    void failed(const QString &message, bool canceled);

private:
    Workspace &m_ws;
    QString m_path;
    CsvReadOptions m_options;
    RegisterRequest m_request;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_lastPermille{-1};
};

} // namespace stratus

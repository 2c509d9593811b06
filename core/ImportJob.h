#pragma once
// ImportJob: importDataset on the global thread pool, for the studio. Emits
// progressChanged (0-1000) while it works and finished() in the thread that
// owns the job once the work is over; result() then holds the outcome.
// cancel() is honoured between rows and chunks and leaves nothing stored.
// Destroying a running job cancels it and waits for it.

#include "CsvReader.h"
#include "DatasetStore.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>

namespace stratus {

class ImportJob : public QObject {
    Q_OBJECT
public:
    ImportJob(Workspace &workspace, QString path, CsvReadOptions options, RegisterRequest request,
              QObject *parent = nullptr);
    ~ImportJob() override;

    void start();
    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCanceled() const { return m_cancel.load(); }
    // requires: finished() was emitted.
    const Result<Registered> &result() const { return m_result; }

signals:
    void progressChanged(int permille);
    void finished();

private:
    Workspace &m_ws;
    QString m_path;
    CsvReadOptions m_options;
    RegisterRequest m_request;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_lastPermille{-1};
    Result<Registered> m_result{Error{}};
    QFutureWatcher<void> m_watcher;
};

} // namespace stratus

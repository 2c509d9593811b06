#pragma once
// BackgroundJob: one long operation on the global thread pool, for the
// studio. Emits progressChanged (0-1000) while it works and finished() in the
// thread that owns the job once the work is over. cancel() sets the flag the
// work's TaskControl reads. Destroying a running job cancels it and waits for
// it. A job class passes run() work that keeps what it needs by value (or by
// shared pointer, as its result), never the job's own members: the work may
// still run while a derived object is being destroyed.

#include "common/TaskControl.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <functional>

namespace stratus {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    ~BackgroundJob() override;

    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCanceled() const { return m_cancel.load(); }

signals:
    void progressChanged(int permille);
    void finished();

protected:
    explicit BackgroundJob(QObject *parent);
    // Starts `work` on the global pool with this job's cancel flag and progress.
    void run(std::function<void(const TaskControl &)> work);

private:
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_lastPermille{-1};
    QFutureWatcher<void> m_watcher;
};

} // namespace stratus

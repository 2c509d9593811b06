#pragma once
// PipelineScheduler: fires a workspace's pipeline triggers (TriggerStore.h)
// while it runs — in the studio, or in `stratus-cli pipeline scheduler` (a
// foreground process a user can run as a service). One scheduler per
// workspace: start() takes the lease, and fails while another live process
// holds it.
//
// Each tick (every second; tests call tick() with a clock they control):
// - a schedule whose time has come starts a run of the pipeline's latest
//   version; a time that passed while no scheduler ran (more than a minute
//   late) is reported as missed (state.missed, last_missed_at, and a
//   message) and, as the schedule says, run once now or skipped;
// - a dataset trigger starts a run when the dataset has a version newer than
//   the last it saw (the version given to the parameter it names);
// - a folder trigger starts a run when the folder's newest matching file
//   changes (its path given to the parameter it names).
// Published pipelines get their REST trigger (TriggerServer.h) while the
// scheduler runs. Runs go on in the scheduler's own threads; stop() cancels
// the ones still running and waits for them. A scheduler killed mid-run
// leaves its runs to the next opening of the workspace, which marks them
// Failed (interrupted); the next scheduler goes on from the stored state.

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <memory>

namespace stratus {
class Workspace;
}

namespace stratus::pipeline {

class PipelineRunner;
class TriggerServer;

class PipelineScheduler : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    // `clock` empty: the real time.
    explicit PipelineScheduler(Workspace &workspace, Clock clock = {}, QObject *parent = nullptr);
    ~PipelineScheduler() override;

    // Takes the lease, starts the published triggers' servers and, with tickMs > 0, the timer.
    Status start(int tickMs = 1000);
    void stop();
    // One pass over the triggers; the ids of the runs it started.
    QStringList tick();
    // Starts a run of a pipeline's latest version now (what a trigger does).
    Result<QString> startRun(const QString &pipeline, const QMap<QString, QString> &parameters, const QString &experiment, const QString &reason);
    int activeRuns() const;
    void waitForRuns();
    // A folder trigger's state for the folder as it is now (its newest matching file), so that
    // only files that come later start runs; empty when the folder has none.
    static QJsonObject folderTriggerState(const QString &folder, const QString &pattern);
    // The published triggers' URIs, by pipeline.
    QMap<QString, QString> publishedUris() const;

signals:
    void message(const QString &line); // one line a user reads: what fired, what was missed, what ended

private:
    QDateTime now() const;

    Workspace &m_ws;
    Clock m_clock;
    QTimer m_timer;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    QList<std::shared_ptr<PipelineRunner>> m_running; // guarded by m_mutex
    void syncPublished(); // a server for each published trigger, none for removed ones
    QMap<qint64, std::shared_ptr<TriggerServer>> m_servers; // by trigger id
    QSet<qint64> m_failedServers;                           // said once
    bool m_leased = false;
};

} // namespace stratus::pipeline

#pragma once
// EndpointSupervisor: runs each endpoint of a workspace as its own process
// (`stratus-cli serve`, with the endpoint's model, address, threads and keys)
// and follows it as Azure follows a deployment:
//   Transitioning  the process is starting, or restarting after a failure
//   Healthy        GET /health answers
//   Unhealthy      it stopped answering, exited, or went over its memory
//                  limit; it is restarted (after 1, 2, 4 and 8 s)
//   Failed         it failed 5 times without staying healthy for a minute
//                  (the reason is the last thing it printed, e.g. a port in use)
//   Stopped        stopped by the user
// Every state change is written to the workspace (with its reason) and
// signalled. Each endpoint's output is kept in a log file next to the
// workspace (<workspace>.endpoints/NAME/log.txt), appended across restarts;
// the keys are passed in a file only the user can read, which the process
// rereads when a key is regenerated. Once a second the supervisor reads
// /metrics and the process's memory, and keeps the last 10 minutes of
// requests per second and latency for the studio's monitoring.
// The processes end with the supervisor (and with it if it crashes: they
// get SIGTERM when their parent dies); endpoints that should run keep that
// wish, and restoreAll() starts them again. Lives on one thread (its owner's).

#include "common/Result.h"
#include "registry/Endpoint.h"

#include <QObject>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace stratus {
class Workspace;
}

namespace stratus::serve {

struct EndpointSample {
    qint64 msecsSinceEpoch = 0;
    double requestsPerSecond = 0;
    double p50Ms = 0, p99Ms = 0;
    qint64 requests = 0, errors = 0;
    double residentMb = 0;
};

class EndpointSupervisor : public QObject {
    Q_OBJECT
public:
    // `cli`: the stratus-cli executable (empty: locateCli()).
    explicit EndpointSupervisor(Workspace &workspace, QString cli = {}, QObject *parent = nullptr);
    // Calls shutdown().
    ~EndpointSupervisor() override;

    // Stops every endpoint process as the studio closes (terminate, then
    // kill after 3 s); each is recorded Stopped ("the studio closed") and
    // still should run, so restoreAll() starts it when the workspace opens again.
    void shutdown();

    Status start(const QString &name);
    Status stop(const QString &name);
    Status restart(const QString &name);
    // Stops it if it runs, then deletes the record (its log stays on disk).
    Status remove(const QString &name);
    // Starts every endpoint that should run and does not.
    void restoreAll();
    // After a key was regenerated: rewrites the key file (a running process rereads it within a second).
    Status refreshKeys(const QString &name);

    bool isRunning(const QString &name) const;
    qint64 processId(const QString &name) const; // 0 when not running
    QString logPath(const QString &name) const;
    QString log(const QString &name) const; // the log file's last 256 KB
    QList<EndpointSample> history(const QString &name) const;

    // $STRATUS_CLI, else stratus-cli next to this program (or in ../cli, as
    // in the build tree), else on PATH.
    static QString locateCli();

signals:
    void stateChanged(const QString &name, stratus::EndpointState state, const QString &reason);
    void logAppended(const QString &name, const QString &text);
    void sampled(const QString &name, const stratus::serve::EndpointSample &sample);

private:
    struct Process;
    void launch(Process &p);
    void setState(Process &p, EndpointState state, const QString &reason);
    void onExited(const QString &name, int code);
    void poll();
    void pollOne(Process &p);
    QString directory(const QString &name) const;
    Status writeKeys(const Endpoint &e) const;

    Workspace &m_ws;
    QString m_cli;
    QNetworkAccessManager *m_net;
    QTimer *m_timer;
    int m_ticks = 0;
    std::map<QString, std::unique_ptr<Process>> m_processes;
};

} // namespace stratus::serve

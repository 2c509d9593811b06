#pragma once
// Reloader: reads the workspace off the GUI thread. A job runs on a pool
// thread (with its own SQLite connection, as Workspace::connection() gives)
// and returns what to apply on the GUI thread. One job runs at a time; a job
// requested meanwhile replaces any waiting one, and jobs start at most every
// `intervalMs`, so a burst of changes (a trial finishing every few
// milliseconds) costs one reload, not hundreds.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

namespace stratus {

class Reloader : public QObject {
    Q_OBJECT
public:
    using Apply = std::function<void()>;
    using Job = std::function<Apply()>;

    explicit Reloader(QObject *parent = nullptr, int intervalMs = 250);
    ~Reloader() override;

    void request(Job job);
    bool isIdle() const { return !m_running && !m_waiting; }

signals:
    // After a job's result was applied.
    void applied();

private:
    void startWaiting();

    Job m_waiting;
    bool m_running = false;
    QTimer m_timer;
    QElapsedTimer m_lastStart;
    int m_interval;
};

} // namespace stratus

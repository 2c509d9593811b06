#pragma once
// RunManager: the AutoML runs this studio process is running. submit()
// starts one in the background (the data is loaded on a pool thread, so the
// window never waits); pages find a live run by its parent id to follow its
// signals, cancel it or cancel one of its trials. Runs started by other
// processes (the CLI) are not here: pages follow those through the workspace.

#include <QHash>
#include <QObject>

namespace stratus {
class Workspace;
namespace ml {
class AutoMLRun;
struct AutoMLConfig;
namespace forecasting {
class ForecastingRun;
struct ForecastingParameters;
}
}

class RunManager : public QObject {
    Q_OBJECT
public:
    explicit RunManager(Workspace &workspace, QObject *parent = nullptr);
    ~RunManager() override;

    // Starts a run; started() or startFailed() follows.
    ml::AutoMLRun *submit(const ml::AutoMLConfig &config);
    // Starts a forecasting run (its data is prepared here, before it starts);
    // started() or startFailed() follows. Its pages follow it through the
    // workspace, as they do a run of another process.
    void submitForecasting(const ml::AutoMLConfig &config, const ml::forecasting::ForecastingParameters &parameters);
    // The live run with that parent id, or null (finished runs stay until the
    // studio closes, so their logs remain in memory).
    ml::AutoMLRun *run(const QString &parentId) const;
    // Cancels a run of this process; false when it is not running here.
    bool cancel(const QString &parentId);
    // The parent ids of this process's runs that have not finished, sorted.
    QStringList training() const;

signals:
    void started(const QString &parentId);
    void startFailed(const QString &message);
    void runFinished(const QString &parentId, const QString &status);

private:
    Workspace &m_ws;
    QHash<QString, ml::AutoMLRun *> m_runs;
    QHash<QString, ml::forecasting::ForecastingRun *> m_forecasts;
};

} // namespace stratus

#include "experiments/RunManager.h"

#include "ml/automl/AutoMLRun.h"
#include "ml/automl/ForecastingRun.h"
#include "workspace/Workspace.h"

namespace stratus {

RunManager::RunManager(Workspace &workspace, QObject *parent) : QObject(parent), m_ws(workspace) {}

RunManager::~RunManager()
{
    // Each run stops its trials and waits for them in its destructor.
    qDeleteAll(m_runs);
    qDeleteAll(m_forecasts);
}

void RunManager::submitForecasting(const ml::AutoMLConfig &config, const ml::forecasting::ForecastingParameters &parameters)
{
    auto *run = new ml::forecasting::ForecastingRun(m_ws, config, parameters, this);
    connect(run, &ml::forecasting::ForecastingRun::finished, this, [this, run](const QString &status) {
        emit runFinished(run->parentId(), status);
    });
    auto made = run->start();
    if (!made) {
        run->deleteLater();
        emit startFailed(made.message());
        return;
    }
    m_forecasts.insert(*made, run);
    emit started(*made);
}

ml::AutoMLRun *RunManager::submit(const ml::AutoMLConfig &config)
{
    auto *run = new ml::AutoMLRun(m_ws, config, this);
    connect(run, &ml::AutoMLRun::started, this, [this, run](const QString &id) {
        m_runs.insert(id, run);
        emit started(id);
    });
    connect(run, &ml::AutoMLRun::startFailed, this, [this, run](const QString &message) {
        run->deleteLater();
        emit startFailed(message);
    });
    connect(run, &ml::AutoMLRun::finished, this, [this, run](const QString &status) {
        emit runFinished(run->parentId(), status);
    });
    run->startInBackground();
    return run;
}

ml::AutoMLRun *RunManager::run(const QString &parentId) const
{
    return m_runs.value(parentId);
}

bool RunManager::cancel(const QString &parentId)
{
    if (ml::forecasting::ForecastingRun *f = m_forecasts.value(parentId); f && !f->isFinished()) {
        f->cancel();
        return true;
    }
    ml::AutoMLRun *r = run(parentId);
    if (!r || r->isFinished())
        return false;
    r->cancel();
    return true;
}

QStringList RunManager::training() const
{
    QList<ml::AutoMLRun *> live;
    for (ml::AutoMLRun *r : m_runs)
        if (!r->isFinished())
            live << r;
    std::sort(live.begin(), live.end(), [](const ml::AutoMLRun *a, const ml::AutoMLRun *b) { return a->parentId() < b->parentId(); });
    QStringList ids;
    for (const ml::AutoMLRun *r : std::as_const(live))
        ids << r->parentId();
    for (const ml::forecasting::ForecastingRun *f : m_forecasts)
        if (!f->isFinished())
            ids << f->parentId();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace stratus

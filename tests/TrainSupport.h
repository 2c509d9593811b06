#pragma once
// Helpers for tests that need a trained model: run AutoML to its end, and
// register its best model.

#include "ml/automl/AutoMLRun.h"
#include "registry/ModelStore.h"

#include <QSignalSpy>

namespace testing {

// A small search of `dataset` for DEATH_EVENT: `algorithms`, `trials`
// trials, 3-fold cross-validation, seed 1, no ensembles.
inline stratus::ml::AutoMLConfig quickConfig(const QString &dataset,
                                             const QStringList &algorithms = {QStringLiteral("LogisticRegression")}, int trials = 2)
{
    stratus::ml::AutoMLConfig c;
    c.dataset = dataset;
    c.label = QStringLiteral("DEATH_EVENT");
    c.maxTrials = trials;
    c.crossValidations = 3;
    c.seed = 1;
    c.allowedAlgorithms = algorithms;
    c.votingEnsemble = c.stackEnsemble = false;
    return c;
}

// Runs AutoML with `config` to its end; the parent run's id.
inline stratus::Result<QString> runAutoML(stratus::Workspace &ws, const stratus::ml::AutoMLConfig &config, int timeoutMs = 240000)
{
    stratus::ml::AutoMLRun run(ws, config);
    QSignalSpy finished(&run, &stratus::ml::AutoMLRun::finished);
    if (auto started = run.start(); !started)
        return started.error();
    if (!finished.wait(timeoutMs))
        return stratus::Error{QStringLiteral("AutoML did not finish in %1 s").arg(timeoutMs / 1000)};
    return run.parentId();
}

// runAutoML, then the run's best model registered as `name`.
inline stratus::Status trainAndRegister(stratus::Workspace &ws, const stratus::ml::AutoMLConfig &config, const QString &name)
{
    auto run = runAutoML(ws, config);
    if (!run)
        return run.error();
    auto version = stratus::ModelStore(ws).registerModel(*run, name);
    if (!version)
        return version.error();
    return {};
}

} // namespace testing

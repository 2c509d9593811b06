// AutoMLRun's end (see AutoMLRun.h): the ensembles from the trials'
// out-of-fold predictions, the chosen model's refit and importance (on a
// Slurm profile, its workers' last tasks), the workers' release and the
// parent run's last record.
#include "ml/automl/AutoMLRun.h"

#include "compute/SharedFolder.h"
#include "compute/WorkerPool.h"
#include "ml/automl/AutoMLRunLimits.h"
#include "ml/automl/EnsembleTrials.h"
#include "ml/automl/Guardrails.h"
#include "ml/automl/Refit.h"
#include "ml/automl/SlurmTrial.h"
#include "ml/learners/Learners.h"
#include "registry/RunStore.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace stratus::ml {

using namespace runlimits;

void AutoMLRun::finish()
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_stopped = true;
    m_timeout.stop();
    if (m_cancel.load() && !m_timedOut)
        return finalize(QStringLiteral("Canceled"));
    if (bestRunId().isEmpty()) {
        // Say why, from the first failed trial (every trial failing the same way is the usual case).
        const auto failed = std::find_if(m_results.cbegin(), m_results.cend(), [](const TrialResult &r) { return !r.error.isEmpty(); });
        return finalize(QStringLiteral("Failed"), failed == m_results.cend() ? QStringLiteral("no trial completed")
                                                                               : QStringLiteral("no trial completed; trial %1: %2")
                                                                                     .arg(failed->index)
                                                                                     .arg(failed->error));
    }
    noteStored(RunStore(m_ws).setStatus(m_parentId, RunStatus::Finalizing));
    emit statusChanged(QStringLiteral("Finalizing"));
    // The ensembles are built on the pool (they fit meta-learners and compute
    // curves): the owner's thread may be a GUI's.
    EnsembleRequest request;
    request.child = childRun(QStringLiteral("ensemble"), QString(), {});
    // Under a budget the ensembles take (part of) the reserve kept for them;
    // when the time left after the leaderboard top's refit is under half of
    // it, they are not built (they would leave no time to refit the top, and
    // could not be refitted themselves).
    bool ensembles = true;
    if (budgeted()) {
        const double left = double(m_budget.remainingTime()) / 1000.0 - 0.5;
        const double reserve = finalizeReserve(m_config.experimentTimeoutSeconds);
        const double topRefit = refitSeconds(leaderboard().first()) / kRefitMargin;
        if (left - topRefit < reserve / 2) {
            ensembles = false;
            m_log->write(QStringLiteral("no ensembles: %1 s left, and refitting the best trial takes about %2 s")
                             .arg(left, 0, 'f', 1)
                             .arg(topRefit, 0, 'f', 1));
        }
    }
    if (m_config.votingEnsemble && ensembles)
        request.voting = ensembleLibrary(15);
    if (m_config.stackEnsemble && ensembles)
        request.stack = ensembleLibrary(5);
    // The equal-weight family blend is for small data (see the header).
    if (m_config.votingEnsemble && ensembles && !largeData())
        request.families = familyLibrary(kFamilies);
    request.top = leaderboard().first();
    request.firstIndex = m_next;
    auto plan = m_plan;
    auto log = m_log;
    const AutoMLConfig config = m_config;
    Workspace *ws = &m_ws;
    m_ensembles = new QFutureWatcher<QList<TrialResult>>(this);
    connect(m_ensembles, &QFutureWatcherBase::finished, this, [this] {
        for (const TrialResult &e : m_ensembles->result()) {
            m_next = e.index + 1;
            m_results << e;
            emit trialFinished(e);
        }
        refitWinner();
    });
    m_ensembles->setFuture(QtConcurrent::run(m_plan->pool, [=] { return buildEnsembles(*ws, *plan, config, request, *log); }));
}

void AutoMLRun::refitWinner()
{
    // Refit the winner on every row, and explain it, on the pool.
    const TrialResult winner = chooseWinner(&m_reason);
    m_chosen = winner.runId;
    const double refitEstimate = refitSeconds(winner);
    // The importance refits on the search's training part and predicts the validation rows many times.
    const double importanceEstimate = refitEstimate * double(m_plan->search.rows.size()) / double(m_plan->all.rows.size()) * 3;
    m_log->write(QStringLiteral("best: %1 (%2); refitting it on %3 rows (about %4 s)")
                     .arg(winner.runId, winner.algorithm)
                     .arg(m_plan->all.rows.size())
                     .arg(refitEstimate, 0, 'f', 1));
    const QDeadlineTimer budget = m_budget;
    auto plan = m_plan;
    auto log = m_log;
    const AutoMLConfig config = m_config;
    const QList<TrialResult> trials = m_results;
    Workspace *ws = &m_ws;
    std::atomic<bool> *cancel = &m_cancel;
    auto workers = m_workers;
    m_refit = new QFutureWatcher<QString>(this);
    connect(m_refit, &QFutureWatcher<QString>::finished, this, [this] {
        const QString problem = m_refit->result();
        if (m_cancel.load() && !m_timedOut)
            finalize(QStringLiteral("Canceled"));
        else if (problem.isEmpty())
            finalize(QStringLiteral("Completed"));
        else
            finalize(QStringLiteral("Failed"), QStringLiteral("refitting the best model failed: ") + problem);
    });
    m_refit->setFuture(QtConcurrent::run(m_plan->pool, [=]() -> QString {
        RunStore store(*ws);
        QElapsedTimer timer;
        timer.start();
        // On a Slurm profile the refit and the importance are a worker's too: this machine only records them.
        Result<QJsonObject> pipeline = Error{};
        if (workers) {
            auto remote = refitOnSlurm(*ws, *plan, config, winner, trials, RefitPart::Pipeline, *workers, *cancel, *log);
            pipeline = remote ? Result<QJsonObject>(remote->toObject()) : Result<QJsonObject>(remote.error());
        } else {
            pipeline = refitPipeline(*plan, config, winner, trials, plan->all.rows, plan->all.labels, plan->allRows, *cancel);
        }
        if (!pipeline)
            return pipeline.message();
        noteStored(store.putArtifact(winner.runId, QStringLiteral("pipeline"), QJsonDocument(*pipeline).toJson(QJsonDocument::Compact)));
        log->write(QStringLiteral("refitted in %1 s").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2));
        timer.restart();
        if (!budget.isForever() && double(budget.remainingTime()) / 1000.0 < importanceEstimate) {
            log->write(QStringLiteral("no permutation importance: the experiment timeout leaves no time for it"));
            return {};
        }
        Result<QJsonArray> importance = Error{};
        if (workers) {
            auto remote = refitOnSlurm(*ws, *plan, config, winner, trials, RefitPart::Importance, *workers, *cancel, *log);
            importance = remote ? Result<QJsonArray>(remote->toArray()) : Result<QJsonArray>(remote.error());
        } else {
            importance = chosenImportance(*plan, config, winner, trials, *cancel);
        }
        if (importance) {
            noteStored(store.putArtifact(winner.runId, QStringLiteral("importance"), QJsonDocument(*importance).toJson(QJsonDocument::Compact)));
            log->write(QStringLiteral("permutation importance in %1 s: %2")
                           .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                           .arg(compact(*importance)));
        } else {
            log->write(QStringLiteral("no permutation importance: ") + importance.message());
        }
        return {};
    }));
}

QJsonObject AutoMLRun::schedulerRecord() const
{
    const double capacity = double(m_config.experimentTimeoutSeconds) * coreBudget();
    return {{QStringLiteral("skipped"), m_skipped},
            {QStringLiteral("core_budget"), coreBudget()},
            {QStringLiteral("trial_thread_seconds"), m_trialSeconds},
            {QStringLiteral("canceled_thread_seconds"), m_canceledSeconds},
            {QStringLiteral("canceled_share"), capacity > 0 ? m_canceledSeconds / capacity : 0.0},
            {QStringLiteral("large_data"), largeData()}};
}

void AutoMLRun::finalize(const QString &status, const QString &error)
{
    if (m_workers && !m_released) {
        // The run's work is done (trials, refit): the worker jobs end (scancel, until squeue no
        // longer lists them) and their folder goes, on the pool (Slurm's commands take their time);
        // then the run ends.
        if (m_releasing)
            return;
        m_releasing = new QFutureWatcher<void>(this);
        connect(m_releasing, &QFutureWatcher<void>::finished, this, [this, status, error] {
            m_released = true;
            finalize(status, error);
        });
        m_releasing->setFuture(QtConcurrent::run([workers = m_workers,
                                                  folder = slurm::SharedFolder(m_plan->profile.slurm, m_ws.path()).runFolder(m_parentId)] {
            workers->shutdown();
            QDir(folder).removeRecursively();
        }));
        return;
    }
    RunStore store(m_ws);
    const auto board = leaderboard();
    if (status == QLatin1String("Canceled") && !board.isEmpty() && board.first().status == RunStatus::Completed) {
        // A canceled run keeps its best completed trial as its model (refitted when registered).
        m_chosen = board.first().runId;
        m_reason = {{QStringLiteral("code"), QStringLiteral("canceled")}, {QStringLiteral("top"), m_chosen}};
    }
    const auto winner = std::find_if(board.begin(), board.end(), [this](const TrialResult &r) { return r.runId == m_chosen; });
    if ((status == QLatin1String("Completed") || status == QLatin1String("Canceled")) && winner != board.end()) {
        noteStored(store.setMetrics(m_parentId, winner->metrics));
        QJsonObject config = store.get(m_parentId)->config;
        config.insert(QStringLiteral("best_child_run_id"), winner->runId);
        config.insert(QStringLiteral("best_algorithm"), winner->algorithm);
        config.insert(QStringLiteral("best_reason"), m_reason);
        noteStored(store.setConfig(m_parentId, config));
    }
    if (budgeted()) { // what the scheduler predicted, skipped and wasted
        QJsonObject config = store.get(m_parentId)->config;
        config.insert(QStringLiteral("scheduler"), schedulerRecord());
        noteStored(store.setConfig(m_parentId, config));
        m_log->write(QStringLiteral("scheduler: %1").arg(compact(schedulerRecord())));
    }
    if (!m_endReason.isEmpty()) { // why no more trials were started
        QJsonObject config = store.get(m_parentId)->config;
        config.insert(QStringLiteral("end_reason"), m_endReason);
        noteStored(store.setConfig(m_parentId, config));
    }
    m_log->write(QStringLiteral("run %1 %2%3").arg(m_parentId, status, error.isEmpty() ? QString() : QStringLiteral(": ") + error));
    noteStored(store.putArtifact(m_parentId, QStringLiteral("log"), m_log->text(), QStringLiteral("text/plain")));
    noteStored(store.setStatus(m_parentId, runStatusFromName(status).value_or(RunStatus::Failed), error));
    m_heartbeat.stop();
    m_finished = true;
    emit finished(status);
}

} // namespace stratus::ml

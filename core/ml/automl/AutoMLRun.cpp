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

AutoMLRun::AutoMLRun(Workspace &workspace, AutoMLConfig config, QObject *parent)
    : QObject(parent), m_ws(workspace), m_config(std::move(config)), m_log(std::make_shared<DebugLog>())
{
    qRegisterMetaType<stratus::ml::TrialResult>();
    m_timeout.setSingleShot(true);
    // Tell other processes that this run and its running trials are alive.
    m_heartbeat.setInterval(30000);
    connect(&m_heartbeat, &QTimer::timeout, this,
            [this] { noteStored(RunStore(m_ws).heartbeat(QStringList{m_parentId} + m_trialCancel.keys())); });
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_log->write(QStringLiteral("experiment timeout reached: stopping the trials"));
        m_timedOut = true;
        if (m_endReason.isEmpty())
            m_endReason = {{QStringLiteral("code"), QStringLiteral("budget")},
                           {QStringLiteral("seconds"), m_config.experimentTimeoutSeconds}};
        m_stopped = true;
        const bool anyCompleted = std::any_of(m_results.cbegin(), m_results.cend(),
                                              [](const TrialResult &r) { return r.status == RunStatus::Completed; });
        if (budgeted() && !anyCompleted && m_running > 0) {
            // A budgeted run's trials stop at their share of time and keep
            // what they grew: the first one is waited for, so the run hands back a model.
            m_log->write(QStringLiteral("no trial has completed yet: waiting for the running ones to stop at their share of time"));
        } else {
            for (const auto &flag : std::as_const(m_trialCancel))
                flag->store(true);
        }
        if (m_running == 0)
            finish();
    });
}

AutoMLRun::~AutoMLRun()
{
    m_cancel.store(true);
    for (const auto &flag : std::as_const(m_trialCancel))
        flag->store(true);
    for (QFutureWatcher<TrialResult> *w : std::as_const(m_watchers)) {
        w->disconnect(this);
        w->waitForFinished();
    }
    if (m_refit) {
        m_refit->disconnect(this);
        m_refit->waitForFinished();
    }
    if (m_ensembles) {
        m_ensembles->disconnect(this);
        m_ensembles->waitForFinished();
    }
    if (m_searching) {
        m_searching->disconnect(this);
        m_searching->waitForFinished();
    }
    if (m_releasing) {
        m_releasing->disconnect(this);
        m_releasing->waitForFinished();
    }
    if (m_preparing) {
        m_preparing->disconnect(this);
        m_preparing->waitForFinished();
    }
}

Result<QString> AutoMLRun::start()
{
    if (QString problem = m_log->open(m_config.debugLog); !problem.isEmpty())
        return Error{problem};
    auto plan = AutoMLPlan::prepare(m_ws, m_config);
    if (!plan)
        return plan.error();
    return begin(*plan);
}

void AutoMLRun::startInBackground()
{
    if (QString problem = m_log->open(m_config.debugLog); !problem.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, problem] { emit startFailed(problem); }, Qt::QueuedConnection);
        return;
    }
    m_preparing = new QFutureWatcher<Result<std::shared_ptr<AutoMLPlan>>>(this);
    connect(m_preparing, &QFutureWatcherBase::finished, this, [this] {
        auto plan = m_preparing->result();
        if (!plan) {
            emit startFailed(plan.message());
            return;
        }
        auto id = begin(*plan);
        if (!id)
            emit startFailed(id.message());
        else
            emit started(*id);
    });
    Workspace *ws = &m_ws;
    m_preparing->setFuture(QtConcurrent::run([ws, config = m_config] { return AutoMLPlan::prepare(*ws, config); }));
}

Result<QString> AutoMLRun::begin(std::shared_ptr<const AutoMLPlan> plan)
{
    m_plan = std::move(plan);
    m_search = std::make_unique<Search>(m_config.task, m_plan->learners, m_config.seed,
                                        largeData() ? Search::Regime::LargeData : Search::Regime::Default);
    if (largeData()) {
        const bool classification = m_plan->search.labels.task == Task::Classification;
        const std::vector<int> classes = classification ? std::vector<int>(m_plan->search.labels.values.begin(), m_plan->search.labels.values.end())
                                                        : std::vector<int>(m_plan->search.rows.size(), 0);
        m_halving = std::make_unique<SuccessiveHalving>(m_plan->folds, classes, m_config.seed);
        if (!m_halving->halving())
            m_halving.reset();
    }

    Run parent;
    parent.experimentId = m_plan->experimentId;
    parent.computeProfileId = m_plan->profile.id;
    parent.datasetVersionId = m_plan->datasetVersionId;
    QJsonObject config = m_config.toJson();
    config.insert(QStringLiteral("dataset_version"), m_plan->datasetReference);
    config.insert(QStringLiteral("n_cross_validations"), m_plan->foldCount);
    config.insert(QStringLiteral("validation"), m_plan->validation);
    config.insert(QStringLiteral("validation_detail"), m_plan->validationDetail);
    config.insert(QStringLiteral("algorithms"), QJsonArray::fromStringList(m_plan->learners));
    config.insert(QStringLiteral("rows_dropped_missing_label"), qint64(m_plan->all.droppedMissing));
    config.insert(QStringLiteral("classes"), QJsonArray::fromStringList(m_plan->all.classNames));
    parent.config = config;
    RunStore store(m_ws);
    auto made = store.create(parent);
    if (!made)
        return made.error();
    m_parentId = made->id;
    if (Status s = store.setStatus(m_parentId, RunStatus::Running); !s)
        return s.error();
    if (m_plan->profile.isSlurm()) {
        // The run's worker jobs, in its own folder of the shared folder.
        const slurm::SharedFolder folder(m_plan->profile.slurm, m_ws.path());
        slurm::WorkerPoolOptions o;
        o.settings = m_plan->profile.slurm;
        o.folder = folder.runFolder(m_parentId);
        o.nodeFolder = folder.onNodes(o.folder);
        o.command = {workerProgram(o.settings), QStringLiteral("worker"), QStringLiteral("serve"), o.nodeFolder};
        o.jobName = folder.jobPrefix() + m_parentId;
        o.maxWorkers = concurrency();
        o.cpus = m_plan->profile.threadsPerTrial;
        o.memoryMb = m_plan->profile.memoryMb;
        m_workers = std::make_shared<slurm::WorkerPool>(o);
        if (Status s = m_workers->prepare(); !s) {
            noteStored(store.setStatus(m_parentId, RunStatus::Failed, s.message()));
            return s.error();
        }
        m_log->write(QStringLiteral("Slurm: up to %1 worker jobs on partition %2 (%3 CPUs each), through %4")
                         .arg(o.maxWorkers)
                         .arg(o.settings.partition)
                         .arg(o.cpus)
                         .arg(o.folder));
    }
    auto guardrails = dataGuardrails(m_plan->table, m_plan->label, m_plan->all, m_plan->allRows, m_plan->validation);
    if (!m_plan->predictionColumns.isEmpty())
        guardrails.append(predictionColumnsGuardrail(m_plan->predictionColumns));
    for (Guardrail &g : guardrails)
        if (g.code == QLatin1String("validation"))
            g.args.insert(QStringLiteral("validation_detail"), m_plan->validationDetail); // for the studio's language
    noteStored(store.putArtifact(m_parentId, QStringLiteral("guardrails"), QJsonDocument(toJson(guardrails)).toJson()));
    QJsonArray columns;
    for (const ColumnSummary &c : m_plan->allRows.summary())
        columns.append(QJsonObject{{QStringLiteral("column"), c.column},
                                   {QStringLiteral("type"), c.type},
                                   {QStringLiteral("action"), c.action},
                                   {QStringLiteral("features"), QJsonArray::fromStringList(c.features)}});
    noteStored(store.putArtifact(m_parentId, QStringLiteral("featurization"), QJsonDocument(columns).toJson()));
    m_log->write(QStringLiteral("run %1 started on %2: %3; algorithms %4")
                     .arg(m_parentId, m_plan->datasetReference, m_plan->validation, m_plan->learners.join(QStringLiteral(", "))));
    if (m_halving) {
        QStringList rows;
        for (int k = 0; k < m_halving->rungs(); ++k)
            rows << QString::number(m_halving->rows(k));
        m_log->write(QStringLiteral("successive halving: new candidates train on %1 rows first; the best third of each rung is promoted (rungs of %2 training rows)")
                         .arg(m_halving->rows(0))
                         .arg(rows.join(QStringLiteral(", "))));
    }
    if (m_config.experimentTimeoutSeconds > 0) {
        const qint64 budget = qint64(m_config.experimentTimeoutSeconds) * 1000;
        m_budget = QDeadlineTimer(budget);
        // The rest is for the ensembles; the scheduler keeps time for the
        // refit of every trial it starts (see admit()).
        m_timeout.start(int(budget - qint64(finalizeReserve(m_config.experimentTimeoutSeconds) * 1000)));
    }
    m_heartbeat.start();
    emit statusChanged(QStringLiteral("Running"));
    scheduleMore();
    return m_parentId;
}

void AutoMLRun::cancel()
{
    if (m_finished)
        return;
    m_log->write(QStringLiteral("canceled"));
    m_endReason = {{QStringLiteral("code"), QStringLiteral("canceled")}};
    m_cancel.store(true);
    m_stopped = true;
    m_timeout.stop();
    for (const auto &flag : std::as_const(m_trialCancel))
        flag->store(true);
    if (m_running == 0 && !m_finishing && m_plan)
        finish();
}

bool AutoMLRun::cancelTrial(const QString &runId)
{
    const auto flag = m_trialCancel.value(runId);
    if (!flag)
        return false;
    m_log->write(QStringLiteral("trial %1 canceled").arg(runId));
    flag->store(true);
    return true;
}

int AutoMLRun::concurrency() const
{
    return m_config.maxConcurrentTrials > 0 ? qMin(m_config.maxConcurrentTrials, m_plan->profile.maxConcurrent)
                                            : m_plan->profile.maxConcurrent;
}

QList<TrialResult> AutoMLRun::known(int index) const
{
    QList<TrialResult> out;
    for (const TrialResult &r : m_results) {
        if (!r.isEnsemble() && (!deterministic() || r.index <= index - concurrency()))
            out << r;
    }
    std::sort(out.begin(), out.end(), [](const TrialResult &a, const TrialResult &b) { return a.index < b.index; });
    return out;
}

bool AutoMLRun::gateOpen(int index) const
{
    if (!deterministic())
        return true;
    const int needed = index - concurrency() + 1; // trials 0 .. index - concurrency
    return needed <= 0 || known(index).size() == needed;
}

QJsonObject AutoMLRun::stopBefore(int index, const QList<TrialResult> &done) const
{
    if (m_cancel.load())
        return {{QStringLiteral("code"), QStringLiteral("canceled")}};
    if (m_stopped)
        return m_endReason.isEmpty() ? QJsonObject{{QStringLiteral("code"), QStringLiteral("stopped")}} : m_endReason;
    if (index >= (m_config.maxTrials > 0 ? m_config.maxTrials : kMaxTrials))
        return {{QStringLiteral("code"), QStringLiteral("max_trials")}, {QStringLiteral("trials"), index}};
    double best = -INFINITY, bestOfAll = -INFINITY;
    int since = 0;
    for (const TrialResult &r : done) {
        bestOfAll = std::max(bestOfAll, score(r));
        // Successive halving: whether the search still finds better
        // candidates shows on the first rung (a promoted trial, on more
        // rows, would otherwise outscore every new candidate).
        if (m_halving && !m_halving->tellsSearch(r.index))
            continue;
        const double s = score(r);
        if (s > best) {
            best = s;
            since = 0;
        } else {
            ++since;
        }
    }
    if (m_config.earlyStopping && done.size() >= kEarlyStoppingWarmup && since >= kEarlyStoppingPatience)
        return {{QStringLiteral("code"), QStringLiteral("early_stopping")}, {QStringLiteral("trials"), index},
                {QStringLiteral("without_improvement"), since}};
    if (m_config.exitScore && std::isfinite(bestOfAll)) {
        const double threshold = higherIsBetter(m_config.metric()) ? *m_config.exitScore : -*m_config.exitScore;
        if (bestOfAll >= threshold)
            return {{QStringLiteral("code"), QStringLiteral("exit_score")}, {QStringLiteral("trials"), index},
                    {QStringLiteral("exit_score"), *m_config.exitScore}};
    }
    return {};
}

void AutoMLRun::scheduleMore()
{
    while (!m_stopped && m_running < concurrency() && (!budgeted() || m_threadsInUse < coreBudget())) {
        const int index = m_next;
        if (!gateOpen(index))
            break;
        const QList<TrialResult> done = known(index);
        const QJsonObject reason = m_searchClosed ? QJsonObject{} : stopBefore(index, done);
        if (!reason.isEmpty() && m_halving && reason.value(QStringLiteral("code")) == QLatin1String("early_stopping")) {
            // The search has stopped finding better candidates; the
            // promotions of those it found go on while they fit.
            m_searchClosed = true;
            m_endReason = reason;
            m_log->write(QStringLiteral("no new candidates after %1 (early_stopping): promotions go on").arg(index));
        } else if (!reason.isEmpty()) {
            m_stopped = true;
            if (m_endReason.isEmpty())
                m_endReason = reason;
            m_log->write(QStringLiteral("no more trials after %1 (%2)").arg(index).arg(reason.value(QStringLiteral("code")).toString()));
            break;
        }
        if (m_searchClosed && (m_cancel.load() || index >= (m_config.maxTrials > 0 ? m_config.maxTrials : kMaxTrials)))
            break;
        if (m_halving) {
            if (m_searching)
                break; // the search's answer is on its way for this index
            // Promotions first: they confirm the best candidates on more rows.
            if (const auto promotion = m_halving->next()) {
                if (tryLaunch(index, promotion->candidate, false, promotion->rung, promotion->from) == Launch::Waiting)
                    break;
                continue;
            }
        }
        if (m_searchClosed)
            break;
        if (m_portfolioNext < m_search->portfolio().size()) {
            tryLaunch(index, m_search->portfolio()[m_portfolioNext++]);
            continue;
        }
        // The model-based search takes milliseconds to tenths of a second
        // with hundreds of trials: it runs on a worker thread, one at a time,
        // and the trial is launched when it answers.
        if (m_searching)
            break;
        QList<Observation> told;
        for (const TrialResult &r : done) {
            if (m_halving && !m_halving->tellsSearch(r.index))
                continue; // the search compares the first rung's scores
            if (r.status == RunStatus::Completed || r.status == RunStatus::Failed)
                told.append({{r.algorithm, r.params}, r.status == RunStatus::Completed ? score(r) : std::nan("")});
        }
        m_searching = new QFutureWatcher<Candidate>(this);
        connect(m_searching, &QFutureWatcherBase::finished, this, [this, index] {
            const Candidate candidate = m_searching->result();
            m_searching->deleteLater();
            m_searching = nullptr;
            if (!m_stopped && m_next == index)
                tryLaunch(index, candidate, true);
            scheduleMore();
        });
        const Search *search = m_search.get();
        // A skipped candidate is followed by another draw (another seed step).
        const int step = index + 7919 * m_searchSkips;
        m_searching->setFuture(QtConcurrent::run([search, step, told] { return search->next(step, told); }));
        break;
    }
    if (m_running == 0 && !m_searching && !m_finishing)
        finish();
}

int AutoMLRun::coreBudget() const
{
    return concurrency() * qMax(1, m_plan->profile.threadsPerTrial);
}

size_t AutoMLRun::rungRows(int rung) const
{
    return m_halving ? m_halving->rows(rung) : m_plan->trainedRows;
}

TrialShape AutoMLRun::trialShape(int threads, size_t rows) const
{
    TrialShape shape;
    shape.trainRows = rows > 0 ? rows : m_plan->trainedRows;
    shape.validatedRows = m_plan->validated.values.size() / size_t(qMax(1, m_plan->foldCount));
    shape.features = size_t(m_plan->allRows.featureNames().size());
    shape.outputs = m_plan->all.labels.task == Task::Classification ? m_plan->all.labels.classes : 1;
    shape.fits = qMax(1, m_plan->foldCount);
    shape.threads = threads;
    return shape;
}

TrialShape AutoMLRun::refitShape() const
{
    TrialShape shape = trialShape(coreBudget());
    shape.trainRows = m_plan->all.rows.size();
    shape.validatedRows = 0;
    shape.fits = 1;
    return shape;
}

std::optional<AutoMLRun::Admission> AutoMLRun::admit(const Candidate &candidate, int rung, QString *why, bool allCores)
{
    const int free = allCores ? coreBudget() : qMax(1, coreBudget() - m_threadsInUse);
    int threads = qMin(qMax(1, m_plan->profile.threadsPerTrial), free);
    // Boosting and forests use threads well on enough work: a long one takes
    // every free thread (of this machine: a Slurm job has the profile's CPUs).
    if (!m_plan->profile.isSlurm() && CostModel::sizeParameter(candidate.learner) == QLatin1String("n_estimators")
        && m_costs.predict(candidate, trialShape(1, rungRows(rung))) > 1.0)
        threads = free;
    const TrialShape shape = trialShape(threads, rungRows(rung)), refit = refitShape();
    const double left = double(m_budget.remainingTime()) / 1000.0 - finalizeReserve(m_config.experimentTimeoutSeconds);
    // Only the winner is refitted: this trial's refit, or the best so far's
    // (a running trial that becomes the best but whose refit does not fit is
    // passed over for it: see chooseWinner).
    double bestRefit = 0, bestScore = -INFINITY;
    for (const TrialResult &r : m_results) {
        if (r.status == RunStatus::Completed && !r.isEnsemble() && score(r) > bestScore) {
            bestScore = score(r);
            bestRefit = refitSeconds(r);
        }
    }
    // The refit is kept with a fifth to spare: the winner is chosen by it at the end.
    const auto cost = [&](const Candidate &c) {
        return m_costs.predict(c, shape) + kRefitMargin * std::max(m_costs.predict(c, refit), bestRefit);
    };
    const auto fitted = CostModel::shrinkToFit(candidate, left, cost);
    if (!fitted) {
        *why = QStringLiteral("predicted %1 s and %2 s to refit, %3 s left")
                   .arg(m_costs.predict(candidate, shape), 0, 'f', 1)
                   .arg(m_costs.predict(candidate, refit), 0, 'f', 1)
                   .arg(std::max(left, 0.0), 0, 'f', 1);
        return std::nullopt;
    }
    Admission a{*fitted, {}};
    a.options.threads = threads;
    a.options.predictedSeconds = m_costs.predict(*fitted, shape);
    // Its share: twice the prediction and two seconds, within what its refit leaves.
    a.options.refitReserveSeconds = kRefitMargin * std::max(m_costs.predict(*fitted, refit), bestRefit);
    a.options.secondsLeft = left;
    const double share = std::min(a.options.predictedSeconds * 2 + 2, left - a.options.refitReserveSeconds);
    a.options.softDeadline = QDeadlineTimer(qint64(std::max(share, 0.1) * 1000));
    a.options.earlyStoppingRounds = earlyStoppingRounds(candidate);
    return a;
}

int AutoMLRun::earlyStoppingRounds(const Candidate &candidate) const
{
    return largeData() && candidate.learner.startsWith(QLatin1String("XGBoost")) ? kEarlyStoppingRounds : 0;
}

void AutoMLRun::noteSkipped(const Candidate &candidate, const QString &why)
{
    m_log->write(QStringLiteral("skipped %1 %2: %3")
                     .arg(candidate.learner,
                          QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(candidate.params)).toJson(QJsonDocument::Compact)), why));
    m_skipped.append(QJsonObject{{QStringLiteral("algorithm"), candidate.learner},
                                 {QStringLiteral("hyperparameters"), QJsonObject::fromVariantMap(candidate.params)},
                                 {QStringLiteral("reason"), why}});
}

AutoMLRun::Launch AutoMLRun::tryLaunch(int index, const Candidate &candidate, bool fromSearch, int rung, int from)
{
    if (!budgeted()) {
        ++m_next;
        launch(index, candidate, {});
        return Launch::Started;
    }
    QString why;
    auto admission = admit(candidate, rung, &why);
    if (!admission && m_next == 0 && m_running == 0) {
        // Nothing fits the budget (a large dataset's refit alone may not): the
        // first candidate still runs, at its smallest, so the run hands back a model.
        m_log->write(QStringLiteral("no trial fits the budget (%1): starting the first at its smallest").arg(why));
        // (admit() already tried the smallest size: shrinkToFit starts there.)
        Admission a{CostModel::smallest(candidate), {}};
        a.options.threads = coreBudget();
        a.options.predictedSeconds = m_costs.predict(a.candidate, trialShape(a.options.threads, rungRows(rung)));
        a.options.softDeadline = QDeadlineTimer(qint64(std::max(a.options.predictedSeconds * 2 + 2, 1.0) * 1000));
        a.options.forced = true;
        a.options.earlyStoppingRounds = earlyStoppingRounds(candidate);
        admission = a;
    }
    if (!admission && from >= 0 && m_running > 0) {
        QString unused;
        if (admit(candidate, rung, &unused, true))
            return Launch::Waiting; // it fits once the running trials free their threads
    }
    if (!admission) {
        if (from >= 0)
            m_halving->drop(from);
        noteSkipped(candidate, from >= 0 ? QStringLiteral("promotion of trial %1 to %2 rows: %3").arg(from).arg(rungRows(rung)).arg(why) : why);
        if (fromSearch && ++m_searchSkips >= kSearchSkips && !m_stopped) {
            m_stopped = true;
            if (m_endReason.isEmpty())
                m_endReason = {{QStringLiteral("code"), QStringLiteral("budget")},
                               {QStringLiteral("seconds"), m_config.experimentTimeoutSeconds},
                               {QStringLiteral("nothing_fits"), true}};
            m_log->write(QStringLiteral("no more trials after %1: nothing the search proposes fits the time left").arg(index));
        }
        return Launch::Skipped;
    }
    if (fromSearch)
        m_searchSkips = 0;
    if (admission->candidate.params != candidate.params)
        m_log->write(QStringLiteral("trial %1 resized to fit the time left: %2 = %3 (from %4)")
                         .arg(index)
                         .arg(CostModel::sizeParameter(candidate.learner))
                         .arg(admission->candidate.params.value(CostModel::sizeParameter(candidate.learner)).toInt())
                         .arg(candidate.params.value(CostModel::sizeParameter(candidate.learner)).toInt()));
    if (index == 0) {
        // The first trial is what the run hands back if nothing else completes:
        // its share of time does not stop it below its smallest useful size
        // (on a busy machine it may end a little after its share).
        const QString steps = CostModel::sizeParameter(candidate.learner);
        if (!steps.isEmpty())
            admission->options.minSteps = CostModel::smallest(admission->candidate).params.value(steps).toInt();
    }
    if (m_halving) {
        admission->options.folds = m_halving->folds(rung);
        admission->options.trainedRows = m_halving->rows(rung);
        admission->options.rung = rung;
        admission->options.rungs = m_halving->rungs();
        admission->options.promotedFrom = from;
        if (from >= 0)
            m_log->write(QStringLiteral("trial %1: trial %2 promoted to rung %3 of %4, %5 training rows")
                             .arg(index)
                             .arg(from)
                             .arg(rung + 1)
                             .arg(m_halving->rungs())
                             .arg(m_halving->rows(rung)));
    }
    ++m_next;
    const QString runId = launch(index, admission->candidate, admission->options);
    if (!runId.isEmpty() && m_halving)
        m_halving->started(index, rung, candidate, from);
    if (!runId.isEmpty()) {
        m_admitted.insert(runId, *admission);
        m_threadsInUse += admission->options.threads;
    }
    return Launch::Started;
}

QString AutoMLRun::launch(int index, const Candidate &candidate, const TrialOptions &options)
{
    RunStore store(m_ws);
    auto made = store.create(childRun(QStringLiteral("trial"), candidate.learner,
                                      {{QStringLiteral("hyperparameters"), QJsonObject::fromVariantMap(candidate.params)},
                                       {QStringLiteral("iteration"), index}}));
    if (!made) {
        m_log->write(QStringLiteral("could not record trial %1: %2").arg(index).arg(made.message()));
        m_stopped = true;
        return {};
    }
    noteStored(store.setStatus(made->id, RunStatus::Queued));
    const QString runId = made->id;
    auto flag = std::make_shared<std::atomic<bool>>(m_cancel.load());
    m_trialCancel.insert(runId, flag);
    ++m_running;
    m_log->write(QStringLiteral("trial %1 (%2) queued: %3").arg(index).arg(runId, candidate.learner));
    emit trialQueued(runId, candidate.learner);
    auto *watcher = new QFutureWatcher<TrialResult>(this);
    m_watchers << watcher;
    connect(watcher, &QFutureWatcher<TrialResult>::finished, this, [this, watcher] {
        m_watchers.removeOne(watcher);
        watcher->deleteLater();
        trialDone(watcher->result());
    });
    auto plan = m_plan;
    auto log = m_log;
    auto workers = m_workers;
    const AutoMLConfig config = m_config;
    Workspace *ws = &m_ws;
    QPointer<AutoMLRun> self(this);
    watcher->setFuture(QtConcurrent::run(m_plan->pool, [=]() {
        const auto started = [self, runId] {
            QMetaObject::invokeMethod(self, [self, runId] { if (self) emit self->trialStarted(runId); }, Qt::QueuedConnection);
        };
        // A Slurm profile's trial is a job on a node; this pool thread follows it.
        return workers ? runTrialOnSlurm(*ws, *plan, config, index, runId, candidate, *workers, *flag, *log, started, options)
                                       : runTrial(*ws, *plan, config, index, runId, candidate, *flag, *log, started, options);
    }));
    return runId;
}

void AutoMLRun::trialDone(TrialResult result)
{
    --m_running;
    m_trialCancel.remove(result.runId);
    if (const auto admitted = m_admitted.constFind(result.runId); admitted != m_admitted.cend()) {
        const int threads = admitted->options.threads;
        m_threadsInUse -= threads;
        m_trialSeconds += result.seconds * threads;
        if (result.status == RunStatus::Canceled)
            m_canceledSeconds += result.seconds * threads;
        if (result.status == RunStatus::Completed) {
            // Calibrate on the work done: a trial stopped early grew fewer steps than predicted.
            const int planned = result.fidelity.value(QStringLiteral("n_estimators_planned")).toInt();
            const int reached = result.fidelity.value(QStringLiteral("n_estimators_reached")).toInt();
            const double seconds = planned > 0 && reached > 0 ? result.seconds * planned / reached : result.seconds;
            m_costs.observe(admitted->candidate, trialShape(threads, admitted->options.folds ? admitted->options.trainedRows : 0), seconds);
            m_log->write(QStringLiteral("trial %1 took %2 s, predicted %3 s (%4 now %5 x its formula)")
                             .arg(result.index)
                             .arg(result.seconds, 0, 'f', 2)
                             .arg(admitted->options.predictedSeconds, 0, 'f', 2)
                             .arg(result.algorithm)
                             .arg(m_costs.factor(result.algorithm), 0, 'f', 2));
        }
        if (result.status == RunStatus::Canceled && m_timedOut && result.error.isEmpty()) {
            result.error = QStringLiteral("stopped at the experiment timeout");
            noteStored(RunStore(m_ws).setStatus(result.runId, result.status, result.error));
        }
        m_admitted.remove(result.runId);
    }
    if (m_halving)
        m_halving->finished(result.index, score(result));
    const QString before = bestRunId();
    m_results << result;
    const QString after = bestRunId();
    if (after != before && !after.isEmpty())
        emit bestChanged(after, result.metrics.value(m_config.metric()));
    noteStored(RunStore(m_ws).heartbeat({m_parentId}));
    // A Slurm profile that cannot work at all (no job starts, the nodes cannot write the shared
    // folder): the next trials would fail the same way, so none starts.
    if (m_workers && !m_stopped)
        if (const QString why = m_workers->fatalError(); !why.isEmpty()) {
            m_log->write(QStringLiteral("no more trials: the compute profile cannot run them: %1").arg(why));
            m_endReason = {{QStringLiteral("code"), QStringLiteral("compute")}, {QStringLiteral("message"), why}};
            m_stopped = true;
        }
    emit trialFinished(result);
    if (!m_finishing)
        scheduleMore();
}

Run AutoMLRun::childRun(const QString &kind, const QString &algorithm, const QJsonObject &config) const
{
    Run child;
    child.experimentId = m_plan->experimentId;
    child.parentId = m_parentId;
    child.kind = kind;
    child.algorithm = algorithm;
    child.computeProfileId = m_plan->profile.id;
    child.datasetVersionId = m_plan->datasetVersionId;
    child.config = config;
    return child;
}

QList<TrialResult> AutoMLRun::ensembleLibrary(int size) const
{
    QList<TrialResult> library;
    for (const TrialResult &r : leaderboard()) {
        if (r.status == RunStatus::Completed && r.outOfFold && !r.isEnsemble() && library.size() < size)
            library << r;
    }
    return library;
}

QList<TrialResult> AutoMLRun::familyLibrary(int families) const
{
    QList<TrialResult> library;
    QStringList seen;
    for (const TrialResult &r : leaderboard()) {
        if (library.size() == families)
            break;
        if (r.status == RunStatus::Completed && r.outOfFold && !r.isEnsemble() && !seen.contains(r.algorithm)) {
            seen << r.algorithm;
            library << r;
        }
    }
    return library;
}

double AutoMLRun::score(const TrialResult &r) const
{
    return r.status == RunStatus::Completed ? signedScore(r.metrics, m_config.metric()) : -INFINITY;
}

QList<TrialResult> AutoMLRun::leaderboard() const
{
    QList<TrialResult> sorted = m_results;
    std::stable_sort(sorted.begin(), sorted.end(), [this](const TrialResult &a, const TrialResult &b) {
        const double sa = score(a), sb = score(b);
        return sa > sb || (sa == sb && a.index < b.index);
    });
    return sorted;
}

QString AutoMLRun::bestRunId() const
{
    if (!m_chosen.isEmpty())
        return m_chosen;
    const auto board = leaderboard();
    return !board.isEmpty() && board.first().status == RunStatus::Completed ? board.first().runId : QString();
}

double AutoMLRun::refitSeconds(const TrialResult &r) const
{
    if (budgeted()) {
        // The trial's own seconds, scaled by the cost formula from its fits
        // (rows, folds, threads) to one fit on every row with every thread.
        double seconds = 0;
        const QList<QPair<int, double>> parts = r.isEnsemble() ? r.members : QList<QPair<int, double>>{{r.index, 1.0}};
        for (const auto &part : parts) {
            for (const TrialResult &t : m_results) {
                if (t.index != part.first)
                    continue;
                const Candidate c{t.algorithm, t.params};
                const int threads = t.fidelity.value(QStringLiteral("threads")).toInt();
                const size_t rows = size_t(t.fidelity.value(QStringLiteral("rows")).toInteger());
                const double trial = threads > 0 ? CostModel::formula(c, trialShape(threads, rows)) : 0;
                seconds += trial > 0 && t.seconds > 0 ? t.seconds * CostModel::formula(c, refitShape()) / trial
                                                      : m_costs.predict(c, refitShape());
            }
        }
        return seconds;
    }
    // A trial fitted (and predicted) once per fold on the search's training part.
    const double fits = m_plan->foldCount > 0 ? m_plan->foldCount : 1;
    const double scale = double(m_plan->all.rows.size()) / std::max(double(m_plan->trainedRows), 1.0);
    double seconds = 0;
    const QList<QPair<int, double>> parts = r.isEnsemble() ? r.members : QList<QPair<int, double>>{{r.index, 1.0}};
    for (const auto &part : parts) {
        for (const TrialResult &t : m_results) {
            if (t.index == part.first)
                seconds += t.seconds / fits * scale;
        }
    }
    return seconds;
}

TrialResult AutoMLRun::chooseWinner(QJsonObject *reason) const
{
    // The recommended ensemble first (see EnsembleTrials.h), then the leaderboard.
    QList<TrialResult> board = leaderboard();
    const QString top = board.first().runId;
    const TrialResult recommended = recommendedModel(board, reason);
    std::stable_partition(board.begin(), board.end(), [&](const TrialResult &r) { return r.runId == recommended.runId; });
    if (m_budget.isForever())
        return board.first();
    // The scheduler kept kRefitMargin times the best trial's predicted refit
    // (see admit()): a trial is refitted when its prediction fits what is
    // left, less half a second, with that margin. Ensembles are refitted
    // member by member, and their predictions (sums) came out short by up to
    // a third: they must fit with that to spare.
    const double left = std::max(double(m_budget.remainingTime()) / 1000.0 - 0.5, 1.0);
    const auto refitSeconds = [this](const TrialResult &r) {
        return this->refitSeconds(r) * (r.isEnsemble() ? kEnsembleRefitMargin : 1.0 / kRefitMargin);
    };
    const TrialResult *fastest = nullptr;
    for (const TrialResult &r : board) {
        if (r.status != RunStatus::Completed)
            break;
        if (refitSeconds(r) <= left) {
            if (r.runId != board.first().runId) {
                *reason = {{QStringLiteral("code"), QStringLiteral("refit_time")},
                           {QStringLiteral("top"), top},
                           {QStringLiteral("skipped"), board.first().runId},
                           {QStringLiteral("skipped_algorithm"), board.first().algorithm},
                           {QStringLiteral("refit_seconds"), refitSeconds(board.first())},
                           {QStringLiteral("seconds_left"), left}};
                m_log->write(QStringLiteral("refitting %1 (%2) would take about %3 s, more than the %4 s left: taking %5 (%6)")
                                 .arg(board.first().runId, board.first().algorithm)
                                 .arg(refitSeconds(board.first()), 0, 'f', 1)
                                 .arg(left, 0, 'f', 1)
                                 .arg(r.runId, r.algorithm));
            }
            return r;
        }
        if (!fastest || refitSeconds(r) < refitSeconds(*fastest))
            fastest = &r;
    }
    return fastest ? *fastest : board.first();
}

} // namespace stratus::ml

#include "ml/automl/SlurmTrial.h"

#include "compute/SharedFolder.h"
#include "compute/WorkerPool.h"
#include "data/TableFile.h"
#include "ml/automl/Refit.h"
#include "registry/RunStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cstring>

namespace stratus::ml {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::ml::SlurmTrial)
};

Status writeJson(const QString &path, const QJsonObject &json)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0 || !f.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(path, f.errorString())};
    return {};
}

Result<QJsonObject> readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read %1: %2").arg(path, f.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return Error{Tr::tr("%1 is not a JSON object: %2").arg(path, error.errorString())};
    return doc.object();
}

template <typename T>
Status writeRaw(const QString &path, const std::vector<T> &values)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)
        || f.write(reinterpret_cast<const char *>(values.data()), qint64(values.size() * sizeof(T))) < 0 || !f.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(path, f.errorString())};
    return {};
}

template <typename T>
Result<std::vector<T>> readRaw(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read %1: %2").arg(path, f.errorString())};
    const QByteArray bytes = f.readAll();
    std::vector<T> values(size_t(bytes.size()) / sizeof(T));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(T));
    return values;
}

QJsonObject optionsToJson(const TrialOptions &o)
{
    return {{QStringLiteral("threads"), o.threads},
            // As a time of day (ms since 1970): the wait in the queue and in the shared folder counts
            // (a cluster's clocks agree: munge requires it).
            {QStringLiteral("soft_deadline_epoch_ms"),
             o.softDeadline.isForever() ? qint64(-1) : QDateTime::currentMSecsSinceEpoch() + qint64(o.softDeadline.remainingTime())},
            {QStringLiteral("early_stopping_rounds"), o.earlyStoppingRounds},
            {QStringLiteral("predicted_seconds"), o.predictedSeconds},
            {QStringLiteral("refit_reserve_seconds"), o.refitReserveSeconds},
            {QStringLiteral("seconds_left"), o.secondsLeft},
            {QStringLiteral("forced"), o.forced},
            {QStringLiteral("min_steps"), o.minSteps},
            {QStringLiteral("trained_rows"), qint64(o.trainedRows)},
            {QStringLiteral("rung"), o.rung},
            {QStringLiteral("rungs"), o.rungs},
            {QStringLiteral("promoted_from"), o.promotedFrom}};
}

TrialOptions optionsFromJson(const QJsonObject &j)
{
    TrialOptions o;
    o.threads = j.value(QStringLiteral("threads")).toInt();
    const qint64 soft = j.value(QStringLiteral("soft_deadline_epoch_ms")).toInteger(-1);
    o.softDeadline = soft < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                              : QDeadlineTimer(qMax<qint64>(0, soft - QDateTime::currentMSecsSinceEpoch()));
    o.earlyStoppingRounds = j.value(QStringLiteral("early_stopping_rounds")).toInt();
    o.predictedSeconds = j.value(QStringLiteral("predicted_seconds")).toDouble(-1);
    o.refitReserveSeconds = j.value(QStringLiteral("refit_reserve_seconds")).toDouble(-1);
    o.secondsLeft = j.value(QStringLiteral("seconds_left")).toDouble(-1);
    o.forced = j.value(QStringLiteral("forced")).toBool();
    o.minSteps = j.value(QStringLiteral("min_steps")).toInt();
    o.trainedRows = size_t(j.value(QStringLiteral("trained_rows")).toInteger());
    o.rung = j.value(QStringLiteral("rung")).toInt(-1);
    o.rungs = j.value(QStringLiteral("rungs")).toInt();
    o.promotedFrom = j.value(QStringLiteral("promoted_from")).toInt(-1);
    return o;
}

QJsonObject metricsToJson(const QMap<QString, double> &metrics)
{
    QJsonObject o;
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// What every task's spec says of the run's plan (cachedPlan's key).
QJsonObject planSpec(const AutoMLPlan &plan, const AutoMLConfig &config, const slurm::SharedFolder &folder)
{
    return {{QStringLiteral("table"), folder.onNodes(plan.stagedTable)},
            {QStringLiteral("config"), config.toJson()},
            {QStringLiteral("label_type_chosen"), plan.labelTypeChosen},
            {QStringLiteral("dataset_reference"), plan.datasetReference},
            {QStringLiteral("profile"), QJsonObject{{QStringLiteral("name"), plan.profile.name},
                                                    {QStringLiteral("memory_mb"), plan.profile.memoryMb},
                                                    {QStringLiteral("threads_per_trial"), plan.profile.threadsPerTrial}}}};
}

// What the refit reads of a trial (Refit.cpp): the learner, its hyperparameters, an ensemble's members and meta-learner.
QJsonObject trialToJson(const TrialResult &t)
{
    QJsonArray members;
    for (const auto &[index, weight] : t.members)
        members.append(QJsonArray{index, weight});
    return {{QStringLiteral("index"), t.index},
            {QStringLiteral("run_id"), t.runId},
            {QStringLiteral("algorithm"), t.algorithm},
            {QStringLiteral("params"), QJsonObject::fromVariantMap(t.params)},
            {QStringLiteral("members"), members},
            {QStringLiteral("meta_algorithm"), t.metaAlgorithm},
            {QStringLiteral("meta_model"), QString::fromLatin1(t.metaModel.toBase64())}};
}

TrialResult trialFromJson(const QJsonObject &o)
{
    TrialResult t;
    t.index = o.value(QStringLiteral("index")).toInt();
    t.runId = o.value(QStringLiteral("run_id")).toString();
    t.algorithm = o.value(QStringLiteral("algorithm")).toString();
    t.params = o.value(QStringLiteral("params")).toObject().toVariantMap();
    for (const QJsonValue &m : o.value(QStringLiteral("members")).toArray())
        t.members.append({m.toArray().at(0).toInt(), m.toArray().at(1).toDouble()});
    t.metaAlgorithm = o.value(QStringLiteral("meta_algorithm")).toString();
    t.metaModel = QByteArray::fromBase64(o.value(QStringLiteral("meta_model")).toString().toLatin1());
    t.status = RunStatus::Completed;
    return t;
}

} // namespace

QString workerProgram(const SlurmSettings &settings)
{
    if (!settings.workerCommand.isEmpty())
        return settings.workerCommand;
    if (const QString env = qEnvironmentVariable("STRATUS_CLI"); !env.isEmpty())
        return env;
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {dir + QStringLiteral("/stratus-cli"), dir + QStringLiteral("/../cli/stratus-cli"),
                                     dir + QStringLiteral("/../app/cli/stratus-cli")})
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    return QStringLiteral("stratus-cli");
}

TrialResult runTrialOnSlurm(Workspace &ws, const AutoMLPlan &plan, const AutoMLConfig &config, int index, const QString &runId,
                            const Candidate &candidate, slurm::WorkerPool &workers, const std::atomic<bool> &cancel, DebugLog &log,
                            const std::function<void()> &started, const TrialOptions &options)
{
    TrialResult r;
    r.index = index;
    r.runId = runId;
    r.algorithm = candidate.learner;
    r.params = candidate.params;
    RunStore store(ws);
    const auto fail = [&](const QString &error) {
        r.status = RunStatus::Failed;
        r.error = error;
        log.write(QStringLiteral("trial %1 Failed: %2").arg(index).arg(error));
        recordTrial(store, plan, r);
        return r;
    };
    if (cancel.load()) {
        r.status = RunStatus::Canceled;
        noteStored(store.setStatus(runId, r.status));
        return r;
    }
    const slurm::SharedFolder folder(plan.profile.slurm, ws.path());
    const QString name = QStringLiteral("trial-%1").arg(index, 5, 10, QLatin1Char('0')); // the queue's order: the earliest first
    const QString dir = workers.taskFolder(name);
    if (Status s = slurm::SharedFolder::makeWritable(dir); !s)
        return fail(s.message());
    TrialOptions sent = options;
    sent.threads = qMin(options.threads > 0 ? options.threads : plan.profile.threadsPerTrial, plan.profile.threadsPerTrial);
    QJsonObject spec = planSpec(plan, config, folder);
    for (const auto &[key, value] : std::initializer_list<std::pair<QString, QJsonValue>>{
             {QStringLiteral("kind"), QStringLiteral("trial")},
             {QStringLiteral("index"), index},
             {QStringLiteral("run_id"), runId},
             {QStringLiteral("learner"), candidate.learner},
             {QStringLiteral("params"), QJsonObject::fromVariantMap(candidate.params)},
             {QStringLiteral("options"), optionsToJson(sent)}})
        spec.insert(key, value);
    if (options.folds) {
        if (Status s = writeRaw(dir + QStringLiteral("/folds.bin"), *options.folds); !s)
            return fail(s.message());
        spec.insert(QStringLiteral("folds"), QStringLiteral("folds.bin"));
    }
    if (Status s = writeJson(dir + QStringLiteral("/spec.json"), spec); !s)
        return fail(s.message());

    const slurm::FollowOutcome outcome = workers.run(
        name, QStringLiteral("trial %1").arg(index), cancel, [&log](const QString &line) { log.write(line); }, [&] {
            noteStored(store.setStatus(runId, RunStatus::Running));
            if (started)
                started();
        });
    if (outcome.kind == slurm::FollowOutcome::Canceled) {
        r.status = RunStatus::Canceled;
        noteStored(store.setStatus(runId, r.status));
        return r;
    }
    if (outcome.kind == slurm::FollowOutcome::Failed)
        return fail(outcome.error);
    auto result = readJson(dir + QStringLiteral("/result.json"));
    if (!result)
        return fail(result.message());
    r.status = runStatusFromName(result->value(QStringLiteral("status")).toString()).value_or(RunStatus::Failed);
    r.seconds = result->value(QStringLiteral("seconds")).toDouble();
    r.error = result->value(QStringLiteral("error")).toString();
    if (result->contains(QStringLiteral("params")))
        r.params = result->value(QStringLiteral("params")).toObject().toVariantMap();
    r.fidelity = result->value(QStringLiteral("fidelity")).toObject();
    r.fidelity.insert(QStringLiteral("slurm_job"), outcome.jobIds.join(QLatin1Char(',')));
    r.fidelity.insert(QStringLiteral("slurm_node"), outcome.nodes);
    r.fidelity.insert(QStringLiteral("queue_seconds"), outcome.queueSeconds);
    const QJsonObject metrics = result->value(QStringLiteral("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        r.metrics.insert(it.key(), it.value().toDouble());
    for (const QJsonValue &line : result->value(QStringLiteral("log")).toArray())
        log.write(QStringLiteral("[%1] %2").arg(outcome.nodes, line.toString()));
    if (r.status == RunStatus::Completed) {
        auto oof = readRaw<double>(dir + QStringLiteral("/oof.bin"));
        const size_t rows = plan.validated.values.size();
        if (!oof || rows == 0 || oof->empty() || oof->size() % rows != 0)
            return fail(oof ? Tr::tr("the worker's out-of-fold predictions hold %1 values, not a whole number per each of the %2 validated rows")
                                  .arg(oof->size())
                                  .arg(rows)
                            : oof.message());
        r.outOfFold = std::make_shared<const std::vector<double>>(std::move(*oof));
    } else if (r.status == RunStatus::Failed && r.error.isEmpty()) {
        r.error = Tr::tr("the worker failed without a message");
    }
    recordTrial(store, plan, r);
    return r;
}

// The run's plan, built once per worker process from the staged table (the
// key: the table, the configuration, the label's type choice and the profile).
Result<std::shared_ptr<AutoMLPlan>> cachedPlan(const QJsonObject &spec)
{
    static std::shared_ptr<AutoMLPlan> cached;
    static QByteArray cachedKey;
    const QByteArray key = QJsonDocument(QJsonObject{{QStringLiteral("table"), spec.value(QStringLiteral("table"))},
                                                     {QStringLiteral("config"), spec.value(QStringLiteral("config"))},
                                                     {QStringLiteral("chosen"), spec.value(QStringLiteral("label_type_chosen"))},
                                                     {QStringLiteral("profile"), spec.value(QStringLiteral("profile"))}})
                               .toJson(QJsonDocument::Compact);
    if (cached && key == cachedKey)
        return cached;
    cached.reset();
    auto table = tablefile::read(spec.value(QStringLiteral("table")).toString());
    if (!table)
        return table.error();
    auto plan = AutoMLPlan::fromTable(std::move(*table), AutoMLConfig::fromJson(spec.value(QStringLiteral("config")).toObject()),
                                      spec.value(QStringLiteral("label_type_chosen")).toBool(),
                                      spec.value(QStringLiteral("dataset_reference")).toString());
    if (!plan)
        return plan.error();
    const QJsonObject profile = spec.value(QStringLiteral("profile")).toObject();
    (*plan)->profile.name = profile.value(QStringLiteral("name")).toString();
    (*plan)->profile.memoryMb = profile.value(QStringLiteral("memory_mb")).toInt();
    (*plan)->profile.threadsPerTrial = qMax(1, profile.value(QStringLiteral("threads_per_trial")).toInt(1));
    cached = *plan;
    cachedKey = key;
    return cached;
}

Status runTrialTask(const QString &dir, const std::atomic<bool> &cancel)
{
    auto spec = readJson(dir + QStringLiteral("/spec.json"));
    if (!spec)
        return spec.error();
    const AutoMLConfig config = AutoMLConfig::fromJson(spec->value(QStringLiteral("config")).toObject());
    auto planned = cachedPlan(*spec);
    if (!planned)
        return planned.error();
    const std::shared_ptr<AutoMLPlan> cached = *planned;
    TrialOptions options = optionsFromJson(spec->value(QStringLiteral("options")).toObject());
    if (spec->contains(QStringLiteral("folds"))) {
        auto folds = readRaw<int>(dir + QLatin1Char('/') + spec->value(QStringLiteral("folds")).toString());
        if (!folds)
            return folds.error();
        options.folds = std::make_shared<const std::vector<int>>(std::move(*folds));
    }
    const Candidate candidate{spec->value(QStringLiteral("learner")).toString(),
                              spec->value(QStringLiteral("params")).toObject().toVariantMap()};
    DebugLog log;
    const TrialResult r = computeTrial(*cached, config, spec->value(QStringLiteral("index")).toInt(),
                                       spec->value(QStringLiteral("run_id")).toString(), candidate, cancel, log, options);
    if (r.outOfFold)
        if (Status s = writeRaw(dir + QStringLiteral("/oof.bin"), *r.outOfFold); !s)
            return s;
    QJsonArray lines;
    for (const QByteArray &line : log.text().split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(QString::fromUtf8(line));
    return writeJson(dir + QStringLiteral("/result.json"),
                     {{QStringLiteral("status"), runStatusName(r.status)},
                      {QStringLiteral("seconds"), r.seconds},
                      {QStringLiteral("error"), r.error},
                      {QStringLiteral("params"), QJsonObject::fromVariantMap(r.params)},
                      {QStringLiteral("fidelity"), r.fidelity},
                      {QStringLiteral("metrics"), metricsToJson(r.metrics)},
                      {QStringLiteral("log"), lines}});
}

Result<QJsonValue> refitOnSlurm(Workspace &ws, const AutoMLPlan &plan, const AutoMLConfig &config, const TrialResult &chosen,
                                const QList<TrialResult> &trials, RefitPart part, slurm::WorkerPool &workers,
                                const std::atomic<bool> &cancel, DebugLog &log)
{
    const slurm::SharedFolder folder(plan.profile.slurm, ws.path());
    const QString name = part == RefitPart::Pipeline ? QStringLiteral("refit") : QStringLiteral("importance");
    const QString dir = workers.taskFolder(name);
    if (Status s = slurm::SharedFolder::makeWritable(dir); !s)
        return s.error();
    QJsonArray library; // the chosen trial's members (Refit.cpp looks them up by index)
    for (const TrialResult &t : trials)
        if (t.index == chosen.index || std::any_of(chosen.members.cbegin(), chosen.members.cend(), [&](const auto &m) { return m.first == t.index; }))
            library.append(trialToJson(t));
    QJsonObject spec = planSpec(plan, config, folder);
    spec.insert(QStringLiteral("kind"), QStringLiteral("refit"));
    spec.insert(QStringLiteral("part"), name);
    spec.insert(QStringLiteral("chosen"), trialToJson(chosen));
    spec.insert(QStringLiteral("trials"), library);
    if (Status s = writeJson(dir + QStringLiteral("/spec.json"), spec); !s)
        return s.error();
    const slurm::FollowOutcome outcome = workers.run(name, name, cancel, [&log](const QString &line) { log.write(line); });
    if (outcome.kind == slurm::FollowOutcome::Canceled)
        return Error{Tr::tr("canceled")};
    if (outcome.kind == slurm::FollowOutcome::Failed)
        return Error{outcome.error};
    auto result = readJson(dir + QStringLiteral("/result.json"));
    if (!result)
        return result.error();
    if (result->value(QStringLiteral("status")).toString() != QLatin1String("Completed"))
        return Error{result->value(QStringLiteral("error")).toString()};
    log.write(Tr::tr("%1 on Slurm node %2 (job %3) in %4 s")
                  .arg(name, outcome.nodes, outcome.jobIds.join(QLatin1Char(',')))
                  .arg(result->value(QStringLiteral("seconds")).toDouble(), 0, 'f', 2));
    return result->value(QStringLiteral("value"));
}

Status runRefitTask(const QString &dir, const std::atomic<bool> &cancel)
{
    auto spec = readJson(dir + QStringLiteral("/spec.json"));
    if (!spec)
        return spec.error();
    auto plan = cachedPlan(*spec);
    if (!plan)
        return plan.error();
    const AutoMLConfig config = AutoMLConfig::fromJson(spec->value(QStringLiteral("config")).toObject());
    const TrialResult chosen = trialFromJson(spec->value(QStringLiteral("chosen")).toObject());
    QList<TrialResult> trials;
    for (const QJsonValue &t : spec->value(QStringLiteral("trials")).toArray())
        trials << trialFromJson(t.toObject());
    QElapsedTimer timer;
    timer.start();
    QJsonValue value;
    QString error;
    if (spec->value(QStringLiteral("part")).toString() == QLatin1String("refit")) {
        const AutoMLPlan &p = **plan;
        auto pipeline = refitPipeline(p, config, chosen, trials, p.all.rows, p.all.labels, p.allRows, cancel);
        pipeline ? void(value = *pipeline) : void(error = pipeline.message());
    } else {
        auto importance = chosenImportance(**plan, config, chosen, trials, cancel);
        importance ? void(value = *importance) : void(error = importance.message());
    }
    return writeJson(dir + QStringLiteral("/result.json"),
                     {{QStringLiteral("status"), error.isEmpty() ? QStringLiteral("Completed") : QStringLiteral("Failed")},
                      {QStringLiteral("error"), error},
                      {QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0},
                      {QStringLiteral("value"), value}});
}

} // namespace stratus::ml

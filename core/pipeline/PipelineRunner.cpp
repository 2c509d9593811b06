#include "pipeline/PipelineRunner.h"

#include "data/store/DatasetStore.h"
#include "ml/automl/DebugLog.h"
#include "pipeline/PipelineValidation.h"
#include "pipeline/PipelineYaml.h"
#include "pipeline/steps/StepContext.h"
#include "registry/EndpointStore.h"
#include "registry/ExperimentStore.h"
#include "registry/ModelStore.h"
#include "registry/PipelineStore.h"
#include "registry/RunStore.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QThreadPool>
#include <QWaitCondition>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus::pipeline {

namespace {

const QRegularExpression &parameterReference()
{
    static const QRegularExpression re(QStringLiteral(R"(\$\{\{\s*parent\.inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\})"));
    return re;
}

QJsonObject outputsJson(const QMap<QString, StepValue> &outputs)
{
    QJsonObject o;
    for (auto it = outputs.cbegin(); it != outputs.cend(); ++it)
        o.insert(it.key(), it.value().toJson());
    return o;
}

QMap<QString, StepValue> outputsFromJson(const QJsonObject &o)
{
    QMap<QString, StepValue> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), StepValue::fromJson(it.value().toObject()));
    return out;
}

// Whether what a step made earlier is still there to be reused.
bool stillExists(Workspace &ws, const StepValue &v)
{
    if (v.type == QLatin1String("dataset")) {
        auto d = DatasetStore(ws).resolve(v.value);
        return d && d->contentHash == v.hash;
    }
    if (v.type == QLatin1String("model"))
        return v.value.startsWith(QLatin1String("run:")) ? bool(RunStore(ws).get(v.value.mid(4))) : bool(ModelStore(ws).resolve(v.value));
    if (v.type == QLatin1String("endpoint"))
        return bool(EndpointStore(ws).get(v.value));
    if (v.type == QLatin1String("file"))
        return QFileInfo::exists(v.value);
    return true;
}

} // namespace

struct PipelineRunner::StepState {
    const Step *step = nullptr;
    QString runId;
    enum Phase { Waiting, Running, Done } phase = Waiting;
    QString status; // Completed, Reused, Failed, Skipped, Canceled
    bool proceed = true;
    QMap<QString, StepValue> outputs;
    QString message;
};

PipelineRunner::PipelineRunner(Workspace &workspace, RunRequest request) : m_ws(workspace), m_request(std::move(request)) {}

static Result<QJsonValue> parameterValue(const Parameter &p, const QMap<QString, QString> &given)
{
    if (!given.contains(p.name)) {
        if (p.defaultValue.isUndefined() || p.defaultValue.isNull())
            return Error{QStringLiteral("the parameter '%1' has no default: give it (--param %1=VALUE)").arg(p.name)};
        return p.defaultValue;
    }
    const QString text = given.value(p.name);
    if (p.type == QLatin1String("string"))
        return QJsonValue(text);
    if (p.type == QLatin1String("boolean")) {
        if (text != QLatin1String("true") && text != QLatin1String("false"))
            return Error{QStringLiteral("the parameter '%1' is a boolean: true or false, not '%2'").arg(p.name, text)};
        return QJsonValue(text == QLatin1String("true"));
    }
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || (p.type == QLatin1String("integer") && v != std::floor(v)))
        return Error{QStringLiteral("the parameter '%1' is %2 %3, not '%4'").arg(p.name, p.type == QLatin1String("integer") ? QStringLiteral("an") : QStringLiteral("a"), p.type, text)};
    return QJsonValue(v);
}

Result<QMap<QString, QJsonValue>> parameterValues(const Pipeline &pipeline, const QMap<QString, QString> &given, const QString &reference)
{
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        if (!pipeline.parameter(it.key())) {
            QStringList names;
            for (const Parameter &p : pipeline.parameters)
                names << p.name;
            return Error{QStringLiteral("the pipeline %1 has no parameter '%2' (%3)")
                             .arg(reference, it.key(), names.isEmpty() ? QStringLiteral("it has none") : names.join(QStringLiteral(", ")))};
        }
    QMap<QString, QJsonValue> out;
    for (const Parameter &p : pipeline.parameters) {
        auto v = parameterValue(p, given);
        if (!v)
            return v.error();
        out.insert(p.name, *v);
    }
    return out;
}

QJsonValue PipelineRunner::substitute(const QJsonValue &v) const
{
    if (v.isString()) {
        const Binding whole = parseBinding(v.toString());
        if (whole.kind == Binding::Kind::Parameter)
            return m_values.value(whole.name);
        QString text = v.toString();
        QString out;
        qsizetype last = 0;
        auto it = parameterReference().globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QJsonValue p = m_values.value(m.captured(1));
            out += text.mid(last, m.capturedStart() - last)
                   + (p.isString() ? p.toString() : p.isBool() ? (p.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : QString::number(p.toDouble(), 'g', 17));
            last = m.capturedEnd();
        }
        return out + text.mid(last);
    }
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &item : v.toArray())
            a.append(substitute(item));
        return a;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = substitute(it.value());
        return o;
    }
    return v;
}

Result<QString> PipelineRunner::prepare()
{
    RunStore runs(m_ws);
    if (!m_request.rerunOf.isEmpty()) {
        auto previous = runs.get(m_request.rerunOf);
        if (!previous || previous->kind != QLatin1String("pipeline"))
            return previous ? Error{QStringLiteral("%1 is not a pipeline run").arg(m_request.rerunOf)} : previous.error();
        if (previous->status != RunStatus::Failed && previous->status != RunStatus::Canceled)
            return Error{QStringLiteral("the pipeline run %1 is %2: it has no failed step to go on from (pipeline run starts a new run)")
                             .arg(m_request.rerunOf, runStatusName(previous->status))};
        m_request.pipeline = previous->config.value(QStringLiteral("pipeline")).toString();
        const QJsonObject given = previous->config.value(QStringLiteral("parameters")).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            if (!m_request.parameters.contains(it.key()))
                m_request.parameters.insert(it.key(), it.value().isString() ? it.value().toString() : it.value().isBool() ? (it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false")) : QString::number(it.value().toDouble(), 'g', 17));
        if (m_request.experiment.isEmpty())
            m_request.experiment = previous->experiment;
        loadPrevious();
    }
    if (Status s = loadPipeline(); !s)
        return s.error();
    auto values = parameterValues(m_pipeline, m_request.parameters, m_pipelineReference);
    if (!values)
        return values.error();
    QJsonObject parameters;
    for (auto it = values->cbegin(); it != values->cend(); ++it) {
        m_values.insert(it.key(), it.value());
        parameters.insert(it.key(), it.value());
    }
    const QString experimentName = m_request.experiment.isEmpty() ? m_pipeline.name : m_request.experiment;
    auto experiment = ExperimentStore(m_ws).getOrCreate(experimentName);
    if (!experiment)
        return experiment.error();
    Run parent;
    parent.experimentId = experiment->id;
    parent.kind = QStringLiteral("pipeline");
    parent.algorithm = m_pipeline.name;
    parent.config = {{QStringLiteral("pipeline"), m_pipelineReference},
                     {QStringLiteral("parameters"), parameters},
                     {QStringLiteral("steps"), QJsonArray::fromStringList(topologicalOrder(m_pipeline))}};
    if (!m_request.rerunOf.isEmpty())
        parent.config.insert(QStringLiteral("rerun_of"), m_request.rerunOf);
    auto made = runs.create(parent);
    if (!made)
        return made.error();
    m_runId = made->id;
    for (const QString &name : topologicalOrder(m_pipeline)) {
        const Step *step = m_pipeline.step(name);
        Run child;
        child.experimentId = experiment->id;
        child.parentId = m_runId;
        child.kind = QStringLiteral("step");
        child.algorithm = step->kind;
        child.config = {{QStringLiteral("step"), name}, {QStringLiteral("display_name"), step->displayName.isEmpty() ? name : step->displayName}};
        auto c = runs.create(child);
        if (!c)
            return c.error();
        m_stepRuns.insert(name, c->id);
    }
    return m_runId;
}

void PipelineRunner::loadPrevious()
{
    for (const Run &child : RunStore(m_ws).children(m_request.rerunOf).value_or(QList<Run>()))
        if (child.status == RunStatus::Completed && !child.config.value(QStringLiteral("skipped")).toBool())
            m_previous.insert(child.config.value(QStringLiteral("step")).toString(), child.config);
}

Status PipelineRunner::loadPipeline()
{
    auto record = PipelineStore(m_ws).resolve(m_request.pipeline);
    if (!record)
        return record.error();
    auto pipeline = readPipelineYaml(record->definition, record->reference());
    if (!pipeline)
        return pipeline.error();
    m_pipeline = std::move(*pipeline);
    m_pipelineReference = record->reference();
    m_baseFolder = record->baseFolder;
    if (const QList<Problem> problems = validate(m_pipeline); !problems.isEmpty())
        return Error{problems.first().text(record->reference())};
    return {};
}

Status PipelineRunner::attach(const QString &runId)
{
    RunStore runs(m_ws);
    auto parent = runs.get(runId);
    if (!parent)
        return parent.error();
    if (parent->kind != QLatin1String("pipeline"))
        return Error{QStringLiteral("%1 is not a pipeline run").arg(runId)};
    if (parent->status != RunStatus::NotStarted)
        return Error{QStringLiteral("the pipeline run %1 is %2; only a run not started yet can be taken up").arg(runId, runStatusName(parent->status))};
    m_runId = runId;
    m_request.pipeline = parent->config.value(QStringLiteral("pipeline")).toString();
    m_request.experiment = parent->experiment;
    m_request.rerunOf = parent->config.value(QStringLiteral("rerun_of")).toString();
    if (Status s = loadPipeline(); !s)
        return s;
    const QJsonObject parameters = parent->config.value(QStringLiteral("parameters")).toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        m_values.insert(it.key(), it.value());
    for (const Run &child : runs.children(runId).value_or(QList<Run>()))
        m_stepRuns.insert(child.config.value(QStringLiteral("step")).toString(), child.id);
    if (!m_request.rerunOf.isEmpty())
        loadPrevious();
    // This process runs it now: a reader opening the workspace must not take it for interrupted.
    return runs.heartbeat(QStringList{runId} + m_stepRuns.values());
}

void PipelineRunner::finishStep(StepState &s, const QString &status, const QString &message)
{
    s.phase = StepState::Done;
    s.status = status;
    s.message = message;
    RunStore runs(m_ws);
    if (auto run = runs.get(s.runId); run && !isTerminal(run->status)) {
        QJsonObject config = run->config;
        if (status == QLatin1String("Skipped"))
            config.insert(QStringLiteral("skipped"), true);
        (void)runs.setConfig(s.runId, config);
        (void)runs.setStatus(s.runId, RunStatus::Canceled, message);
    }
}

QString PipelineRunner::run()
{
    RunStore(m_ws).setStatus(m_runId, RunStatus::Running).ok();
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, m_request.maxConcurrent));
    QMutex mutex;
    QWaitCondition changed;
    QList<StepEvent> events;
    QMap<QString, StepState> states;
    const QStringList order = topologicalOrder(m_pipeline);
    for (const QString &name : order)
    {
        StepState s;
        s.step = m_pipeline.step(name);
        s.runId = m_stepRuns.value(name);
        states.insert(name, s);
    }
    const QString workRoot = QFileInfo(m_ws.path()).absolutePath() + QStringLiteral("/pipeline-runs/") + m_runId;

    auto execute = [this, workRoot](StepState s, QMap<QString, StepValue> inputs) -> StepState {
        RunStore runs(m_ws);
        const Step &step = *s.step;
        auto log = std::make_shared<ml::DebugLog>();
        QJsonObject settings = substitute(step.settings).toObject();
        QJsonObject config{{QStringLiteral("step"), step.name}, {QStringLiteral("display_name"), step.displayName.isEmpty() ? step.name : step.displayName},
                           {QStringLiteral("settings"), settings}, {QStringLiteral("inputs"), outputsJson(inputs)}};
        StepContext context{m_ws, m_runId, s.runId, step.name, step.kind, m_request.experiment.isEmpty() ? m_pipeline.name : m_request.experiment,
                            settings, inputs, workRoot + QLatin1Char('/') + step.name, m_canceled, [log](const QString &line) { log->write(line); },
                            m_baseFolder};
        auto done = [&](const QString &status, const QString &message) {
            config.insert(QStringLiteral("outputs"), outputsJson(s.outputs));
            (void)runs.setConfig(s.runId, config);
            (void)runs.putArtifact(s.runId, QStringLiteral("log"), log->text(), QStringLiteral("text/plain"));
            s.phase = StepState::Done;
            s.status = status;
            s.message = message;
            return s;
        };
        // Reuse: the outputs of an earlier run of the same step, or of the run being rerun.
        if (m_previous.contains(step.name)) {
            s.outputs = outputsFromJson(m_previous.value(step.name).value(QStringLiteral("outputs")).toObject());
            s.proceed = m_previous.value(step.name).value(QStringLiteral("proceed")).toBool(true);
            config.insert(QStringLiteral("reused"), true);
            config.insert(QStringLiteral("reused_from"), m_request.rerunOf);
            config.insert(QStringLiteral("proceed"), s.proceed);
            config.insert(QStringLiteral("summary"), m_previous.value(step.name).value(QStringLiteral("summary")));
            log->write(QStringLiteral("reused the outputs of the run being rerun, %1").arg(m_request.rerunOf));
            (void)runs.setStatus(s.runId, RunStatus::Completed);
            return done(QStringLiteral("Reused"), QStringLiteral("outputs of %1").arg(m_request.rerunOf));
        }
        (void)runs.setStatus(s.runId, RunStatus::Running);
        auto fingerprint = stepFingerprint(context);
        if (!fingerprint) {
            (void)runs.setStatus(s.runId, RunStatus::Failed, fingerprint.message());
            log->write(QStringLiteral("failed: ") + fingerprint.message());
            return done(QStringLiteral("Failed"), fingerprint.message());
        }
        QJsonObject hashed{{QStringLiteral("type"), step.kind}, {QStringLiteral("settings"), settings}, {QStringLiteral("reads"), *fingerprint}};
        QJsonObject inputHashes;
        for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
            inputHashes.insert(it.key(), it.value().type + QLatin1Char(':') + it.value().hash);
        hashed.insert(QStringLiteral("inputs"), inputHashes);
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(QJsonDocument(hashed).toJson(QJsonDocument::Compact), QCryptographicHash::Blake2b_256).toHex());
        config.insert(QStringLiteral("hash"), hash);
        config.insert(QStringLiteral("allow_reuse"), step.allowReuse);
        PipelineStore store(m_ws);
        if (step.allowReuse) {
            if (auto earlier = store.reusable(hash); earlier && earlier->has_value()) {
                const QJsonObject recorded = (*earlier)->outputs;
                const auto outputs = outputsFromJson(recorded.value(QStringLiteral("outputs")).toObject());
                bool valid = true;
                for (const StepValue &v : outputs)
                    valid = valid && stillExists(m_ws, v);
                if (valid) {
                    s.outputs = outputs;
                    s.proceed = recorded.value(QStringLiteral("proceed")).toBool(true);
                    config.insert(QStringLiteral("reused"), true);
                    config.insert(QStringLiteral("reused_from"), (*earlier)->runId);
                    config.insert(QStringLiteral("proceed"), s.proceed);
                    config.insert(QStringLiteral("summary"), recorded.value(QStringLiteral("summary")));
                    log->write(QStringLiteral("reused the outputs of %1 (unchanged definition and inputs)").arg((*earlier)->runId));
                    (void)runs.setStatus(s.runId, RunStatus::Completed);
                    return done(QStringLiteral("Reused"), QStringLiteral("outputs of %1").arg((*earlier)->runId));
                }
                log->write(QStringLiteral("an earlier run made these outputs, but some are gone: running again"));
            }
        }
        log->write(QStringLiteral("%1 step %2 started").arg(step.kind, step.name));
        auto result = runStep(context);
        if (!result) {
            const bool canceled = m_canceled->load();
            log->write(QStringLiteral("%1: %2").arg(canceled ? QStringLiteral("canceled") : QStringLiteral("failed"), result.message()));
            (void)runs.setStatus(s.runId, canceled ? RunStatus::Canceled : RunStatus::Failed, result.message());
            return done(canceled ? QStringLiteral("Canceled") : QStringLiteral("Failed"), result.message());
        }
        s.outputs = result->outputs;
        s.proceed = result->proceed;
        config.insert(QStringLiteral("proceed"), s.proceed);
        config.insert(QStringLiteral("summary"), result->summary);
        log->write(result->summary);
        (void)runs.setMetrics(s.runId, result->metrics);
        for (auto it = result->artifacts.cbegin(); it != result->artifacts.cend(); ++it)
            (void)runs.putArtifact(s.runId, it.key(), it.value());
        (void)store.recordOutputs(hash, {s.runId, QJsonObject{{QStringLiteral("outputs"), outputsJson(s.outputs)},
                                                              {QStringLiteral("proceed"), s.proceed},
                                                              {QStringLiteral("summary"), result->summary}}});
        (void)runs.setStatus(s.runId, RunStatus::Completed);
        return done(QStringLiteral("Completed"), result->summary);
    };

    QMutexLocker lock(&mutex);
    for (;;) {
        bool active = false;
        for (const QString &name : order) {
            StepState &s = states[name];
            if (s.phase == StepState::Running)
                active = true;
            if (s.phase != StepState::Waiting)
                continue;
            QString blocked, skipped;
            bool ready = true;
            for (const QString &up : upstreamSteps(*s.step)) {
                const StepState &u = states[up];
                if (u.phase != StepState::Done)
                    ready = false;
                else if (u.status == QLatin1String("Failed") || u.status == QLatin1String("Canceled"))
                    blocked = up;
                else if (u.status == QLatin1String("Skipped") || !u.proceed)
                    skipped = up;
            }
            if (!blocked.isEmpty() || (m_canceled->load() && ready)) {
                const QString why = blocked.isEmpty() ? QStringLiteral("canceled") : QStringLiteral("not run: step '%1' did not complete").arg(blocked);
                finishStep(s, QStringLiteral("Canceled"), why);
                events.append({name, s.runId, s.status, why});
                continue;
            }
            if (!skipped.isEmpty()) {
                const QString why = states[skipped].status == QLatin1String("Skipped") ? QStringLiteral("skipped: step '%1' was skipped").arg(skipped)
                                                                                       : QStringLiteral("skipped: step '%1' found the model no better").arg(skipped);
                finishStep(s, QStringLiteral("Skipped"), why);
                events.append({name, s.runId, s.status, why});
                continue;
            }
            if (!ready)
                continue;
            QMap<QString, StepValue> inputs;
            for (auto it = s.step->inputs.cbegin(); it != s.step->inputs.cend(); ++it) {
                const Binding b = parseBinding(it.value());
                if (b.kind == Binding::Kind::StepOutput) {
                    inputs.insert(it.key(), states[b.step].outputs.value(b.name));
                } else {
                    const QJsonValue v = m_values.value(b.name);
                    const QString text = v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17);
                    const StepKind *kind = stepKind(s.step->kind);
                    const Port *port = kind ? kind->input(it.key()) : nullptr;
                    StepValue value{port ? port->type : QStringLiteral("any"), text, text};
                    if (value.type == QLatin1String("dataset"))
                        if (auto d = DatasetStore(m_ws).resolve(text))
                            value = {QStringLiteral("dataset"), d->reference(), d->contentHash};
                    if (value.type == QLatin1String("model") && !text.startsWith(QLatin1String("run:")))
                        if (auto m = ModelStore(m_ws).resolve(text))
                            value = {QStringLiteral("model"), m->reference(), QStringLiteral("model:") + m->reference()};
                    inputs.insert(it.key(), value);
                }
            }
            s.phase = StepState::Running;
            active = true;
            events.append({name, s.runId, QStringLiteral("Running"), QString()});
            (void)QtConcurrent::run(&pool, [&, s, inputs, name] {
                StepState finished = execute(s, inputs);
                QMutexLocker done(&mutex);
                states[name] = finished;
                events.append({name, finished.runId, finished.status, finished.message});
                changed.wakeAll();
            });
        }
        if (!events.isEmpty()) {
            const QList<StepEvent> pending = std::exchange(events, {});
            lock.unlock();
            if (onEvent)
                for (const StepEvent &e : pending)
                    onEvent(e);
            lock.relock();
            continue; // states may have changed meanwhile
        }
        if (!active)
            break;
        changed.wait(&mutex, 500);
        // `pipeline cancel` from another process marks the parent run Canceled.
        if (!m_canceled->load())
            if (auto parent = RunStore(m_ws).get(m_runId); parent && parent->status == RunStatus::Canceled)
                m_canceled->store(true);
    }
    lock.unlock();
    pool.waitForDone();
    bool failed = false;
    for (const StepState &s : states)
        failed = failed || s.status == QLatin1String("Failed") || (s.status == QLatin1String("Canceled") && !m_canceled->load());
    const QString status = m_canceled->load() ? QStringLiteral("Canceled") : failed ? QStringLiteral("Failed") : QStringLiteral("Completed");
    QString error;
    for (const QString &name : order)
        if (states[name].status == QLatin1String("Failed") && error.isEmpty())
            error = QStringLiteral("step '%1' failed: %2").arg(name, states[name].message);
    (void)RunStore(m_ws).setStatus(m_runId, runStatusFromName(status).value_or(RunStatus::Failed), error);
    return status;
}

QJsonObject pipelineRunJson(Workspace &ws, const QString &runId)
{
    RunStore runs(ws);
    auto parent = runs.get(runId);
    if (!parent)
        return {};
    QJsonArray steps;
    const QStringList order = [&] {
        QStringList o;
        for (const QJsonValue &v : parent->config.value(QStringLiteral("steps")).toArray())
            o << v.toString();
        return o;
    }();
    QList<Run> children = runs.children(runId).value_or(QList<Run>());
    std::sort(children.begin(), children.end(), [&](const Run &a, const Run &b) {
        return order.indexOf(a.config.value(QStringLiteral("step")).toString()) < order.indexOf(b.config.value(QStringLiteral("step")).toString());
    });
    for (const Run &c : children) {
        QString status = runStatusName(c.status);
        if (c.config.value(QStringLiteral("reused")).toBool())
            status = QStringLiteral("Reused");
        else if (c.config.value(QStringLiteral("skipped")).toBool())
            status = QStringLiteral("Skipped");
        QJsonObject outputs;
        const QJsonObject stored = c.config.value(QStringLiteral("outputs")).toObject();
        for (auto it = stored.begin(); it != stored.end(); ++it)
            outputs.insert(it.key(), it.value().toObject().value(QStringLiteral("value")));
        steps.append(QJsonObject{{QStringLiteral("step"), c.config.value(QStringLiteral("step"))},
                                 {QStringLiteral("type"), c.algorithm},
                                 {QStringLiteral("run_id"), c.id},
                                 {QStringLiteral("status"), status},
                                 {QStringLiteral("duration_seconds"), c.durationSeconds()},
                                 {QStringLiteral("summary"), c.config.value(QStringLiteral("summary"))},
                                 {QStringLiteral("error"), c.error},
                                 {QStringLiteral("outputs"), outputs}});
    }
    return {{QStringLiteral("run_id"), parent->id},
            {QStringLiteral("pipeline"), parent->config.value(QStringLiteral("pipeline"))},
            {QStringLiteral("experiment"), parent->experiment},
            {QStringLiteral("status"), parent->displayStatus()},
            {QStringLiteral("error"), parent->error},
            {QStringLiteral("parameters"), parent->config.value(QStringLiteral("parameters"))},
            {QStringLiteral("created_at"), parent->createdAt.toString(Qt::ISODate)},
            {QStringLiteral("steps"), steps}};
}

} // namespace stratus::pipeline

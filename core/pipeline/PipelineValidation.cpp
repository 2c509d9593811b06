#include "pipeline/PipelineValidation.h"

#include "common/Spelling.h"
#include "ml/automl/AutoMLConfig.h"
#include "ml/forecasting/ForecastMetrics.h"
#include "workspace/Names.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace stratus::pipeline {

namespace {

const QRegularExpression &parameterReference()
{
    static const QRegularExpression re(QStringLiteral(R"(\$\{\{\s*parent\.inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\})"));
    return re;
}

QString didYouMean(const QString &name, const QStringList &known)
{
    // Names of settings and steps are short words: a prefix, or two edits (a swapped pair), still points at one.
    QString closest = closestName(name, known);
    for (const QString &k : known)
        if (closest.isEmpty() && name.size() >= 3 && (k.startsWith(name) || name.startsWith(k) || (name.size() >= 4 && editDistance(name, k) <= 2)))
            closest = k;
    if (closest.isEmpty())
        return known.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(known.join(QStringLiteral(", ")));
    return QStringLiteral(" (did you mean '%1'?)").arg(closest);
}

QString jsonType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return v.toDouble() == std::floor(v.toDouble()) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("list");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("null");
    }
}

bool typeFits(const QString &given, const QString &wanted)
{
    return given == wanted || (wanted == QLatin1String("number") && given == QLatin1String("integer"))
           || (wanted == QLatin1String("list") && given == QLatin1String("string")); // "a,b" for a list
}

// Every parameter a setting's text refers to, anywhere inside it.
void parameterNames(const QJsonValue &v, QStringList *out)
{
    if (v.isString()) {
        auto it = parameterReference().globalMatch(v.toString());
        while (it.hasNext())
            *out << it.next().captured(1);
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            parameterNames(item, out);
    } else if (v.isObject()) {
        for (const QJsonValue &item : v.toObject())
            parameterNames(item, out);
    }
}

void checkSettings(const Pipeline &p, const Step &step, const StepKind &kind, QList<Problem> &problems)
{
    auto problem = [&](const QString &field, const QString &message) { problems.append({step.name, field, message, step.fieldLines.value(field, step.line)}); };
    QStringList known;
    for (const SettingSpec &s : kind.settings)
        known << s.name;
    for (auto it = step.settings.begin(); it != step.settings.end(); ++it) {
        const SettingSpec *spec = kind.setting(it.key());
        if (!spec) {
            problem(it.key(), QStringLiteral("not a setting of %1%2").arg(kind.name, didYouMean(it.key(), known + QStringList{QStringLiteral("inputs"),
                                                                                                                              QStringLiteral("allow_reuse"),
                                                                                                                              QStringLiteral("display_name")})));
            continue;
        }
        QStringList referenced;
        parameterNames(it.value(), &referenced);
        for (const QString &name : referenced)
            if (!p.parameter(name))
                problem(it.key(), QStringLiteral("refers to the pipeline parameter '%1', which the pipeline's inputs do not declare").arg(name));
        QString given = jsonType(it.value());
        const Binding whole = it.value().isString() ? parseBinding(it.value().toString()) : Binding{};
        if (whole.kind == Binding::Kind::Parameter && p.parameter(whole.name))
            given = p.parameter(whole.name)->type;
        if (whole.kind == Binding::Kind::StepOutput)
            problem(it.key(), QStringLiteral("a setting takes a value or a parameter; bind another step's output under inputs"));
        else if (!typeFits(given, spec->type) && !(whole.kind == Binding::Kind::Parameter && given == QLatin1String("string")))
            problem(it.key(), QStringLiteral("must be %1 %2, not %3").arg(spec->type.startsWith(QLatin1Char('i')) ? QStringLiteral("an") : QStringLiteral("a"),
                                                                          spec->type, given));
    }
    for (const SettingSpec &s : kind.settings)
        if (s.required && (!step.settings.contains(s.name) || (step.settings.value(s.name).isString() && step.settings.value(s.name).toString().trimmed().isEmpty())))
            problem(s.name, QStringLiteral("%1 needs it: %2").arg(kind.name, s.description));

    // What one kind needs beyond the catalogue's types.
    const QJsonObject &set = step.settings;
    if (kind.name == QLatin1String("compare") && set.contains(QStringLiteral("reference_model")) == set.contains(QStringLiteral("reference_endpoint")))
        problem(QStringLiteral("reference_model"), QStringLiteral("compare needs one reference: reference_model or reference_endpoint"));
    if (kind.name == QLatin1String("automl") && set.value(QStringLiteral("task")).isString() && !set.value(QStringLiteral("task")).toString().startsWith(QLatin1String("${{"))) {
        const QString task = set.value(QStringLiteral("task")).toString();
        if (task != QLatin1String("classification") && task != QLatin1String("regression") && task != QLatin1String("forecasting"))
            problem(QStringLiteral("task"), QStringLiteral("must be classification, regression or forecasting, not '%1'").arg(task));
        if (task == QLatin1String("forecasting") && !set.value(QStringLiteral("forecasting")).toObject().contains(QStringLiteral("time_column_name")))
            problem(QStringLiteral("forecasting"), QStringLiteral("a forecasting run needs forecasting: {time_column_name: COLUMN}"));
    }
    if (kind.name == QLatin1String("transform") && set.value(QStringLiteral("split_fraction")).isDouble()) {
        const double f = set.value(QStringLiteral("split_fraction")).toDouble();
        if (!(f > 0 && f < 1))
            problem(QStringLiteral("split_fraction"), QStringLiteral("the share of rows kept in `dataset`: between 0 and 1, exclusive (got %1)").arg(f));
    }
    if (kind.name == QLatin1String("automl") && set.value(QStringLiteral("primary_metric")).isString()) {
        const QString task = set.value(QStringLiteral("task")).toString();
        const QString metric = set.value(QStringLiteral("primary_metric")).toString();
        const QStringList known = task == QLatin1String("classification") ? ml::primaryMetrics(ml::Task::Classification)
                                  : task == QLatin1String("regression")   ? ml::primaryMetrics(ml::Task::Regression)
                                  : task == QLatin1String("forecasting")  ? ml::forecasting::forecastingPrimaryMetrics()
                                                                          : QStringList();
        if (!known.isEmpty() && !metric.startsWith(QLatin1String("${{")) && !known.contains(metric))
            problem(QStringLiteral("primary_metric"), QStringLiteral("'%1' is not a %2 metric%3").arg(metric, task, didYouMean(metric, known)));
    }
    if (kind.name == QLatin1String("command")) {
        const QJsonObject outputs = set.value(QStringLiteral("outputs")).toObject();
        for (auto it = outputs.begin(); it != outputs.end(); ++it) {
            const QString type = it.value().isObject() ? it.value().toObject().value(QStringLiteral("type")).toString() : it.value().toString();
            if (type != QLatin1String("file") && type != QLatin1String("dataset"))
                problem(QStringLiteral("outputs.") + it.key(), QStringLiteral("an output is a file or a dataset, not '%1'").arg(type));
        }
    }
}

void checkInputs(const Pipeline &p, const Step &step, const StepKind &kind, QList<Problem> &problems)
{
    auto problem = [&](const QString &field, const QString &message) { problems.append({step.name, field, message, step.fieldLines.value(field, step.line)}); };
    QStringList ports;
    for (const Port &port : kind.inputs)
        ports << port.name;
    for (auto it = step.inputs.cbegin(); it != step.inputs.cend(); ++it) {
        const QString field = QStringLiteral("inputs.") + it.key();
        const Port *port = kind.input(it.key());
        if (!port && !kind.freeInputs) {
            problem(field, QStringLiteral("%1 has no input '%2'%3").arg(kind.name, it.key(), didYouMean(it.key(), ports)));
            continue;
        }
        const QString wanted = port ? port->type : QStringLiteral("any");
        const Binding b = parseBinding(it.value());
        if (b.kind == Binding::Kind::Invalid) {
            problem(field, QStringLiteral("'%1' is not a binding: ${{parent.jobs.STEP.outputs.NAME}} or ${{parent.inputs.NAME}}").arg(it.value()));
        } else if (b.kind == Binding::Kind::Parameter) {
            const Parameter *parameter = p.parameter(b.name);
            if (!parameter)
                problem(field, QStringLiteral("the pipeline parameter '%1' is not declared in the pipeline's inputs").arg(b.name));
            else if (parameter->type != QLatin1String("string") && wanted != QLatin1String("any") && wanted != QLatin1String("metrics"))
                problem(field, QStringLiteral("a %1 input takes a string parameter (a reference such as name:version), not %2 '%3'")
                                   .arg(wanted, parameter->type, b.name));
        } else {
            const Step *from = p.step(b.step);
            if (!from) {
                QStringList names;
                for (const Step &s : p.steps)
                    names << s.name;
                problem(field, QStringLiteral("no step is named '%1'%2").arg(b.step, didYouMean(b.step, names)));
                continue;
            }
            QStringList outputs;
            const Port *out = nullptr;
            const QList<Port> declared = stepOutputs(*from);
            for (const Port &o : declared) {
                outputs << o.name;
                if (o.name == b.name)
                    out = &o;
            }
            if (!out) {
                problem(field, QStringLiteral("step '%1' (%2) has no output '%3'%4").arg(b.step, from->kind, b.name, didYouMean(b.name, outputs)));
                continue;
            }
            if (!portTypesMatch(out->type, wanted))
                problem(field, QStringLiteral("takes a %1, but %2.%3 is a %4").arg(wanted, b.step, b.name, out->type));
            if (from->kind == QLatin1String("transform") && b.name == QLatin1String("test")
                && !from->settings.contains(QStringLiteral("split_fraction")) && !from->settings.contains(QStringLiteral("split_time_column")))
                problem(field, QStringLiteral("step '%1' makes 'test' only when it splits (split_fraction or split_time_column)").arg(b.step));
        }
    }
    for (const Port &port : kind.inputs)
        if (!port.optional && !step.inputs.contains(port.name))
            problem(QStringLiteral("inputs.") + port.name, QStringLiteral("the %1 input '%2' is not bound").arg(port.type, port.name));
}

} // namespace

QString Problem::text(const QString &source) const
{
    QString where = locate(source, line);
    if (!step.isEmpty())
        where += field.isEmpty() ? QStringLiteral("step '%1': ").arg(step) : QStringLiteral("step '%1', field '%2': ").arg(step, field);
    else if (!field.isEmpty())
        where += field + QStringLiteral(": ");
    return where + message;
}

QList<Port> stepOutputs(const Step &step)
{
    if (step.kind != QLatin1String("command")) {
        const StepKind *kind = stepKind(step.kind);
        return kind ? kind->outputs : QList<Port>{};
    }
    QList<Port> out;
    const QJsonObject outputs = step.settings.value(QStringLiteral("outputs")).toObject();
    for (auto it = outputs.begin(); it != outputs.end(); ++it)
        out.append({it.key(), it.value().isObject() ? it.value().toObject().value(QStringLiteral("type")).toString() : it.value().toString()});
    return out;
}

QStringList upstreamSteps(const Step &step)
{
    QStringList out;
    for (const QString &binding : step.inputs) {
        const Binding b = parseBinding(binding);
        if (b.kind == Binding::Kind::StepOutput && !out.contains(b.step))
            out << b.step;
    }
    return out;
}

QList<Problem> validate(const Pipeline &p)
{
    QList<Problem> problems;
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$"));
    if (!namePattern.match(p.name).hasMatch())
        problems.append({QString(), QStringLiteral("name"), QStringLiteral("'%1' is not a pipeline name (letters, digits, _ . -)").arg(p.name), 0});
    else if (Status s = names::checkExperimentName(p.name); !s)
        problems.append({QString(), QStringLiteral("name"), QStringLiteral("runs go in an experiment of the pipeline's name: %1").arg(s.message()), 0});
    QStringList seen;
    for (const Step &step : p.steps) {
        static const QRegularExpression stepPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
        if (!stepPattern.match(step.name).hasMatch() || seen.contains(step.name))
            problems.append({step.name, QString(), seen.contains(step.name) ? QStringLiteral("two steps have this name")
                                                                              : QStringLiteral("a step's name starts with a letter or _ and holds letters, digits, _ and -"),
                             step.line});
        seen << step.name;
    }
    for (const Step &step : p.steps) {
        const StepKind *kind = stepKind(step.kind);
        if (!kind) {
            problems.append({step.name, QStringLiteral("type"),
                             QStringLiteral("unknown step type '%1'%2").arg(step.kind, didYouMean(step.kind, stepKindNames())),
                             step.fieldLines.value(QStringLiteral("type"), step.line)});
            continue;
        }
        checkSettings(p, step, *kind, problems);
        checkInputs(p, step, *kind, problems);
    }
    // Cycles: a depth-first walk; a step met again while on the path closes one.
    QHash<QString, int> state; // 1 on the path, 2 done
    QStringList path;
    std::function<bool(const Step &)> visit = [&](const Step &s) {
        state[s.name] = 1;
        path << s.name;
        for (const QString &up : upstreamSteps(s)) {
            const Step *u = p.step(up);
            if (!u)
                continue;
            if (state.value(up) == 1) {
                const QStringList cycle = path.mid(path.indexOf(up)) << up;
                problems.append({s.name, QStringLiteral("inputs"), QStringLiteral("the steps form a cycle: %1").arg(cycle.join(QStringLiteral(" <- "))), s.line});
                return false;
            }
            if (state.value(up) == 0 && !visit(*u))
                return false;
        }
        path.removeLast();
        state[s.name] = 2;
        return true;
    };
    for (const Step &s : p.steps)
        if (state.value(s.name) == 0 && !visit(s))
            break;
    return problems;
}

QStringList topologicalOrder(const Pipeline &p)
{
    QStringList done;
    while (done.size() < p.steps.size()) {
        bool progressed = false;
        for (const Step &s : p.steps) {
            if (done.contains(s.name))
                continue;
            bool ready = true;
            for (const QString &up : upstreamSteps(s))
                ready = ready && (done.contains(up) || !p.step(up));
            if (ready) {
                done << s.name;
                progressed = true;
            }
        }
        if (!progressed)
            break; // a cycle: validate() reports it
    }
    return done;
}

} // namespace stratus::pipeline

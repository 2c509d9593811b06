#include "pipeline/Pipeline.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace stratus::pipeline {

const Step *Pipeline::step(const QString &name) const
{
    for (const Step &s : steps)
        if (s.name == name)
            return &s;
    return nullptr;
}

const Parameter *Pipeline::parameter(const QString &name) const
{
    for (const Parameter &p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

Binding parseBinding(const QString &text)
{
    static const QRegularExpression output(QStringLiteral(R"(^\$\{\{\s*parent\.jobs\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$)"));
    static const QRegularExpression parameter(QStringLiteral(R"(^\$\{\{\s*parent\.inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$)"));
    Binding b;
    const QString t = text.trimmed();
    if (const auto m = output.match(t); m.hasMatch()) {
        b.kind = Binding::Kind::StepOutput;
        b.step = m.captured(1);
        b.name = m.captured(2);
    } else if (const auto p = parameter.match(t); p.hasMatch()) {
        b.kind = Binding::Kind::Parameter;
        b.name = p.captured(1);
    }
    return b;
}

QString stepOutputBinding(const QString &step, const QString &output)
{
    return QStringLiteral("${{parent.jobs.%1.outputs.%2}}").arg(step, output);
}

QString parameterBinding(const QString &name)
{
    return QStringLiteral("${{parent.inputs.%1}}").arg(name);
}

QString locate(const QString &source, int line)
{
    if (source.isEmpty())
        return line > 0 ? QStringLiteral("line %1: ").arg(line) : QString();
    return line > 0 ? QStringLiteral("%1:%2: ").arg(source).arg(line) : source + QStringLiteral(": ");
}

QJsonObject toJson(const Pipeline &p)
{
    QJsonObject inputs, jobs;
    for (const Parameter &parameter : p.parameters) {
        QJsonObject o{{QStringLiteral("type"), parameter.type}};
        if (!parameter.defaultValue.isUndefined())
            o.insert(QStringLiteral("default"), parameter.defaultValue);
        if (!parameter.description.isEmpty())
            o.insert(QStringLiteral("description"), parameter.description);
        inputs.insert(parameter.name, o);
    }
    QJsonArray order;
    for (const Step &step : p.steps) {
        QJsonObject o = step.settings;
        o.insert(QStringLiteral("type"), step.kind);
        if (!step.displayName.isEmpty())
            o.insert(QStringLiteral("display_name"), step.displayName);
        if (!step.allowReuse)
            o.insert(QStringLiteral("allow_reuse"), false);
        if (!step.inputs.isEmpty()) {
            QJsonObject bound;
            for (auto it = step.inputs.cbegin(); it != step.inputs.cend(); ++it)
                bound.insert(it.key(), it.value());
            o.insert(QStringLiteral("inputs"), bound);
        }
        jobs.insert(step.name, o);
        order.append(step.name);
    }
    QJsonObject out{{QStringLiteral("type"), QStringLiteral("pipeline")}, {QStringLiteral("name"), p.name}, {QStringLiteral("jobs"), jobs},
                    {QStringLiteral("job_order"), order}};
    if (!p.description.isEmpty())
        out.insert(QStringLiteral("description"), p.description);
    if (!inputs.isEmpty())
        out.insert(QStringLiteral("inputs"), inputs);
    return out;
}

Result<Pipeline> pipelineFromJson(const QJsonObject &o, const QString &source, const QHash<QString, int> &lines)
{
    auto fail = [&](const QString &key, const QString &message) -> Error {
        return Error{locate(source, lines.value(key)) + message};
    };
    static const QStringList topKeys = {QStringLiteral("$schema"), QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("display_name"),
                                         QStringLiteral("description"), QStringLiteral("inputs"), QStringLiteral("jobs"), QStringLiteral("job_order"),
                                         QStringLiteral("settings"), QStringLiteral("experiment_name")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!topKeys.contains(it.key()))
            return fail(it.key(), QStringLiteral("'%1' is not a pipeline field (%2)").arg(it.key(), topKeys.mid(1).join(QStringLiteral(", "))));
    if (o.contains(QStringLiteral("type")) && o.value(QStringLiteral("type")).toString() != QLatin1String("pipeline"))
        return fail(QStringLiteral("type"), QStringLiteral("type: a pipeline file's type is 'pipeline'"));
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$"));
    Pipeline p;
    p.name = o.value(QStringLiteral("name")).toString();
    if (!namePattern.match(p.name).hasMatch())
        return fail(QStringLiteral("name"), p.name.isEmpty() ? QStringLiteral("name: a pipeline needs a name")
                                                             : QStringLiteral("name: '%1' is not a valid name (letters, digits, _ . -)").arg(p.name));
    p.description = o.value(QStringLiteral("description")).toString();
    const QJsonValue inputs = o.value(QStringLiteral("inputs"));
    if (!inputs.isUndefined() && !inputs.isObject())
        return fail(QStringLiteral("inputs"), QStringLiteral("inputs: the pipeline's parameters, a map of name: default or {type, default}"));
    static const QStringList types = {QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("integer"), QStringLiteral("boolean")};
    const QJsonObject parameters = inputs.toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        const QString key = QStringLiteral("inputs.") + it.key();
        Parameter parameter;
        parameter.name = it.key();
        if (it.value().isObject()) {
            const QJsonObject d = it.value().toObject();
            for (auto f = d.begin(); f != d.end(); ++f)
                if (f.key() != QLatin1String("type") && f.key() != QLatin1String("default") && f.key() != QLatin1String("description")
                    && f.key() != QLatin1String("optional"))
                    return fail(key, QStringLiteral("inputs.%1: '%2' is not a parameter field (type, default, description)").arg(it.key(), f.key()));
            parameter.type = d.value(QStringLiteral("type")).toString(QStringLiteral("string"));
            parameter.defaultValue = d.value(QStringLiteral("default"));
            parameter.description = d.value(QStringLiteral("description")).toString();
        } else {
            parameter.defaultValue = it.value();
            parameter.type = it.value().isBool() ? QStringLiteral("boolean") : it.value().isDouble() ? QStringLiteral("number") : QStringLiteral("string");
        }
        if (!types.contains(parameter.type))
            return fail(key, QStringLiteral("inputs.%1: type '%2' is not one of %3").arg(it.key(), parameter.type, types.join(QStringLiteral(", "))));
        p.parameters.append(parameter);
    }
    const QJsonValue jobs = o.value(QStringLiteral("jobs"));
    if (!jobs.isObject() || jobs.toObject().isEmpty())
        return fail(QStringLiteral("jobs"), QStringLiteral("jobs: a pipeline needs its steps, a map of step name: {type, ...}"));
    QStringList order;
    for (const QJsonValue &v : o.value(QStringLiteral("job_order")).toArray())
        if (jobs.toObject().contains(v.toString()) && !order.contains(v.toString()))
            order << v.toString();
    for (const QString &name : jobs.toObject().keys())
        if (!order.contains(name))
            order << name;
    static const QRegularExpression stepPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    for (const QString &name : order) {
        const QString key = QStringLiteral("jobs.") + name;
        const QJsonValue v = jobs.toObject().value(name);
        if (!stepPattern.match(name).hasMatch())
            return fail(key, QStringLiteral("jobs.%1: a step's name starts with a letter or _ and holds letters, digits, _ and -").arg(name));
        if (!v.isObject())
            return fail(key, QStringLiteral("jobs.%1: a step is a map of type and settings").arg(name));
        QJsonObject d = v.toObject();
        Step step;
        step.name = name;
        step.line = lines.value(key);
        for (auto it = lines.cbegin(); it != lines.cend(); ++it)
            if (it.key().startsWith(key + QLatin1Char('.')))
                step.fieldLines.insert(it.key().mid(key.size() + 1), it.value());
        step.kind = d.take(QStringLiteral("type")).toString();
        if (step.kind.isEmpty())
            return fail(key, QStringLiteral("jobs.%1.type: a step needs its type (%2)").arg(name, QStringLiteral("import, transform, automl, ...")));
        step.displayName = d.take(QStringLiteral("display_name")).toString();
        const QJsonValue reuse = d.take(QStringLiteral("allow_reuse"));
        if (!reuse.isUndefined() && !reuse.isBool())
            return fail(key, QStringLiteral("jobs.%1.allow_reuse: true or false").arg(name));
        step.allowReuse = reuse.toBool(true);
        const QJsonValue bound = d.take(QStringLiteral("inputs"));
        if (!bound.isUndefined() && !bound.isObject())
            return fail(key, QStringLiteral("jobs.%1.inputs: a map of input: ${{parent.jobs.STEP.outputs.NAME}}").arg(name));
        const QJsonObject b = bound.toObject();
        for (auto it = b.begin(); it != b.end(); ++it) {
            if (!it.value().isString())
                return fail(key, QStringLiteral("jobs.%1.inputs.%2: a binding is text, ${{parent.jobs.STEP.outputs.NAME}} or ${{parent.inputs.NAME}}")
                                     .arg(name, it.key()));
            step.inputs.insert(it.key(), it.value().toString());
        }
        step.settings = d;
        p.steps.append(step);
    }
    return p;
}

} // namespace stratus::pipeline

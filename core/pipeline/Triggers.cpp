#include "pipeline/Triggers.h"

#include "data/store/DatasetStore.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineScheduler.h"
#include "pipeline/PipelineYaml.h"
#include "pipeline/Schedule.h"
#include "registry/Endpoint.h"
#include "registry/EndpointStore.h"
#include "registry/PipelineStore.h"

#include <QFileInfo>
#include <QHostAddress>

namespace stratus::pipeline {

Result<PipelineTrigger> createTrigger(Workspace &ws, const TriggerRequest &r, QString *note)
{
    auto record = PipelineStore(ws).resolve(r.pipeline);
    if (!record)
        return record.error();
    auto definition = readPipelineYaml(record->definition, record->reference());
    if (!definition)
        return definition.error();
    QMap<QString, QString> given = r.parameters;
    if (!r.parameterName.isEmpty()) {
        const Parameter *p = definition->parameter(r.parameterName);
        if (!p)
            return Error{QStringLiteral("--param-name: the pipeline %1 has no parameter '%2'").arg(record->reference(), r.parameterName)};
        if (p->type != QLatin1String("string"))
            return Error{QStringLiteral("--param-name: '%1' is a %2 parameter; the trigger gives it text (a dataset version or a file)").arg(p->name, p->type)};
        given.insert(p->name, QStringLiteral("x")); // the trigger fills it at each firing
    }
    if (auto values = parameterValues(*definition, given, record->reference()); !values)
        return values.error();
    QJsonObject parameters;
    for (auto it = r.parameters.cbegin(); it != r.parameters.cend(); ++it)
        parameters.insert(it.key(), it.value());
    QJsonObject settings{{QStringLiteral("parameters"), parameters}};
    if (!r.experiment.isEmpty())
        settings.insert(QStringLiteral("experiment"), r.experiment);
    if (!r.parameterName.isEmpty())
        settings.insert(QStringLiteral("parameter"), r.parameterName);
    QJsonObject state;
    if (r.kind == QLatin1String("schedule")) {
        auto s = Schedule::parse(r.every, r.at, r.missed, QDateTime::currentDateTime());
        if (!s)
            return Error{QStringLiteral("--") + s.message()};
        const QJsonObject schedule = s->toJson();
        for (auto it = schedule.begin(); it != schedule.end(); ++it)
            settings.insert(it.key(), it.value());
        state.insert(QStringLiteral("next_due"), s->nextFire(QDateTime::currentDateTime()).toString(Qt::ISODateWithMs));
    } else if (r.kind == QLatin1String("dataset")) {
        if (r.dataset.trimmed().isEmpty())
            return Error{QStringLiteral("--on-dataset: name the dataset whose new versions start runs")};
        auto d = DatasetStore(ws).resolve(r.dataset + QStringLiteral(":latest"));
        if (!d && note)
            *note = QStringLiteral("there is no dataset '%1' yet; its first version will start a run").arg(r.dataset);
        settings.insert(QStringLiteral("dataset"), r.dataset);
        state.insert(QStringLiteral("last_version"), d ? d->version : 0); // versions to come start runs, not those there now
    } else if (r.kind == QLatin1String("folder")) {
        const QFileInfo folder(r.folder);
        if (!folder.isDir())
            return Error{QStringLiteral("--on-folder: '%1' is not a folder").arg(r.folder)};
        settings.insert(QStringLiteral("folder"), folder.absoluteFilePath());
        settings.insert(QStringLiteral("pattern"), r.pattern.isEmpty() ? QStringLiteral("*.csv") : r.pattern);
        state = PipelineScheduler::folderTriggerState(folder.absoluteFilePath(), settings.value(QStringLiteral("pattern")).toString());
    } else {
        return Error{QStringLiteral("a trigger is a schedule, a dataset trigger or a folder trigger, not '%1'").arg(r.kind)};
    }
    return TriggerStore(ws).create(record->name, r.kind, settings, state);
}

Result<Publication> publishPipeline(Workspace &ws, const QString &pipeline, const QString &host, int port, bool keyAuth)
{
    auto record = PipelineStore(ws).resolve(pipeline);
    if (!record)
        return record.error();
    if (port < 0 || port > 65535)
        return Error{QStringLiteral("--port: a port number from 1 to 65535")};
    if (QHostAddress(host).isNull())
        return Error{QStringLiteral("--host: '%1' is not an IP address").arg(host)};
    const QString key = keyAuth ? QString::fromLatin1(generateEndpointKey()) : QString();
    const int chosen = port ? port : EndpointStore::freePort(host);
    auto made = TriggerStore(ws).create(record->name, QStringLiteral("published"),
                                        {{QStringLiteral("host"), host}, {QStringLiteral("port"), chosen}, {QStringLiteral("key"), key}});
    if (!made)
        return made.error();
    return Publication{*made, QStringLiteral("http://%1:%2").arg(host).arg(chosen), key};
}

QString describeTrigger(const PipelineTrigger &t)
{
    const QString error = t.state.value(QStringLiteral("last_error")).toString();
    const QString failing = error.isEmpty() ? QString() : QStringLiteral("; its last firing failed: ") + error;
    if (t.kind == QLatin1String("schedule")) {
        auto s = Schedule::fromJson(t.settings);
        const QDateTime due = QDateTime::fromString(t.state.value(QStringLiteral("next_due")).toString(), Qt::ISODateWithMs);
        // Overdue: no scheduler has run since that time; the next one reports it as missed.
        const QString when = !due.isValid() ? QStringLiteral("(when the scheduler starts)")
                             : due < QDateTime::currentDateTime().addSecs(-60)
                                 ? QStringLiteral("%1, overdue: no scheduler is running").arg(due.toString(Qt::ISODate))
                                 : due.toString(Qt::ISODate);
        return QStringLiteral("%1, next %2%3")
                   .arg(s ? s->describe() : QStringLiteral("?"), when,
                        t.state.value(QStringLiteral("missed")).toInt()
                            ? QStringLiteral(", %1 missed in all (last from %2)")
                                  .arg(t.state.value(QStringLiteral("missed")).toInt())
                                  .arg(t.state.value(QStringLiteral("last_missed_at")).toString())
                            : QString())
               + failing;
    }
    if (t.kind == QLatin1String("dataset"))
        return QStringLiteral("on a new version of %1 (last seen %2)").arg(t.settings.value(QStringLiteral("dataset")).toString()).arg(t.state.value(QStringLiteral("last_version")).toInt())
               + failing;
    if (t.kind == QLatin1String("folder"))
        return QStringLiteral("on a new file in %1 (%2)").arg(t.settings.value(QStringLiteral("folder")).toString(), t.settings.value(QStringLiteral("pattern")).toString())
               + failing;
    return QStringLiteral("POST http://%1:%2/run%3")
        .arg(t.settings.value(QStringLiteral("host")).toString())
        .arg(t.settings.value(QStringLiteral("port")).toInt())
        .arg(t.settings.value(QStringLiteral("key")).toString().isEmpty() ? QStringLiteral(" (no key)") : QString());
}

} // namespace stratus::pipeline

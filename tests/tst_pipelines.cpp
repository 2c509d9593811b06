// Pipelines: the YAML file read and written back, validation errors that name
// the step and field, runs with reuse and its opt-out, a failed step that
// stops only what depends on it and a rerun from it, cancel, lineage on the
// outputs, the CLI's pipeline commands, and the lesson's retraining pipeline
// on the heart-failure file (import, split, AutoML, compare, register, deploy).
#include "TestSupport.h"

#include "data/store/DatasetStore.h"
#include "data/import/DatasetImport.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineScheduler.h"
#include "pipeline/Schedule.h"
#include "pipeline/PipelineValidation.h"
#include "pipeline/PipelineYaml.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "registry/PipelineStore.h"
#include "registry/RunStore.h"
#include "registry/TriggerStore.h"
#include "registry/WorkspaceSetup.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <csignal>

using namespace stratus;
using namespace stratus::pipeline;

namespace {

// A small table of numbers: x and y = 2x + 1 (and a class), `rows` rows.
QByteArray numbersCsv(int rows, int offset = 0)
{
    QByteArray csv = "x,y,big\n";
    for (int i = 0; i < rows; ++i) {
        const int x = i + offset;
        csv += QByteArray::number(x) + ',' + QByteArray::number(2 * x + 1) + ',' + (x % 3 == 0 ? "yes" : "no") + '\n';
    }
    return csv;
}

QMap<QString, QString> statuses(Workspace &ws, const QString &runId)
{
    QMap<QString, QString> out;
    for (const QJsonValue &v : pipelineRunJson(ws, runId).value(QStringLiteral("steps")).toArray())
        out.insert(v[QStringLiteral("step")].toString(), v[QStringLiteral("status")].toString());
    return out;
}

} // namespace

class TestPipelines : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // Stores a pipeline file's text and runs it to the end in this process.
    QString runPipeline(Workspace &ws, const QByteArray &yaml, const QMap<QString, QString> &parameters = {}, QString *status = nullptr)
    {
        auto parsed = readPipelineYaml(yaml, QStringLiteral("test.yaml"));
        if (!parsed)
            qFatal("%s", qPrintable(parsed.message()));
        if (auto made = PipelineStore(ws).create(parsed->name, {}, yaml); !made)
            qFatal("%s", qPrintable(made.message()));
        RunRequest request;
        request.pipeline = parsed->name;
        request.parameters = parameters;
        PipelineRunner runner(ws, request);
        auto id = runner.prepare();
        if (!id)
            qFatal("%s", qPrintable(id.message()));
        const QString s = runner.run();
        if (status)
            *status = s;
        return *id;
    }

private slots:
    void yamlRoundTrip()
    {
        const QByteArray yaml = R"(# comments are fine
type: pipeline
name: round-trip
description: "Text that looks like other things: true, 1.5, null"
inputs:
  folder: {type: string, default: "incoming"}
  fraction: {type: number, default: 0.75}
  flag: true
jobs:
  import:
    type: import
    path: ${{parent.inputs.folder}}
    dataset: sales
  split:
    type: transform
    allow_reuse: false
    inputs:
      dataset: ${{parent.jobs.import.outputs.dataset}}
    dataset: sales-train
    split_fraction: ${{parent.inputs.fraction}}
    select: [x, y, "true"]
    rename: {x: "1.0"}
    filter: "y >= 3"
)";
        auto first = readPipelineYaml(yaml, QStringLiteral("round.yaml"));
        QVERIFY2(first, qPrintable(first.message()));
        QCOMPARE(first->steps.size(), 2);
        QCOMPARE(first->steps[0].name, QStringLiteral("import"));
        QCOMPARE(first->steps[1].line, 14);
        QVERIFY(!first->steps[1].allowReuse);
        QCOMPARE(first->parameter(QStringLiteral("fraction"))->defaultValue.toDouble(), 0.75);
        QCOMPARE(first->parameter(QStringLiteral("flag"))->type, QStringLiteral("boolean"));
        QCOMPARE(first->steps[1].settings.value(QStringLiteral("select")).toArray().last().toString(), QStringLiteral("true"));
        QCOMPARE(first->steps[1].settings.value(QStringLiteral("rename")).toObject().value(QStringLiteral("x")).toString(), QStringLiteral("1.0"));
        QVERIFY(validate(*first).isEmpty());
        const QByteArray written = writePipelineYaml(*first);
        auto second = readPipelineYaml(written, QStringLiteral("written.yaml"));
        QVERIFY2(second, qPrintable(second.message() + QLatin1Char('\n') + QString::fromUtf8(written)));
        QCOMPARE(toJson(*second), toJson(*first));
        QCOMPARE(writePipelineYaml(*second), written);
    }

    void validationErrors_data()
    {
        QTest::addColumn<QByteArray>("jobs");
        QTest::addColumn<QString>("expected");
        const QByteArray import = "  import: {type: import, path: data.csv, dataset: d}\n";
        QTest::newRow("unknown type") << import + "  train: {type: autml}\n" << "test.yaml:5: step 'train', field 'type': unknown step type 'autml' (did you mean 'automl'?)";
        QTest::newRow("unknown setting") << import + "  t:\n    type: transform\n    inputs: {dataset: '${{parent.jobs.import.outputs.dataset}}'}\n    dataset: x\n    dorp: [a]\n"
                                         << "test.yaml:9: step 't', field 'dorp': not a setting of transform (did you mean 'drop'?)"; // the field's own line
        QTest::newRow("missing required") << QByteArray("  import: {type: import, path: data.csv}\n") << "step 'import', field 'dataset': import needs it";
        QTest::newRow("wrong type") << QByteArray("  import: {type: import, path: data.csv, dataset: [a, b]}\n") << "step 'import', field 'dataset': must be a string, not list";
        QTest::newRow("unbound input") << import + "  train: {type: automl, task: regression, label: y}\n"
                                       << "step 'train', field 'inputs.training_data': the dataset input 'training_data' is not bound";
        QTest::newRow("unknown step") << import + "  train: {type: automl, task: regression, label: y, inputs: {training_data: '${{parent.jobs.imprt.outputs.dataset}}'}}\n"
                                      << "no step is named 'imprt' (did you mean 'import'?)";
        QTest::newRow("unknown output") << import + "  train: {type: automl, task: regression, label: y, inputs: {training_data: '${{parent.jobs.import.outputs.data}}'}}\n"
                                        << "step 'import' (import) has no output 'data' (did you mean 'dataset'?)";
        QTest::newRow("type mismatch") << import + "  train: {type: automl, task: regression, label: y, inputs: {training_data: '${{parent.jobs.import.outputs.dataset}}'}}\n"
                                                   "  reg: {type: register, name: m, inputs: {model: '${{parent.jobs.train.outputs.metrics}}'}}\n"
                                       << "step 'reg', field 'inputs.model': takes a model, but train.metrics is a metrics";
        QTest::newRow("undeclared parameter") << QByteArray("  import: {type: import, path: '${{parent.inputs.folder}}', dataset: d}\n")
                                              << "refers to the pipeline parameter 'folder', which the pipeline's inputs do not declare";
        QTest::newRow("test without split") << import + "  t: {type: transform, dataset: x, inputs: {dataset: '${{parent.jobs.import.outputs.dataset}}'}}\n"
                                                       "  s: {type: batch_score, inputs: {dataset: '${{parent.jobs.t.outputs.test}}', model: m}}\n"
                                            << "step 't' makes 'test' only when it splits";
        QTest::newRow("cycle") << QByteArray("  a: {type: transform, dataset: x, inputs: {dataset: '${{parent.jobs.b.outputs.dataset}}'}}\n"
                                             "  b: {type: transform, dataset: y, inputs: {dataset: '${{parent.jobs.a.outputs.dataset}}'}}\n")
                               << "the steps form a cycle: a <- b <- a";
        QTest::newRow("step given twice") << import + "  import: {type: import, path: other.csv, dataset: d}\n" << "test.yaml:5: jobs.import is given twice (first on line 4)";
        QTest::newRow("split out of range") << import + "  t: {type: transform, dataset: x, split_fraction: 1.8, inputs: {dataset: '${{parent.jobs.import.outputs.dataset}}'}}\n"
                                            << "field 'split_fraction': the share of rows kept in `dataset`: between 0 and 1, exclusive (got 1.8)";
        QTest::newRow("unknown metric") << import + "  train: {type: automl, task: classification, label: y, primary_metric: AUC_wieghted, inputs: {training_data: '${{parent.jobs.import.outputs.dataset}}'}}\n"
                                        << "'AUC_wieghted' is not a classification metric (did you mean 'AUC_weighted'?)";
        QTest::newRow("yaml syntax") << QByteArray("  import: {type: import, path: [unclosed\n") << "test.yaml:5:1: end of sequence flow not found";
    }

    void validationErrors()
    {
        QFETCH(QByteArray, jobs);
        QFETCH(QString, expected);
        const QByteArray yaml = "name: checks\n# line 2\njobs:\n" + jobs;
        auto p = readPipelineYaml(yaml, QStringLiteral("test.yaml"));
        QString found = p ? QString() : p.message();
        if (p)
            for (const Problem &problem : validate(*p))
                found += problem.text(QStringLiteral("test.yaml")) + QLatin1Char('\n');
        QVERIFY2(found.contains(expected), qPrintable(QStringLiteral("expected '%1' in:\n%2").arg(expected, found)));
    }

    void reuseAndItsOptOut()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("reuse.stratus"));
        const QString folder = m_dir.filePath(QStringLiteral("incoming"));
        QDir().mkpath(folder);
        testing::writeFile(m_dir, QStringLiteral("incoming/a.csv"), numbersCsv(40));
        const QByteArray yaml = QStringLiteral(R"(name: prep
inputs:
  folder: {type: string, default: "%1"}
jobs:
  import: {type: import, path: "${{parent.inputs.folder}}", dataset: numbers}
  keep:
    type: transform
    inputs: {dataset: "${{parent.jobs.import.outputs.dataset}}"}
    dataset: numbers-big
    filter: big == yes
    drop: [big]
  fresh:
    type: transform
    allow_reuse: false
    inputs: {dataset: "${{parent.jobs.import.outputs.dataset}}"}
    dataset: numbers-renamed
    rename: {x: input}
)").arg(folder).toUtf8();
        QString status;
        const QString first = runPipeline(*ws, yaml, {}, &status);
        QVERIFY2(status == QLatin1String("Completed"), QJsonDocument(pipelineRunJson(*ws, first)).toJson().constData());
        QCOMPARE(statuses(*ws, first), (QMap<QString, QString>{{QStringLiteral("import"), QStringLiteral("Completed")},
                                                               {QStringLiteral("keep"), QStringLiteral("Completed")},
                                                               {QStringLiteral("fresh"), QStringLiteral("Completed")}}));
        DatasetStore datasets(*ws);
        auto big = datasets.resolve(QStringLiteral("numbers-big"));
        QVERIFY(big);
        QCOMPARE(big->rows, qint64(14)); // x = 0, 3, ..., 39
        QCOMPARE(big->columns.size(), 2);
        // Every output names the run and step that made it.
        QCOMPARE(big->tags.value(QStringLiteral("pipeline_run")).toString(), first);
        QCOMPARE(big->tags.value(QStringLiteral("pipeline_step")).toString(), QStringLiteral("keep"));

        // The same file again: the import and the filter are reused; allow_reuse: false runs again.
        const QString second = runPipeline(*ws, yaml);
        QCOMPARE(statuses(*ws, second), (QMap<QString, QString>{{QStringLiteral("import"), QStringLiteral("Reused")},
                                                                {QStringLiteral("keep"), QStringLiteral("Reused")},
                                                                {QStringLiteral("fresh"), QStringLiteral("Completed")}}));
        QCOMPARE(datasets.resolve(QStringLiteral("numbers"))->version, 1);
        QCOMPARE(datasets.resolve(QStringLiteral("numbers-renamed"))->version, 2);

        // A newer file in the folder: everything after the import runs on it.
        QThread::msleep(1100); // a later modification time than a.csv's
        testing::writeFile(m_dir, QStringLiteral("incoming/b.csv"), numbersCsv(60));
        const QString third = runPipeline(*ws, yaml);
        QCOMPARE(statuses(*ws, third).value(QStringLiteral("keep")), QStringLiteral("Completed"));
        QCOMPARE(datasets.resolve(QStringLiteral("numbers"))->rows, qint64(60));
        QCOMPARE(datasets.resolve(QStringLiteral("numbers-big"))->rows, qint64(20));

        // A parameter given for the run changes the step that reads it (no reuse) and is recorded.
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        QString failed;
        const QString fourth = runPipeline(*ws, yaml, {{QStringLiteral("folder"), empty}}, &failed);
        QCOMPARE(failed, QStringLiteral("Failed"));
        const QJsonObject run = pipelineRunJson(*ws, fourth);
        QCOMPARE(run[QStringLiteral("parameters")][QStringLiteral("folder")].toString(), empty);
        QVERIFY2(run[QStringLiteral("error")].toString().contains(QStringLiteral("has no file matching *.csv")), qPrintable(run[QStringLiteral("error")].toString()));
        QCOMPARE(statuses(*ws, fourth).value(QStringLiteral("keep")), QStringLiteral("Canceled"));
    }

    void failureStopsDependentsAndRerunGoesOnFromIt()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("fail.stratus"));
        const QString data = testing::writeFile(m_dir, QStringLiteral("fail.csv"), numbersCsv(30));
        const QString flag = m_dir.filePath(QStringLiteral("flag"));
        const QByteArray yaml = QStringLiteral(R"(name: flaky
jobs:
  import: {type: import, path: "%1", dataset: fail-data}
  check:
    type: command
    inputs: {data: "${{parent.jobs.import.outputs.dataset}}"}
    command: /bin/sh -c "test -f %2 && head -3 ${{inputs.data}} > ${{outputs.head}}"
    outputs: {head: dataset}
  after:
    type: transform
    inputs: {dataset: "${{parent.jobs.check.outputs.head}}"}
    dataset: fail-after
  independent:
    type: transform
    inputs: {dataset: "${{parent.jobs.import.outputs.dataset}}"}
    dataset: fail-other
    select: [y]
)").arg(data, flag).toUtf8();
        QString status;
        const QString first = runPipeline(*ws, yaml, {}, &status);
        QCOMPARE(status, QStringLiteral("Failed"));
        auto s = statuses(*ws, first);
        QCOMPARE(s.value(QStringLiteral("check")), QStringLiteral("Failed"));
        QCOMPARE(s.value(QStringLiteral("after")), QStringLiteral("Canceled"));
        QCOMPARE(s.value(QStringLiteral("independent")), QStringLiteral("Completed"));
        QVERIFY(RunStore(*ws).get(first)->error.contains(QStringLiteral("step 'check' failed: command: '/bin/sh' exited with code 1")));

        testing::writeFile(m_dir, QStringLiteral("flag"), "now it passes\n");
        RunRequest request;
        request.rerunOf = first;
        PipelineRunner rerun(*ws, request);
        auto id = rerun.prepare();
        QVERIFY2(id, qPrintable(id.message()));
        QCOMPARE(rerun.run(), QStringLiteral("Completed"));
        s = statuses(*ws, *id);
        QCOMPARE(s.value(QStringLiteral("import")), QStringLiteral("Reused"));
        QCOMPARE(s.value(QStringLiteral("independent")), QStringLiteral("Reused"));
        QCOMPARE(s.value(QStringLiteral("check")), QStringLiteral("Completed"));
        QCOMPARE(s.value(QStringLiteral("after")), QStringLiteral("Completed"));
        auto head = DatasetStore(*ws).resolve(QStringLiteral("fail-after"));
        QVERIFY(head);
        QCOMPARE(head->rows, qint64(2)); // the command's CSV: a header and two rows
        QCOMPARE(RunStore(*ws).get(*id)->config.value(QStringLiteral("rerun_of")).toString(), first);
        // A completed run has no failed step to go on from.
        RunRequest again;
        again.rerunOf = *id;
        PipelineRunner refused(*ws, again);
        QVERIFY(refused.prepare().message().contains(QStringLiteral("has no failed step")));
    }

    void aCommandRunsAgainWhenItsScriptChanges()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("script.stratus"));
        const QString script = testing::writeFile(m_dir, QStringLiteral("make.sh"), "echo 'a,b' > \"$1\"; echo '1,2' >> \"$1\"\n");
        const QByteArray yaml = QStringLiteral("name: scripted\njobs:\n  make: {type: command, command: \"/bin/sh %1 ${{outputs.table}}\", outputs: {table: dataset}}\n")
                                    .arg(script).toUtf8();
        runPipeline(*ws, yaml);
        QCOMPARE(statuses(*ws, runPipeline(*ws, yaml)).value(QStringLiteral("make")), QStringLiteral("Reused"));
        testing::writeFile(m_dir, QStringLiteral("make.sh"), "echo 'a,b' > \"$1\"; echo '3,4' >> \"$1\"\n");
        QCOMPARE(statuses(*ws, runPipeline(*ws, yaml)).value(QStringLiteral("make")), QStringLiteral("Completed"));
        QCOMPARE(DatasetStore(*ws).resolve(QStringLiteral("table"))->version, 2);
    }

    void cancelStopsRunningSteps()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("cancel.stratus"));
        const QByteArray yaml = R"(name: slow
jobs:
  wait: {type: command, command: /bin/sleep 30}
  after: {type: command, command: /bin/true, inputs: {x: "${{parent.jobs.wait.outputs.done}}"}}
  also: {type: command, command: /bin/sleep 30}
)";
        // `after` reads an output `wait` does not declare: invalid. Declare it.
        QByteArray fixed = yaml;
        fixed.replace("command: /bin/sleep 30}\n  after", "command: /bin/sleep 30, outputs: {done: file}}\n  after");
        auto parsed = readPipelineYaml(fixed, QStringLiteral("slow.yaml"));
        QVERIFY2(parsed && validate(*parsed).isEmpty(), parsed ? qPrintable(validate(*parsed).value(0).text()) : qPrintable(parsed.message()));
        QVERIFY(PipelineStore(*ws).create(QStringLiteral("slow"), {}, fixed));
        RunRequest request;
        request.pipeline = QStringLiteral("slow");
        PipelineRunner runner(*ws, request);
        QVERIFY(runner.prepare());
        QElapsedTimer clock;
        clock.start();
        QTimer::singleShot(1000, [&] { runner.cancel(); });
        auto future = QtConcurrent::run([&] { return runner.run(); });
        while (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QCOMPARE(future.result(), QStringLiteral("Canceled"));
        QVERIFY2(clock.elapsed() < 15000, "the sleeping commands were killed");
        const auto s = statuses(*ws, runner.runId());
        QCOMPARE(s.value(QStringLiteral("wait")), QStringLiteral("Canceled"));
        QCOMPARE(s.value(QStringLiteral("also")), QStringLiteral("Canceled"));
        QCOMPARE(s.value(QStringLiteral("after")), QStringLiteral("Canceled"));
        QCOMPARE(RunStore(*ws).get(runner.runId())->status, RunStatus::Canceled);
    }

    void cliCommands()
    {
        const QString ws = m_dir.filePath(QStringLiteral("cli.stratus"));
        const QString data = testing::writeFile(m_dir, QStringLiteral("cli.csv"), numbersCsv(20));
        const QString file = testing::writeFile(m_dir, QStringLiteral("cli.yaml"), QStringLiteral(R"(name: cli-pipe
inputs:
  cut: {type: integer, default: 5}
jobs:
  import: {type: import, path: "%1", dataset: cli-data}
  small:
    type: transform
    inputs: {dataset: "${{parent.jobs.import.outputs.dataset}}"}
    dataset: cli-small
    filter: "x < ${{parent.inputs.cut}}"
)").arg(data).toUtf8());
        auto r = testing::runCli({"--workspace", ws, "pipeline", "validate", file});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("import -> small"));
        r = testing::runCli({"--workspace", ws, "pipeline", "create", file, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("version")].toInt(), 1);
        r = testing::runCli({"--workspace", ws, "pipeline", "create", file});
        QVERIFY(r.out.contains("unchanged"));
        r = testing::runCli({"--workspace", ws, "pipeline", "run", "cli-pipe", "--param", "cut=8", "--wait", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject run = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(run[QStringLiteral("status")].toString(), QStringLiteral("Completed"));
        QCOMPARE(run[QStringLiteral("steps")][1][QStringLiteral("outputs")][QStringLiteral("dataset")].toString(), QStringLiteral("cli-small:1"));
        r = testing::runCli({"--workspace", ws, "dataset", "show", "cli-small", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("rows")].toInt(), 8);
        r = testing::runCli({"--workspace", ws, "pipeline", "run", "cli-pipe", "--param", "cut=eight", "--wait"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("the parameter 'cut' is an integer, not 'eight'"), r.err.constData());
        r = testing::runCli({"--workspace", ws, "pipeline", "run", "cli-pipe", "--param", "cutt=3", "--wait"});
        QVERIFY2(r.err.contains("has no parameter 'cutt' (cut)"), r.err.constData());

        // A relative path reads from the pipeline file's folder, whatever the current folder.
        QDir().mkpath(m_dir.filePath(QStringLiteral("project/in")));
        testing::writeFile(m_dir, QStringLiteral("project/in/a.csv"), numbersCsv(4));
        const QString relative = testing::writeFile(m_dir, QStringLiteral("project/rel.yaml"),
                                                    "name: rel\njobs:\n  import: {type: import, path: in, dataset: rel-data}\n");
        r = testing::runCli({"--workspace", ws, "pipeline", "create", relative});
        QVERIFY2(r.code == 0, r.err.constData());
        r = testing::runCli({"--workspace", ws, "pipeline", "run", "rel", "--wait"}, QDir::rootPath());
        QVERIFY2(r.code == 0, (r.out + r.err).constData());

        // Without --wait the run goes on in a process of its own.
        r = testing::runCli({"--workspace", ws, "pipeline", "run", "cli-pipe", "--param", "cut=3", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString background = QJsonDocument::fromJson(r.out)[QStringLiteral("run_id")].toString();
        QString status;
        for (int i = 0; i < 100 && status != QLatin1String("Completed") && status != QLatin1String("Failed"); ++i) {
            QThread::msleep(100);
            r = testing::runCli({"--workspace", ws, "pipeline", "status", background, "--json"});
            status = QJsonDocument::fromJson(r.out)[QStringLiteral("status")].toString();
        }
        QCOMPARE(status, QStringLiteral("Completed"));
        r = testing::runCli({"--workspace", ws, "pipeline", "runs", "cli-pipe", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2); // the refused runs never started
        r = testing::runCli({"--workspace", ws, "pipeline", "list", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out)[0][QStringLiteral("last_run")][QStringLiteral("run_id")].toString(), background);

        // export gives back the file as written; delete keeps the runs.
        const QString exported = m_dir.filePath(QStringLiteral("exported.yaml"));
        r = testing::runCli({"--workspace", ws, "pipeline", "export", "cli-pipe", "--output", exported});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(testing::readFile(exported), testing::readFile(file));
        r = testing::runCli({"--workspace", ws, "pipeline", "show", "cli-pipe:1", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("jobs")][QStringLiteral("small")][QStringLiteral("filter")].toString(),
                 QStringLiteral("x < ${{parent.inputs.cut}}"));
        r = testing::runCli({"--workspace", ws, "pipeline", "delete", "cli-pipe"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = testing::runCli({"--workspace", ws, "pipeline", "show", "cli-pipe"});
        QVERIFY(r.err.contains("there is no pipeline named 'cli-pipe'"));
        r = testing::runCli({"--workspace", ws, "pipeline", "status", background});
        QVERIFY2(r.code == 0 && r.out.contains("Completed"), r.err.constData());

        // An invalid file is refused with every problem, naming the line.
        const QString bad = testing::writeFile(m_dir, QStringLiteral("bad.yaml"), "name: bad\njobs:\n  a: {type: import, path: x}\n  b: {type: evaluate}\n");
        r = testing::runCli({"--workspace", ws, "pipeline", "create", bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("bad.yaml:3: step 'a', field 'dataset'") && r.err.contains("bad.yaml:4: step 'b', field 'inputs.model'"), r.err.constData());
    }

    void scheduleTimes()
    {
        const QDateTime t0(QDate(2026, 3, 2), QTime(10, 30)); // a Monday
        auto hourly = Schedule::parse(QStringLiteral("1h"), {}, {}, t0);
        QVERIFY(hourly);
        QCOMPARE(hourly->nextFire(t0), t0.addSecs(3600));
        QCOMPARE(hourly->nextFire(t0.addSecs(3600)), t0.addSecs(7200));
        QCOMPARE(hourly->firesBetween(t0, t0.addSecs(5 * 3600 + 5)), 5);
        auto nightly = Schedule::parse(QStringLiteral("1d"), QStringLiteral("02:00,14:30"), {}, t0);
        QCOMPARE(nightly->nextFire(t0), QDateTime(QDate(2026, 3, 2), QTime(14, 30)));
        QCOMPARE(nightly->nextFire(QDateTime(QDate(2026, 3, 2), QTime(14, 30))), QDateTime(QDate(2026, 3, 3), QTime(2, 0)));
        auto everyOther = Schedule::parse(QStringLiteral("2d"), QStringLiteral("02:00"), {}, t0);
        QCOMPARE(everyOther->nextFire(t0), QDateTime(QDate(2026, 3, 4), QTime(2, 0)));
        QCOMPARE(everyOther->nextFire(QDateTime(QDate(2026, 3, 4), QTime(3, 0))), QDateTime(QDate(2026, 3, 6), QTime(2, 0)));
        auto weekly = Schedule::parse(QStringLiteral("1w"), QStringLiteral("09:00"), {}, t0);
        QCOMPARE(weekly->nextFire(t0), QDateTime(QDate(2026, 3, 9), QTime(9, 0)));
        auto back = Schedule::fromJson(weekly->toJson());
        QVERIFY(back);
        QCOMPARE(back->nextFire(t0), weekly->nextFire(t0));
        QVERIFY(!Schedule::parse(QStringLiteral("1x"), {}, {}, t0));
        QCOMPARE(Schedule::parse(QStringLiteral("2h"), QStringLiteral("02:00"), {}, t0).message(),
                 QStringLiteral("at: times of day go with days or weeks (--every 1d --at 02:00), not with '2h'"));
    }

    void schedulesFireOnAClockTheTestControls()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("schedules.stratus"));
        QVERIFY(PipelineStore(*ws).create(QStringLiteral("tick"), {}, "name: tick\njobs:\n  say: {type: command, command: /bin/true}\n"));
        const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0));
        QDateTime clock = t0;
        TriggerStore triggers(*ws);
        auto once = Schedule::parse(QStringLiteral("1h"), {}, QStringLiteral("run_once"), t0);
        auto skip = Schedule::parse(QStringLiteral("1h"), {}, QStringLiteral("skip"), t0);
        auto a = triggers.create(QStringLiteral("tick"), QStringLiteral("schedule"), once->toJson());
        auto b = triggers.create(QStringLiteral("tick"), QStringLiteral("schedule"), skip->toJson());
        QVERIFY(a && b);
        PipelineScheduler scheduler(*ws, [&] { return clock; });
        QStringList messages;
        connect(&scheduler, &PipelineScheduler::message, this, [&](const QString &m) { messages << m; });
        QVERIFY(scheduler.start(0));
        QCOMPARE(scheduler.tick().size(), 0);
        clock = t0.addSecs(1800);
        QCOMPARE(scheduler.tick().size(), 0);
        clock = t0.addSecs(3600 + 2); // both are due, on time
        QCOMPARE(scheduler.tick().size(), 2);
        QCOMPARE(scheduler.tick().size(), 0);
        scheduler.waitForRuns();
        // No scheduler ran from 11:00 to 15:00: windows 12:00, 13:00, 14:00 and 15:00 were missed.
        clock = t0.addSecs(5 * 3600 + 120);
        const QStringList late = scheduler.tick();
        QCOMPARE(late.size(), 1); // run_once runs one now; skip does not
        scheduler.waitForRuns();
        QCOMPARE(triggers.get(a->id)->state.value(QStringLiteral("missed")).toInt(), 4);
        QCOMPARE(triggers.get(b->id)->state.value(QStringLiteral("missed")).toInt(), 4);
        QCOMPARE(triggers.get(a->id)->state.value(QStringLiteral("next_due")).toString(), t0.addSecs(6 * 3600).toString(Qt::ISODateWithMs));
        QVERIFY2(messages.filter(QStringLiteral("missed 4 window(s)")).size() == 2, qPrintable(messages.join(QLatin1Char('\n'))));
        QCOMPARE(RunStore(*ws).get(late.first())->status, RunStatus::Completed);
        scheduler.stop();
    }

    void datasetAndFolderTriggers()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("dtrigger.stratus"));
        const QString folder = m_dir.filePath(QStringLiteral("drop"));
        QDir().mkpath(folder);
        const QByteArray yaml = R"(name: on-data
inputs:
  data: {type: string, default: "numbers-in:latest"}
jobs:
  keep:
    type: transform
    inputs: {dataset: "${{parent.inputs.data}}"}
    dataset: numbers-kept
    filter: x < 5
)";
        QVERIFY(PipelineStore(*ws).create(QStringLiteral("on-data"), {}, yaml));
        QVERIFY(PipelineStore(*ws).create(QStringLiteral("on-file"), {},
                                          QStringLiteral("name: on-file\ninputs:\n  file: {type: string, default: none}\njobs:\n"
                                                         "  import: {type: import, path: \"${{parent.inputs.file}}\", dataset: dropped}\n").toUtf8()));
        TriggerStore triggers(*ws);
        QVERIFY(triggers.create(QStringLiteral("on-data"), QStringLiteral("dataset"),
                                {{QStringLiteral("dataset"), QStringLiteral("numbers-in")}, {QStringLiteral("parameter"), QStringLiteral("data")}}));
        QVERIFY(triggers.create(QStringLiteral("on-file"), QStringLiteral("folder"),
                                {{QStringLiteral("folder"), folder}, {QStringLiteral("pattern"), QStringLiteral("*.csv")}, {QStringLiteral("parameter"), QStringLiteral("file")}}));
        PipelineScheduler scheduler(*ws);
        QVERIFY(scheduler.start(0));
        QCOMPARE(scheduler.tick().size(), 0);
        auto registered = importDataset(*ws, testing::writeFile(m_dir, QStringLiteral("in.csv"), numbersCsv(12)), CsvReadOptions(),
                                        RegisterRequest{QStringLiteral("numbers-in"), {}, {}, {}, {}});
        QVERIFY(registered);
        QStringList started = scheduler.tick();
        QCOMPARE(started.size(), 1);
        scheduler.waitForRuns();
        QCOMPARE(RunStore(*ws).get(started.first())->config[QStringLiteral("parameters")][QStringLiteral("data")].toString(), QStringLiteral("numbers-in:1"));
        QCOMPARE(DatasetStore(*ws).resolve(QStringLiteral("numbers-kept"))->rows, qint64(5));
        QCOMPARE(scheduler.tick().size(), 0); // nothing new
        testing::writeFile(m_dir, QStringLiteral("drop/first.csv"), numbersCsv(7));
        started = scheduler.tick();
        QCOMPARE(started.size(), 1);
        scheduler.waitForRuns();
        QCOMPARE(DatasetStore(*ws).resolve(QStringLiteral("dropped"))->rows, qint64(7));
        QCOMPARE(scheduler.tick().size(), 0);
        scheduler.stop();
    }

    void publishedRestTrigger()
    {
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("rest.stratus"));
        QVERIFY(PipelineStore(*ws).create(QStringLiteral("rest"), {},
                                          "name: rest\ninputs:\n  n: {type: integer, default: 1}\njobs:\n  say: {type: command, command: \"/bin/echo ${{parent.inputs.n}}\"}\n"));
        const int port = EndpointStore::freePort(QStringLiteral("127.0.0.1"));
        const QString key = QStringLiteral("k3y-that-is-long-enough-000");
        QVERIFY(TriggerStore(*ws).create(QStringLiteral("rest"), QStringLiteral("published"),
                                         {{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), port}, {QStringLiteral("key"), key}}));
        PipelineScheduler scheduler(*ws);
        QVERIFY(scheduler.start(0));
        QNetworkAccessManager net;
        auto call = [&](const QByteArray &method, const QString &path, const QByteArray &body, const QString &bearer) {
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            if (!bearer.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
            QNetworkReply *reply = net.sendCustomRequest(request, method, body);
            while (!reply->isFinished())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            reply->deleteLater();
            return std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object()};
        };
        QCOMPARE(call("POST", QStringLiteral("/run"), "{}", {}).first, 401);
        QCOMPARE(call("POST", QStringLiteral("/run"), "{}", QStringLiteral("wrong-key-wrong-key-wrong")).first, 401);
        auto bad = call("POST", QStringLiteral("/run"), R"({"parameters": {"n": "many"}})", key);
        QCOMPARE(bad.first, 400);
        QVERIFY(bad.second[QStringLiteral("error")].toString().contains(QStringLiteral("the parameter 'n' is an integer")));
        auto ok = call("POST", QStringLiteral("/run"), R"({"ExperimentName": "from-rest", "ParameterAssignments": {"n": 7}})", key);
        QCOMPARE(ok.first, 202);
        const QString runId = ok.second[QStringLiteral("run_id")].toString();
        scheduler.waitForRuns();
        auto status = call("GET", QStringLiteral("/runs/") + runId, {}, key);
        QCOMPARE(status.first, 200);
        QCOMPARE(status.second[QStringLiteral("status")].toString(), QStringLiteral("Completed"));
        QCOMPARE(status.second[QStringLiteral("experiment")].toString(), QStringLiteral("from-rest"));
        QCOMPARE(status.second[QStringLiteral("parameters")][QStringLiteral("n")].toDouble(), 7.0);
        QCOMPARE(call("GET", QStringLiteral("/runs/") + runId, {}, {}).first, 401);
        QCOMPARE(call("GET", QStringLiteral("/runs/Pipeline_nope"), {}, key).first, 404);
        // Removed, it stops answering at the scheduler's next tick.
        const QList<PipelineTrigger> published = TriggerStore(*ws).list().value_or(QList<PipelineTrigger>());
        QCOMPARE(published.size(), 1);
        for (const PipelineTrigger &t : published)
            QVERIFY(TriggerStore(*ws).remove(t.id));
        scheduler.tick();
        QCOMPARE(call("POST", QStringLiteral("/run"), "{}", key).first, 0); // connection refused
        scheduler.stop();
    }

    // kill -9 of the scheduler during a run: the run ends Failed (interrupted), nothing it was
    // writing is left half-done, and the next scheduler goes on from the stored triggers.
    void schedulerKilledMidRun()
    {
        const QString ws = m_dir.filePath(QStringLiteral("killed.stratus"));
        const QString flag = m_dir.filePath(QStringLiteral("go-fast"));
        // A command step that waits, and a step after it.
        auto w = openWorkspace(ws);
        QVERIFY(w);
        QVERIFY(PipelineStore(**w).create(QStringLiteral("slow-on-data"), {}, QStringLiteral(R"(name: slow-on-data
inputs:
  data: {type: string, default: "x"}
jobs:
  wait: {type: command, command: /bin/sh -c "test -f %1 || sleep 60"}
  keep: {type: command, command: /bin/true, inputs: {data: "${{parent.inputs.data}}"}}
)").arg(flag).toUtf8()));
        QVERIFY(TriggerStore(**w).create(QStringLiteral("slow-on-data"), QStringLiteral("dataset"),
                                         {{QStringLiteral("dataset"), QStringLiteral("slow-in")}, {QStringLiteral("parameter"), QStringLiteral("data")}}));
        QProcess scheduler;
        scheduler.setProcessChannelMode(QProcess::MergedChannels);
        scheduler.start(QStringLiteral(STRATUS_CLI), {QStringLiteral("--workspace"), ws, QStringLiteral("pipeline"), QStringLiteral("scheduler")});
        QVERIFY(scheduler.waitForReadyRead(10000));
        // One scheduler per workspace: a second one is refused while the first runs.
        const auto second = testing::runCli({QStringLiteral("--workspace"), ws, QStringLiteral("pipeline"), QStringLiteral("scheduler")});
        QCOMPARE(second.code, 1);
        QVERIFY2(second.err.contains("another scheduler runs this workspace's pipelines"), second.err.constData());
        QVERIFY(importDataset(**w, testing::writeFile(m_dir, QStringLiteral("slow.csv"), numbersCsv(5)), CsvReadOptions(),
                              RegisterRequest{QStringLiteral("slow-in"), {}, {}, {}, {}}));
        QString runId;
        for (int i = 0; i < 100 && runId.isEmpty(); ++i) {
            QThread::msleep(100);
            for (const Run &r : RunStore(**w).list().value_or(QList<Run>()))
                if (r.kind == QLatin1String("pipeline") && r.status == RunStatus::Running)
                    runId = r.id;
        }
        QVERIFY2(!runId.isEmpty(), scheduler.readAll().constData());
        QThread::msleep(300);
        ::kill(pid_t(scheduler.processId()), SIGKILL);
        QVERIFY(scheduler.waitForFinished(5000));
        w->reset();

        // The next opening finds the run's process gone: the run and its steps end Failed (interrupted).
        w = openWorkspace(ws);
        QVERIFY(w);
        const Run killed = *RunStore(**w).get(runId);
        QCOMPARE(killed.status, RunStatus::Failed);
        QVERIFY(killed.wasInterrupted());
        const QList<Run> children = RunStore(**w).children(runId).value_or(QList<Run>());
        QVERIFY(!children.isEmpty());
        for (const Run &child : children)
            QVERIFY2(isTerminal(child.status), qPrintable(child.id));
        QVERIFY(!PipelineStore(**w).reusable(QStringLiteral("nothing")).value().has_value());

        // The next scheduler goes on: the next version starts a run that completes.
        testing::writeFile(m_dir, QStringLiteral("go-fast"), "1\n");
        QProcess again;
        again.setProcessChannelMode(QProcess::MergedChannels);
        again.start(QStringLiteral(STRATUS_CLI), {QStringLiteral("--workspace"), ws, QStringLiteral("pipeline"), QStringLiteral("scheduler")});
        QVERIFY(again.waitForReadyRead(10000));
        QVERIFY(importDataset(**w, testing::writeFile(m_dir, QStringLiteral("slow2.csv"), numbersCsv(6)), CsvReadOptions(),
                              RegisterRequest{QStringLiteral("slow-in"), {}, {}, {}, {}}));
        QString done;
        for (int i = 0; i < 150 && done.isEmpty(); ++i) {
            QThread::msleep(100);
            for (const Run &r : RunStore(**w).list().value_or(QList<Run>()))
                if (r.kind == QLatin1String("pipeline") && r.id != runId && r.status == RunStatus::Completed)
                    done = r.id;
        }
        again.terminate();
        QVERIFY(again.waitForFinished(10000));
        QVERIFY2(!done.isEmpty(), again.readAll().constData());
        QCOMPARE(RunStore(**w).get(done)->config[QStringLiteral("parameters")][QStringLiteral("data")].toString(), QStringLiteral("slow-in:2"));
    }

    // The retraining scenario: a folder gets a new CSV, the pipeline imports it, trains, compares with
    // the deployed model, registers and deploys; the live endpoint switches to the new version while
    // requests keep coming, and none fails. The same file again reuses every step.
    void retrainingSwitchesTheLiveEndpoint()
    {
        const QString heart = QStringLiteral(STRATUS_SHARED_DATA "/heart_failure_clinical_records_dataset.csv");
        if (!QFileInfo::exists(heart))
            QSKIP("the heart-failure file is not in ../shared/data");
        auto ws = testing::newWorkspace(m_dir, QStringLiteral("lesson.stratus"));
        const QString folder = m_dir.filePath(QStringLiteral("patients"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(heart, folder + QStringLiteral("/2026-10.csv")));
        const QByteArray yaml = QStringLiteral(R"(name: heart-failure-retraining
inputs:
  incoming: {type: string, default: "%1"}
  margin: {type: number, default: 0}
jobs:
  import: {type: import, path: "${{parent.inputs.incoming}}", dataset: heart-failure}
  split:
    type: transform
    inputs: {dataset: "${{parent.jobs.import.outputs.dataset}}"}
    dataset: heart-failure-train
    split_fraction: 0.8
    seed: 7
  train:
    type: automl
    inputs: {training_data: "${{parent.jobs.split.outputs.dataset}}"}
    task: classification
    label: DEATH_EVENT
    primary_metric: AUC_weighted
    max_trials: 3
    enable_ensembles: false
    seed: 1
  compare:
    type: compare
    inputs: {model: "${{parent.jobs.train.outputs.best_model}}", test_data: "${{parent.jobs.split.outputs.test}}"}
    reference_endpoint: heart-failure
    margin: "${{parent.inputs.margin}}"
  register: {type: register, name: heart-failure, inputs: {model: "${{parent.jobs.compare.outputs.model}}"}}
  deploy: {type: deploy, endpoint: heart-failure, auth: none, inputs: {model: "${{parent.jobs.register.outputs.model}}"}}
  score: {type: batch_score, inputs: {model: "${{parent.jobs.register.outputs.model}}", dataset: "${{parent.jobs.split.outputs.test}}"}}
  evaluate: {type: evaluate, inputs: {model: "${{parent.jobs.train.outputs.best_model}}", test_data: "${{parent.jobs.split.outputs.test}}"}}
)").arg(folder).toUtf8();
        QString status;
        const QString first = runPipeline(*ws, yaml, {}, &status);
        // The evaluation's metrics and curves, on the held-out rows.
        QString evaluation;
        for (const QJsonValue &v : pipelineRunJson(*ws, first)[QStringLiteral("steps")].toArray())
            if (v[QStringLiteral("step")].toString() == QLatin1String("evaluate"))
                evaluation = v[QStringLiteral("run_id")].toString();
        const double auc = RunStore(*ws).get(evaluation)->metrics.value(QStringLiteral("AUC_weighted"));
        QVERIFY2(auc > 0.6 && auc <= 1.0, qPrintable(QString::number(auc)));
        const QJsonObject curves = QJsonDocument::fromJson(RunStore(*ws).artifact(evaluation, QStringLiteral("curves")).value_or(QByteArray())).object();
        QVERIFY2(curves.contains(QStringLiteral("roc")), QJsonDocument(curves).toJson().left(300).constData());
        QVERIFY2(status == QLatin1String("Completed"), qPrintable(QJsonDocument(pipelineRunJson(*ws, first)).toJson()));
        for (const QString &step : statuses(*ws, first))
            QCOMPARE(step, QStringLiteral("Completed"));
        auto model = ModelStore(*ws).resolve(QStringLiteral("heart-failure"));
        QVERIFY(model);
        QCOMPARE(model->tags.value(QStringLiteral("pipeline_run")).toString(), first);
        auto endpoint = EndpointStore(*ws).get(QStringLiteral("heart-failure"));
        QVERIFY(endpoint);
        QCOMPARE(endpoint->modelReference(), QStringLiteral("heart-failure:1"));
        QVERIFY(endpoint->shouldRun);
        QCOMPARE(endpoint->tags.value(QStringLiteral("pipeline_step")).toString(), QStringLiteral("deploy"));
        QCOMPARE(DatasetStore(*ws).resolve(QStringLiteral("heart-failure-train-test-scored"))->rows, qint64(60));

        // The endpoint runs as the supervisor runs it: a serve process following its record.
        QProcess serve;
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(QStringLiteral(STRATUS_CLI), {QStringLiteral("--workspace"), ws->path(), QStringLiteral("serve"), QStringLiteral("--model"),
                                                  endpoint->modelReference(), QStringLiteral("--port"), QString::number(endpoint->port),
                                                  QStringLiteral("--auth"), QStringLiteral("none"), QStringLiteral("--endpoint"), endpoint->name});
        QVERIFY(serve.waitForReadyRead(20000));
        const QUrl uri(endpoint->scoringUri());
        const QByteArray body = R"({"data": [{"age": 75, "anaemia": 0, "creatinine_phosphokinase": 582, "diabetes": 0, "ejection_fraction": 20,
            "high_blood_pressure": 1, "platelets": 265000, "serum_creatinine": 1.9, "serum_sodium": 130, "sex": 1, "smoking": 0, "time": 4}]})";
        QNetworkAccessManager net;
        QStringList versions;
        QList<int> codes;
        std::atomic_bool running{true};
        std::function<void()> send = [&] {
            QNetworkRequest request(uri);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            QNetworkReply *reply = net.post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, [&, reply] {
                codes.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                versions.append(QString::fromUtf8(reply->rawHeader("X-Model-Version")));
                reply->deleteLater();
                if (running)
                    send();
            });
        };
        send();

        // New records arrive: the next run trains on them and (margin -1: any model passes) deploys version 2.
        QVERIFY(TriggerStore(*ws).create(QStringLiteral("heart-failure-retraining"), QStringLiteral("folder"),
                                         {{QStringLiteral("folder"), folder}, {QStringLiteral("pattern"), QStringLiteral("*.csv")},
                                          {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("margin"), QStringLiteral("-1")}}}},
                                         PipelineScheduler::folderTriggerState(folder, QStringLiteral("*.csv"))));
        PipelineScheduler scheduler(*ws);
        QVERIFY(scheduler.start(0));
        QCOMPARE(scheduler.tick().size(), 0); // the file it was trained on is not new
        QThread::msleep(1100);
        QFile more(folder + QStringLiteral("/2026-11.csv"));
        QVERIFY(QFile::copy(heart, more.fileName()));
        // The folder's new file starts the run (a folder trigger, fired by the scheduler).
        QVERIFY(more.open(QIODevice::Append));
        more.write("62,0,61,1,38,1,155000,1.1,143,1,1,270,0\n55,0,7861,0,38,0,263358.03,1.1,136,1,0,6,1\n");
        more.close();
        const QStringList fired = scheduler.tick();
        QCOMPARE(fired.size(), 1);
        while (scheduler.activeRuns() > 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const QString second = fired.first();
        QCOMPARE(RunStore(*ws).get(second)->status, RunStatus::Completed);
        QCOMPARE(EndpointStore(*ws).get(QStringLiteral("heart-failure"))->modelReference(), QStringLiteral("heart-failure:2"));
        QCOMPARE(EndpointStore(*ws).get(QStringLiteral("heart-failure"))->tags.value(QStringLiteral("pipeline_run")).toString(), second);
        QElapsedTimer clock;
        clock.start();
        while (!versions.contains(QStringLiteral("heart-failure:2")) && clock.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const qsizetype switched = versions.indexOf(QStringLiteral("heart-failure:2"));
        while (versions.size() < switched + 20 && clock.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        running = false;
        while (codes.size() < versions.size() || net.findChildren<QNetworkReply *>().size() > 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        serve.terminate();
        serve.waitForFinished(5000);
        QVERIFY2(switched > 0, qPrintable(QStringLiteral("answers: %1").arg(versions.size())));
        QCOMPARE(codes.count(200), codes.size());
        QCOMPARE(versions.mid(0, switched).count(QStringLiteral("heart-failure:1")), switched);
        QCOMPARE(versions.mid(switched).count(QStringLiteral("heart-failure:2")), versions.size() - switched);
        qInfo("%lld requests during the run, the switch at request %lld, none failed", qint64(versions.size()), qint64(switched));

        // The same files again: every step is reused, nothing new is registered or deployed.
        const QString third = runPipeline(*ws, yaml, {{QStringLiteral("margin"), QStringLiteral("-1")}});
        for (const QString &step : statuses(*ws, third))
            QCOMPARE(step, QStringLiteral("Reused"));
        QCOMPARE(ModelStore(*ws).resolve(QStringLiteral("heart-failure"))->version, 2);
    }
};

QTEST_GUILESS_MAIN(TestPipelines)
#include "tst_pipelines.moc"

// The command step (Azure's command job, PythonScriptStep): a program the
// user names, run without a shell. Its text's ${{inputs.X}} become paths of
// files holding the inputs (a dataset as CSV, metrics as JSON, any other
// value as text) and ${{outputs.Y}} paths where it writes its outputs: a file
// output is that file; a dataset output is a CSV registered as a new version
// of the dataset named by the output's `dataset` (default: the output's name).
// The program's standard output and error go to the step's log; a non-zero
// exit, a missing output, a timeout or a cancel fail the step.
#include "pipeline/steps/Steps.h"

#include "data/import/DatasetImport.h"
#include "export/BatchScoring.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace stratus::pipeline::steps {

namespace {

Result<QString> writeInput(const StepContext &c, const QString &name, const StepValue &v, const QDir &folder)
{
    if (v.type == QLatin1String("file"))
        return v.value;
    const bool dataset = v.type == QLatin1String("dataset");
    const QString path = folder.filePath(name + (dataset ? QStringLiteral(".csv") : v.type == QLatin1String("metrics") ? QStringLiteral(".json") : QStringLiteral(".txt")));
    if (dataset) {
        auto table = loadDataset(c, v.value);
        if (!table)
            return table.error();
        if (Status s = batch::writeCsv(*table, path); !s)
            return s.error();
        return path;
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(v.value.toUtf8()) < 0)
        return Error{QStringLiteral("%1: %2").arg(path, f.errorString())};
    return path;
}

QString fileHash(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

Result<QString> commandFingerprint(const StepContext &c)
{
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    QStringList words = QProcess::splitCommand(c.text(QStringLiteral("command")));
    if (!words.isEmpty() && !words.first().contains(QLatin1Char('/')))
        words.first() = QStandardPaths::findExecutable(words.first());
    for (const QString &word : words) {
        // A word may be a file itself, or end in one (--config=path).
        const QString candidate = word.contains(QLatin1Char('=')) ? word.mid(word.indexOf(QLatin1Char('=')) + 1) : word;
        const QFileInfo info(QDir(c.baseFolder).filePath(candidate));
        if (candidate.isEmpty() || !info.isFile())
            continue;
        hash.addData(info.absoluteFilePath().toUtf8());
        hash.addData(QByteArray::fromHex(fileHash(info.absoluteFilePath()).toLatin1()));
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<StepResult> commandStep(StepContext &c)
{
    const QDir work(c.workFolder);
    if (!work.mkpath(QStringLiteral("inputs")) || !work.mkpath(QStringLiteral("outputs")))
        return Error{QStringLiteral("cannot make the step's folder %1").arg(c.workFolder)};
    const QDir inputs(work.filePath(QStringLiteral("inputs"))), outputs(work.filePath(QStringLiteral("outputs")));
    QHash<QString, QString> paths;
    for (auto it = c.inputs.cbegin(); it != c.inputs.cend(); ++it) {
        auto path = writeInput(c, it.key(), it.value(), inputs);
        if (!path)
            return Error{QStringLiteral("inputs.%1: %2").arg(it.key(), path.message())};
        paths.insert(QStringLiteral("inputs.") + it.key(), *path);
    }
    const QJsonObject declared = c.settings.value(QStringLiteral("outputs")).toObject();
    for (auto it = declared.begin(); it != declared.end(); ++it) {
        const QString type = it.value().isObject() ? it.value().toObject().value(QStringLiteral("type")).toString() : it.value().toString();
        paths.insert(QStringLiteral("outputs.") + it.key(), outputs.filePath(it.key() + (type == QLatin1String("dataset") ? QStringLiteral(".csv") : QString())));
    }
    QStringList argv = QProcess::splitCommand(c.text(QStringLiteral("command")));
    if (argv.isEmpty())
        return Error{QStringLiteral("command: empty")};
    static const QRegularExpression placeholder(QStringLiteral(R"(\$\{\{\s*((?:inputs|outputs)\.[A-Za-z_][A-Za-z0-9_]*)\s*\}\})"));
    for (QString &arg : argv) {
        QString error;
        QString out;
        qsizetype last = 0;
        auto it = placeholder.globalMatch(arg);
        while (it.hasNext()) {
            const auto m = it.next();
            if (!paths.contains(m.captured(1)))
                return Error{QStringLiteral("command: ${{%1}} names no input or declared output of this step").arg(m.captured(1))};
            out += arg.mid(last, m.capturedStart() - last) + paths.value(m.captured(1));
            last = m.capturedEnd();
        }
        arg = out + arg.mid(last);
    }
    QProcess process;
    // Relative paths in the command read from the pipeline file's folder, as they were written.
    process.setWorkingDirectory(c.baseFolder.isEmpty() ? c.workFolder : c.baseFolder);
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString program = argv.takeFirst();
    c.log(QStringLiteral("$ %1 %2").arg(program, argv.join(QLatin1Char(' '))));
    process.start(program, argv);
    if (!process.waitForStarted(10000))
        return Error{QStringLiteral("command: '%1' could not be started: %2").arg(program, process.errorString())};
    const int timeout = c.settings.value(QStringLiteral("timeout_seconds")).toInt(0);
    QElapsedTimer clock;
    clock.start();
    QByteArray output;
    while (!process.waitForFinished(200)) {
        output += process.readAll();
        if (c.isCanceled() || (timeout > 0 && clock.elapsed() > qint64(timeout) * 1000)) {
            process.kill();
            process.waitForFinished(5000);
            return Error{c.isCanceled() ? QStringLiteral("canceled") : QStringLiteral("command: stopped after %1 s (timeout_seconds)").arg(timeout)};
        }
    }
    output += process.readAll();
    for (const QByteArray &line : output.split('\n'))
        if (!line.isEmpty())
            c.log(QString::fromUtf8(line));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QList<QByteArray> lines = output.trimmed().split('\n');
        return Error{QStringLiteral("command: '%1' exited with code %2%3")
                         .arg(program)
                         .arg(process.exitCode())
                         .arg(lines.isEmpty() || lines.last().isEmpty() ? QString() : QStringLiteral(": ") + QString::fromUtf8(lines.last()))};
    }
    StepResult r;
    for (auto it = declared.begin(); it != declared.end(); ++it) {
        const QJsonObject spec = it.value().isObject() ? it.value().toObject() : QJsonObject{{QStringLiteral("type"), it.value()}};
        const QString path = paths.value(QStringLiteral("outputs.") + it.key());
        if (!QFileInfo::exists(path))
            return Error{QStringLiteral("outputs.%1: the command did not write %2").arg(it.key(), path)};
        if (spec.value(QStringLiteral("type")).toString() == QLatin1String("dataset")) {
            CsvReadOptions options;
            options.onInvalid = ColumnBuilder::OnInvalid::Missing;
            RegisterRequest request;
            request.name = spec.value(QStringLiteral("dataset")).toString(it.key());
            request.description = QStringLiteral("written by pipeline run %1, step %2").arg(c.pipelineRunId, c.stepName);
            request.tags = lineageTags(c);
            auto registered = importDataset(c.workspace, path, options, request);
            if (!registered)
                return Error{QStringLiteral("outputs.%1: %2").arg(it.key(), registered.message())};
            r.outputs.insert(it.key(), datasetValue(registered->version));
        } else {
            r.outputs.insert(it.key(), {QStringLiteral("file"), path, fileHash(path)});
        }
    }
    r.summary = QStringLiteral("%1 exited 0 in %2 s").arg(program).arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1);
    return r;
}

} // namespace stratus::pipeline::steps

#include "export/SlurmScoring.h"

#include "compute/JobFollower.h"
#include "compute/SharedFolder.h"
#include "data/TableFile.h"
#include "export/BatchScoring.h"
#include "ml/automl/SlurmTrial.h"
#include "ml/model/TrainedPipeline.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QSaveFile>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>
#include <unordered_map>

namespace stratus {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::SlurmScoring)
};

// Appends `more`'s rows to `into` (the same columns, in order); string codes
// are mapped through the values, so dictionaries may differ between chunks.
void appendRows(DataTable &into, const DataTable &more)
{
    for (size_t c = 0; c < into.columns.size(); ++c) {
        DataColumn &to = into.columns[c];
        const DataColumn &from = more.columns[c];
        if (to.isNumeric()) {
            to.numbers.insert(to.numbers.end(), from.numbers.begin(), from.numbers.end());
            to.integers.insert(to.integers.end(), from.integers.begin(), from.integers.end());
            continue;
        }
        std::unordered_map<std::string, int32_t> index;
        for (size_t i = 0; i < to.dictionary.size(); ++i)
            index.emplace(to.dictionary[i], int32_t(i));
        std::vector<int32_t> mapped(from.dictionary.size());
        for (size_t i = 0; i < from.dictionary.size(); ++i) {
            auto [it, added] = index.try_emplace(from.dictionary[i], int32_t(to.dictionary.size()));
            if (added)
                to.dictionary.push_back(from.dictionary[i]);
            mapped[i] = it->second;
        }
        for (int32_t code : from.codes)
            to.codes.push_back(code < 0 ? -1 : mapped[size_t(code)]);
    }
    into.rowCount += more.rowCount;
}

// A chunk's rows with only the strings they use in each dictionary (a slice
// keeps its column's whole dictionary: a column of distinct values would
// write it whole into every chunk).
DataTable compacted(DataTable chunk)
{
    for (DataColumn &c : chunk.columns) {
        if (c.isNumeric())
            continue;
        std::vector<int32_t> mapped(c.dictionary.size(), -1);
        std::vector<std::string> used;
        for (int32_t &code : c.codes) {
            if (code < 0)
                continue;
            int32_t &to = mapped[size_t(code)];
            if (to < 0) {
                to = int32_t(used.size());
                used.push_back(c.dictionary[size_t(code)]);
            }
            code = to;
        }
        c.dictionary = std::move(used);
    }
    return chunk;
}

} // namespace

Result<DataTable> scoreOnSlurm(const QString &workspacePath, const ComputeProfile &profile, const QJsonObject &pipeline,
                               DataTable table, int chunks, const TaskControl &control, int *used)
{
    const slurm::SharedFolder folder(profile.slurm, workspacePath);
    const QString dir = folder.root() + QStringLiteral("/runs/score-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    if (Status s = slurm::SharedFolder::makeWritable(dir); !s)
        return s.error();
    const auto cleanup = qScopeGuard([&] { QDir(dir).removeRecursively(); });
    {
        QSaveFile f(dir + QStringLiteral("/model.json"));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(pipeline).toJson(QJsonDocument::Compact)) < 0 || !f.commit())
            return Error{Tr::tr("Cannot write %1: %2").arg(f.fileName(), f.errorString())};
    }
    const size_t rows = table.rowCount;
    int count = chunks > 0 ? chunks : profile.maxConcurrent;
    count = int(qBound<size_t>(1, size_t(count), qMax<size_t>(1, rows / 1000)));
    const size_t per = (rows + size_t(count) - 1) / size_t(count);
    if (used)
        *used = count;
    std::vector<QString> chunkDirs;
    for (int k = 0; k < count; ++k) {
        const size_t from = size_t(k) * per, to = qMin(rows, from + per);
        const QString chunkDir = dir + QStringLiteral("/chunk-%1").arg(k);
        if (Status s = slurm::SharedFolder::makeWritable(chunkDir); !s)
            return s.error();
        if (Status s = tablefile::write(compacted(table.slice(from, to)), chunkDir + QStringLiteral("/input.table")); !s)
            return s.error();
        chunkDirs.push_back(chunkDir);
        if (control.canceled())
            return Error{Tr::tr("Canceled.")};
    }
    std::atomic<bool> noCancel{false};
    const std::atomic<bool> &cancel = control.cancel ? *control.cancel : noCancel;
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, profile.maxConcurrent));
    QMutex mutex;
    int done = 0;
    std::vector<QFuture<slurm::FollowOutcome>> futures;
    for (int k = 0; k < count; ++k) {
        slurm::FollowRequest request;
        request.settings = profile.slurm;
        request.directory = chunkDirs[size_t(k)];
        request.resultFile = request.directory + QStringLiteral("/output.table");
        request.what = Tr::tr("scoring chunk %1 of %2").arg(k + 1).arg(count);
        request.job.name = folder.jobPrefix() + QStringLiteral("score-%1").arg(k + 1);
        request.job.directory = folder.onNodes(request.directory);
        request.job.command = {ml::workerProgram(profile.slurm), QStringLiteral("worker"), QStringLiteral("score"), request.job.directory};
        request.job.cpus = profile.threadsPerTrial;
        request.job.memoryMb = profile.memoryMb;
        futures.push_back(QtConcurrent::run(&pool, [request, &cancel, &mutex, &done, &control, count] {
            slurm::FollowOutcome outcome = slurm::follow(request, cancel);
            QMutexLocker lock(&mutex);
            control.report(double(++done) / double(count));
            return outcome;
        }));
    }
    QString error;
    for (int k = 0; k < count; ++k) {
        const slurm::FollowOutcome outcome = futures[size_t(k)].result();
        if (outcome.kind == slurm::FollowOutcome::Failed && error.isEmpty())
            error = Tr::tr("scoring chunk %1 of %2: %3").arg(k + 1).arg(count).arg(outcome.error);
    }
    if (control.canceled())
        return Error{Tr::tr("Canceled.")};
    if (!error.isEmpty())
        return Error{error};
    DataTable predictions;
    for (int k = 0; k < count; ++k) {
        auto part = tablefile::read(chunkDirs[size_t(k)] + QStringLiteral("/output.table"));
        if (!part)
            return part.error();
        if (k == 0)
            predictions = std::move(*part);
        else
            appendRows(predictions, *part);
    }
    if (predictions.rowCount != rows)
        return Error{Tr::tr("the chunks scored %1 rows, %2 expected").arg(predictions.rowCount).arg(rows)};
    for (DataColumn &c : predictions.columns)
        table.columns.push_back(std::move(c));
    return table;
}

static Status scoreChunk(const QString &dir);

Status runScoringWorker(const QString &dir)
{
    Status done = scoreChunk(dir);
    if (!done) { // for good: the coordinator reads it and does not submit the chunk again (JobFollower)
        QSaveFile f(slurm::failureFile(dir));
        if (f.open(QIODevice::WriteOnly)) {
            f.write(done.message().toUtf8());
            f.commit();
        }
    }
    return done;
}

static Status scoreChunk(const QString &dir)
{
    QFile marker(slurm::startedMarker(dir));
    if (!marker.open(QIODevice::WriteOnly))
        return Error{Tr::tr("Cannot write in %1: %2").arg(dir, marker.errorString())};
    marker.close();
    QFile model(dir + QStringLiteral("/../model.json"));
    if (!model.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read %1: %2").arg(model.fileName(), model.errorString())};
    auto pipeline = ml::TrainedPipeline::fromJson(QJsonDocument::fromJson(model.readAll()).object());
    if (!pipeline)
        return pipeline.error();
    auto input = tablefile::read(dir + QStringLiteral("/input.table"));
    if (!input)
        return input.error();
    const size_t kept = input->columns.size();
    auto scored = batch::score(*pipeline, std::move(*input));
    if (!scored)
        return scored.error();
    DataTable out;
    out.rowCount = scored->rowCount;
    for (size_t c = kept; c < scored->columns.size(); ++c)
        out.columns.push_back(std::move(scored->columns[c]));
    return tablefile::write(out, dir + QStringLiteral("/output.table"));
}

} // namespace stratus

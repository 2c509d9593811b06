#pragma once
// SlurmScoring: batch scoring on a Slurm profile — the dataset's rows split
// into chunks, each scored by a Slurm job running `stratus-cli worker score
// DIR`, the predictions gathered back in row order. The result is the table
// batch::score gives on this machine: every row keeps its columns and gets
// the same prediction columns (scoring is row by row, so chunks change
// nothing). Up to the profile's concurrent jobs run at once; each chunk is
// followed, retried and canceled as a trial is (compute/JobFollower).
//
// Files, under the profile's shared folder (compute/SharedFolder):
// runs/score-<id>/model.json (the model's stored pipeline), and per chunk
// chunk-<k>/input.table (its rows, data/TableFile) and output.table (the
// prediction columns, written by the worker). The folder is removed at the end.

#include "common/Result.h"
#include "common/TaskControl.h"
#include "data/DataTable.h"
#include "registry/ComputeProfile.h"

#include <QJsonObject>

namespace stratus {

// requires: profile.isSlurm(); pipeline as TrainedPipeline::fromJson takes it.
// chunks: how many jobs (0: the profile's concurrent jobs), at most one per
// 1,000 rows (a job costs more than scoring fewer rows); `used`, when given,
// gets the number of chunks it made.
// Errors: the shared folder, Slurm's (see JobFollower), a chunk's own.
Result<DataTable> scoreOnSlurm(const QString &workspacePath, const ComputeProfile &profile, const QJsonObject &pipeline,
                               DataTable table, int chunks, const TaskControl &control = {}, int *used = nullptr);

// The worker's side: DIR/input.table and DIR/../model.json in, DIR/output.table out.
Status runScoringWorker(const QString &directory);

} // namespace stratus

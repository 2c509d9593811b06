#pragma once
// The workspace schema: cumulative migrations from any older version to the
// latest, and a check that the tables and columns this build relies on exist.
//
// Version history:
//   1  datasets, their versions, columns (with profiles) and column chunks;
//      compute profiles; experiments.
//   2  runs (parent/child, status, timings, config), run metrics and
//      artifacts, models and model versions, endpoints.
//   3  runs.owner and runs.heartbeat_at: the process running a run, so that a
//      run left Running by a process that died can be recognised.
//   4  dataset_columns.format: how a column's chunks are encoded.
//   5  pipelines and their versions (the YAML definition), and the outputs of
//      pipeline steps by content hash (what a step with unchanged inputs reuses).
//   6  pipeline triggers (schedules, dataset and folder triggers, published REST
//      triggers) and the scheduler's lease (one scheduler per workspace).
//   7  pipeline_versions.base_folder: where a pipeline file's relative paths are read from.

#include "common/Result.h"

#include <QSqlDatabase>

namespace stratus::schema {

constexpr int kLatestVersion = 8;
// "STRA" in ASCII: marks an SQLite file as a Stratus workspace.
constexpr int kApplicationId = 0x53545241;

// requires: db is open and inside a write transaction; from < to <= kLatestVersion.
// ensures: the statements of versions from+1..to have run and user_version == to.
Status migrate(const QSqlDatabase &db, int from, int to);

// Checks that every table and column of the latest schema exists and that no
// foreign key is violated. Returns an Error naming the first problem.
Status check(const QSqlDatabase &db);

} // namespace stratus::schema

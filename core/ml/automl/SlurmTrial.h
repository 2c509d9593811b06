#pragma once
// SlurmTrial: an AutoML trial on a Slurm profile — the same work as
// runTrial (Trial.h), done by `stratus-cli worker trial DIR` in a Slurm job.
//
// The coordinating process (AutoMLRun, on a pool thread of the profile's
// pool: one per job in flight) writes the trial's specification into
// <shared>/stratus-<tag>/runs/<child run id>/ (spec.json: the run's
// configuration, the candidate, the scheduler's options, the staged table's
// path as the nodes see it), submits the job and follows it
// (compute/JobFollower: retries, scancel on cancel). The worker rebuilds the
// run's plan from the staged table (AutoMLPlan::fromTable: the same rows,
// folds and featurizer), runs computeTrial and leaves result.json and
// oof.bin (the out-of-fold predictions as little-endian doubles). The
// coordinator reads them and records the child run exactly as a local trial
// is recorded (recordTrial), so the leaderboard is the same: with a number
// of trials and a seed, the same as on a local profile.
//
// A job that fails for good fails its trial alone, with Slurm's reason.

#include "ml/automl/Trial.h"

namespace stratus::ml {

TrialResult runTrialOnSlurm(Workspace &workspace, const AutoMLPlan &plan, const AutoMLConfig &config, int index,
                            const QString &runId, const Candidate &candidate, const std::atomic<bool> &cancel,
                            DebugLog &log, const std::function<void()> &started = {}, const TrialOptions &options = {});

// The worker's side: reads DIR/spec.json, does the trial, writes DIR/result.json
// (and DIR/oof.bin). Returns 0, or an error for a specification it cannot
// read (the job's output shows it; the coordinator reports it).
Status runTrialWorker(const QString &directory);

// The stratus-cli the nodes run: the profile's worker command, else
// $STRATUS_CLI, else the stratus-cli beside this program (or in the build
// tree's app/cli), else "stratus-cli" on the nodes' PATH.
QString workerProgram(const SlurmSettings &settings);

} // namespace stratus::ml

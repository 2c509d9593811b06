#pragma once
// Synthetic heart-failure clinical records: the 13 columns of the UCI data
// set (Chicco & Jurman, 2020) with marginals and class means close to the
// real file's, from a deterministic generator (same seed, same rows). It is
// the sample dataset of a new workspace and the source of larger copies for
// benchmarks. The values are made up; no patient is in them.

#include "data/store/DatasetStore.h"

namespace stratus {

constexpr const char *kSampleDatasetName = "heart-failure-records";
constexpr int kSampleRows = 299;

DataTable generateHeartFailureRecords(int rows, quint64 seed = 2020);

// Registers `rows` synthetic records under `name` (a new version if it exists).
Result<Registered> registerSyntheticRecords(Workspace &workspace, const QString &name, int rows,
                                            const TaskControl &control = {});
// The sample dataset of a new workspace.
Status registerSampleDataset(Workspace &workspace);

} // namespace stratus

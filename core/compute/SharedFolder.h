#pragma once
// SharedFolder: where a Slurm profile's jobs find their work and leave their
// results — a folder this machine and the cluster's nodes both mount
// (SlurmSettings::sharedFolder as this machine sees it, nodeSharedFolder as
// the nodes do when they mount it elsewhere).
//
// Layout, under <shared>/stratus-<tag>/ (tag: 8 hex digits of the SHA-1 of
// the workspace file's canonical path, so that two workspaces never share
// files or job names):
//   data/<content hash>.v<N>.table  a dataset version as the workers read it (TableFile version N), written once
//   runs/<run id>/...            an AutoML run's worker pool (WorkerPool.h: its queue, tasks, results)
//   runs/score-<id>/...          a batch scoring's chunks (SlurmScoring.h)
//   probe-<id>/                  `compute check`'s job (SlurmCluster::probe)
// Job names are "stratus-<tag>-<what>": squeue lists a workspace's jobs by that prefix.

#include "common/Result.h"
#include "registry/ComputeProfile.h"

namespace stratus::slurm {

class SharedFolder {
public:
    SharedFolder(const SlurmSettings &settings, const QString &workspacePath);

    static QString workspaceTag(const QString &workspacePath);

    // This workspace's folder, as this machine sees it.
    QString root() const { return m_root; }
    QString runFolder(const QString &runId) const;
    QString tablePath(const QString &contentHash) const;
    // A path under the shared folder as the nodes see it.
    QString onNodes(const QString &localPath) const;
    // "stratus-<tag>-"
    QString jobPrefix() const { return m_prefix; }

    // Creates `path` (and its parents) and checks this machine can write there.
    // The error names the folder and says what to fix.
    static Status makeWritable(const QString &path);

private:
    QString m_local;
    QString m_nodes;
    QString m_root;
    QString m_prefix;
};

} // namespace stratus::slurm

#pragma once
// ComputeStore: create, list, edit and delete compute profiles.
// A new workspace has the profile "local", which uses every core.

#include "common/Result.h"
#include "registry/ComputeProfile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace stratus {

class Workspace;

// A Slurm profile's settings as stored (and as `compute list --json` shows them).
QJsonObject slurmToJson(const SlurmSettings &settings);
SlurmSettings slurmFromJson(const QJsonObject &json);

class ComputeStore {
public:
    explicit ComputeStore(Workspace &workspace) : m_ws(workspace) {}

    // Checks the name rule and the ranges; the message names the field.
    static Status validate(const ComputeProfile &profile);

    Result<QList<ComputeProfile>> list() const;
    Result<ComputeProfile> get(const QString &name) const;
    // ensures: a profile with that name did not exist and now does.
    Result<ComputeProfile> create(const ComputeProfile &profile);
    // Updates the profile with profile.id (its name may change).
    Status update(const ComputeProfile &profile);
    // Refuses while runs on the profile are queued or running.
    Status remove(const QString &name);

    // Used by the first migration: the "local" profile.
    Status createDefaultProfile();
    // The default profile's description, stored in English and shown translated
    // (QCoreApplication::translate with the context "stratus::ComputeStore").
    static constexpr const char *kDefaultDescription = QT_TRANSLATE_NOOP("stratus::ComputeStore", "This machine: one trial per core.");

private:
    Workspace &m_ws;
};

} // namespace stratus

#pragma once
// The lifecycle states of a run, as Azure ML names them. Stored as text in
// the runs table; the CHECK constraint there lists the same names.

#include <QString>
#include <optional>

namespace stratus {

enum class RunStatus { NotStarted, Queued, Running, Finalizing, Completed, Failed, Canceled };

QString runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(const QString &name);
bool isTerminal(RunStatus status);

} // namespace stratus

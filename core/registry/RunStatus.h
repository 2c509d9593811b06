#pragma once
// The lifecycle states of a run, as Azure ML names them. Stored as text in
// the runs table; the CHECK constraint there lists the same names.

#include <QString>
#include <optional>

namespace stratus {

enum class RunStatus { NotStarted, Queued, Running, Finalizing, Completed, Failed, Canceled };

QString runStatusName(RunStatus status);
// The status as the studio shows it, translated (the name stays the stored, English one).
QString runStatusLabel(RunStatus status);
// runStatusLabel of a stored name (the name itself when it is not one).
QString runStatusLabel(const QString &name);
std::optional<RunStatus> runStatusFromName(const QString &name);
bool isTerminal(RunStatus status);

} // namespace stratus

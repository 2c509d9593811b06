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
// runStatusLabel of a stored name (the name itself when it is not one), or
// of kInterrupted.
QString runStatusLabel(const QString &name);
// What the studio shows for a run marked Failed because the process running
// it ended (RunStore::recoverInterrupted): not a status of its own (the
// stored status stays Failed, as scripts read it), a name for display.
inline constexpr const char *kInterrupted = "Interrupted";
// The error RunStore::recoverInterrupted stores (English, as every stored error).
inline constexpr const char *kInterruptedError = "interrupted: the process running it ended before it finished";
std::optional<RunStatus> runStatusFromName(const QString &name);
bool isTerminal(RunStatus status);

} // namespace stratus

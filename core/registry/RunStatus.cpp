#include "registry/RunStatus.h"

#include <QCoreApplication>
#include <array>

namespace stratus {

namespace {
constexpr std::array<const char *, 7> kNames = {"NotStarted", "Queued",    "Running", "Finalizing",
                                                "Completed",  "Failed",    "Canceled"};
}

QString runStatusName(RunStatus status)
{
    return QString::fromLatin1(kNames[static_cast<size_t>(status)]);
}

QString runStatusLabel(RunStatus status)
{
    switch (status) {
    case RunStatus::NotStarted: return QCoreApplication::translate("stratus::RunStatus", "Not started");
    case RunStatus::Queued: return QCoreApplication::translate("stratus::RunStatus", "Queued");
    case RunStatus::Running: return QCoreApplication::translate("stratus::RunStatus", "Running");
    case RunStatus::Finalizing: return QCoreApplication::translate("stratus::RunStatus", "Finalizing");
    case RunStatus::Completed: return QCoreApplication::translate("stratus::RunStatus", "Completed");
    case RunStatus::Failed: return QCoreApplication::translate("stratus::RunStatus", "Failed");
    case RunStatus::Canceled: return QCoreApplication::translate("stratus::RunStatus", "Canceled");
    }
    return {};
}

QString runStatusLabel(const QString &name)
{
    if (name == QLatin1String(kInterrupted))
        return QCoreApplication::translate("stratus::RunStatus", "Interrupted");
    const auto status = runStatusFromName(name);
    return status ? runStatusLabel(*status) : name;
}

std::optional<RunStatus> runStatusFromName(const QString &name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return static_cast<RunStatus>(i);
    }
    return std::nullopt;
}

bool isTerminal(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed || status == RunStatus::Canceled;
}

} // namespace stratus

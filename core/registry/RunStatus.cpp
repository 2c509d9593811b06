#include "registry/RunStatus.h"

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

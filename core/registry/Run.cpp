#include "registry/Run.h"

namespace stratus {

double Run::durationSeconds() const
{
    if (!startedAt.isValid())
        return 0;
    const QDateTime end = endedAt.isValid() ? endedAt : QDateTime::currentDateTimeUtc();
    return double(startedAt.msecsTo(end)) / 1000.0;
}

bool higherIsBetter(const QString &metric)
{
    return !(metric.contains(QLatin1String("error")) || metric == QLatin1String("log_loss")
             || metric.endsWith(QLatin1String("_seconds")));
}

} // namespace stratus

#include "pipeline/Schedule.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace stratus::pipeline {

qint64 Schedule::periodSeconds() const
{
    const qint64 unitSeconds = unit == QLatin1Char('m') ? 60 : unit == QLatin1Char('h') ? 3600 : unit == QLatin1Char('d') ? 86400 : 7 * 86400;
    return unitSeconds * count;
}

QDateTime Schedule::nextFire(const QDateTime &after) const
{
    if (at.isEmpty()) {
        const qint64 period = periodSeconds();
        const qint64 since = anchor.secsTo(after);
        const qint64 k = since < 0 ? 1 : since / period + 1;
        return anchor.addSecs(k * period);
    }
    // Days on which it fires: the anchor's, then every `count` days (weeks: 7 count).
    const qint64 step = unit == QLatin1Char('w') ? 7 * qint64(count) : qint64(count);
    const QDate first = anchor.date();
    const QDate from = after.date() < first ? first : after.date();
    qint64 k = first.daysTo(from) / step;
    for (int tries = 0; tries < 3; ++tries, ++k) {
        const QDate day = first.addDays(k * step);
        for (const QTime &t : at) {
            const QDateTime candidate(day, t, anchor.timeSpec());
            if (candidate > after && candidate >= anchor)
                return candidate;
        }
    }
    return after.addSecs(periodSeconds()); // not reached: each step day has a time after `after`
}

int Schedule::firesBetween(const QDateTime &from, const QDateTime &to) const
{
    int n = 0;
    for (QDateTime t = nextFire(from); t <= to && n < 100000; t = nextFire(t))
        ++n;
    return n;
}

QString Schedule::describe() const
{
    QStringList times;
    for (const QTime &t : at)
        times << t.toString(QStringLiteral("HH:mm"));
    return QStringLiteral("every %1%2%3").arg(count).arg(unit).arg(times.isEmpty() ? QString() : QStringLiteral(" at ") + times.join(QLatin1Char(',')));
}

QJsonObject Schedule::toJson() const
{
    QJsonArray times;
    for (const QTime &t : at)
        times.append(t.toString(QStringLiteral("HH:mm")));
    return {{QStringLiteral("every"), QStringLiteral("%1%2").arg(count).arg(unit)},
            {QStringLiteral("at"), times},
            {QStringLiteral("missed"), runMissedOnce ? QStringLiteral("run_once") : QStringLiteral("skip")},
            {QStringLiteral("anchor"), anchor.toString(Qt::ISODateWithMs)}};
}

Result<Schedule> Schedule::fromJson(const QJsonObject &o)
{
    QStringList times;
    for (const QJsonValue &v : o.value(QStringLiteral("at")).toArray())
        times << v.toString();
    return parse(o.value(QStringLiteral("every")).toString(), times.join(QLatin1Char(',')), o.value(QStringLiteral("missed")).toString(),
                 QDateTime::fromString(o.value(QStringLiteral("anchor")).toString(), Qt::ISODateWithMs));
}

Result<Schedule> Schedule::parse(const QString &every, const QString &at, const QString &missed, const QDateTime &anchor)
{
    static const QRegularExpression re(QStringLiteral("^([1-9][0-9]{0,4})([mhdw])$"));
    const auto m = re.match(every.trimmed());
    if (!m.hasMatch())
        return Error{QStringLiteral("every: N followed by m, h, d or w (15m, 2h, 1d, 1w), not '%1'").arg(every)};
    Schedule s;
    s.count = m.captured(1).toInt();
    s.unit = m.captured(2).at(0);
    s.anchor = anchor.isValid() ? anchor : QDateTime::currentDateTime();
    for (const QString &part : at.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QTime t = QTime::fromString(part.trimmed(), QStringLiteral("H:mm"));
        if (!t.isValid())
            return Error{QStringLiteral("at: times of day as HH:MM (02:00,14:30), not '%1'").arg(part.trimmed())};
        s.at.append(t);
    }
    std::sort(s.at.begin(), s.at.end());
    if (!s.at.isEmpty() && s.unit != QLatin1Char('d') && s.unit != QLatin1Char('w'))
        return Error{QStringLiteral("at: times of day go with days or weeks (--every 1d --at 02:00), not with '%1'").arg(every)};
    if (!missed.isEmpty() && missed != QLatin1String("run_once") && missed != QLatin1String("skip"))
        return Error{QStringLiteral("missed: run_once or skip, not '%1'").arg(missed)};
    s.runMissedOnce = missed != QLatin1String("skip");
    return s;
}

} // namespace stratus::pipeline

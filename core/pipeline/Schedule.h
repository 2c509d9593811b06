#pragma once
// Schedule: when a scheduled pipeline fires, as Azure ML's recurrence
// schedules say it: every N minutes, hours, days or weeks ("15m", "2h", "1d",
// "1w"), from the moment it was made (its anchor); days and weeks may name
// times of day instead ("02:00,14:30", local time), on the anchor's day and
// every N days (or N weeks) after it. A window the scheduler missed (no
// scheduler ran then) is run once when it comes back, or skipped
// (`missed`: run_once, the default, or skip).

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTime>

namespace stratus::pipeline {

struct Schedule {
    int count = 1;
    QChar unit = QLatin1Char('d'); // m, h, d, w
    QList<QTime> at;               // days and weeks only; sorted
    bool runMissedOnce = true;
    QDateTime anchor;              // when it was made

    qint64 periodSeconds() const;
    // The first fire time strictly after `after`.
    QDateTime nextFire(const QDateTime &after) const;
    // How many fire times fall in (from, to].
    int firesBetween(const QDateTime &from, const QDateTime &to) const;
    QString describe() const; // "every 1d at 02:00"

    QJsonObject toJson() const;
    static Result<Schedule> fromJson(const QJsonObject &json);
    // --every "1d", --at "02:00,14:00" (may be empty), --missed run_once|skip.
    static Result<Schedule> parse(const QString &every, const QString &at, const QString &missed, const QDateTime &anchor);
};

} // namespace stratus::pipeline

#include "LeaderboardOutput.h"

#include "CliOutput.h"

#include <QJsonObject>
#include <cmath>

namespace stratus::cli {

namespace {

QJsonValue finite(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

} // namespace

QString trialLine(const ml::TrialResult &r, const QString &metric)
{
    return QStringLiteral("Trial %1  %2  %3 %4  %5 s  %6")
        .arg(r.index, 3)
        .arg(r.algorithm, -20)
        .arg(metric)
        .arg(r.status == RunStatus::Completed ? QString::number(r.metrics.value(metric), 'f', 4) : QStringLiteral("-"))
        .arg(r.seconds, 0, 'f', 1)
        .arg(runStatusName(r.status) + (r.error.isEmpty() ? QString() : QStringLiteral(": ") + r.error));
}

QJsonArray leaderboardJson(const QList<ml::TrialResult> &board)
{
    QJsonArray rows;
    for (const ml::TrialResult &r : board) {
        QJsonObject o{{QStringLiteral("run_id"), r.runId},
                      {QStringLiteral("algorithm"), r.algorithm},
                      {QStringLiteral("status"), runStatusName(r.status)},
                      {QStringLiteral("duration_seconds"), r.seconds}};
        for (auto it = r.metrics.cbegin(); it != r.metrics.cend(); ++it)
            o.insert(it.key(), finite(it.value()));
        if (!r.fidelity.isEmpty())
            o.insert(QStringLiteral("fidelity"), r.fidelity);
        if (!r.error.isEmpty())
            o.insert(QStringLiteral("error"), r.error);
        rows.append(o);
    }
    return rows;
}

void printLeaderboard(const QList<ml::TrialResult> &board, const QString &metric)
{
    QList<QStringList> table;
    int rank = 0;
    for (const ml::TrialResult &r : board)
        table << QStringList{QString::number(++rank), r.runId, r.algorithm,
                             r.status == RunStatus::Completed ? QString::number(r.metrics.value(metric), 'f', 4) : QString(),
                             QString::number(r.seconds, 'f', 1), runStatusName(r.status)};
    out() << '\n';
    printTable({QStringLiteral("RANK"), QStringLiteral("RUN"), QStringLiteral("ALGORITHM"), metric, QStringLiteral("SECONDS"),
                QStringLiteral("STATUS")},
               table);
}

void printGuardrails(const QJsonArray &guardrails)
{
    if (guardrails.isEmpty())
        return;
    QList<QStringList> checks;
    for (const QJsonValue &g : guardrails)
        checks << QStringList{g[QStringLiteral("name")].toString(), g[QStringLiteral("status")].toString(),
                              g[QStringLiteral("description")].toString()};
    out() << '\n';
    printTable({QStringLiteral("DATA GUARDRAIL"), QStringLiteral("STATUS"), QStringLiteral("DETAILS")}, checks);
}

} // namespace stratus::cli

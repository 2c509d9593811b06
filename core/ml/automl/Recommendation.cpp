#include "ml/automl/Recommendation.h"

#include <QJsonArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace stratus::ml {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::Recommendation)
};

QString number(double v)
{
    return QLocale::c().toString(v, 'g', 3);
}

QString score(double v)
{
    return QLocale::c().toString(v, 'f', 4);
}

} // namespace

Recommendation recommendation(const Run &parent, const QList<Run> &children)
{
    Recommendation r;
    r.metric = parent.config.value(QStringLiteral("primary_metric")).toString();
    QList<const Run *> board;
    for (const Run &c : children)
        if (c.status == RunStatus::Completed && c.metrics.contains(r.metric) && !std::isnan(c.metrics.value(r.metric)))
            board << &c;
    const bool higher = higherIsBetter(r.metric);
    std::stable_sort(board.begin(), board.end(), [&](const Run *a, const Run *b) {
        const double x = a->metrics.value(r.metric), y = b->metrics.value(r.metric);
        return higher ? x > y : x < y;
    });
    r.ranked = int(board.size());
    if (board.isEmpty())
        return r;
    r.topRunId = board.first()->id;
    r.topAlgorithm = board.first()->algorithm;
    r.topScore = board.first()->metrics.value(r.metric);
    const QString chosen = parent.config.value(QStringLiteral("best_child_run_id")).toString();
    for (int i = 0; i < board.size(); ++i)
        if (board[i]->id == chosen) {
            r.runId = chosen;
            r.algorithm = board[i]->algorithm;
            r.rank = i + 1;
            r.score = board[i]->metrics.value(r.metric);
        }
    if (r.runId.isEmpty())
        return r;
    const QJsonObject why = parent.config.value(QStringLiteral("best_reason")).toObject();
    const QString code = why.value(QStringLiteral("code")).toString();
    const QString head = r.isTop() ? Tr::tr("Recommended: %1, the top-ranked model (%2 %3 of %4 models).")
                                         .arg(r.algorithm, r.metric, score(r.score), QString::number(r.ranked))
                                   : Tr::tr("Recommended: %1, rank %2 of %3 (%4 %5).")
                                         .arg(r.algorithm, QString::number(r.rank), QString::number(r.ranked), r.metric, score(r.score));
    QString because;
    if (code == QLatin1String("blend")) {
        because = Tr::tr("It averages the best trial of each of the three strongest algorithms with equal weights, so its "
                         "score is not flattered by the choice among many trials, and on small data it holds out better. "
                         "The top-ranked %1 (%2) is ahead by only %3, within three standard errors of their difference "
                         "(3 × %4 = %5).")
                      .arg(r.topAlgorithm, score(r.topScore), number(why.value(QStringLiteral("gap")).toDouble()),
                           number(why.value(QStringLiteral("standard_error")).toDouble()),
                           number(3 * why.value(QStringLiteral("standard_error")).toDouble()));
        if (r.isTop())
            because = Tr::tr("It averages the best trial of each of the three strongest algorithms with equal weights, and "
                             "it also ranks first.");
    } else if (code == QLatin1String("top") && why.contains(QStringLiteral("blend_gap"))) {
        because = Tr::tr("The BestOfFamilyEnsemble, which is preferred when it is close, was %1 behind it: more than three "
                         "standard errors of their difference (3 × %2 = %3).")
                      .arg(number(why.value(QStringLiteral("blend_gap")).toDouble()),
                           number(why.value(QStringLiteral("blend_standard_error")).toDouble()),
                           number(3 * why.value(QStringLiteral("blend_standard_error")).toDouble()));
    } else if (code == QLatin1String("refit_time")) {
        because = Tr::tr("Refitting the top-ranked %1 on every row would have taken about %2 s, more than the %3 s the "
                         "experiment timeout left.")
                      .arg(why.value(QStringLiteral("skipped_algorithm")).toString(),
                           number(why.value(QStringLiteral("refit_seconds")).toDouble()),
                           number(why.value(QStringLiteral("seconds_left")).toDouble()));
    } else if (code == QLatin1String("canceled")) {
        because = Tr::tr("The run was canceled: this is its best completed model, refitted on every row when you register it.");
    } else if (code == QLatin1String("interrupted")) {
        because = Tr::tr("The run was interrupted: this is its best completed model, refitted on every row when you register it.");
    }
    const QString after = why.value(QStringLiteral("ensembled_after")).toString();
    if (after == QLatin1String("canceled"))
        because += QLatin1Char(' ') + Tr::tr("The ensembles were built from the completed trials after the run was canceled.");
    else if (after == QLatin1String("interrupted"))
        because += QLatin1Char(' ') + Tr::tr("The ensembles were built from the completed trials after the run was interrupted.");
    because = because.trimmed();
    r.sentence = because.isEmpty() ? head : head + QLatin1Char(' ') + because;
    return r;
}

QString endSentence(const Run &parent)
{
    if (!isTerminal(parent.status))
        return {};
    if (parent.wasInterrupted())
        return Tr::tr("It was interrupted: the process running it ended before it finished.");
    const QJsonObject why = parent.config.value(QStringLiteral("end_reason")).toObject();
    const QString code = why.value(QStringLiteral("code")).toString();
    const QString trials = QString::number(why.value(QStringLiteral("trials")).toInt());
    if (code == QLatin1String("budget") && why.value(QStringLiteral("nothing_fits")).toBool())
        return Tr::tr("It ended before the experiment timeout (%1 s): nothing left to try would have finished, with its refit, in the time left.")
            .arg(QString::number(why.value(QStringLiteral("seconds")).toInt()));
    if (code == QLatin1String("budget"))
        return Tr::tr("It ended when the experiment timeout (%1 s) was reached.")
            .arg(QString::number(why.value(QStringLiteral("seconds")).toInt()));
    if (code == QLatin1String("max_trials"))
        return Tr::tr("It ended after the %1 trials it was allowed.").arg(trials);
    if (code == QLatin1String("early_stopping"))
        return Tr::tr("It stopped early after %1 trials: the last %2 did not improve on the best.")
            .arg(trials, QString::number(why.value(QStringLiteral("without_improvement")).toInt()));
    if (code == QLatin1String("exit_score"))
        return Tr::tr("It stopped after %1 trials: a model reached the exit score %2.")
            .arg(trials, QLocale::c().toString(why.value(QStringLiteral("exit_score")).toDouble(), 'g', 6));
    if (code == QLatin1String("canceled"))
        return Tr::tr("It was canceled.");
    return {};
}

QString schedulerSentence(const Run &parent)
{
    const QJsonObject scheduler = parent.config.value(QStringLiteral("scheduler")).toObject();
    if (scheduler.isEmpty() || !isTerminal(parent.status))
        return {};
    const int skipped = int(scheduler.value(QStringLiteral("skipped")).toArray().size());
    const QString wasted = QLocale().toString(scheduler.value(QStringLiteral("canceled_share")).toDouble() * 100, 'f', 1);
    if (skipped == 0)
        return Tr::tr("Canceled trials used %1% of the budget.").arg(wasted);
    return Tr::tr("%n candidate(s) were not started: they were predicted not to finish, with their refit, in the time left. "
                  "Canceled trials used %1% of the budget.", nullptr, skipped)
        .arg(wasted);
}

QString validationSentence(const QJsonObject &config)
{
    const QJsonObject d = config.value(QStringLiteral("validation_detail")).toObject();
    if (d.isEmpty())
        return config.value(QStringLiteral("validation")).toString();
    const QString rows = QString::number(d.value(QStringLiteral("rows")).toInteger());
    const qint64 all = d.value(QStringLiteral("all_rows")).toInteger();
    QString text;
    if (d.value(QStringLiteral("fraction")).toDouble() > 0)
        text = Tr::tr("%1% of %2 rows held out for validation")
                   .arg(QLocale().toString(d.value(QStringLiteral("fraction")).toDouble() * 100, 'g', 3), rows);
    else if (d.value(QStringLiteral("stratified")).toBool())
        text = Tr::tr("%1-fold stratified cross-validation over %2 rows").arg(QString::number(d.value(QStringLiteral("folds")).toInt()), rows);
    else
        text = Tr::tr("%1-fold cross-validation over %2 rows").arg(QString::number(d.value(QStringLiteral("folds")).toInt()), rows);
    if (all > d.value(QStringLiteral("rows")).toInteger())
        text += QLatin1Char(' ') + Tr::tr("(a sample of the %1 rows; the best model is refitted on all of them)").arg(QString::number(all));
    return text;
}

} // namespace stratus::ml

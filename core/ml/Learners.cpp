#include "Learners.h"

#include "LogisticRegression.h"
#include "XGBoostLearner.h"

namespace stratus::ml {

QStringList learnerNames(Task task)
{
    if (task == Task::Classification)
        return {QStringLiteral("XGBoostClassifier"), QStringLiteral("RandomForest"), QStringLiteral("LogisticRegression")};
    return {QStringLiteral("XGBoostRegressor"), QStringLiteral("RandomForest")};
}

std::unique_ptr<Learner> makeLearner(const QString &name, Task task)
{
    for (const QString &known : learnerNames(task)) {
        if (known.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (known.startsWith(QLatin1String("XGBoost")))
            return std::make_unique<XGBoostLearner>(task);
        if (known == QLatin1String("RandomForest"))
            return std::make_unique<XGBoostLearner>(task, XGBoostLearner::Flavor::RandomForest);
        if (known == QLatin1String("LogisticRegression"))
            return std::make_unique<LogisticRegression>();
    }
    return nullptr;
}

Result<std::unique_ptr<Model>> loadModel(const QString &name, const QByteArray &bytes)
{
    if (name.startsWith(QLatin1String("XGBoost"), Qt::CaseInsensitive)
        || name.compare(QLatin1String("RandomForest"), Qt::CaseInsensitive) == 0)
        return XGBoostLearner::load(bytes);
    if (name.compare(QLatin1String("LogisticRegression"), Qt::CaseInsensitive) == 0)
        return LogisticRegression::load(bytes);
    return Error{QStringLiteral("no learner can load a model of '%1'").arg(name)};
}

} // namespace stratus::ml

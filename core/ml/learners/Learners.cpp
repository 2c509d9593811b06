#include "ml/learners/Learners.h"

#include "ml/learners/ElasticNet.h"
#include "ml/learners/ExtraTrees.h"
#include "ml/learners/KernelRidge.h"
#include "ml/learners/KernelSvm.h"
#include "ml/learners/Knn.h"
#include "ml/learners/LinearSvm.h"
#include "ml/learners/LogisticRegression.h"
#include "ml/learners/Mlp.h"
#include "ml/learners/NaiveBayes.h"
#include "ml/learners/XGBoostLearner.h"

#include <functional>

namespace stratus::ml {

namespace {

enum Tasks { Classifies = 1, Regresses = 2, Both = 3 };
constexpr bool kOnnx = true; // the entry's last field: export/onnx has its graph

struct Entry {
    const char *name;
    int tasks;
    std::function<std::unique_ptr<Learner>(Task)> make;
    Result<std::unique_ptr<Model>> (*load)(const QByteArray &);
    bool onnx; // export/onnx has a graph for it (tst_learners checks the exporter agrees)
};

// In the order the search's portfolio prefers them.
const std::vector<Entry> &registry()
{
    static const std::vector<Entry> entries = {
        {"XGBoostClassifier", Classifies, [](Task t) { return std::make_unique<XGBoostLearner>(t); }, &XGBoostLearner::load, kOnnx},
        {"XGBoostRegressor", Regresses, [](Task t) { return std::make_unique<XGBoostLearner>(t); }, &XGBoostLearner::load, kOnnx},
        {"RandomForest", Both,
         [](Task t) { return std::make_unique<XGBoostLearner>(t, XGBoostLearner::Flavor::RandomForest); },
         &XGBoostLearner::load, kOnnx},
        {"ExtremeRandomTrees", Both, [](Task) { return std::make_unique<ExtraTrees>(); }, &ExtraTrees::load, kOnnx},
        {"LogisticRegression", Classifies, [](Task) { return std::make_unique<LogisticRegression>(); },
         &LogisticRegression::load, kOnnx},
        {"ElasticNet", Regresses, [](Task) { return std::make_unique<ElasticNet>(); }, &ElasticNet::load, kOnnx},
        {"SVM", Classifies, [](Task) { return std::make_unique<KernelSvm>(); }, &KernelSvm::load, kOnnx},
        {"KernelRidge", Regresses, [](Task) { return std::make_unique<KernelRidge>(); }, &KernelRidge::load, kOnnx},
        {"LinearSVM", Classifies, [](Task) { return std::make_unique<LinearSvm>(); }, &LinearSvm::load, kOnnx},
        {"KNN", Both, [](Task) { return std::make_unique<Knn>(); }, &Knn::load, kOnnx},
        {"MLP", Both, [](Task) { return std::make_unique<Mlp>(); }, &Mlp::load, kOnnx},
        {"BernoulliNaiveBayes", Classifies, [](Task) { return std::make_unique<NaiveBayes>(); }, &NaiveBayes::load, kOnnx},
    };
    return entries;
}

int bit(Task task)
{
    return task == Task::Classification ? Classifies : Regresses;
}

} // namespace

QStringList learnerNames(Task task)
{
    QStringList names;
    for (const Entry &e : registry()) {
        if (e.tasks & bit(task))
            names << QLatin1String(e.name);
    }
    return names;
}

std::unique_ptr<Learner> makeLearner(const QString &name, Task task)
{
    for (const Entry &e : registry()) {
        if ((e.tasks & bit(task)) && name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return e.make(task);
    }
    return nullptr;
}

bool exportsToOnnx(const QString &name)
{
    for (const Entry &e : registry()) {
        if (name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return e.onnx;
    }
    return false;
}

Result<std::unique_ptr<Model>> loadModel(const QString &name, const QByteArray &bytes)
{
    for (const Entry &e : registry()) {
        if (name.compare(QLatin1String(e.name), Qt::CaseInsensitive) == 0)
            return e.load(bytes);
    }
    return Error{QStringLiteral("no learner can load a model of '%1'").arg(name)};
}

} // namespace stratus::ml

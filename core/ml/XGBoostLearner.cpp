#include "XGBoostLearner.h"

#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <QJsonObject>
#include <xgboost/c_api.h>

namespace stratus::ml {

namespace {

Error xgbError(const char *what)
{
    // The library's message ends with a stack trace: keep its first line.
    const QString message = QString::fromUtf8(XGBGetLastError()).section(QLatin1Char('\n'), 0, 0).trimmed();
    return Error{QStringLiteral("XGBoost: %1: %2").arg(QLatin1String(what), message)};
}

// Owns a DMatrix handle.
struct Matrix {
    DMatrixHandle handle = nullptr;
    ~Matrix()
    {
        if (handle)
            XGDMatrixFree(handle);
    }
};

class XGBoostModel : public Model {
public:
    XGBoostModel(BoosterHandle booster, int classes, Task task) : m_booster(booster), m_classes(classes), m_task(task) {}
    ~XGBoostModel() override { XGBoosterFree(m_booster); }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        Matrix m;
        if (XGDMatrixCreateFromMat(x.values.data(), x.rows, x.cols, std::nanf(""), &m.handle) != 0)
            return {};
        const char *config = R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})";
        const bst_ulong *shape = nullptr;
        bst_ulong dims = 0;
        const float *result = nullptr;
        if (XGBoosterPredictFromDMatrix(m_booster, m.handle, config, &shape, &dims, &result) != 0)
            return {};
        bst_ulong total = 1;
        for (bst_ulong d = 0; d < dims; ++d)
            total *= shape[d];
        std::vector<double> out;
        if (m_task == Task::Classification && m_classes == 2) {
            out.reserve(x.rows * 2);
            for (bst_ulong i = 0; i < total; ++i) {
                out.push_back(1.0 - result[i]);
                out.push_back(result[i]);
            }
        } else {
            out.assign(result, result + total);
        }
        return out;
    }

    QByteArray serialize() const override
    {
        bst_ulong length = 0;
        const char *bytes = nullptr;
        if (XGBoosterSaveModelToBuffer(m_booster, R"({"format": "json"})", &length, &bytes) != 0)
            return {};
        QJsonObject header{{QStringLiteral("classes"), m_classes},
                           {QStringLiteral("task"), m_task == Task::Classification ? QStringLiteral("classification")
                                                                                   : QStringLiteral("regression")}};
        return QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n' + QByteArray(bytes, qsizetype(length));
    }

private:
    BoosterHandle m_booster;
    int m_classes;
    Task m_task;
};

} // namespace

QString XGBoostLearner::name() const
{
    if (m_flavor == Flavor::RandomForest)
        return QStringLiteral("RandomForest");
    return m_task == Task::Classification ? QStringLiteral("XGBoostClassifier") : QStringLiteral("XGBoostRegressor");
}

Params XGBoostLearner::defaults(Task task) const
{
    if (m_flavor == Flavor::RandomForest)
        return {{QStringLiteral("n_estimators"), 500}, {QStringLiteral("max_depth"), 20},
                {QStringLiteral("min_child_weight"), 1.0},
                {QStringLiteral("max_features"), task == Task::Classification ? 0.3 : 0.7},
                {QStringLiteral("subsample"), 0.632}};
    return {{QStringLiteral("n_estimators"), 200},   {QStringLiteral("learning_rate"), 0.05},
            {QStringLiteral("max_depth"), 4},        {QStringLiteral("min_child_weight"), 1.0},
            {QStringLiteral("subsample"), 0.8},      {QStringLiteral("colsample_bytree"), 0.8},
            {QStringLiteral("reg_lambda"), 1.0},     {QStringLiteral("reg_alpha"), 0.0},
            {QStringLiteral("gamma"), 0.0}};
}

Space XGBoostLearner::space(Task) const
{
    if (m_flavor == Flavor::RandomForest)
        return {{QStringLiteral("n_estimators"), 100, 600, false, true},
                {QStringLiteral("max_depth"), 3, 20, false, true},
                {QStringLiteral("min_child_weight"), 0.5, 10, true},
                {QStringLiteral("max_features"), 0.1, 1.0},
                {QStringLiteral("subsample"), 0.4, 0.9}};
    return {{QStringLiteral("n_estimators"), 50, 1000, true, true},
            {QStringLiteral("learning_rate"), 0.005, 0.3, true},
            {QStringLiteral("max_depth"), 2, 10, false, true},
            {QStringLiteral("min_child_weight"), 0.5, 20, true},
            {QStringLiteral("subsample"), 0.5, 1.0},
            {QStringLiteral("colsample_bytree"), 0.3, 1.0},
            {QStringLiteral("reg_lambda"), 1e-3, 10, true}};
}

Result<std::unique_ptr<Model>> XGBoostLearner::fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                                   const FitControl &control) const
{
    const Params p = [&] {
        Params merged = defaults(y.task);
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            merged.insert(it.key(), it.value());
        return merged;
    }();
    Matrix train;
    if (XGDMatrixCreateFromMat(x.values.data(), x.rows, x.cols, std::nanf(""), &train.handle) != 0)
        return xgbError("cannot build the training matrix");
    if (XGDMatrixSetFloatInfo(train.handle, "label", y.values.data(), y.values.size()) != 0)
        return xgbError("cannot set the labels");
    BoosterHandle booster = nullptr;
    if (XGBoosterCreate(&train.handle, 1, &booster) != 0)
        return xgbError("cannot create a booster");
    auto set = [booster](const char *key, const QString &value) {
        return XGBoosterSetParam(booster, key, value.toUtf8().constData()) == 0;
    };
    bool ok = true;
    if (y.task == Task::Regression) {
        ok &= set("objective", QStringLiteral("reg:squarederror"));
    } else if (y.classes == 2) {
        ok &= set("objective", QStringLiteral("binary:logistic"));
    } else {
        ok &= set("objective", QStringLiteral("multi:softprob"));
        ok &= set("num_class", QString::number(y.classes));
    }
    // Threads pay off only on enough data: on small data OpenMP's barriers,
    // with other work on the cores, cost far more than they save.
    const int threads = std::clamp(int(double(x.rows) * double(x.cols) / 50000.0), 1, qMax(1, control.threads));
    ok &= set("nthread", QString::number(threads));
    ok &= set("seed", QString::number(control.seed % 2147483647));
    ok &= set("tree_method", QStringLiteral("hist"));
    ok &= set("verbosity", QStringLiteral("0"));
    auto number = [&p](const char *name) { return QString::number(p.value(QString::fromLatin1(name)).toDouble(), 'g', 17); };
    if (m_flavor == Flavor::RandomForest) {
        ok &= set("num_parallel_tree", QString::number(qMax(1, p.value(QStringLiteral("n_estimators")).toInt())));
        ok &= set("eta", QStringLiteral("1"));
        ok &= set("lambda", QStringLiteral("1e-5"));
        ok &= set("max_depth", number("max_depth"));
        ok &= set("min_child_weight", number("min_child_weight"));
        ok &= set("subsample", number("subsample"));
        ok &= set("colsample_bynode", number("max_features"));
    } else {
        const std::pair<const char *, const char *> names[] = {
            {"eta", "learning_rate"},        {"max_depth", "max_depth"}, {"min_child_weight", "min_child_weight"},
            {"subsample", "subsample"},      {"colsample_bytree", "colsample_bytree"},
            {"lambda", "reg_lambda"},        {"alpha", "reg_alpha"},     {"gamma", "gamma"}};
        for (const auto &[xgbName, ourName] : names)
            ok &= set(xgbName, number(ourName));
    }
    if (!ok) {
        Error e = xgbError("a hyperparameter was refused");
        XGBoosterFree(booster);
        return e;
    }
    const int rounds = m_flavor == Flavor::RandomForest ? 1 : qMax(1, p.value(QStringLiteral("n_estimators")).toInt());
    for (int round = 0; round < rounds; ++round) {
        if (control.shouldStop())
            break; // keep the rounds done so far
        if (XGBoosterUpdateOneIter(booster, round, train.handle) != 0) {
            Error e = xgbError("training failed");
            XGBoosterFree(booster);
            return e;
        }
    }
    return std::unique_ptr<Model>(new XGBoostModel(booster, y.classes, y.task));
}

Result<std::unique_ptr<Model>> XGBoostLearner::load(const QByteArray &bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    const QJsonObject header = QJsonDocument::fromJson(bytes.left(newline)).object();
    if (newline < 0 || header.isEmpty())
        return Error{QStringLiteral("XGBoost: the stored model is damaged")};
    BoosterHandle booster = nullptr;
    if (XGBoosterCreate(nullptr, 0, &booster) != 0)
        return xgbError("cannot create a booster");
    const QByteArray model = bytes.mid(newline + 1);
    if (XGBoosterLoadModelFromBuffer(booster, model.constData(), bst_ulong(model.size())) != 0) {
        Error e = xgbError("the stored model is damaged");
        XGBoosterFree(booster);
        return e;
    }
    const Task task = header.value(QStringLiteral("task")).toString() == QLatin1String("regression")
                          ? Task::Regression
                          : Task::Classification;
    return std::unique_ptr<Model>(new XGBoostModel(booster, header.value(QStringLiteral("classes")).toInt(2), task));
}

} // namespace stratus::ml

#include "ml/learners/XGBoostLearner.h"

#include "ml/learners/FlatForest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <numeric>
#include <algorithm>
#include <cmath>
#include <optional>
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

// One booster, or (a random forest grown in chunks) several whose
// predictions are averaged, each weighted by its share of the trees.
// Frees the boosters of a fit or load that failed, and returns its error.
Result<std::unique_ptr<Model>> freeAll(const std::vector<BoosterHandle> &boosters, Error error)
{
    for (BoosterHandle b : boosters)
        XGBoosterFree(b);
    return error;
}

// A copy of a trained booster holding only its model; the original is freed
// (whatever happens).
Result<BoosterHandle> withoutCaches(BoosterHandle trained)
{
    bst_ulong length = 0;
    const char *bytes = nullptr;
    if (XGBoosterSaveModelToBuffer(trained, R"({"format": "ubj"})", &length, &bytes) != 0) {
        Error e = xgbError("cannot save a forest's chunk");
        XGBoosterFree(trained);
        return e;
    }
    const QByteArray model(bytes, qsizetype(length));
    XGBoosterFree(trained);
    BoosterHandle fresh = nullptr;
    if (XGBoosterCreate(nullptr, 0, &fresh) != 0)
        return xgbError("cannot create a booster");
    if (XGBoosterLoadModelFromBuffer(fresh, model.constData(), bst_ulong(model.size())) != 0) {
        Error e = xgbError("cannot reload a forest's chunk");
        XGBoosterFree(fresh);
        return e;
    }
    return fresh;
}

class XGBoostModel : public Model {
public:
    XGBoostModel(std::vector<BoosterHandle> boosters, std::vector<int> trees, int classes, Task task)
        : m_boosters(std::move(boosters)), m_trees(std::move(trees)), m_classes(classes), m_task(task)
    {
    }
    ~XGBoostModel() override
    {
        for (BoosterHandle b : m_boosters)
            XGBoosterFree(b);
    }

    // For a few rows (an endpoint's requests), the trees are walked by our
    // own code when every part could be read flat (FlatForest).
    void setFlat(std::vector<FlatForest> flat) { m_flat = std::move(flat); }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        if (x.rows <= kFlatRows && m_flat.size() == m_boosters.size())
            return predictFlat(x);
        Matrix m;
        // A few rows (an endpoint's request) on one thread: OpenMP's team
        // per calling thread costs far more than it saves.
        const int threads = x.rows < 10000 ? 1 : 0;
        if (XGDMatrixCreateFromMat_omp(x.values.data(), x.rows, x.cols, std::nanf(""), &m.handle, threads) != 0)
            return {};
        const double total = std::accumulate(m_trees.begin(), m_trees.end(), 0.0);
        std::vector<double> out;
        for (size_t b = 0; b < m_boosters.size(); ++b) {
            const std::vector<double> part = predictOne(m_boosters[b], m.handle);
            if (part.empty())
                return {};
            if (out.empty())
                out.assign(part.size(), 0.0);
            for (size_t i = 0; i < part.size() && i < out.size(); ++i)
                out[i] += part[i] * double(m_trees[b]) / total;
        }
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray models;
        QJsonArray parts;
        for (size_t b = 0; b < m_boosters.size(); ++b) {
            bst_ulong length = 0;
            const char *bytes = nullptr;
            if (XGBoosterSaveModelToBuffer(m_boosters[b], R"({"format": "json"})", &length, &bytes) != 0)
                return {};
            models += QByteArray(bytes, qsizetype(length));
            parts.append(QJsonObject{{QStringLiteral("bytes"), qint64(length)}, {QStringLiteral("trees"), m_trees[b]}});
        }
        QJsonObject header{{QStringLiteral("classes"), m_classes},
                           {QStringLiteral("task"), m_task == Task::Classification ? QStringLiteral("classification")
                                                                                   : QStringLiteral("regression")},
                           {QStringLiteral("parts"), parts}};
        return QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n' + models;
    }

private:
    static constexpr size_t kFlatRows = 16;

    std::vector<double> predictFlat(const FeatureMatrix &x) const
    {
        const double total = std::accumulate(m_trees.begin(), m_trees.end(), 0.0);
        const bool binary = m_task == Task::Classification && m_classes == 2;
        const size_t width = binary ? 2 : size_t(m_flat.front().outputs());
        std::vector<double> out(x.rows * width, 0.0);
        std::vector<float> values(size_t(std::max(1, m_flat.front().outputs())));
        for (size_t b = 0; b < m_flat.size(); ++b) {
            const double share = double(m_trees[b]) / total;
            for (size_t r = 0; r < x.rows; ++r) {
                m_flat[b].predict(x.values.data() + r * x.cols, x.cols, values.data());
                double *o = out.data() + r * width;
                if (binary) {
                    o[0] += (1.0 - double(values[0])) * share;
                    o[1] += double(values[0]) * share;
                } else {
                    for (size_t k = 0; k < width; ++k)
                        o[k] += double(values[k]) * share;
                }
            }
        }
        return out;
    }

    std::vector<double> predictOne(BoosterHandle booster, DMatrixHandle data) const
    {
        const char *config = R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})";
        const bst_ulong *shape = nullptr;
        bst_ulong dims = 0;
        const float *result = nullptr;
        if (XGBoosterPredictFromDMatrix(booster, data, config, &shape, &dims, &result) != 0)
            return {};
        bst_ulong total = 1;
        for (bst_ulong d = 0; d < dims; ++d)
            total *= shape[d];
        std::vector<double> out;
        if (m_task == Task::Classification && m_classes == 2) {
            out.reserve(size_t(total) * 2);
            for (bst_ulong i = 0; i < total; ++i) {
                out.push_back(1.0 - result[i]);
                out.push_back(result[i]);
            }
        } else {
            out.assign(result, result + total);
        }
        return out;
    }

    std::vector<BoosterHandle> m_boosters;
    std::vector<int> m_trees;
    int m_classes;
    Task m_task;
    std::vector<FlatForest> m_flat; // empty: XGBoost predicts
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
    // Threads pay off only on enough data: on small data OpenMP's barriers,
    // with other work on the cores, cost far more than they save.
    const int threads = std::clamp(int(double(x.rows) * double(x.cols) / 50000.0), 1, qMax(1, control.threads));
    auto number = [&p](const char *name) { return QString::number(p.value(QString::fromLatin1(name)).toDouble(), 'g', 17); };
    // A booster with every parameter set; a forest's grows `trees` per round.
    auto makeBooster = [&](int trees, quint64 seed) -> Result<BoosterHandle> {
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
        ok &= set("nthread", QString::number(threads));
        ok &= set("seed", QString::number(seed % 2147483647));
        ok &= set("tree_method", QStringLiteral("hist"));
        ok &= set("verbosity", QStringLiteral("0"));
        if (m_flavor == Flavor::RandomForest) {
            ok &= set("num_parallel_tree", QString::number(trees));
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
        return booster;
    };
    std::vector<BoosterHandle> boosters;
    std::vector<int> trees;
    auto failed = [&boosters](Error e) { return freeAll(boosters, std::move(e)); };
    if (m_flavor == Flavor::RandomForest) {
        // On large data a forest grows in chunks of trees, one booster each,
        // so that a trial can stop between chunks (the chunks' predictions
        // are averaged); on small data, where a forest takes a moment and
        // each booster would sketch the data again, in one.
        constexpr double kLargeCells = 1e6;
        const bool large = double(x.rows) * double(x.cols) >= kLargeCells;
        const int total = qMax(1, p.value(QStringLiteral("n_estimators")).toInt());
        // Chunks of at most 25 trees, and at least eight chunks: a deep tree
        // on large data takes seconds.
        const int kChunk = large ? qBound(1, (total + 7) / 8, 25) : total;
        if (control.report)
            control.report->planned = total;
        int grownTrees = 0;
        for (int grown = 0; grown < total; grown += kChunk) {
            if (grown > 0 && control.shouldStop(grown))
                break; // keep the trees grown so far
            const int chunk = qMin(kChunk, total - grown);
            auto booster = makeBooster(chunk, control.seed * 7919 + quint64(grown));
            if (!booster)
                return failed(booster.error());
            boosters.push_back(*booster);
            trees.push_back(chunk);
            if (XGBoosterUpdateOneIter(*booster, 0, train.handle) != 0)
                return failed(xgbError("training failed"));
            grownTrees += chunk;
            if (control.report) {
                control.report->reached = grownTrees;
                control.report->timeStopped = grownTrees < total && control.softDeadline.hasExpired();
            }
            // A booster keeps its training caches (histograms of every node,
            // gigabytes for deep trees on large data) until freed: on large
            // data keep only the trees, in a fresh booster.
            if (!large)
                continue;
            auto kept = withoutCaches(boosters.back());
            if (!kept) {
                boosters.pop_back(); // freed already
                return failed(kept.error());
            }
            boosters.back() = *kept;
        }
    } else {
        auto booster = makeBooster(1, control.seed);
        if (!booster)
            return failed(booster.error());
        boosters.push_back(*booster);
        trees.push_back(1);
        const int rounds = qMax(1, p.value(QStringLiteral("n_estimators")).toInt());
        if (control.report)
            control.report->planned = rounds;
        // Early stopping on the validation rows, as XGBoost's
        // early_stopping_rounds: the loss is evaluated after every round and
        // the model keeps the rounds up to the best one.
        Matrix valid;
        const bool early = control.earlyStoppingRounds > 0 && control.validX && control.validY && control.validX->rows > 0;
        if (early) {
            if (XGDMatrixCreateFromMat(control.validX->values.data(), control.validX->rows, control.validX->cols,
                                       std::nanf(""), &valid.handle) != 0
                || XGDMatrixSetFloatInfo(valid.handle, "label", control.validY->values.data(), control.validY->values.size()) != 0)
                return failed(xgbError("cannot build the validation matrix"));
            const char *metric = y.task == Task::Regression ? "rmse" : y.classes == 2 ? "logloss" : "mlogloss";
            if (XGBoosterSetParam(*booster, "eval_metric", metric) != 0)
                return failed(xgbError("cannot set the evaluation metric"));
        }
        int done = 0, best = 0;
        double bestLoss = INFINITY;
        bool stoppedEarly = false;
        for (int round = 0; round < rounds; ++round) {
            if (control.shouldStop(round))
                break; // keep the rounds done so far
            if (XGBoosterUpdateOneIter(*booster, round, train.handle) != 0)
                return failed(xgbError("training failed"));
            done = round + 1;
            if (!early)
                continue;
            DMatrixHandle sets[] = {valid.handle};
            const char *names[] = {"valid"};
            const char *evaluation = nullptr;
            if (XGBoosterEvalOneIter(*booster, round, sets, names, 1, &evaluation) != 0)
                return failed(xgbError("cannot evaluate a round"));
            // "[12]\tvalid-logloss:0.2345"
            const QByteArray text(evaluation);
            const double loss = text.mid(text.lastIndexOf(':') + 1).trimmed().toDouble();
            if (loss < bestLoss) {
                bestLoss = loss;
                best = round + 1;
            } else if (round + 1 - best >= control.earlyStoppingRounds) {
                stoppedEarly = true;
                break;
            }
        }
        if (early && best > 0 && best < done) {
            BoosterHandle sliced = nullptr;
            if (XGBoosterSlice(*booster, 0, best, 1, &sliced) != 0)
                return failed(xgbError("cannot keep the best rounds"));
            XGBoosterFree(*booster);
            boosters.back() = sliced;
            done = best;
        }
        if (control.report) {
            control.report->reached = done;
            control.report->earlyStopped = stoppedEarly;
            control.report->timeStopped = !stoppedEarly && done < rounds && control.softDeadline.hasExpired();
        }
    }
    return std::unique_ptr<Model>(new XGBoostModel(std::move(boosters), std::move(trees), y.classes, y.task));
}

Result<std::unique_ptr<Model>> XGBoostLearner::load(const QByteArray &bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    const QJsonObject header = QJsonDocument::fromJson(bytes.left(newline)).object();
    const QJsonArray parts = header.value(QStringLiteral("parts")).toArray();
    if (newline < 0 || header.isEmpty() || parts.isEmpty())
        return Error{QStringLiteral("XGBoost: the stored model is damaged")};
    std::vector<BoosterHandle> boosters;
    std::vector<int> trees;
    std::vector<FlatForest> flat;
    bool allFlat = true;
    auto failed = [&boosters](Error e) { return freeAll(boosters, std::move(e)); };
    qsizetype at = newline + 1;
    for (const QJsonValue &part : parts) {
        const qint64 length = part.toObject().value(QStringLiteral("bytes")).toInteger();
        if (length <= 0 || at + length > bytes.size())
            return failed(Error{QStringLiteral("XGBoost: the stored model is damaged")});
        BoosterHandle booster = nullptr;
        if (XGBoosterCreate(nullptr, 0, &booster) != 0)
            return failed(xgbError("cannot create a booster"));
        boosters.push_back(booster);
        trees.push_back(qMax(1, part.toObject().value(QStringLiteral("trees")).toInt(1)));
        if (XGBoosterLoadModelFromBuffer(booster, bytes.constData() + at, bst_ulong(length)) != 0)
            return failed(xgbError("the stored model is damaged"));
        // A stored model predicts on one thread per call (endpoints call it
        // from many threads at once, each with a row or a few).
        XGBoosterSetParam(booster, "nthread", "1");
        if (auto f = allFlat ? FlatForest::fromJson(QByteArray::fromRawData(bytes.constData() + at, length)) : Result<FlatForest>(Error{}))
            flat.push_back(std::move(*f));
        else
            allFlat = false;
        at += qsizetype(length);
    }
    const Task task = header.value(QStringLiteral("task")).toString() == QLatin1String("regression")
                          ? Task::Regression
                          : Task::Classification;
    auto model = std::make_unique<XGBoostModel>(std::move(boosters), std::move(trees), header.value(QStringLiteral("classes")).toInt(2), task);
    if (allFlat)
        model->setFlat(std::move(flat));
    return std::unique_ptr<Model>(std::move(model));
}

} // namespace stratus::ml

#pragma once
// Calibrated one-vs-rest for the SVMs: a binary scorer per class (one for two
// classes) whose decision values are turned into probabilities by Platt's
// sigmoid, fitted on out-of-fold decision values of three internal folds of
// the training rows (as scikit-learn's SVC(probability=True)), then the scorer
// is trained on all the training rows.

#include "ml/learners/Learner.h"

#include <QDataStream>
#include <QIODevice>
#include <cmath>
#include <functional>
#include <vector>

namespace stratus::ml {

struct Sigmoid {
    double a = -1, b = 0;
    double operator()(double score) const { return 1.0 / (1.0 + std::exp(a * score + b)); }
};

// Platt's sigmoid for decision values and their ±1 targets (dlib's
// learn_platt_scaling); the identity-like a = -1, b = 0 when a class is absent.
Sigmoid plattSigmoid(const std::vector<double> &scores, const std::vector<double> &targets);

// Rows of x as ±1 targets for class `positive`.
std::vector<double> oneVsRestTargets(const Labels &y, int positive);

// The calibrated scorers of each class. Train is
// Result<S>(const std::vector<size_t> &rows, const std::vector<double> &targets)
// and S has double score(const float *row) const.
template <class S, class Train>
Result<std::vector<std::pair<S, Sigmoid>>> calibratedOneVsRest(const FeatureMatrix &x, const Labels &y,
                                                              const std::vector<int> &internalFolds, Train train,
                                                              const FitControl &control)
{
    std::vector<std::pair<S, Sigmoid>> out;
    for (int positive = y.classes == 2 ? 1 : 0; positive < y.classes; ++positive) {
        const std::vector<double> targets = oneVsRestTargets(y, positive);
        std::vector<double> scores(x.rows, 0.0);
        for (int fold = 0; fold < 3; ++fold) {
            if (control.shouldStop())
                return Error{QStringLiteral("stopped")};
            std::vector<size_t> part, held;
            for (size_t r = 0; r < x.rows; ++r)
                (internalFolds[r] == fold ? held : part).push_back(r);
            auto scorer = train(part, targets);
            if (!scorer)
                return scorer.error();
            for (size_t r : held)
                scores[r] = scorer->score(x.values.data() + r * x.cols);
        }
        std::vector<size_t> all(x.rows);
        for (size_t r = 0; r < x.rows; ++r)
            all[r] = r;
        auto scorer = train(all, targets);
        if (!scorer)
            return scorer.error();
        out.emplace_back(std::move(*scorer), plattSigmoid(scores, targets));
    }
    return out;
}

// Class probabilities from the calibrated scores of one row (per class, or
// the positive class's alone for two classes).
void oneVsRestProbabilities(const std::vector<double> &calibrated, int classes, double *out);

QDataStream &operator<<(QDataStream &out, const Sigmoid &s);
QDataStream &operator>>(QDataStream &in, Sigmoid &s);

// The model both SVMs make: a scorer and its sigmoid per class. Scorer has
// double score(const float *row) const, void write(QDataStream &) const and
// bool read(QDataStream &).
template <class Scorer>
class CalibratedModel : public Model {
public:
    CalibratedModel(quint32 magic, int classes, std::vector<std::pair<Scorer, Sigmoid>> parts)
        : m_magic(magic), m_classes(classes), m_parts(std::move(parts))
    {
    }

    std::vector<double> predict(const FeatureMatrix &x) const override
    {
        std::vector<double> out(x.rows * size_t(m_classes)), calibrated(m_parts.size());
        for (size_t r = 0; r < x.rows; ++r) {
            for (size_t i = 0; i < m_parts.size(); ++i)
                calibrated[i] = m_parts[i].second(m_parts[i].first.score(x.values.data() + r * x.cols));
            oneVsRestProbabilities(calibrated, m_classes, out.data() + r * size_t(m_classes));
        }
        return out;
    }

    QByteArray serialize() const override
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << m_magic << qint32(m_classes) << quint32(m_parts.size());
        for (const auto &[scorer, sigmoid] : m_parts) {
            scorer.write(out);
            out << sigmoid;
        }
        return bytes;
    }

    // The classes and parts serialize() wrote with this magic; an error naming the learner otherwise.
    using Parts = std::pair<int, std::vector<std::pair<Scorer, Sigmoid>>>;
    static Result<Parts> readParts(const QByteArray &bytes, quint32 magic, const QString &learner)
    {
        const Error damaged{QStringLiteral("%1: the stored model is damaged").arg(learner)};
        QDataStream in(bytes);
        quint32 stored = 0, count = 0;
        qint32 classes = 0;
        in >> stored >> classes >> count;
        if (stored != magic || classes < 2 || count != quint32(classes == 2 ? 1 : classes))
            return damaged;
        std::vector<std::pair<Scorer, Sigmoid>> parts(count);
        for (auto &[scorer, sigmoid] : parts) {
            if (!scorer.read(in))
                return damaged;
            in >> sigmoid;
        }
        if (in.status() != QDataStream::Ok)
            return damaged;
        return Parts{classes, std::move(parts)};
    }

    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes, quint32 magic, const QString &learner)
    {
        auto parts = readParts(bytes, magic, learner);
        if (!parts)
            return parts.error();
        return std::unique_ptr<Model>(new CalibratedModel(magic, parts->first, std::move(parts->second)));
    }

private:
    quint32 m_magic;
    int m_classes;
    std::vector<std::pair<Scorer, Sigmoid>> m_parts;
};

} // namespace stratus::ml

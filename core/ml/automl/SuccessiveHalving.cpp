#include "ml/automl/SuccessiveHalving.h"

#include "ml/sampling/Folds.h"

#include <algorithm>
#include <cmath>

namespace stratus::ml {

SuccessiveHalving::SuccessiveHalving(const std::vector<int> &folds, const std::vector<int> &classes, quint64 seed)
{
    std::vector<size_t> training;
    std::vector<int> trainingClasses;
    bool holdout = true;
    for (size_t i = 0; i < folds.size(); ++i) {
        if (folds[i] == -1) {
            training.push_back(i);
            trainingClasses.push_back(classes[i]);
        }
        holdout = holdout && folds[i] <= 0;
    }
    int top = 0;
    while (holdout && double(training.size()) / std::pow(double(kEta), top + 1) >= double(kMinRows))
        ++top;
    for (int k = 0; k < top; ++k) {
        const size_t count = size_t(std::llround(double(training.size()) / std::pow(double(kEta), top - k)));
        // The same seed for every rung: subsampleRows takes a prefix of each
        // class's one shuffled order, so the rungs are nested.
        const std::vector<size_t> kept = subsampleRows(trainingClasses, count, seed ^ 0x5eedULL);
        auto rung = std::make_shared<std::vector<int>>(folds);
        for (size_t i : training)
            (*rung)[i] = -2;
        for (size_t j : kept)
            (*rung)[training[j]] = -1;
        m_rows.push_back(kept.size());
        m_folds.push_back(std::move(rung));
    }
    m_rows.push_back(training.size());
    m_folds.push_back(std::make_shared<const std::vector<int>>(folds));
}

void SuccessiveHalving::started(int index, int rung, const Candidate &candidate, int from)
{
    Entry e;
    e.rung = rung;
    e.from = from;
    e.candidate = candidate;
    m_trials.insert(index, e);
    drop(from);
}

void SuccessiveHalving::finished(int index, double score)
{
    auto it = m_trials.find(index);
    if (it == m_trials.end())
        return;
    it->done = true;
    it->score = score;
}

int SuccessiveHalving::rungOf(int index) const
{
    const auto it = m_trials.constFind(index);
    return it == m_trials.cend() ? -1 : it->rung;
}

int SuccessiveHalving::promotedFrom(int index) const
{
    const auto it = m_trials.constFind(index);
    return it == m_trials.cend() ? -1 : it->from;
}

void SuccessiveHalving::drop(int from)
{
    if (auto it = m_trials.find(from); it != m_trials.end())
        it->promoted = true;
}

std::optional<SuccessiveHalving::Promotion> SuccessiveHalving::next() const
{
    for (int k = rungs() - 2; k >= 0; --k) {
        std::vector<std::pair<double, int>> finished; // (score, index)
        for (auto it = m_trials.cbegin(); it != m_trials.cend(); ++it)
            if (it->rung == k && it->done && std::isfinite(it->score))
                finished.emplace_back(it->score, it.key());
        // Best first; ties by the earlier trial, so the order does not depend on the hash.
        std::sort(finished.begin(), finished.end(), [](const auto &a, const auto &b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        const size_t top = finished.size() / size_t(kEta);
        for (size_t i = 0; i < top; ++i) {
            const Entry e = m_trials.value(finished[i].second);
            if (!e.promoted)
                return Promotion{finished[i].second, k + 1, e.candidate};
        }
    }
    return std::nullopt;
}

} // namespace stratus::ml

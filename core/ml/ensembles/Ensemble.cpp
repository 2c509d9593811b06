#include "ml/ensembles/Ensemble.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace stratus::ml {

namespace {

// The mean of the chosen models (by count) as predictions.
std::vector<double> average(const std::vector<double> &sum, int count)
{
    std::vector<double> out(sum.size());
    for (size_t i = 0; i < sum.size(); ++i)
        out[i] = sum[i] / count;
    return out;
}

void add(std::vector<double> &sum, const std::vector<double> &v)
{
    for (size_t i = 0; i < sum.size(); ++i)
        sum[i] += v[i];
}

std::vector<EnsembleMember> members(const std::vector<int> &chosen)
{
    std::map<int, int> counts;
    for (int c : chosen)
        ++counts[c];
    std::vector<EnsembleMember> out;
    for (const auto &[candidate, n] : counts)
        out.push_back({candidate, double(n) / double(chosen.size())});
    return out;
}

} // namespace

std::vector<EnsembleMember> selectEnsemble(const std::vector<const std::vector<double> *> &candidates,
                                           const std::function<double(const std::vector<double> &)> &score,
                                           int initial, int iterations)
{
    if (candidates.empty())
        return {};
    std::vector<double> sum(candidates[0]->size(), 0.0);
    std::vector<int> chosen;
    double bestScore = -INFINITY;
    std::vector<int> best;
    // Sorted initialisation: the best models in order, keeping the best prefix.
    for (int i = 0; i < std::min<int>(initial, int(candidates.size())); ++i) {
        add(sum, *candidates[size_t(i)]);
        chosen.push_back(i);
        const double s = score(average(sum, int(chosen.size())));
        if (s > bestScore) {
            bestScore = s;
            best = chosen;
        }
    }
    chosen = best;
    std::fill(sum.begin(), sum.end(), 0.0);
    for (int c : chosen)
        add(sum, *candidates[size_t(c)]);
    // Greedy additions with replacement.
    for (int step = 0; step < iterations; ++step) {
        int pick = -1;
        double pickScore = -INFINITY;
        std::vector<double> trial(sum.size());
        for (size_t c = 0; c < candidates.size(); ++c) {
            for (size_t i = 0; i < sum.size(); ++i)
                trial[i] = (sum[i] + (*candidates[c])[i]) / double(chosen.size() + 1);
            const double s = score(trial);
            if (s > pickScore) {
                pickScore = s;
                pick = int(c);
            }
        }
        add(sum, *candidates[size_t(pick)]);
        chosen.push_back(pick);
        if (pickScore > bestScore) {
            bestScore = pickScore;
            best = chosen;
        }
    }
    return members(best);
}

std::vector<double> blend(const std::vector<EnsembleMember> &members,
                          const std::vector<const std::vector<double> *> &candidates)
{
    std::vector<double> out(candidates.empty() ? 0 : candidates[0]->size(), 0.0);
    for (const EnsembleMember &m : members) {
        const std::vector<double> &v = *candidates[size_t(m.candidate)];
        for (size_t i = 0; i < out.size(); ++i)
            out[i] += m.weight * v[i];
    }
    return out;
}

} // namespace stratus::ml

#include "ml/sampling/Folds.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace stratus::ml {

namespace {

// A shuffle that gives the same order with every standard library.
void shuffle(std::vector<size_t> &v, std::mt19937_64 &rng)
{
    for (size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[size_t(rng() % i)]);
}

} // namespace

std::vector<int> stratifiedFolds(const std::vector<int> &labels, int k, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::map<int, std::vector<size_t>> byClass;
    for (size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(i);
    std::vector<int> fold(labels.size(), 0);
    // Deal each class's shuffled rows around the folds, continuing where the
    // previous class stopped so that fold sizes stay balanced too.
    size_t next = 0;
    for (auto &[label, rows] : byClass) {
        (void)label;
        shuffle(rows, rng);
        for (size_t row : rows)
            fold[row] = int(next++ % size_t(k));
    }
    return fold;
}

std::vector<int> kFolds(size_t n, int k, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::vector<size_t> rows(n);
    std::iota(rows.begin(), rows.end(), 0);
    shuffle(rows, rng);
    std::vector<int> fold(n);
    for (size_t i = 0; i < n; ++i)
        fold[rows[i]] = int(i % size_t(k));
    return fold;
}

namespace {

// Each class's rows (or all rows, under one key, when every label is 0), shuffled.
std::map<int, std::vector<size_t>> shuffledByClass(const std::vector<int> &labels, std::mt19937_64 &rng)
{
    std::map<int, std::vector<size_t>> byClass;
    for (size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(i);
    for (auto &entry : byClass)
        shuffle(entry.second, rng);
    return byClass;
}

} // namespace

std::vector<int> holdoutFolds(const std::vector<int> &labels, double fraction, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::vector<int> fold(labels.size(), -1);
    for (const auto &entry : shuffledByClass(labels, rng)) {
        const std::vector<size_t> &rows = entry.second;
        const size_t held = std::clamp<size_t>(size_t(std::llround(fraction * double(rows.size()))), 1,
                                               rows.size() > 1 ? rows.size() - 1 : 1);
        for (size_t i = 0; i < held; ++i)
            fold[rows[i]] = 0;
    }
    return fold;
}

std::vector<size_t> subsampleRows(const std::vector<int> &labels, size_t count, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::vector<size_t> kept;
    const double share = labels.empty() ? 0 : double(count) / double(labels.size());
    for (const auto &entry : shuffledByClass(labels, rng)) {
        const size_t take = std::min(entry.second.size(), size_t(std::llround(share * double(entry.second.size()))));
        kept.insert(kept.end(), entry.second.begin(), entry.second.begin() + long(std::max<size_t>(take, 1)));
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

int defaultFoldCount(size_t rows)
{
    if (rows < 1000)
        return 10;
    if (rows <= 20000)
        return 3;
    return 0;
}

} // namespace stratus::ml

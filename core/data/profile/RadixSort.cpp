#include "data/profile/RadixSort.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace stratus {

namespace {

constexpr int kBits = 11;
constexpr int kPasses = (64 + kBits - 1) / kBits;
constexpr uint64_t kMask = (uint64_t(1) << kBits) - 1;

// Maps a double to an unsigned key with the same order.
uint64_t toKey(double d)
{
    uint64_t u;
    std::memcpy(&u, &d, 8);
    return (u & 0x8000000000000000ULL) ? ~u : (u | 0x8000000000000000ULL);
}

double fromKey(uint64_t k)
{
    const uint64_t u = (k & 0x8000000000000000ULL) ? (k & ~0x8000000000000000ULL) : ~k;
    double d;
    std::memcpy(&d, &u, 8);
    return d;
}

} // namespace

void radixSort(std::vector<double> &values)
{
    const size_t n = values.size();
    if (n < 256) {
        std::sort(values.begin(), values.end());
        return;
    }
    std::vector<uint64_t> a(n), b(n);
    std::vector<std::array<size_t, size_t(1) << kBits>> counts(kPasses);
    for (auto &c : counts)
        c.fill(0);
    for (size_t i = 0; i < n; ++i) {
        const uint64_t k = toKey(values[i]);
        a[i] = k;
        for (int p = 0; p < kPasses; ++p)
            counts[size_t(p)][(k >> (p * kBits)) & kMask]++;
    }
    for (int p = 0; p < kPasses; ++p) {
        auto &c = counts[size_t(p)];
        if (std::any_of(c.begin(), c.end(), [n](size_t x) { return x == n; }))
            continue; // every key has the same digit here
        size_t sum = 0;
        for (auto &x : c) {
            const size_t t = x;
            x = sum;
            sum += t;
        }
        const int shift = p * kBits;
        for (size_t i = 0; i < n; ++i)
            b[c[(a[i] >> shift) & kMask]++] = a[i];
        a.swap(b);
    }
    for (size_t i = 0; i < n; ++i)
        values[i] = fromKey(a[i]);
}

} // namespace stratus

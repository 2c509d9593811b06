#pragma once
// The random numbers of the sample datasets: xoshiro256** seeded by
// splitmix64 (Blackman & Vigna), with normal (Box-Muller), log-normal and
// gamma (Marsaglia & Tsang) draws — the same numbers on every machine, so a
// sample dataset is the same everywhere.

#include <QtGlobal>
#include <cmath>
#include <numbers>

namespace stratus {

// xoshiro256** seeded by splitmix64: fast, and the same numbers everywhere.
class Random {
public:
    explicit Random(quint64 seed)
    {
        for (auto &s : m_s) {
            seed += 0x9E3779B97F4A7C15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }
    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double normal(double mean, double sd)
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    double logNormal(double mean, double sd)
    {
        const double s2 = std::log(1.0 + sd * sd / (mean * mean));
        return std::exp(normal(std::log(mean) - s2 / 2, std::sqrt(s2)));
    }
    // Marsaglia and Tsang's method, shape >= 1.
    double gamma(double shape, double scale)
    {
        const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x, v;
            do {
                x = normal(0, 1);
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = uniform();
            if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v))
                return d * v * scale;
        }
    }
    bool chance(double p) { return uniform() < p; }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
};

} // namespace stratus

#pragma once
// How a dataset column is stored: in chunks of consecutive rows, one BLOB
// each. A decimal or boolean chunk is the values as little-endian IEEE 754
// doubles (NaN: missing). An integer chunk (format "encoding": "int64") is a
// little-endian uint32 count, a bitmap of the missing values (bit i of byte
// i/8), then the values as little-endian int64 — exact over the full range.
// Integer columns stored before that (no encoding in their format) are
// doubles. A string chunk is, per value, a little-endian uint32 holding the
// byte length + 1 (0: missing) followed by the UTF-8 bytes.

#include "common/Result.h"

#include <QByteArray>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stratus::chunks {

constexpr int kRows = 8192;

QByteArray encodeNumbers(const double *values, size_t count);
// `numbers` marks the missing values (NaN).
QByteArray encodeIntegers(const int64_t *values, const double *numbers, size_t count);
QByteArray encodeStrings(const int32_t *codes, size_t count, const std::vector<std::string> &dictionary);

Result<std::vector<double>> decodeNumbers(const QByteArray &blob);
struct Integers {
    std::vector<double> numbers; // NaN: missing
    std::vector<int64_t> values;
};
Result<Integers> decodeIntegers(const QByteArray &blob);
Result<std::vector<std::optional<std::string>>> decodeStrings(const QByteArray &blob);

} // namespace stratus::chunks

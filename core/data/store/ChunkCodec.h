#pragma once
// How a dataset column is stored: in chunks of consecutive rows, one BLOB
// each. A numeric chunk is the values as little-endian IEEE 754 doubles (NaN:
// missing). A string chunk is, per value, a little-endian uint32 holding the
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
QByteArray encodeStrings(const int32_t *codes, size_t count, const std::vector<std::string> &dictionary);

Result<std::vector<double>> decodeNumbers(const QByteArray &blob);
Result<std::vector<std::optional<std::string>>> decodeStrings(const QByteArray &blob);

} // namespace stratus::chunks

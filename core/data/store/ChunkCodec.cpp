#include "data/store/ChunkCodec.h"

#include <QtEndian>
#include <cmath>
#include <cstring>

namespace stratus::chunks {

static_assert(sizeof(double) == 8);

QByteArray encodeNumbers(const double *values, size_t count)
{
    QByteArray blob(qsizetype(count * 8), Qt::Uninitialized);
    char *out = blob.data();
    for (size_t i = 0; i < count; ++i) {
        quint64 bits;
        std::memcpy(&bits, &values[i], 8);
        qToLittleEndian(bits, out + i * 8);
    }
    return blob;
}

QByteArray encodeIntegers(const int64_t *values, const double *numbers, size_t count)
{
    const size_t bitmap = (count + 7) / 8;
    QByteArray blob(qsizetype(4 + bitmap + count * 8), '\0');
    char *out = blob.data();
    qToLittleEndian(quint32(count), out);
    for (size_t i = 0; i < count; ++i) {
        if (std::isnan(numbers[i]))
            out[4 + i / 8] = char(uchar(out[4 + i / 8]) | (1u << (i % 8)));
        qToLittleEndian(qint64(std::isnan(numbers[i]) ? 0 : values[i]), out + 4 + bitmap + i * 8);
    }
    return blob;
}

QByteArray encodeStrings(const int32_t *codes, size_t count, const std::vector<std::string> &dictionary)
{
    size_t size = count * 4;
    for (size_t i = 0; i < count; ++i) {
        if (codes[i] >= 0)
            size += dictionary[size_t(codes[i])].size();
    }
    QByteArray blob(qsizetype(size), Qt::Uninitialized);
    char *out = blob.data();
    for (size_t i = 0; i < count; ++i) {
        if (codes[i] < 0) {
            qToLittleEndian(quint32(0), out);
            out += 4;
            continue;
        }
        const std::string &s = dictionary[size_t(codes[i])];
        qToLittleEndian(quint32(s.size() + 1), out);
        std::memcpy(out + 4, s.data(), s.size());
        out += 4 + s.size();
    }
    return blob;
}

Result<std::vector<double>> decodeNumbers(const QByteArray &blob)
{
    if (blob.size() % 8 != 0)
        return Error{QStringLiteral("a stored numeric chunk is damaged (size %1)").arg(blob.size())};
    std::vector<double> values(size_t(blob.size() / 8));
    for (size_t i = 0; i < values.size(); ++i) {
        const quint64 bits = qFromLittleEndian<quint64>(blob.constData() + i * 8);
        std::memcpy(&values[i], &bits, 8);
    }
    return values;
}

Result<Integers> decodeIntegers(const QByteArray &blob)
{
    if (blob.size() < 4)
        return Error{QStringLiteral("a stored integer chunk is damaged")};
    const size_t count = qFromLittleEndian<quint32>(blob.constData());
    const size_t bitmap = (count + 7) / 8;
    if (size_t(blob.size()) != 4 + bitmap + count * 8)
        return Error{QStringLiteral("a stored integer chunk is damaged (size %1 for %2 values)").arg(blob.size()).arg(count)};
    Integers out;
    out.numbers.resize(count);
    out.values.resize(count);
    const char *bits = blob.constData() + 4;
    for (size_t i = 0; i < count; ++i) {
        const bool missing = (uchar(bits[i / 8]) >> (i % 8)) & 1u;
        out.values[i] = qFromLittleEndian<qint64>(bits + bitmap + i * 8);
        out.numbers[i] = missing ? std::nan("") : double(out.values[i]);
    }
    return out;
}

Result<std::vector<std::optional<std::string>>> decodeStrings(const QByteArray &blob)
{
    std::vector<std::optional<std::string>> values;
    const char *p = blob.constData();
    const char *end = p + blob.size();
    while (p < end) {
        if (end - p < 4)
            return Error{QStringLiteral("a stored text chunk is damaged")};
        const quint32 n = qFromLittleEndian<quint32>(p);
        p += 4;
        if (n == 0) {
            values.emplace_back();
            continue;
        }
        if (quint64(end - p) < n - 1)
            return Error{QStringLiteral("a stored text chunk is damaged")};
        values.emplace_back(std::string(p, n - 1));
        p += n - 1;
    }
    return values;
}

} // namespace stratus::chunks

#include "export/onnx/Protobuf.h"

#include <cstring>

namespace stratus::onnx {

void Message::rawVarint(uint64_t value)
{
    while (value >= 0x80) {
        m_bytes.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    m_bytes.append(char(value));
}

void Message::tag(int field, int wireType)
{
    rawVarint(uint64_t(field) << 3 | uint64_t(wireType));
}

Message &Message::varint(int field, uint64_t value)
{
    tag(field, 0);
    rawVarint(value);
    return *this;
}

Message &Message::floating(int field, float value)
{
    tag(field, 5);
    char raw[4];
    std::memcpy(raw, &value, 4); // little-endian, as the wire format
    m_bytes.append(raw, 4);
    return *this;
}

Message &Message::bytes(int field, const QByteArray &value)
{
    tag(field, 2);
    rawVarint(uint64_t(value.size()));
    m_bytes.append(value);
    return *this;
}

Message &Message::packedVarints(int field, const std::vector<int64_t> &values)
{
    Message inner;
    for (int64_t v : values)
        inner.rawVarint(uint64_t(v));
    return bytes(field, inner.m_bytes);
}

Message &Message::packedFloats(int field, const std::vector<float> &values)
{
    QByteArray raw(qsizetype(values.size() * 4), Qt::Uninitialized);
    if (!values.empty())
        std::memcpy(raw.data(), values.data(), values.size() * 4);
    return bytes(field, raw);
}

} // namespace stratus::onnx

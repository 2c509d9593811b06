#pragma once
// Protobuf: the little of protocol buffers' wire format an ONNX file needs
// (varints, 32-bit floats, length-delimited fields), to write messages
// without the protobuf library. A Message is its fields' bytes in order.

#include <QByteArray>
#include <cstdint>
#include <vector>

namespace stratus::onnx {

class Message {
public:
    Message &varint(int field, uint64_t value);
    Message &floating(int field, float value);
    Message &bytes(int field, const QByteArray &value);
    Message &string(int field, const char *value) { return bytes(field, QByteArray(value)); }
    Message &message(int field, const Message &value) { return bytes(field, value.m_bytes); }
    // Packed repeated fields.
    Message &packedVarints(int field, const std::vector<int64_t> &values);
    Message &packedFloats(int field, const std::vector<float> &values);

    const QByteArray &data() const { return m_bytes; }

private:
    void tag(int field, int wireType);
    void rawVarint(uint64_t value);
    QByteArray m_bytes;
};

} // namespace stratus::onnx

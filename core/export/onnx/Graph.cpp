#include "export/onnx/Graph.h"

#include <cstring>

namespace stratus::onnx {

namespace {

Message attribute(const char *name) { return Message().string(1, name); }

template <class T>
QByteArray rawBytes(const std::vector<T> &values)
{
    QByteArray raw(qsizetype(values.size() * sizeof(T)), Qt::Uninitialized);
    if (!values.empty())
        std::memcpy(raw.data(), values.data(), values.size() * sizeof(T));
    return raw;
}

} // namespace

Message attrInt(const char *name, int64_t v) { return attribute(name).varint(3, uint64_t(v)).varint(20, 2); }
Message attrFloat(const char *name, float v) { return attribute(name).floating(2, v).varint(20, 1); }
Message attrString(const char *name, const QByteArray &v) { return attribute(name).bytes(4, v).varint(20, 3); }
Message attrInts(const char *name, const std::vector<int64_t> &v) { return attribute(name).packedVarints(8, v).varint(20, 7); }
Message attrFloats(const char *name, const std::vector<float> &v) { return attribute(name).packedFloats(7, v).varint(20, 6); }
Message attrStrings(const char *name, const QList<QByteArray> &v)
{
    Message m = attribute(name);
    for (const QByteArray &s : v)
        m.bytes(9, s);
    return m.varint(20, 8);
}

Message valueInfo(const QString &name, int type, const std::vector<int64_t> &dims)
{
    Message shape;
    for (int64_t d : dims)
        shape.message(1, d < 0 ? Message().string(2, "N") : Message().varint(1, uint64_t(d)));
    Message tensor;
    tensor.varint(1, uint64_t(type)).message(2, shape);
    return Message().bytes(1, name.toUtf8()).message(2, Message().message(1, tensor));
}

QString Graph::node(const char *op, const QStringList &inputs, const QString &outputBase, std::vector<Message> attributes,
                    const char *domain)
{
    const QString out = name(outputBase);
    nodeTo(op, inputs, {out}, std::move(attributes), domain);
    return out;
}

void Graph::nodeTo(const char *op, const QStringList &inputs, const QStringList &outputs, std::vector<Message> attributes,
                   const char *domain)
{
    Message n;
    for (const QString &i : inputs)
        n.bytes(1, i.toUtf8());
    for (const QString &o : outputs)
        n.bytes(2, o.toUtf8());
    n.bytes(3, (QLatin1String(op) + QLatin1Char('_') + outputs.value(0)).toUtf8()).string(4, op);
    for (const Message &a : attributes)
        n.message(5, a);
    if (*domain)
        n.string(7, domain);
    m_nodes.push_back(n);
}

QString Graph::doubles(const std::vector<double> &values, const std::vector<int64_t> &dims)
{
    return initializer(Double, dims, rawBytes(values));
}

QString Graph::floats(const std::vector<float> &values, const std::vector<int64_t> &dims)
{
    return initializer(Float, dims, rawBytes(values));
}

QString Graph::int64s(const std::vector<int64_t> &values, const std::vector<int64_t> &dims)
{
    return initializer(Int64, dims, rawBytes(values));
}

QString Graph::strings(const QStringList &values)
{
    const QString n = name(QStringLiteral("strings"));
    Message t;
    t.packedVarints(1, {int64_t(values.size())}).varint(2, String).bytes(8, n.toUtf8());
    for (const QString &v : values)
        t.bytes(6, v.toUtf8());
    m_initializers.push_back(t);
    return n;
}

QString Graph::affine(const QString &x, const std::vector<double> &weights, const std::vector<double> &bias)
{
    const auto k = int64_t(bias.size());
    return node("Gemm", {x, doubles(weights, {k, int64_t(weights.size()) / k}), doubles(bias, {k})}, QStringLiteral("affine"),
                {attrInt("transB", 1)});
}

QString Graph::reduceSum(const QString &x, int64_t axis, bool keep)
{
    return node("ReduceSum", {x, int64s({axis}, {1})}, QStringLiteral("reduced"), {attrInt("keepdims", keep ? 1 : 0)});
}

QString Graph::unsqueeze(const QString &x, int64_t axis)
{
    return node("Unsqueeze", {x, int64s({axis}, {1})}, QStringLiteral("unsqueezed"));
}

Message Graph::build(const QString &graphName) const
{
    Message g;
    for (const Message &n : m_nodes)
        g.message(1, n);
    g.bytes(2, graphName.toUtf8());
    for (const Message &t : m_initializers)
        g.message(5, t);
    for (const Message &i : m_inputs)
        g.message(11, i);
    for (const Message &o : m_outputs)
        g.message(12, o);
    return g;
}

QString Graph::initializer(int type, const std::vector<int64_t> &dims, const QByteArray &raw)
{
    const QString n = name(QStringLiteral("const"));
    Message t;
    if (!dims.empty())
        t.packedVarints(1, dims);
    t.varint(2, uint64_t(type)).bytes(8, n.toUtf8()).bytes(9, raw);
    m_initializers.push_back(t);
    return n;
}

} // namespace stratus::onnx

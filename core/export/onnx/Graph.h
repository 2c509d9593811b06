#pragma once
// Graph: an ONNX graph under construction — its nodes, constant tensors
// (initializers), inputs and outputs — with unique value names, written as
// protobuf messages (Protobuf.h). The attribute helpers make a node's
// attributes; valueInfo describes a graph input or output.

#include "export/onnx/Protobuf.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace stratus::onnx {

// ONNX's TensorProto.DataType values used here.
enum DataType { Float = 1, Int64 = 7, String = 8, Bool = 9, Double = 11 };

Message attrInt(const char *name, int64_t v);
Message attrFloat(const char *name, float v);
Message attrString(const char *name, const QByteArray &v);
Message attrInts(const char *name, const std::vector<int64_t> &v);
Message attrFloats(const char *name, const std::vector<float> &v);
Message attrStrings(const char *name, const QList<QByteArray> &v);

// A graph input or output of `type` and shape `dims` (-1: the row count "N").
Message valueInfo(const QString &name, int type, const std::vector<int64_t> &dims);

class Graph {
public:
    QString name(const QString &base) { return QStringLiteral("%1_%2").arg(base).arg(++m_counter); }

    // A node; returns its output's (new) name.
    QString node(const char *op, const QStringList &inputs, const QString &outputBase, std::vector<Message> attributes = {},
                 const char *domain = "");
    // A node whose outputs have exactly these names (the graph's outputs, or several outputs).
    void nodeTo(const char *op, const QStringList &inputs, const QStringList &outputs, std::vector<Message> attributes = {},
                const char *domain = "");

    // Constant tensors; empty dims make a scalar.
    QString doubles(const std::vector<double> &values, const std::vector<int64_t> &dims);
    QString floats(const std::vector<float> &values, const std::vector<int64_t> &dims);
    QString int64s(const std::vector<int64_t> &values, const std::vector<int64_t> &dims);
    QString strings(const QStringList &values);
    QString scalar(double v) { return doubles({v}, {}); }

    // Shorthands for the nodes used most, in double unless said otherwise.
    QString cast(const QString &x, DataType to) { return node("Cast", {x}, QStringLiteral("cast"), {attrInt("to", to)}); }
    QString add(const QString &a, const QString &b) { return node("Add", {a, b}, QStringLiteral("sum")); }
    QString sub(const QString &a, const QString &b) { return node("Sub", {a, b}, QStringLiteral("difference")); }
    QString mul(const QString &a, const QString &b) { return node("Mul", {a, b}, QStringLiteral("product")); }
    QString div(const QString &a, const QString &b) { return node("Div", {a, b}, QStringLiteral("quotient")); }
    QString concat(const QStringList &parts, int64_t axis)
    {
        return parts.size() == 1 ? parts.first() : node("Concat", parts, QStringLiteral("concat"), {attrInt("axis", axis)});
    }
    // x [N, F] times the rows of `weights` [K, F], plus `bias` [K]: [N, K].
    QString affine(const QString &x, const std::vector<double> &weights, const std::vector<double> &bias);
    // The sum over `axis` of x, that axis kept or dropped.
    QString reduceSum(const QString &x, int64_t axis, bool keep);
    QString unsqueeze(const QString &x, int64_t axis);

    void input(const Message &m) { m_inputs.push_back(m); }
    void output(const Message &m) { m_outputs.push_back(m); }
    Message build(const QString &graphName) const;

private:
    QString initializer(int type, const std::vector<int64_t> &dims, const QByteArray &raw);

    std::vector<Message> m_nodes, m_initializers, m_inputs, m_outputs;
    int m_counter = 0;
};

} // namespace stratus::onnx

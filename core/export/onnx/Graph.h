#pragma once
// Graph: an ONNX graph under construction — its nodes, constant tensors
// (initializers), inputs and outputs — with unique value names. model()
// builds the ModelProto with ONNX's own library (libonnx, Debian's
// libonnx-dev), checks it with onnx::checker::check_model and strict shape
// inference, and serializes it. The protobuf headers stay in Graph.cpp: this
// header describes nodes with plain values.

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <variant>
#include <vector>

namespace stratus::onnx {

// ONNX's TensorProto.DataType values used here.
enum DataType { Float = 1, Int64 = 7, String = 8, Bool = 9, Double = 11 };

// A node's attribute: one of ONNX's attribute types.
struct Attribute {
    QByteArray name;
    std::variant<int64_t, float, QByteArray, std::vector<int64_t>, std::vector<float>, QList<QByteArray>> value;
};

Attribute attrInt(const char *name, int64_t v);
Attribute attrFloat(const char *name, float v);
Attribute attrString(const char *name, const QByteArray &v);
Attribute attrInts(const char *name, const std::vector<int64_t> &v);
Attribute attrFloats(const char *name, const std::vector<float> &v);
Attribute attrStrings(const char *name, const QList<QByteArray> &v);

// A graph input or output of `type` and shape `dims` (-1: the row count "N").
struct ValueInfo {
    QString name;
    int type = Double;
    std::vector<int64_t> dims;
};
inline ValueInfo valueInfo(const QString &name, int type, const std::vector<int64_t> &dims)
{
    return {name, type, dims};
}

class Graph {
public:
    QString name(const QString &base) { return QStringLiteral("%1_%2").arg(base).arg(++m_counter); }

    // A node; returns its output's (new) name.
    QString node(const char *op, const QStringList &inputs, const QString &outputBase, std::vector<Attribute> attributes = {},
                 const char *domain = "");
    // A node whose outputs have exactly these names (the graph's outputs, or several outputs).
    void nodeTo(const char *op, const QStringList &inputs, const QStringList &outputs, std::vector<Attribute> attributes = {},
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

    void input(const ValueInfo &v) { m_inputs.push_back(v); }
    void output(const ValueInfo &v) { m_outputs.push_back(v); }

    // The serialized ModelProto (IR 8; ai.onnx 15, ai.onnx.ml 3), after ONNX's
    // checker and strict shape inference accepted it; else their message,
    // which names the node.
    Result<QByteArray> model(const QString &graphName) const;

private:
    struct Node {
        QByteArray op, domain;
        QStringList inputs, outputs;
        std::vector<Attribute> attributes;
    };
    struct Tensor {
        QString name;
        int type = Double;
        std::vector<int64_t> dims;
        QByteArray raw;        // numbers, little-endian
        QStringList strings;   // a string tensor's values
    };
    QString initializer(int type, const std::vector<int64_t> &dims, const QByteArray &raw);

    std::vector<Node> m_nodes;
    std::vector<Tensor> m_initializers;
    std::vector<ValueInfo> m_inputs, m_outputs;
    int m_counter = 0;
};

} // namespace stratus::onnx

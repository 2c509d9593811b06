#include "export/onnx/Graph.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <cstring>

namespace stratus::onnx {

namespace {

template <class T>
QByteArray rawBytes(const std::vector<T> &values)
{
    QByteArray raw(qsizetype(values.size() * sizeof(T)), Qt::Uninitialized);
    if (!values.empty())
        std::memcpy(raw.data(), values.data(), values.size() * sizeof(T));
    return raw;
}

std::string text(const QString &s)
{
    return s.toStdString();
}

void fill(::onnx::AttributeProto &a, const Attribute &from)
{
    a.set_name(from.name.toStdString());
    std::visit(
        [&a](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int64_t>) {
                a.set_type(::onnx::AttributeProto::INT);
                a.set_i(v);
            } else if constexpr (std::is_same_v<T, float>) {
                a.set_type(::onnx::AttributeProto::FLOAT);
                a.set_f(v);
            } else if constexpr (std::is_same_v<T, QByteArray>) {
                a.set_type(::onnx::AttributeProto::STRING);
                a.set_s(v.toStdString());
            } else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
                a.set_type(::onnx::AttributeProto::INTS);
                for (int64_t x : v)
                    a.add_ints(x);
            } else if constexpr (std::is_same_v<T, std::vector<float>>) {
                a.set_type(::onnx::AttributeProto::FLOATS);
                for (float x : v)
                    a.add_floats(x);
            } else {
                a.set_type(::onnx::AttributeProto::STRINGS);
                for (const QByteArray &x : v)
                    a.add_strings(x.toStdString());
            }
        },
        from.value);
}

void fill(::onnx::ValueInfoProto &info, const ValueInfo &from)
{
    info.set_name(text(from.name));
    auto *tensor = info.mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(from.type);
    auto *shape = tensor->mutable_shape();
    for (int64_t d : from.dims) {
        if (d < 0)
            shape->add_dim()->set_dim_param("N");
        else
            shape->add_dim()->set_dim_value(d);
    }
}

} // namespace

Attribute attrInt(const char *name, int64_t v) { return {name, v}; }
Attribute attrFloat(const char *name, float v) { return {name, v}; }
Attribute attrString(const char *name, const QByteArray &v) { return {name, v}; }
Attribute attrInts(const char *name, const std::vector<int64_t> &v) { return {name, v}; }
Attribute attrFloats(const char *name, const std::vector<float> &v) { return {name, v}; }
Attribute attrStrings(const char *name, const QList<QByteArray> &v) { return {name, v}; }

QString Graph::node(const char *op, const QStringList &inputs, const QString &outputBase, std::vector<Attribute> attributes,
                    const char *domain)
{
    const QString out = name(outputBase);
    nodeTo(op, inputs, {out}, std::move(attributes), domain);
    return out;
}

void Graph::nodeTo(const char *op, const QStringList &inputs, const QStringList &outputs, std::vector<Attribute> attributes,
                   const char *domain)
{
    m_nodes.push_back({QByteArray(op), QByteArray(domain), inputs, outputs, std::move(attributes)});
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
    m_initializers.push_back({n, String, {int64_t(values.size())}, {}, values});
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

QString Graph::initializer(int type, const std::vector<int64_t> &dims, const QByteArray &raw)
{
    const QString n = name(QStringLiteral("const"));
    m_initializers.push_back({n, type, dims, raw, {}});
    return n;
}

Result<QByteArray> Graph::model(const QString &graphName) const
{
    ::onnx::ModelProto model;
    model.set_ir_version(8);
    model.set_producer_name("Stratus");
    auto *standard = model.add_opset_import();
    standard->set_domain("");
    standard->set_version(15);
    auto *ml = model.add_opset_import();
    ml->set_domain("ai.onnx.ml");
    ml->set_version(3);
    auto *graph = model.mutable_graph();
    graph->set_name(text(graphName));
    for (const Node &n : m_nodes) {
        auto *node = graph->add_node();
        for (const QString &i : n.inputs)
            node->add_input(text(i));
        for (const QString &o : n.outputs)
            node->add_output(text(o));
        node->set_name((n.op + '_' + n.outputs.value(0).toUtf8()).toStdString());
        node->set_op_type(n.op.toStdString());
        if (!n.domain.isEmpty())
            node->set_domain(n.domain.toStdString());
        for (const Attribute &a : n.attributes)
            fill(*node->add_attribute(), a);
    }
    for (const Tensor &t : m_initializers) {
        auto *tensor = graph->add_initializer();
        tensor->set_name(text(t.name));
        tensor->set_data_type(t.type);
        for (int64_t d : t.dims)
            tensor->add_dims(d);
        if (t.type == String) {
            for (const QString &s : t.strings)
                tensor->add_string_data(text(s));
        } else {
            tensor->set_raw_data(t.raw.constData(), size_t(t.raw.size()));
        }
    }
    for (const ValueInfo &v : m_inputs)
        fill(*graph->add_input(), v);
    for (const ValueInfo &v : m_outputs)
        fill(*graph->add_output(), v);
    try {
        ::onnx::checker::check_model(model);
        ::onnx::ShapeInferenceOptions options;
        options.check_type = true;
        options.error_mode = 1; // throw on the first node that does not infer
        ::onnx::shape_inference::InferShapes(model, ::onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception &e) {
        return Error{QStringLiteral("ONNX's checker refused the graph: %1").arg(QString::fromUtf8(e.what()).trimmed())};
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        return Error{QStringLiteral("the ONNX model could not be serialized")};
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

} // namespace stratus::onnx

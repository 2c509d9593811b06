#include "export/onnx/FeaturizerGraph.h"

#include <QJsonArray>

namespace stratus::onnx {

namespace {

// The spellings of a missing cell that Stratus's reader knows (CellParser's
// isMissing, which ignores case; the usual cases here).
const QStringList &missingWords()
{
    static const QStringList words{QString(),          QStringLiteral("?"),    QStringLiteral("NA"),   QStringLiteral("na"),
                                   QStringLiteral("Na"), QStringLiteral("N/A"),  QStringLiteral("n/a"),  QStringLiteral("NaN"),
                                   QStringLiteral("nan"), QStringLiteral("NAN"), QStringLiteral("null"), QStringLiteral("NULL"),
                                   QStringLiteral("Null")};
    return words;
}

// LabelEncoder's keys: the categories, then the missing words.
QList<QByteArray> encoderKeys(const QJsonArray &categories)
{
    QList<QByteArray> keys;
    for (const QJsonValue &c : categories)
        keys << c.toString().toUtf8();
    for (const QString &w : missingWords())
        keys << w.toUtf8();
    return keys;
}

} // namespace

Result<QString> featurizerGraph(Graph &g, const QJsonObject &featurizer, const QHash<QString, QString> &inputs, const QString &member)
{
    static const QStringList kinds{QStringLiteral("numeric"),   QStringLiteral("one-hot"), QStringLiteral("category one-hot"),
                                   QStringLiteral("frequency"), QStringLiteral("text"),    QStringLiteral("datetime")};
    QStringList features;
    for (const QJsonValue &v : featurizer.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString column = s.value(QStringLiteral("name")).toString();
        const QString x = inputs.value(column);
        if (x.isEmpty())
            return Error{QStringLiteral("%1: column '%2' is not an input").arg(member, column)};
        const int kind = s.value(QStringLiteral("kind")).toInt();
        const QJsonArray categories = s.value(QStringLiteral("categories")).toArray();
        switch (kind) {
        case 0: { // numeric: impute, standardise, missing indicator
            const QString missing = g.node("IsNaN", {x}, QStringLiteral("missing"));
            const QString filled = g.node("Where", {missing, g.scalar(s.value(QStringLiteral("fill")).toDouble()), x}, QStringLiteral("filled"));
            const QString centred = g.sub(filled, g.scalar(s.value(QStringLiteral("mean")).toDouble()));
            features << g.cast(g.div(centred, g.scalar(s.value(QStringLiteral("scale")).toDouble())), Float);
            if (s.value(QStringLiteral("indicator")).toBool())
                features << g.cast(missing, Float);
            break;
        }
        case 1: { // one-hot of integer values
            std::vector<double> values;
            for (const QJsonValue &n : s.value(QStringLiteral("numbers")).toArray())
                values.push_back(n.toDouble());
            features << g.cast(g.node("Equal", {x, g.doubles(values, {int64_t(values.size())})}, QStringLiteral("equal")), Float);
            break;
        }
        case 2: { // one-hot of categories: the position (missing: 0, unseen: -1), then one-hot
            std::vector<int64_t> positions, range;
            for (qsizetype i = 0; i < categories.size(); ++i)
                positions.push_back(i), range.push_back(i);
            positions.resize(positions.size() + size_t(missingWords().size()), 0);
            const QString position = g.node("LabelEncoder", {x}, QStringLiteral("position"),
                                            {attrStrings("keys_strings", encoderKeys(categories)), attrInts("values_int64s", positions),
                                             attrInt("default_int64", -1)},
                                            "ai.onnx.ml");
            features << g.cast(g.node("Equal", {position, g.int64s(range, {int64_t(range.size())})}, QStringLiteral("onehot")), Float);
            break;
        }
        case 3: { // frequency: the training share (missing: the most frequent's, unseen: 0)
            std::vector<float> shares;
            for (const QJsonValue &f : s.value(QStringLiteral("frequencies")).toArray())
                shares.push_back(float(f.toDouble()));
            if (shares.empty() || shares.size() != size_t(categories.size()))
                return Error{QStringLiteral("%1: column '%2': the stored frequencies are damaged").arg(member, column)};
            shares.resize(shares.size() + size_t(missingWords().size()), shares.front());
            features << g.node("LabelEncoder", {x}, QStringLiteral("frequency"),
                               {attrStrings("keys_strings", encoderKeys(categories)), attrFloats("values_floats", shares),
                                attrFloat("default_float", 0.0f)},
                               "ai.onnx.ml");
            break;
        }
        default:
            return Error{QStringLiteral("%1: column '%2' is %3-encoded, which ONNX's operators cannot compute (%4); "
                                        "AutoML's ONNX-compatible option featurizes such columns without it")
                             .arg(member, column, kinds.value(kind, QStringLiteral("otherwise")),
                                  kind == 4 ? QStringLiteral("a text's length") : QStringLiteral("reading a date"))};
        }
    }
    if (features.isEmpty())
        return Error{QStringLiteral("%1: no features").arg(member)};
    return g.concat(features, 1);
}

} // namespace stratus::onnx

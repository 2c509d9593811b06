#include "pipeline/PipelineYaml.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace stratus::pipeline {

namespace {

// A plain scalar as YAML 1.2's core schema reads it; a quoted one stays text.
QJsonValue scalar(const YAML::Node &node)
{
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() == "!")
        return text;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression decimal(QStringLiteral(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)"));
    if (text == QLatin1String("true") || text == QLatin1String("True") || text == QLatin1String("TRUE"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False") || text == QLatin1String("FALSE"))
        return false;
    if (text.isEmpty() || text == QLatin1String("null") || text == QLatin1String("~") || text == QLatin1String("Null"))
        return QJsonValue::Null;
    if (integer.match(text).hasMatch() || decimal.match(text).hasMatch()) {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (ok)
            return v;
    }
    return text;
}

QJsonValue yamlToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar: return scalar(node);
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const YAML::Node &item : node)
            a.append(yamlToJson(item));
        return a;
    }
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &item : node)
            o.insert(QString::fromStdString(item.first.as<std::string>()), yamlToJson(item.second));
        return o;
    }
    default: return QJsonValue::Null;
    }
}

void writeValue(YAML::Emitter &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: out << v.toBool(); break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        out << (d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)).toStdString()
                                                          : QString::number(d, 'g', QLocale::FloatingPointShortest).toStdString());
        break;
    }
    case QJsonValue::String: {
        // Text that would read back as something else is quoted.
        const QString t = v.toString();
        const QJsonValue back = [&] {
            YAML::Node n = YAML::Load(t.toStdString());
            return n.IsScalar() ? scalar(n) : QJsonValue();
        }();
        if (back.isString() && back.toString() == t && !t.contains(QLatin1Char('\n')))
            out << t.toStdString();
        else
            out << YAML::DoubleQuoted << t.toStdString();
        break;
    }
    case QJsonValue::Array:
        out << YAML::BeginSeq;
        for (const QJsonValue &item : v.toArray())
            writeValue(out, item);
        out << YAML::EndSeq;
        break;
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        out << YAML::BeginMap;
        for (auto it = o.begin(); it != o.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            writeValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    default: out << YAML::Null;
    }
}

} // namespace

Result<Pipeline> readPipelineYaml(const QByteArray &text, const QString &source)
{
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::ParserException &e) {
        return Error{QStringLiteral("%1:%2:%3: %4").arg(source).arg(e.mark.line + 1).arg(e.mark.column + 1).arg(QString::fromStdString(e.msg))};
    }
    if (!root.IsMap())
        return Error{QStringLiteral("%1: a pipeline file is a map of name, inputs and jobs").arg(source)};
    QHash<QString, int> lines;
    QJsonObject json;
    QJsonArray order;
    try {
        for (const auto &item : root) {
            if (!item.first.IsScalar())
                return Error{QStringLiteral("%1:%2: a key must be text").arg(source).arg(item.first.Mark().line + 1)};
            const QString key = QString::fromStdString(item.first.Scalar());
            lines.insert(key, item.first.Mark().line + 1);
            if ((key == QLatin1String("jobs") || key == QLatin1String("inputs")) && item.second.IsMap())
                for (const auto &child : item.second) {
                    const QString name = QString::fromStdString(child.first.as<std::string>());
                    if (lines.contains(key + QLatin1Char('.') + name))
                        return Error{QStringLiteral("%1:%2: %3.%4 is given twice (first on line %5)")
                                         .arg(source)
                                         .arg(child.first.Mark().line + 1)
                                         .arg(key, name)
                                         .arg(lines.value(key + QLatin1Char('.') + name))};
                    lines.insert(key + QLatin1Char('.') + name, child.first.Mark().line + 1);
                    if (key == QLatin1String("jobs")) {
                        order.append(name);
                        // Each field's line, and each input's, for messages about them.
                        if (child.second.IsMap())
                            for (const auto &field : child.second) {
                                const QString f = QString::fromStdString(field.first.as<std::string>());
                                lines.insert(QStringLiteral("jobs.%1.%2").arg(name, f), field.first.Mark().line + 1);
                                if (f == QLatin1String("inputs") && field.second.IsMap())
                                    for (const auto &input : field.second)
                                        lines.insert(QStringLiteral("jobs.%1.inputs.%2").arg(name, QString::fromStdString(input.first.as<std::string>())),
                                                     input.first.Mark().line + 1);
                            }
                    }
                }
            json.insert(key, yamlToJson(item.second));
        }
    } catch (const YAML::Exception &e) {
        return Error{QStringLiteral("%1:%2:%3: %4").arg(source).arg(e.mark.line + 1).arg(e.mark.column + 1).arg(QString::fromStdString(e.msg))};
    }
    json.insert(QStringLiteral("job_order"), order);
    return pipelineFromJson(json, source, lines);
}

Result<Pipeline> readPipelineFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, f.errorString())};
    return readPipelineYaml(f.readAll(), path);
}

QByteArray writePipelineYaml(const Pipeline &p)
{
    const QJsonObject json = toJson(p);
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << "pipeline";
    out << YAML::Key << "name" << YAML::Value;
    writeValue(out, p.name);
    if (!p.description.isEmpty()) {
        out << YAML::Key << "description" << YAML::Value;
        writeValue(out, p.description);
    }
    if (json.contains(QStringLiteral("inputs"))) {
        out << YAML::Key << "inputs" << YAML::Value;
        writeValue(out, json.value(QStringLiteral("inputs")));
    }
    out << YAML::Key << "jobs" << YAML::Value << YAML::BeginMap;
    const QJsonObject jobs = json.value(QStringLiteral("jobs")).toObject();
    for (const Step &step : p.steps) {
        // type first, then what a reader looks for next; the settings in name order.
        QJsonObject o = jobs.value(step.name).toObject();
        out << YAML::Key << step.name.toStdString() << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "type" << YAML::Value << step.kind.toStdString();
        o.remove(QStringLiteral("type"));
        for (const char *first : {"display_name", "allow_reuse", "inputs"}) {
            const QString key = QString::fromLatin1(first);
            if (o.contains(key)) {
                out << YAML::Key << first << YAML::Value;
                writeValue(out, o.take(key));
            }
        }
        for (auto it = o.begin(); it != o.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            writeValue(out, it.value());
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

} // namespace stratus::pipeline

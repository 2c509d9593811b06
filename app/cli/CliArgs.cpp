#include "CliArgs.h"

#include <QCoreApplication>

namespace stratus::cli {

QString CliArgs::parse(const QStringList &words, const OptionSpec &spec)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (!w.startsWith(QLatin1String("--")) || w == QLatin1String("--")) {
            m_positionals << w;
            continue;
        }
        QString name = w.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        if (spec.flags.contains(name)) {
            if (inlineValue)
                return QCoreApplication::translate("stratus::cli", "--%1 takes no value").arg(name);
            m_flags.insert(name);
        } else if (spec.valued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= words.size())
                    return QCoreApplication::translate("stratus::cli", "--%1 needs a value").arg(name);
                value = words[++i];
            }
            m_values.insert(name, value);
            m_all[name].append(value);
        } else {
            return QCoreApplication::translate("stratus::cli", "unknown option --%1").arg(name);
        }
    }
    return {};
}

std::optional<int> CliArgs::integer(const QString &name, QString *error) const
{
    bool ok = false;
    const int v = m_values.value(name).toInt(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("stratus::cli", "--%1 must be a whole number (got '%2')")
                     .arg(name, m_values.value(name));
        return std::nullopt;
    }
    return v;
}

} // namespace stratus::cli

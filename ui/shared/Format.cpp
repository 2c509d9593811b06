#include "shared/Format.h"

#include <QCoreApplication>
#include <QLocale>

#include <QCoreApplication>
#include <cmath>

namespace stratus::format {

QString metric(double value)
{
    return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'f', 4);
}

QString duration(double seconds)
{
    if (std::isnan(seconds) || seconds < 0)
        return QStringLiteral("—");
    if (seconds < 60)
        return QCoreApplication::translate("stratus::format", "%1 s").arg(seconds, 0, 'f', seconds < 10 ? 2 : 1);
    const qint64 s = qint64(seconds + 0.5);
    if (s < 3600)
        return QCoreApplication::translate("stratus::format", "%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("stratus::format", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString perRow(double seconds)
{
    if (std::isnan(seconds) || seconds <= 0)
        return QStringLiteral("—");
    if (seconds < 1e-3)
        return QCoreApplication::translate("stratus::format", "%1 µs").arg(seconds * 1e6, 0, 'f', seconds < 1e-5 ? 2 : 1);
    return QCoreApplication::translate("stratus::format", "%1 ms").arg(seconds * 1e3, 0, 'f', 2);
}

QColor statusColor(const QString &status)
{
    if (status == QLatin1String("Completed"))
        return QColor(16, 124, 16);
    if (status == QLatin1String("Failed"))
        return QColor(196, 43, 28);
    if (status == QLatin1String("Canceled"))
        return QColor(120, 120, 120);
    if (status == QLatin1String("Running") || status == QLatin1String("Finalizing"))
        return QColor(0, 95, 184);
    if (status == QLatin1String("Interrupted")) // it kept its best model: not an error's red
        return QColor(157, 93, 0);
    return QColor(140, 110, 0);
}

QString metricValue(const QString &name, double value)
{
    if (name == QLatin1String("predict_time_per_row_seconds"))
        return perRow(value);
    if (name.endsWith(QLatin1String("_seconds")))
        return duration(value);
    return metric(value);
}

QString metricTitle(const QString &metric)
{
    if (metric == QLatin1String("fit_time_seconds"))
        return QCoreApplication::translate("stratus::format", "Training time");
    if (metric == QLatin1String("predict_time_per_row_seconds"))
        return QCoreApplication::translate("stratus::format", "Prediction time per row");
    return metric;
}

QString featurizationAction(const QString &action)
{
    static const char *const known[] = {
        QT_TRANSLATE_NOOP("stratus::format", "numeric, standardised"),
        QT_TRANSLATE_NOOP("stratus::format", "numeric"),
        QT_TRANSLATE_NOOP("stratus::format", "boolean"),
        QT_TRANSLATE_NOOP("stratus::format", "one-hot"),
        QT_TRANSLATE_NOOP("stratus::format", "one-hot (few values)"),
        QT_TRANSLATE_NOOP("stratus::format", "frequency (high cardinality)"),
        QT_TRANSLATE_NOOP("stratus::format", "text: frequency and length"),
        QT_TRANSLATE_NOOP("stratus::format", "text: frequency (no length, for ONNX)"),
        QT_TRANSLATE_NOOP("stratus::format", "datetime parts"),
        QT_TRANSLATE_NOOP("stratus::format", "constant"),
        QT_TRANSLATE_NOOP("stratus::format", "all missing"),
        QT_TRANSLATE_NOOP("stratus::format", "ID-like"),
        QT_TRANSLATE_NOOP("stratus::format", "not numeric (featurization off)"),
        QT_TRANSLATE_NOOP("stratus::format", "datetime (ONNX's operators cannot read dates)"),
    };
    const auto translate = [](const QString &text) {
        for (const char *k : known)
            if (text == QLatin1String(k))
                return QCoreApplication::translate("stratus::format", k);
        return text;
    };
    if (action.startsWith(QLatin1String("dropped: ")))
        return QCoreApplication::translate("stratus::format", "dropped: %1").arg(translate(action.mid(9)));
    return translate(action);
}

QString settingValue(const QString &value)
{
    static const char *const known[] = {
        QT_TRANSLATE_NOOP("stratus::format", "classification"), QT_TRANSLATE_NOOP("stratus::format", "regression"),
        QT_TRANSLATE_NOOP("stratus::format", "auto"),           QT_TRANSLATE_NOOP("stratus::format", "off"),
        QT_TRANSLATE_NOOP("stratus::format", "ignore"),         QT_TRANSLATE_NOOP("stratus::format", "categorical"),
        QT_TRANSLATE_NOOP("stratus::format", "numeric"),
    };
    for (const char *k : known)
        if (value == QLatin1String(k))
            return QCoreApplication::translate("stratus::format", k);
    return value;
}

QString fidelity(const QJsonObject &f, const QString &algorithm)
{
    if (f.isEmpty())
        return {};
    QString out = QCoreApplication::translate("stratus::format", "%1 rows").arg(QLocale().toString(f.value(QStringLiteral("rows")).toInteger()));
    if (f.value(QStringLiteral("rungs")).toInt() > 1) // successive halving
        out += QStringLiteral(" · ")
               + QCoreApplication::translate("stratus::format", "rung %1 of %2")
                     .arg(f.value(QStringLiteral("rung")).toInt() + 1)
                     .arg(f.value(QStringLiteral("rungs")).toInt())
               + (f.value(QStringLiteral("promoted_from")).toInt() >= 0
                      ? QCoreApplication::translate("stratus::format", " (promoted from trial %1)").arg(f.value(QStringLiteral("promoted_from")).toInt())
                      : QString());
    if (f.contains(QStringLiteral("n_estimators_planned"))) {
        const bool rounds = algorithm.startsWith(QLatin1String("XGBoost"));
        out += QStringLiteral(" · ")
               + (rounds ? QCoreApplication::translate("stratus::format", "%1 of %2 rounds") : QCoreApplication::translate("stratus::format", "%1 of %2 trees"))
                     .arg(QLocale().toString(f.value(QStringLiteral("n_estimators_reached")).toInt()),
                          QLocale().toString(f.value(QStringLiteral("n_estimators_planned")).toInt()));
        if (f.value(QStringLiteral("early_stopped")).toBool())
            out += QCoreApplication::translate("stratus::format", ", early stopped");
        else if (f.value(QStringLiteral("time_stopped")).toBool())
            out += QCoreApplication::translate("stratus::format", ", its share of time spent");
    }
    return out;
}

} // namespace stratus::format

#include "CliOutput.h"

#include <cstdio>
#include <optional>

namespace stratus::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size())
                text += cells[i].leftJustified(widths[i] + 2);
            else
                text += cells[i];
        }
        out() << text << '\n';
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    out().flush();
}

void printJson(const QJsonDocument &doc)
{
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

QString number(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 6) : QString();
}

} // namespace stratus::cli

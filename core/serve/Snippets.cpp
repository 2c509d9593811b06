#include "serve/Snippets.h"

#include <QJsonDocument>

namespace stratus::serve::snippets {

namespace {

// The body indented for reading (and valid in every language below).
QString pretty(const QByteArray &body)
{
    return QString::fromUtf8(QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented)).trimmed();
}

QString indent(const QString &text, const QString &by)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(by);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString curl(const QString &uri, const QString &key, const QByteArray &body)
{
    QString text = QStringLiteral("curl -sS -X POST '%1' \\\n  -H 'Content-Type: application/json' \\\n").arg(uri);
    if (!key.isEmpty())
        text += QStringLiteral("  -H 'Authorization: Bearer %1' \\\n").arg(key);
    return text + QStringLiteral("  -d '%1'\n").arg(QString::fromUtf8(QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact)));
}

QString python(const QString &uri, const QString &key, const QByteArray &body)
{
    QString text = QStringLiteral("import json\n\nimport requests\n\nscoring_uri = \"%1\"\n").arg(uri);
    text += key.isEmpty() ? QStringLiteral("headers = {\"Content-Type\": \"application/json\"}\n")
                          : QStringLiteral("key = \"%1\"\nheaders = {\"Content-Type\": \"application/json\", "
                                           "\"Authorization\": f\"Bearer {key}\"}\n")
                                .arg(key);
    // JSON's true/false/null would not be Python: send the text as it is.
    text += QStringLiteral("data = json.loads(r'''\n%1\n''')\n\n").arg(pretty(body));
    text += QStringLiteral("response = requests.post(scoring_uri, data=json.dumps(data), headers=headers, timeout=30)\n"
                           "response.raise_for_status()\n"
                           "print(response.json())\n");
    return text;
}

QString cppQt(const QString &uri, const QString &key, const QByteArray &body)
{
    QString text = QStringLiteral(
        "// Build: g++ -std=c++17 -fPIC main.cpp $(pkg-config --cflags --libs Qt6Network) -o score\n"
        "#include <QCoreApplication>\n"
        "#include <QNetworkAccessManager>\n"
        "#include <QNetworkReply>\n"
        "#include <cstdio>\n\n"
        "int main(int argc, char *argv[])\n"
        "{\n"
        "    QCoreApplication app(argc, argv);\n"
        "    QNetworkRequest request(QUrl(QStringLiteral(\"%1\")));\n"
        "    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral(\"application/json\"));\n")
                       .arg(uri);
    if (!key.isEmpty())
        text += QStringLiteral("    request.setRawHeader(\"Authorization\", \"Bearer %1\");\n").arg(key);
    text += QStringLiteral("    const QByteArray body = R\"json(\n%1\n)json\";\n").arg(indent(pretty(body), QStringLiteral("    ")));
    text += QStringLiteral(
        "    QNetworkAccessManager network;\n"
        "    QNetworkReply *reply = network.post(request, body);\n"
        "    QObject::connect(reply, &QNetworkReply::finished, [&] {\n"
        "        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();\n"
        "        std::printf(\"%s\\n\", reply->readAll().constData());\n"
        "        app.exit(status == 200 ? 0 : 1);\n"
        "    });\n"
        "    return app.exec();\n"
        "}\n");
    return text;
}

} // namespace stratus::serve::snippets

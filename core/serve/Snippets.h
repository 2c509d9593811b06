#pragma once
// Snippets: code that calls an endpoint, as the studio's Consume tab shows
// it — curl, Python with requests, and C++ with Qt — for a scoring URI, a key
// (empty: no Authorization header) and a request body (the lesson's sample).
// Each is complete: pasted into a shell, a .py file, or a main.cpp built with
// the command in its first comment, it prints the endpoint's JSON answer.
// tests/tst_endpoints runs all three against a live endpoint.

#include <QString>

namespace stratus::serve::snippets {

QString curl(const QString &uri, const QString &key, const QByteArray &body);
QString python(const QString &uri, const QString &key, const QByteArray &body);
QString cppQt(const QString &uri, const QString &key, const QByteArray &body);

} // namespace stratus::serve::snippets

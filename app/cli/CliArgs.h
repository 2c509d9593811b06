#pragma once
// CliArgs: the words of a stratus-cli command line — positionals, options
// with a value (--name X or --name=X) and flags (--json) — checked against
// what the command accepts, so a typo is an error rather than ignored.

#include <QHash>
#include <QSet>
#include <QStringList>
#include <optional>

namespace stratus::cli {

struct OptionSpec {
    QStringList valued; // e.g. "name", "workspace"
    QStringList flags;  // e.g. "json"
};

class CliArgs {
public:
    // Returns an error message, or an empty string when the words parse.
    QString parse(const QStringList &words, const OptionSpec &spec);

    const QStringList &positionals() const { return m_positionals; }
    bool flag(const QString &name) const { return m_flags.contains(name); }
    bool has(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const
    {
        return m_values.value(name, fallback);
    }
    // Every value an option was given, in order (an option given more than once: --param a=1 --param b=2).
    QStringList values(const QString &name) const { return m_all.value(name); }
    // Every option and flag given, by name.
    QStringList given() const { return m_values.keys() + QStringList(m_flags.cbegin(), m_flags.cend()); }
    // The value as an integer; sets *error when it is not one.
    std::optional<int> integer(const QString &name, QString *error) const;

private:
    QStringList m_positionals;
    QHash<QString, QString> m_values; // the last value of each
    QHash<QString, QStringList> m_all;
    QSet<QString> m_flags;
};

} // namespace stratus::cli

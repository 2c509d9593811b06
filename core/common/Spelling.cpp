#include "common/Spelling.h"

#include <algorithm>
#include <vector>

namespace stratus {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            const bool same = a[i - 1].toLower() == b[j - 1].toLower();
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[size_t(b.size())];
}

QString closestName(const QString &name, const QStringList &candidates)
{
    QString closest;
    int best = 3;
    for (const QString &c : candidates) {
        const int d = editDistance(name, c);
        if (d < best && d <= std::max<qsizetype>(1, c.size() / 3)) {
            best = d;
            closest = c;
        }
    }
    return closest;
}

} // namespace stratus

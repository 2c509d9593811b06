#include "ml/forecasting/ExponentialSmoothing.h"

#include "ml/forecasting/Holt.h"
#include "ml/forecasting/HoltWinters.h"
#include "ml/forecasting/SimpleExpSmoothing.h"

namespace stratus::ml::forecasting {

EtsChoice fitExponentialSmoothing(const std::vector<double> &y, int season, int horizon, const std::vector<double> &levels)
{
    const SimpleExpSmoothing ses = SimpleExpSmoothing::fit(y);
    EtsChoice best{QStringLiteral("ETS(A,N,N)"), ses.aicc(), ses.forecast(horizon, levels)};
    const auto consider = [&](const QString &model, double aicc, const auto &fitted) {
        if (aicc < best.aicc)
            best = {model, aicc, fitted.forecast(horizon, levels)};
    };
    if (y.size() >= 4) {
        for (bool damped : {false, true}) {
            const Holt holt = Holt::fit(y, damped);
            consider(damped ? QStringLiteral("ETS(A,Ad,N)") : QStringLiteral("ETS(A,A,N)"), holt.aicc(), holt);
        }
    }
    if (season >= 2 && y.size() >= size_t(2 * season)) {
        const struct {
            HoltWinters::Trend trend;
            const char *name;
        } seasonal[] = {{HoltWinters::Trend::None, "ETS(A,N,A)"}, {HoltWinters::Trend::Additive, "ETS(A,A,A)"}, {HoltWinters::Trend::Damped, "ETS(A,Ad,A)"}};
        for (const auto &s : seasonal) {
            const HoltWinters hw = HoltWinters::fit(y, season, s.trend);
            consider(QLatin1String(s.name), hw.aicc(), hw);
        }
    }
    return best;
}

} // namespace stratus::ml::forecasting

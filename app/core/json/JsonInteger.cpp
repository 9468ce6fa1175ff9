#include "json/JsonInteger.h"

#include <charconv>
#include <limits>
#include <string>

namespace convdesk::Json {

std::optional<qint64> integerIn(const OrderedJson &value)
{
    if (value.is_number_unsigned()) {
        if (value.get<quint64>() > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(value.get<quint64>());
    }
    if (value.is_number_integer())
        return value.get<qint64>();
    if (!value.is_string())
        return std::nullopt;

    const std::string &text = value.get_ref<const std::string &>();
    const char *begin = text.data();
    const char *end = begin + text.size();
    const char *digits = (begin != end && *begin == '-') ? begin + 1 : begin;
    if (digits == end)
        return std::nullopt;
    for (const char *c = digits; c != end; ++c) {
        if (*c < '0' || *c > '9')
            return std::nullopt;
    }
    // from_chars accepts exactly the '-' and digits checked above and reports overflow.
    qint64 number = 0;
    const auto [last, error] = std::from_chars(begin, end, number);
    if (error != std::errc() || last != end)
        return std::nullopt;
    return number;
}

} // namespace convdesk::Json

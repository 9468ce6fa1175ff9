#include "json/SharedJson.h"

namespace convdesk {

const OrderedJson &SharedJson::nullValue()
{
    static const OrderedJson null;
    return null;
}

} // namespace convdesk

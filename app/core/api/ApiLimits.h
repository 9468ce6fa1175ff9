#pragma once

namespace convdesk::ApiLimits {

// The longest server_extension the service accepts, in characters (UTF-16 code units, as
// QString::size() counts them; the vendor's page gives the limit without a unit). The editor,
// the CLI, the error texts and the sandbox all read it from here.
inline constexpr int MaxServerExtensionLength = 1024;

} // namespace convdesk::ApiLimits

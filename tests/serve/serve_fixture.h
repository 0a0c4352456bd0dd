// A scan store for the `plainsight serve` tests (tests/serve, tests/browser): two finished scans
// of three bodies in two sectors, with failures, text figures, a body that could not be scanned
// and names and titles that try to inject markup.
#pragma once

#include <string>

namespace plainsight::testing {

// The hostile name of body "a": escaped wherever it is shown.
inline constexpr const char* kHostileBodyName = "<script>alert(1)</script> \"Quoted\" & Co";

// Writes the store at `path` (a new SQLite file). Returns "" on success, else what went wrong.
std::string WriteServeFixtureStore(const std::string& path);

}  // namespace plainsight::testing

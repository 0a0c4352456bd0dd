// A generated sector of fictional public bodies, for scan tests and benches: each body a small
// website of `pages` pages (an index, service pages, news), deterministic for a body number and
// page number, with the mix of passing and failing markup and plain and wordy text that real
// public-sector sites have. The same pages are served by the tests' loopback server and written
// to disk for nginx by the scan bench.
#pragma once

#include <optional>
#include <string>

namespace plainsight::testing {

struct SectorOptions {
  int bodies = 10;
  int pages = 20;  // per body, the index included
};

// The host name of body `body` (1-based): "b0001.localhost".
std::string SectorHost(int body);

// The path of page `page` (0 is the index): "/", "/services/3.html".
std::string SectorPath(int page);

// The body of GET `path` on body `body`'s site ("robots.txt" included), or nullopt for a path
// the site does not have (a 404).
std::optional<std::string> SectorResource(const SectorOptions& options, int body,
                                          const std::string& path);

// Writes every body's site below `dir` as dir/<host>/<path> (index.html for "/"), and
// dir/bodies.csv listing the bodies with http://<host>:<port>/ URLs. Returns false on an I/O
// error.
bool WriteSector(const SectorOptions& options, const std::string& dir, int port);

}  // namespace plainsight::testing

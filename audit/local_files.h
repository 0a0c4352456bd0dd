// Local files for audits: reading inputs, and the loader that resolves the file: URLs of a
// page's stylesheets and iframes, confined to the folders being audited (see local_files.cpp for
// why). The engine never does I/O; this is the loader it is given.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "audit/pipeline.h"
#include "crawler/subresources.h"
#include "engine/dom.h"
#include "engine/result.h"

namespace plainsight::audit {

// Reads a whole regular file of at most `max_bytes`, without waiting or reading for ever: a
// FIFO, device or socket fails with kUnsupported and says what it is, a directory with
// kUnsupported, a larger file (or one that grows past the limit while read) with kTooLarge
// naming the limit, a missing file with kNotFound, a symbolic link loop with kIo saying so.
// Error::where is the path.
engine::Result<std::string> ReadFile(const std::string& path, size_t max_bytes = 256u << 20);

// "1048576 bytes (1 MiB)", or "1000 bytes" when not a whole number of KiB, MiB or GiB.
std::string DescribeBytes(size_t bytes);

// The real path of folder `dir` (symbolic links and ".." resolved), for LocalLoaderOptions::roots.
// Fails as ReadFile does, or with kInvalidArgument when `dir` is not a folder.
engine::Result<std::string> CanonicalFolder(const std::string& dir);

// The real path of `path` if it lies below one of `roots` (real paths of folders), after every
// symbolic link is resolved. Fails with kDisallowed (message naming the roots and --root) when
// it lies elsewhere, and as ReadFile does when it cannot be resolved (no such file, link loop).
engine::Result<std::string> ConfinedPath(const std::string& path,
                                         const std::vector<std::string>& roots);

struct LocalLoaderOptions {
  // Only files below these folders (real paths, see CanonicalFolder) are read. Empty: none.
  std::vector<std::string> roots;
  // URLs that start with web_prefix name files below `folder` (the ACT harness's assets).
  std::string web_prefix;
  std::string folder;
  // The crawler's limits for what a page links to (crawler::SubresourceOptions): bytes per file
  // and distinct files per run. Each file is read once; later requests get the same answer.
  size_t max_bytes = crawler::SubresourceOptions{}.max_bytes;
  size_t max_resources = crawler::SubresourceOptions{}.max_resources;
  // Told once per file refused for any reason but "no such file" (too large, outside the roots,
  // not a regular file, a link loop), so that the CLI can warn on stderr as well as in the report.
  std::function<void(const engine::Error&)> on_refused;
};

// A loader for file: URLs (and for URLs under options.web_prefix). Other URLs, file URLs naming
// another host, and files refused as above fail; the error names the file and why.
engine::ResourceLoader LocalLoader(LocalLoaderOptions options);

}  // namespace plainsight::audit

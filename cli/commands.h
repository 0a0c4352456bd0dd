// The plainsight subcommands. Each takes argv with argv[0] the subcommand's name and returns the
// process exit status: 0 success / nothing failed, 1 something failed, 2 bad usage or input.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/subresources.h"
#include "engine/dom.h"
#include "engine/result.h"

namespace plainsight::cli {

int RunAudit(int argc, char** argv);
int RunRules(int argc, char** argv);
int RunAct(int argc, char** argv);
int RunCrawl(int argc, char** argv);
int RunScanCommand(int argc, char** argv);
int RunReportCommand(int argc, char** argv);
int RunWorkerCommand(int argc, char** argv);

// `plainsight robots URL [--robots FILE] [--agent NAME] [--allow-private]`. argv[0] is the
// subcommand name ("robots"). Prints "allowed" or "disallowed", then the line that decided it.
// Without --robots it fetches the site's robots.txt (redirects followed, 4xx allow all, 5xx and
// unreachable disallow all, RFC 9309 2.3.1). Exit code: 0 allowed, 1 disallowed, 2 usage error.
int RunRobotsCommand(int argc, char** argv);

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

// "file:///abs/path" for a local path.
std::string FileUrl(const std::string& path);

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

// Prints "plainsight: message" to stderr and returns 2.
int UsageError(std::string_view message);

}  // namespace plainsight::cli

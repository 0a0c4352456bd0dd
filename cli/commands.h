// The plainsight subcommands. Each takes argv with argv[0] the subcommand's name and returns the
// process exit status: 0 success / nothing failed, 1 something failed, 2 bad usage or input.
#pragma once

#include <string>
#include <string_view>

#include "engine/dom.h"
#include "engine/result.h"

namespace plainsight::cli {

int RunAudit(int argc, char** argv);
int RunRules(int argc, char** argv);
int RunAct(int argc, char** argv);
int RunCrawl(int argc, char** argv);
int RunScanCommand(int argc, char** argv);
int RunWorkerCommand(int argc, char** argv);

// Reads a whole file. Fails with kNotFound / kIo and a message naming the path.
engine::Result<std::string> ReadFile(const std::string& path, size_t max_bytes = 256u << 20);

// "file:///abs/path" for a local path.
std::string FileUrl(const std::string& path);

// A loader for file: URLs (and, with `prefix_map`, for URLs under a web prefix mapped to a
// folder, as the ACT harness needs). Other URLs fail with kUnsupported.
engine::ResourceLoader LocalLoader(std::string web_prefix = {}, std::string folder = {});

// Prints "plainsight: message" to stderr and returns 2.
int UsageError(std::string_view message);

}  // namespace plainsight::cli

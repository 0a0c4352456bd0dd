// The plainsight subcommands. Each takes argv with argv[0] the subcommand's name and returns the
// process exit status: 0 success / nothing failed, 1 something failed, 2 bad usage or input.
#pragma once

#include <string_view>

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

// Prints "plainsight: message" to stderr and returns 2.
int UsageError(std::string_view message);

}  // namespace plainsight::cli

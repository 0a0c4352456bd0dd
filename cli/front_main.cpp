// plainsight: the command a user runs. It does the light subcommands itself (`text`, `version`,
// `help`) and replaces itself (execv) with plainsight-core, beside it, for every other one.
//
// Why two executables: plainsight-core links every module (crawler, stores, PDF and Office
// readers, the HTTP server) and tcmalloc; starting it costs 40-55 ms before main() (loading and
// relocating 75 shared libraries, tcmalloc's page map), more than the whole plain-language
// analysis of a short draft. This executable links only the text analyser and what it reads
// (about 20 libraries, with --as-needed), so `plainsight text` starts in about 10 ms; the other
// subcommands pay the extra execv (a few milliseconds) once per run. Same process id, arguments,
// environment and signals: a worker's SIGTERM reaches plainsight-core directly.
#include <cerrno>
#include <climits>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "cli/help.h"
#include "cli/malloc_tuning.h"
#include "cli/text_command.h"

namespace {

// plainsight-core in the directory of this executable (as /proc/self/exe names it), else "".
std::string CorePath() {
  char self[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    return {};
  }
  std::string path(self, static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1) + "plainsight-core";
}

}  // namespace

int main(int argc, char** argv) {
  plainsight::cli::TuneAllocator();
  if (argc < 2) {
    std::cerr << plainsight::cli::kHelp;
    return 2;
  }
  const std::string_view command = argv[1];
  if (command == "text") {
    plainsight::cli::TuneAllocatorForShortRun();
    return plainsight::cli::RunTextCommand(argc - 1, argv + 1, /*exit_when_done=*/true);
  }
  if (plainsight::cli::PrintVersionOrHelp(command)) {
    return 0;
  }
  const std::string core = CorePath();
  if (!core.empty()) {
    execv(core.c_str(), argv);  // returns only on failure
  }
  std::cerr << "plainsight: cannot run '" << command << "': plainsight-core, which runs it, "
            << (core.empty()
                    ? std::string("could not be located (no /proc/self/exe)")
                    : "could not be started from " + core + " (" + std::strerror(errno) + ")")
            << "; reinstall plainsight with both executables side by side\n";
  return 2;
}

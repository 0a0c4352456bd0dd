// plainsight-core: every subcommand. The `plainsight` binary (front_main.cpp) runs the light
// ones itself and hands the others to this one (docs/architecture.md, "Two executables").
#include <iostream>
#include <string_view>

#include "cli/commands.h"
#include "cli/help.h"
#include "cli/malloc_tuning.h"
#include "cli/serve.h"
#include "cli/text_command.h"

int main(int argc, char** argv) {
  plainsight::cli::TuneAllocator();
  if (argc < 2) {
    std::cerr << plainsight::cli::kHelp;
    return 2;
  }
  std::string_view command = argv[1];
  if (command == "audit") {
    return plainsight::cli::RunAudit(argc - 1, argv + 1);
  }
  if (command == "rules") {
    return plainsight::cli::RunRules(argc - 1, argv + 1);
  }
  if (command == "text") {
    return plainsight::cli::RunTextCommand(argc - 1, argv + 1, /*exit_when_done=*/true);
  }
  if (command == "robots") {
    return plainsight::cli::RunRobotsCommand(argc - 1, argv + 1);
  }
  if (command == "crawl") {
    return plainsight::cli::RunCrawl(argc - 1, argv + 1);
  }
  if (command == "scan") {
    return plainsight::cli::RunScanCommand(argc - 1, argv + 1);
  }
  if (command == "report") {
    return plainsight::cli::RunReportCommand(argc - 1, argv + 1);
  }
  if (command == "serve") {
    return plainsight::cli::RunServeCommand(argc - 1, argv + 1);
  }
  if (command == "worker") {
    return plainsight::cli::RunWorkerCommand(argc - 1, argv + 1);
  }
  if (command == "act") {
    return plainsight::cli::RunAct(argc - 1, argv + 1);
  }
  if (plainsight::cli::PrintVersionOrHelp(command)) {
    return 0;
  }
  std::cerr << "plainsight: unknown command '" << command << "'\n\n" << plainsight::cli::kHelp;
  return 2;
}

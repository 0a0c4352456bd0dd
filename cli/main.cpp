// The plainsight command-line tool: dispatches to subcommands.
#include <iostream>
#include <string_view>

#include "cli/commands.h"
#include "cli/malloc_tuning.h"
#include "cli/serve.h"
#include "cli/text_command.h"

namespace {

constexpr const char* kHelp =
    R"(plainsight: accessibility and plain-language audits for public-sector websites

usage: plainsight COMMAND [ARGS]

commands:
  audit FILE|DIR|URL... audit local HTML/SVG files, or crawl a site and audit its pages
  text FILE|-           check a draft for plain language (text, Markdown, HTML, DOCX, ODT)
  robots URL            say whether robots.txt lets plainsight fetch URL, and which line decided
  crawl URL             crawl a site without auditing: list what is fetched and skipped, and why
  scan BODIES.csv       scan every public body in a list into a store (--db FILE; --status)
  report                write a scan as accessible HTML and open data (--db FILE --out DIR)
  serve                 the draft checker, the scan dashboard and the JSON API in a browser
                        ([--db scan.db] [--port 8080] [--bind 127.0.0.1])
  worker --db URI       take bodies of queued scans from a shared store (a fleet worker)
  rules                 list the rules (--format text|json|markdown)
  act TESTCASES.json    run the W3C ACT rules test cases (--out RESULTS.json)
  version               print the version

Exit status: 0 nothing failed, 1 something failed, 2 bad usage or unreadable input.
Run 'plainsight COMMAND --help' for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  plainsight::cli::TuneAllocator();
  if (argc < 2) {
    std::cerr << kHelp;
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
    return plainsight::cli::RunTextCommand(argc - 1, argv + 1);
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
  if (command == "version" || command == "--version") {
    std::cout << "plainsight " << PLAINSIGHT_VERSION << "\n";
    return 0;
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kHelp;
    return 0;
  }
  std::cerr << "plainsight: unknown command '" << command << "'\n\n" << kHelp;
  return 2;
}

// The top-level help of `plainsight`, shared by its two executables (front_main.cpp and
// core_main.cpp).
#pragma once

#include <iostream>
#include <string_view>

namespace plainsight::cli {

inline constexpr const char* kHelp =
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

// `plainsight version` and `plainsight help` (with their dashed forms): prints the answer and
// returns true; false for any other command.
inline bool PrintVersionOrHelp(std::string_view command) {
  if (command == "version" || command == "--version") {
    std::cout << "plainsight " << PLAINSIGHT_VERSION << "\n";
    return true;
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kHelp;
    return true;
  }
  return false;
}

}  // namespace plainsight::cli

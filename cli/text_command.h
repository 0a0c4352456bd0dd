// `plainsight text FILE|- [--lang L] [--format text|json|html] [--detail] [thresholds]`:
// the plain-language analyser for writers (issue 3, item 6). See docs/text.md.
#pragma once

namespace plainsight::cli {

// argv[0] is "text"; the rest are the subcommand's arguments. Returns 0 when every threshold
// is met, 1 when one is missed (for CI on documentation), 2 on bad input or bad usage.
// `exit_when_done`: for a main() that returns right after. Once the results are printed, the
// process ends here (std::_Exit, streams flushed) with that status, without freeing what the
// analysis loaded: freeing Hunspell's dictionary and the word tables, item by item, costs 10-30
// ms, a sixth of a short draft's run.
int RunTextCommand(int argc, char** argv, bool exit_when_done);

inline int RunTextCommand(int argc, char** argv) {
  return RunTextCommand(argc, argv, false);
}

}  // namespace plainsight::cli

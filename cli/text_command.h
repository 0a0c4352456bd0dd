// `plainsight text FILE|- [--lang L] [--format text|json|html] [--detail] [thresholds]`:
// the plain-language analyser for writers (issue 3, item 6). See docs/text.md.
#pragma once

namespace plainsight::cli {

// argv[0] is "text"; the rest are the subcommand's arguments. Returns 0 when every threshold
// is met, 1 when one is missed (for CI on documentation), 2 on bad input or bad usage.
int RunTextCommand(int argc, char** argv);

}  // namespace plainsight::cli

// UsageError, shared by the subcommands.
#include <iostream>

#include "cli/commands.h"

namespace plainsight::cli {

int UsageError(std::string_view message) {
  std::cerr << "plainsight: " << message << "\n";
  return 2;
}

}  // namespace plainsight::cli

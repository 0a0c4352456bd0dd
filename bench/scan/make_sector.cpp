// Writes the generated sector (tests/sector/sector.h) to a folder for nginx:
//   plainsight_make_sector DIR BODIES PAGES PORT
// DIR/<host>/... per body and DIR/bodies.csv with http://<host>:PORT/ URLs.
#include <cstdio>
#include <cstdlib>

#include "tests/sector/sector.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: plainsight_make_sector DIR BODIES PAGES PORT\n");
    return 2;
  }
  plainsight::testing::SectorOptions options;
  options.bodies = std::atoi(argv[2]);
  options.pages = std::atoi(argv[3]);
  int port = std::atoi(argv[4]);
  if (options.bodies < 1 || options.pages < 1 || port < 1) {
    std::fprintf(stderr, "plainsight_make_sector: BODIES, PAGES and PORT must be positive\n");
    return 2;
  }
  if (!plainsight::testing::WriteSector(options, argv[1], port)) {
    std::fprintf(stderr, "plainsight_make_sector: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}

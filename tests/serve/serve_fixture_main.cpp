// plainsight_serve_fixture PATH: writes the test scan store (serve_fixture.h) for the browser
// tests in tests/browser, which drive a real `plainsight serve --db PATH`.
#include <iostream>

#include "tests/serve/serve_fixture.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plainsight_serve_fixture PATH\n";
    return 2;
  }
  std::string problem = plainsight::testing::WriteServeFixtureStore(argv[1]);
  if (!problem.empty()) {
    std::cerr << "plainsight_serve_fixture: " << problem << "\n";
    return 1;
  }
  return 0;
}

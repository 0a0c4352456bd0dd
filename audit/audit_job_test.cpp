// One `plainsight audit` run without the CLI (issue 21): local files in, the exit status from
// --fail-on, and the crawl handed to the runner the job is given. The output formats and the
// CLI's messages are held byte for byte by tests/audit_output_test.cpp and the crawl tests.
#include "audit/audit_job.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

namespace pa = plainsight::audit;
namespace pe = plainsight::engine;
namespace fs = std::filesystem;

namespace {

// A job with html.image-name only and no plain-language analysis.
pa::AuditJob ImageNameJob(std::vector<std::string> inputs) {
  pa::AuditJob job;
  job.inputs = std::move(inputs);
  auto rules = pa::SelectRules("AA", "html.image-name");
  REQUIRE(rules);
  job.settings.rules = *rules;
  job.settings.text = false;
  job.threads = 1;
  return job;
}

}  // namespace

TEST_CASE("audit job: local files are audited and the exit status follows --fail-on",
          "[audit][audit-job]") {
  fs::path dir = fs::temp_directory_path() / ("plainsight-audit-job-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "page.html")
      << "<!doctype html><html lang=\"en\"><head><title>Map</title></head>"
         "<body><img src=\"map.png\"></body></html>\n";
  pa::AuditJob job = ImageNameJob({dir.string()});
  job.fail_threshold = pe::Severity::kError;
  std::ostringstream out;
  std::ostringstream err;
  CHECK(pa::RunAuditJob(job, out, err) == 1);
  CHECK(out.str().find("html.image-name") != std::string::npos);
  CHECK(err.str().empty());

  job.fail_threshold.reset();  // --fail-on never
  std::ostringstream out_never;
  CHECK(pa::RunAuditJob(job, out_never, err) == 0);
  CHECK(out_never.str() == out.str());
  fs::remove_all(dir);
}

TEST_CASE(
    "audit job: the crawl runner gets the URLs as seeds with a subresource loader, and its "
    "failure status ends the audit",
    "[audit][audit-job]") {
  pa::AuditJob job = ImageNameJob({"https://example.org/"});
  std::vector<std::string> seeds;
  bool has_loader = false;
  job.run_crawl = [&](const plainsight::crawler::CrawlOptions& options,
                      const plainsight::crawler::CrawlCallbacks& hooks) {
    seeds = options.seeds;
    has_loader = options.subresource_loader != nullptr && hooks.on_resource && hooks.on_skip &&
                 hooks.on_warning;
    return 2;
  };
  std::ostringstream out;
  std::ostringstream err;
  CHECK(pa::RunAuditJob(job, out, err) == 2);
  CHECK(seeds == std::vector<std::string>{"https://example.org/"});
  CHECK(has_loader);
  CHECK(err.str().empty());  // the runner says why, not the job
}

TEST_CASE("audit job: a crawl that delivers no page exits 2 and says why on stderr",
          "[audit][audit-job]") {
  pa::AuditJob job = ImageNameJob({"https://example.org/"});
  job.run_crawl = [](const plainsight::crawler::CrawlOptions&,
                     const plainsight::crawler::CrawlCallbacks&) { return 0; };
  std::ostringstream out;
  std::ostringstream err;
  CHECK(pa::RunAuditJob(job, out, err) == 2);
  CHECK(err.str().rfind("plainsight: no page could be audited: nothing was fetched", 0) == 0);
}

// The local files of an audit, walked folder by folder (issue 17): the same files, in the same
// order, as listing every path below the folders and sorting them, without holding that list.
#include "audit/local_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "audit/local_files.h"

namespace fs = std::filesystem;
namespace pa = plainsight::audit;

namespace {

struct TempTree {
  TempTree() {
    std::string pattern = (fs::temp_directory_path() / "plainsight-inputs-XXXXXX").string();
    root = mkdtemp(pattern.data());
  }

  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }

  void File(const std::string& relative) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << "<p>x</p>";
  }

  fs::path root;
};

std::vector<pa::FileInput> All(pa::LocalInputs inputs) {
  std::vector<pa::FileInput> out;
  while (auto file = inputs.Next()) {
    out.push_back(*file);
  }
  return out;
}

std::vector<std::string> Paths(const std::vector<pa::FileInput>& files) {
  std::vector<std::string> out;
  out.reserve(files.size());
  for (const pa::FileInput& f : files) {
    out.push_back(f.path);
  }
  return out;
}

// What the audit listed before it walked folder by folder: every entry below the folder that is
// not a folder (links followed to tell) with an auditable name, the full paths sorted.
std::vector<std::string> ListedAndSorted(const fs::path& folder) {
  std::vector<std::string> found;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(
           folder, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec) && pa::IsAuditableName(it->path())) {
      found.push_back(it->path().string());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("a folder's files come out in the order of their sorted full paths", "[local_inputs]") {
  TempTree tree;
  // Names where walking folder by folder and sorting whole paths could disagree: a folder and
  // a file sharing a stem, separators that sort before and after "/", case, deep folders.
  for (const char* name :
       {"a.html", "a/x.html", "a b/x.html", "a-z/q.pdf", "ab.htm", "a/c/z.svg", "a/c.html",
        "a/c-d/y.html", "A/upper.HTML", "b/notes.txt", "b/deep/er/page.xhtml", "z.docx",
        "0/1/2/3.odt", "a.b/c.html", "readme.md"}) {
    tree.File(name);
  }
  fs::create_directories(tree.root / "empty");
  // A link to a folder is neither walked nor listed; a link to a file is listed.
  fs::create_directory_symlink(tree.root / "a", tree.root / "link-to-a");
  fs::create_symlink(tree.root / "a.html", tree.root / "link.html");

  std::vector<pa::FileInput> files = All(pa::LocalInputs({tree.root.string()}, {}));
  CHECK(Paths(files) == ListedAndSorted(tree.root));
  CHECK(files.size() == 14);  // 13 pages and the link to one
  for (const pa::FileInput& f : files) {
    CHECK(f.error.empty());
    CHECK(f.folder == tree.root.string());
  }
}

TEST_CASE("inputs keep their order; a folder without pages says so in its place",
          "[local_inputs]") {
  TempTree tree;
  tree.File("site/b.html");
  tree.File("site/a.html");
  tree.File("notes/readme.txt");
  tree.File("page.html");
  const std::string site = (tree.root / "site").string();
  const std::string notes = (tree.root / "notes").string();
  const std::string page = (tree.root / "page.html").string();

  pa::LocalInputs inputs({page, notes, site, "/no/such/file.html"}, {});
  std::vector<pa::FileInput> files = All(std::move(inputs));
  REQUIRE(files.size() == 5);
  CHECK(files[0].path == page);
  CHECK(files[0].folder.empty());
  CHECK(files[1].path == notes);
  CHECK(files[1].error == "no .html, .htm, .xhtml, .svg, .pdf, .docx or .odt files in this folder");
  CHECK(files[2].path == site + "/a.html");
  CHECK(files[3].path == site + "/b.html");
  // A missing file is handed out as given: the reader says why it cannot be read.
  CHECK(files[4].path == "/no/such/file.html");
  CHECK(files[4].error.empty());
}

TEST_CASE("the roots are known before the first file; links out of them are refused",
          "[local_inputs]") {
  TempTree tree;
  tree.File("site/index.html");
  tree.File("outside/secret.html");
  tree.File("alone/page.html");
  fs::create_symlink(tree.root / "outside" / "secret.html", tree.root / "site" / "leak.html");
  const std::string site = (tree.root / "site").string();
  const std::string page = (tree.root / "alone" / "page.html").string();

  pa::LocalInputs inputs({site, page}, {});
  const std::string real_root = fs::canonical(tree.root).string();
  CHECK(inputs.roots() == std::vector<std::string>{real_root + "/site", real_root + "/alone"});
  std::vector<pa::FileInput> files = All(std::move(inputs));
  REQUIRE(files.size() == 3);
  CHECK(files[0].path == site + "/index.html");
  CHECK(files[0].error.empty());
  CHECK(files[1].path == site + "/leak.html");
  CHECK_FALSE(files[1].error.empty());
  CHECK(files[2].path == page);

  // --root lets the link through.
  pa::LocalInputs allowed({site}, {real_root + "/outside"});
  std::vector<pa::FileInput> with_root = All(std::move(allowed));
  REQUIRE(with_root.size() == 2);
  CHECK(with_root[1].error.empty());
}

// The rule runner and finding locations.
#include "engine/runner.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iterator>
#include <optional>
#include <span>
#include <unordered_map>

#include "engine/utf8.h"

namespace plainsight::engine {

const char* OutcomeName(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kCantTell:
      return "cantTell";
    case Outcome::kInapplicable:
      return "inapplicable";
  }
  return "inapplicable";
}

const char* ImpactName(Impact impact) noexcept {
  switch (impact) {
    case Impact::kMinor:
      return "minor";
    case Impact::kModerate:
      return "moderate";
    case Impact::kSerious:
      return "serious";
    case Impact::kCritical:
      return "critical";
  }
  return "serious";
}

const char* SeverityName(Severity severity) noexcept {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNotice:
      return "notice";
  }
  return "notice";
}

double OptionValues::Get(std::string_view name) const {
  for (const RuleOption& o : declared_) {
    if (o.name != name) {
      continue;
    }
    if (overrides_ != nullptr) {
      std::string key = std::string(rule_id_) + "." + std::string(name);
      if (auto it = overrides_->find(key); it != overrides_->end()) {
        return it->second;
      }
    }
    return o.default_value;
  }
  return 0;
}

Outcome Aggregate(std::span<const Finding> findings, size_t passed_targets) noexcept {
  bool any_cant = false;
  bool any_pass = passed_targets > 0;
  for (const Finding& f : findings) {
    if (f.outcome == Outcome::kFailed) {
      return Outcome::kFailed;
    }
    any_cant |= f.outcome == Outcome::kCantTell;
    any_pass |= f.outcome == Outcome::kPassed;
  }
  if (any_cant) {
    return Outcome::kCantTell;
  }
  return any_pass ? Outcome::kPassed : Outcome::kInapplicable;
}

namespace {

// Locates findings: the CSS selector path of an element. Everything it needs about a document
// (which ids are unique, each element's :nth-child position and whether a sibling shares its
// tag) is worked out once per document or per parent and kept for the run, so the cost of a
// finding is the depth of its element, whatever the page's size and number of findings. (A
// scan of the parent's children per ancestor made a page of many failing siblings quadratic:
// 2 MB of failing markup took minutes.) The path of a finding's parent is kept too, so that
// the findings of one parent (and of its children) cost the length of their selector, not a
// walk of their depth: a page nested 500 deep with thousands of failing elements at the bottom
// walked 500 ancestors per finding. `steps()` counts the nodes looked at, for the tests that
// keep it linear.
class Locator {
 public:
  std::string SelectorPath(const Node& node);

  uint64_t steps() const { return steps_; }

 private:
  struct IdEntry {
    const Node* first = nullptr;
    int count = 0;
  };

  // Where an element stands among its parent's element children.
  // Four bytes: a parent with a few hundred thousand children keeps one per child.
  struct Place {
    uint32_t position : 31 = 0;    // 1-based, as :nth-child counts
    uint32_t tag_repeats : 1 = 0;  // another element child has the same tag
  };

  // The first element with `id` in `doc` and how many have it; nullptr when none.
  const IdEntry* FindId(const Document& doc, std::string_view id);
  Place PlaceOf(const Node& node);
  // Whether `node` has an id that is written plainly and is its document's only one: its path
  // is then "#id".
  bool HasUniqueId(const Node& node);

  // `node`'s own step of a path: its tag, and its :nth-child position when a sibling shares the
  // tag (0 when none is written).
  struct Step {
    std::string_view tag;
    uint32_t position = 0;
  };

  Step StepOf(const Node& node);
  // The length of the step as written: selectors are sized exactly, as a large page keeps
  // hundreds of thousands of them until it is reported.
  static size_t StepSize(const Step& step);
  static void AppendStep(const Step& step, std::string& out);
  // The path of `node` walked up from it, using a kept parent path when there is one.
  std::string WalkPath(const Node& node);

  // Documents and parents this small are scanned on each question: cheaper than an index, and
  // the scan is bounded by the threshold.
  static constexpr size_t kScanBelow = 32;
  IdEntry scanned_id_;
  std::unordered_map<const Document*, std::unordered_map<std::string_view, IdEntry>> ids_;
  // Per parent with many children: each child's Place, indexed by Node::child_index().
  std::unordered_map<const Node*, std::vector<Place>> places_;
  // Paths of the parents of located elements. Each is at most as long as a selector already
  // handed out, so this holds no more than the findings do.
  std::unordered_map<const Node*, std::string> parent_paths_;
  uint64_t steps_ = 0;
};

const Locator::IdEntry* Locator::FindId(const Document& doc, std::string_view id) {
  if (doc.elements().size() <= kScanBelow) {
    scanned_id_ = IdEntry{};
    for (const Node* e : doc.elements()) {
      ++steps_;
      if (const std::string* v = e->Attr("id"); v != nullptr && *v == id) {
        if (scanned_id_.first == nullptr) {
          scanned_id_.first = e;
        }
        ++scanned_id_.count;
      }
    }
    return scanned_id_.first == nullptr ? nullptr : &scanned_id_;
  }
  auto [it, added] = ids_.try_emplace(&doc);
  if (added) {
    for (const Node* e : doc.elements()) {
      ++steps_;
      if (const std::string* v = e->Attr("id")) {
        IdEntry& entry = it->second[*v];
        if (entry.first == nullptr) {
          entry.first = e;
        }
        ++entry.count;
      }
    }
  }
  ++steps_;
  const auto found = it->second.find(id);
  return found == it->second.end() ? nullptr : &found->second;
}

Locator::Place Locator::PlaceOf(const Node& node) {
  const Node& parent = *node.parent();
  const std::span<Node* const> children = parent.children();
  if (children.size() <= kScanBelow) {
    Place place;
    uint32_t index = 0;
    int same_tag = 0;
    for (const Node* c : children) {
      ++steps_;
      if (!c->IsElement()) {
        continue;
      }
      ++index;
      same_tag += c->tag() == node.tag();
      if (c == &node) {
        place.position = index;
      }
    }
    place.tag_repeats = same_tag > 1;
    return place;
  }
  auto [it, added] = places_.try_emplace(&parent);
  std::vector<Place>& places = it->second;
  if (added) {
    places.resize(children.size());
    std::unordered_map<std::string_view, uint32_t> tag_counts;
    uint32_t index = 0;
    for (size_t i = 0; i < children.size(); ++i) {
      ++steps_;
      if (children[i]->IsElement()) {
        places[i].position = ++index;
        ++tag_counts[children[i]->tag()];
      }
    }
    for (size_t i = 0; i < children.size(); ++i) {
      ++steps_;
      if (children[i]->IsElement()) {
        places[i].tag_repeats = tag_counts[children[i]->tag()] > 1;
      }
    }
  }
  ++steps_;
  return places[node.child_index()];
}

// Whether `id` can be written as "#id" in a selector without escaping.
bool PlainId(const std::string& id) {
  return !id.empty() && id.find_first_of(" \t\n\"'#.:[]>+~()") == std::string::npos &&
         !std::isdigit(static_cast<unsigned char>(id[0]));
}

bool Locator::HasUniqueId(const Node& node) {
  const std::string* id = node.Attr("id");
  if (id == nullptr || !PlainId(*id)) {
    return false;
  }
  // Unique enough: this is the only element of its document with this id. Duplicates still get
  // a path.
  const IdEntry* entry = FindId(node.document(), *id);
  return entry != nullptr && entry->first == &node && entry->count == 1;
}

Locator::Step Locator::StepOf(const Node& node) {
  Step step{node.tag()};
  if (node.parent() && node.tag() != "html" && node.tag() != "body" && node.tag() != "head") {
    const Place place = PlaceOf(node);
    if (place.tag_repeats) {
      step.position = place.position;
    }
  }
  return step;
}

constexpr std::string_view kNthChild = ":nth-child(";

size_t Locator::StepSize(const Step& step) {
  if (step.position == 0) {
    return step.tag.size();
  }
  size_t digits = 1;
  for (uint32_t p = step.position; p >= 10; p /= 10) {
    ++digits;
  }
  return step.tag.size() + kNthChild.size() + digits + 1;
}

void Locator::AppendStep(const Step& step, std::string& out) {
  out += step.tag;
  if (step.position != 0) {
    char digits[16];
    const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), step.position);
    out += kNthChild;
    out.append(digits, end);
    out += ')';
  }
}

std::string Locator::WalkPath(const Node& node) {
  // The chain from the node up to the first ancestor with a unique id, a kept path or the
  // root, then written top-down: one string, no intermediate parts.
  const Node* chain[64];
  std::vector<const Node*> long_chain;  // only for paths deeper than 64
  size_t depth = 0;
  std::string out;
  for (const Node* n = &node; n && n->IsElement(); n = n->parent()) {
    ++steps_;
    if (n != &node) {
      if (auto kept = parent_paths_.find(n); kept != parent_paths_.end()) {
        out = kept->second;
        break;
      }
    }
    if (HasUniqueId(*n)) {
      out += '#';
      out += *n->Attr("id");
      break;
    }
    if (depth < std::size(chain)) {
      chain[depth] = n;
    } else {
      if (long_chain.empty()) {
        long_chain.assign(std::begin(chain), std::end(chain));
      }
      long_chain.push_back(n);
    }
    ++depth;
  }
  auto at = [&](size_t i) { return long_chain.empty() ? chain[i] : long_chain[i]; };
  for (size_t k = depth; k-- > 0;) {
    if (!out.empty()) {
      out += " > ";
    }
    AppendStep(StepOf(*at(k)), out);
  }
  return out;
}

std::string Locator::SelectorPath(const Node& node) {
  if (!node.IsElement()) {
    return {};
  }
  const Node* parent = node.parent();
  if (parent == nullptr || !parent->IsElement() || HasUniqueId(node)) {
    return WalkPath(node);
  }
  ++steps_;
  auto [kept, added] = parent_paths_.try_emplace(parent);
  if (added) {
    kept->second = WalkPath(*parent);
  }
  const Step step = StepOf(node);
  std::string out;
  out.reserve(kept->second.size() + 3 + StepSize(step));
  out += kept->second;
  out += " > ";
  AppendStep(step, out);
  return out;
}

}  // namespace

std::string SelectorPath(const Node& node) {
  Locator locator;
  return locator.SelectorPath(node);
}

std::string Snippet(const Node& node, size_t max_chars) {
  std::string_view src = node.StartTagSource();
  if (src.empty() && node.IsElement()) {
    return "<" + node.tag() + ">";
  }
  // Cut on a UTF-8 boundary, then copy once with tabs and line breaks made spaces.
  size_t take = src.size();
  if (take > max_chars) {
    take = Utf8CutPoint(src, max_chars);
  }
  std::string text;
  text.reserve(take + (take < src.size() ? 3 : 0));
  text.append(src.data(), take);
  // Tabs and line breaks (bytes below 0x0E) are rare in a start tag: eight bytes are tested at
  // a time, and only a word that may hold one is looked at byte by byte.
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  auto blank = [&text](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      if (text[k] == '\n' || text[k] == '\r' || text[k] == '\t') {
        text[k] = ' ';
      }
    }
  };
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (((word - kOnes * 0x0E) & ~word & kHighs) != 0) {
      blank(i, i + 8);  // some byte below 0x0E
    }
  }
  blank(i, text.size());
  if (take < src.size()) {
    text += "…";
  }
  return text;
}

namespace {
constexpr size_t kMaxSpareFindings = 256;  // unused room kept in a rule's findings vector
// Unused room kept in a message: less than the allocator's step between block sizes.
constexpr size_t kMaxSpareMessageBytes = 15;

// RunIsolated's body, for any callable: RunRules calls a page rule's check directly, without a
// std::function per rule and page.
template <typename Check>
void RunChecked(const Rule& rule, std::string_view id, Severity severity, const RunOptions& options,
                RuleResult& result, const Check& check) {
  result.rule = &rule;
  Findings findings(id, severity, options.keep_passed);
  try {
    check(findings);
    result.findings = std::move(findings.items());
    // A large page's findings are kept until it is written: give back a large vector's spare
    // room (an ordinary page's few findings are not copied again for a few bytes).
    if (result.findings.capacity() - result.findings.size() > kMaxSpareFindings) {
      result.findings.shrink_to_fit();
    }
    // Messages built by concatenation keep the room their last append grew them by, often a
    // third of their size.
    for (Finding& f : result.findings) {
      if (f.message.capacity() - f.message.size() > kMaxSpareMessageBytes) {
        f.message.shrink_to_fit();
      }
    }
    result.passed = findings.passed();
  } catch (const std::exception& e) {
    if (options.strict) {
      throw;
    }
    result.error = e.what();
    result.findings.clear();
    result.passed = 0;
    Finding& f = result.findings.emplace_back();
    f.rule_id = id;
    f.outcome = Outcome::kCantTell;
    f.message = std::string("the rule could not finish: ") + e.what();
  }
  result.outcome = Aggregate(result.findings, result.passed);
}

}  // namespace

void RunIsolated(const Rule& rule, const RunOptions& options, RuleResult& result,
                 const std::function<void(Findings&)>& check) {
  RunChecked(rule, rule.id, rule.severity, options, result, check);
}

PreparedRules::PreparedRules(std::span<const Rule* const> rules, bool skip_absent_targets) {
  entries_.reserve(rules.size());
  for (const Rule* rule : rules) {
    if (rule->check != nullptr) {
      const bool has_targets =
          skip_absent_targets && (!rule->target_tags.empty() || !rule->target_attributes.empty());
      entries_.push_back({rule->check, rule->id, rule->severity, rule, has_targets,
                          NamesPresent::BitsOf(rule->target_tags, rule->target_attributes)});
    }
  }
}

NamesPresent::NamesPresent(const Page& page) {
  Add(page);
}

size_t NamesPresent::Bit(std::string_view name) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : name) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  return (h ^ (h >> 8) ^ (h >> 16)) & 255u;
}

void NamesPresent::Add(const Page& page) {
  static const size_t kAnyAriaBit = Bit(kAnyAriaAttribute);
  for (const Node* e : page.document().elements()) {
    tags_.Set(Bit(e->tag()));
    for (const Attribute& a : e->attributes()) {
      attributes_.Set(Bit(a.name));
      if (a.name.size() > 5 && EqualsIgnoreCase(std::string_view(a.name).substr(0, 5), "aria-")) {
        attributes_.Set(kAnyAriaBit);
      }
    }
  }
  for (const auto& sub : page.subpages()) {
    Add(*sub);
  }
}

NamesPresent::Bits NamesPresent::BitsOf(std::span<const std::string_view> tags,
                                        std::span<const std::string_view> attributes) {
  Bits bits;
  for (std::string_view t : tags) {
    bits.tags.Set(Bit(t));
  }
  for (std::string_view a : attributes) {
    bits.attributes.Set(Bit(a));
  }
  return bits;
}

bool MayApply(const Rule& rule, const NamesPresent& names) {
  if (rule.target_tags.empty() && rule.target_attributes.empty()) {
    return true;
  }
  return names.MayHaveAny(NamesPresent::BitsOf(rule.target_tags, rule.target_attributes));
}

PageAudit RunRules(const Page& page, std::span<const Rule* const> rules,
                   const RunOptions& options) {
  return RunRules(page, PreparedRules(rules), options);
}

PageAudit RunRules(const Page& page, const PreparedRules& rules, const RunOptions& options) {
  PageAudit audit;
  const Document& doc = page.document();
  audit.type = doc.is_xml() ? "xml" : "html";
  audit.url = doc.url();
  audit.title = doc.Title();
  audit.lang = doc.Lang();
  audit.warnings = doc.warnings();
  for (const std::string& w : page.styles().warnings()) {
    audit.warnings.push_back(w);
  }
  // Results are filled in place, in the order of `rules`.
  audit.results.resize(rules.entries().size());
  Locator locator;
  // Which names the page has, worked out on the first rule that declares its targets: one walk
  // of the elements instead of one per rule whose targets the page does not have.
  std::optional<NamesPresent> names;
  size_t r = 0;
  for (const PreparedRules::Entry& rule : rules.entries()) {
    RuleResult& result = audit.results[r++];
    if (rule.has_targets) {
      if (!names) {
        names.emplace(page);
      }
      if (!names->MayHaveAny(rule.bits)) {
        result.rule = rule.rule;
        result.outcome = Outcome::kInapplicable;
        continue;
      }
    }
    RunChecked(*rule.rule, rule.id, rule.severity, options, result,
               [&](Findings& out) { rule.check(page, out); });
    for (Finding& f : result.findings) {
      if (f.node && (options.locate_passed || f.outcome != Outcome::kPassed)) {
        f.selector = locator.SelectorPath(*f.node);
        f.position = f.node->position();
        f.snippet = Snippet(*f.node);
        if (&f.node->document() != &doc) {
          f.Detail().document_url = f.node->document().url();
        }
      }
    }
  }
  audit.locate_steps = locator.steps();
  return audit;
}

}  // namespace plainsight::engine

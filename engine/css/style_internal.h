// Internal to engine/css: the cascade's shared data structures (CSS Cascading and Inheritance 4,
// sections 6-7). style.cpp holds ComputedStyle's accessors; style_sheets.cpp collects the
// sheets that apply to a document (the user agent sheet, <style>, <link rel=stylesheet>,
// @import); style_cascade.cpp runs the per-element cascade and computes values.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/css/selectors.h"
#include "engine/css/style.h"
#include "engine/css/stylesheet.h"
#include "engine/css/values.h"

namespace plainsight::engine {

// Custom properties of an element: name -> value (inherited, shared until changed).
using CustomMap = std::unordered_map<std::string, css::CustomValue>;

// Computed styles live in their page's Arena (below); a ComputedStyle's shared_ptr shares
// ownership of the whole arena, so the values it points to live as long as any copy of it.
struct ComputedStyle::Impl {
  std::array<const StyleValue*, css::kNumProps> values{};
  std::vector<std::pair<uint8_t, const CascadedDeclaration*>> cascaded;
  std::shared_ptr<const CustomMap> custom;
  // Parsed copies of values children read (saves re-parsing text per element).
  double font_px = 16;
  bool font_known = true;
  int weight = 400;
  bool weight_known = true;
};

namespace style_internal {

using css::PropId;

// Reads a run of at most 15 ASCII digits at the start of `text` as an exact integer; returns the
// number of characters read (0 when `text` does not start with a digit). Computed values are
// mostly small integers ("16px", "400", "rgb(0, 0, 0)") and libstdc++'s from_chars for double
// costs far more; every integer of 15 digits is exact in a double, so the result is the same.
inline size_t ReadSmallInteger(std::string_view text, double* out) {
  size_t i = 0;
  uint64_t v = 0;
  while (i < text.size() && i < 15 && text[i] >= '0' && text[i] <= '9') {
    v = v * 10 + static_cast<uint64_t>(text[i] - '0');
    ++i;
  }
  *out = static_cast<double>(v);
  return i;
}

// The whole of `text` as a number, or nullopt (std::from_chars: no locale, no allocation).
inline std::optional<double> ParseWholeNumber(std::string_view text) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
  }
  double d = 0;
  {
    const bool negative = !text.empty() && text.front() == '-';
    const std::string_view digits = negative ? text.substr(1) : text;
    if (!digits.empty() && ReadSmallInteger(digits, &d) == digits.size()) {
      return negative ? -d : d;
    }
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return d;
}

inline std::optional<double> ParsePx(const StyleValue& v) {
  if (!v.known || v.text.size() < 3 || v.text.compare(v.text.size() - 2, 2, "px") != 0) {
    return std::nullopt;
  }
  return ParseWholeNumber(std::string_view(v.text).substr(0, v.text.size() - 2));
}

inline std::optional<double> ParseNumber(const std::string& text) {
  return ParseWholeNumber(text);
}

// ---- Rule index ----

struct IndexedSelector {
  const css::ComplexSelector* selector;
  const css::StyleRule* rule;
  uint32_t order;
};

// Hashes std::string keys and std::string_view probes alike, so lookups by a view into the DOM
// build no temporary string.
struct TransparentStringHash {
  using is_transparent = void;

  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class RuleIndex {
 public:
  void Add(const css::ComplexSelector* selector, const css::StyleRule* rule, uint32_t order) {
    const auto index = static_cast<uint32_t>(entries_.size());
    entries_.push_back({selector, rule, order});
    const css::Compound& subject = selector->compounds[0];
    bool never = false;
    bool only_focus = true;
    for (const css::PseudoSelector& p : subject.pseudos) {
      if (p.kind == css::PseudoClass::kNever) {
        never = true;
        only_focus = only_focus && p.focus;
      }
    }
    if (never) {
      // :hover, :focus...: a page at rest never matches it. Subjects needing only focus are
      // kept apart for the styles of a focused element (FocusCandidates).
      if (only_focus) {
        focus_.push_back(index);
      }
      return;
    }
    if (!subject.ids.empty()) {
      by_id_[subject.ids[0]].push_back(index);
    } else if (!subject.classes.empty()) {
      by_class_[subject.classes[0]].push_back(index);
    } else if (!subject.tag.empty()) {
      by_tag_[subject.tag].push_back(index);
    } else if (!subject.attrs.empty()) {
      by_attribute_[subject.attrs[0].name].push_back(index);
    } else if (std::any_of(subject.pseudos.begin(), subject.pseudos.end(),
                           [](const auto& p) { return p.kind == css::PseudoClass::kLink; })) {
      links_.push_back(index);
    } else {
      universal_.push_back(index);
    }
  }

  bool empty() const { return entries_.empty(); }

  // Entries whose subject needs a focus pseudo-class: tried only for a focused element.
  const std::vector<uint32_t>& focus_candidates() const { return focus_; }

  const IndexedSelector& entry(uint32_t i) const { return entries_[i]; }

  // Calls f(index) once for each entry whose rightmost compound could match this element,
  // whose classes are given.
  template <typename F>
  void Candidates(const Node& node, const std::vector<std::string_view>& classes, F&& f) const {
    for (uint32_t i : universal_) {
      f(i);
    }
    if (!by_tag_.empty()) {
      Lookup(by_tag_, node.tag(), f);
    }
    if (!by_id_.empty()) {
      if (const std::string* id = node.Attr("id")) {
        Lookup(by_id_, *id, f);
      }
    }
    if (!by_class_.empty()) {
      for (std::string_view cls : classes) {
        Lookup(by_class_, cls, f);
      }
    }
    if (!by_attribute_.empty() || !links_.empty()) {
      AttributeCandidates(node, f);
    }
  }

 private:
  using Buckets = std::unordered_map<std::string, std::vector<uint32_t>, TransparentStringHash,
                                     std::equal_to<>>;

  // Calls f for the entries under `key`. Most indexes hold a handful of keys (the UA sheet's
  // ::before rules are all for <q>): those are compared in turn, which costs less than hashing.
  template <typename F>
  static void Lookup(const Buckets& buckets, std::string_view key, F& f) {
    if (buckets.size() <= 4) {
      for (const auto& [k, entries] : buckets) {
        if (k == key) {
          for (uint32_t i : entries) {
            f(i);
          }
          return;
        }
      }
      return;
    }
    if (auto it = buckets.find(key); it != buckets.end()) {
      for (uint32_t i : it->second) {
        f(i);
      }
    }
  }

  // Entries keyed by an attribute the subject requires ([hidden], [dir=rtl i]) and :link
  // subjects (which need href): only elements with that attribute are tried. Selector names
  // are lowercase; HTML attribute names are too, while other namespaces keep their case and
  // match either spelling, so their names are lowercased to look up.
  template <typename F>
  void AttributeCandidates(const Node& node, F& f) const {
    const bool html = node.ns() == Namespace::kHtml;
    bool link = false;
    const std::span<const Attribute> attributes = node.attributes();
    for (size_t k = 0; k < attributes.size(); ++k) {
      const std::string& name = attributes[k].name;
      link = link || name == "href" || name == "xlink:href";
      if (by_attribute_.empty()) {
        continue;
      }
      if (html) {
        Lookup(by_attribute_, name, f);
        continue;
      }
      const std::string lower = AsciiLower(name);
      bool seen = false;  // "viewBox" and "viewbox" on one element: try its entries once
      for (size_t j = 0; j < k && !seen; ++j) {
        seen = EqualsIgnoreCase(attributes[j].name, lower);
      }
      if (!seen) {
        Lookup(by_attribute_, lower, f);
      }
    }
    if (link) {
      for (uint32_t i : links_) {
        f(i);
      }
    }
  }

  std::vector<IndexedSelector> entries_;
  Buckets by_id_, by_class_, by_tag_, by_attribute_;
  std::vector<uint32_t> links_;
  std::vector<uint32_t> universal_;
  std::vector<uint32_t> focus_;
};

// A parsed sheet (or set of sheets of one origin) with its indexes.
struct SheetSet {
  std::vector<std::unique_ptr<css::StyleRule>> rules;
  RuleIndex elements;
  RuleIndex before;
  RuleIndex after;
  bool uses_focus = false;

  // Indexes every rule's selectors by pseudo-element, in rule order.
  void BuildIndex();
};

// The user agent sheet (ua_stylesheet.h), parsed and indexed once per process.
const SheetSet& UserAgentSheet();

// Cascade levels, lowest first (CSS Cascade 4 section 6.1 with the style attribute's place from
// section 6.3: it outranks every selector of its origin and importance).
enum Level : uint64_t {
  kNone = 0,
  kUaNormal = 1,
  kAuthorNormal = 2,
  kStyleAttrNormal = 3,
  kAuthorImportant = 4,
  kStyleAttrImportant = 5,
  kUaImportant = 6,
};

inline uint64_t Key(uint64_t level, uint32_t specificity, uint32_t order) {
  return level << 56 | static_cast<uint64_t>(specificity & 0xffffff) << 32 | order;
}

struct Winner {
  uint64_t key = 0;
  const css::Decl* decl = nullptr;
};

// Everything ComputedStyle::Impl points into.
struct Arena {
  std::deque<std::vector<css::Decl>> element_decls;  // style attributes and presentational hints
  std::deque<StyleValue> pool;
  std::unordered_map<std::string, const StyleValue*> interned;
  std::shared_ptr<SheetSet> author;
  // The computed styles, in chunks of 8, 16, 32... (a few allocations per page rather than one
  // per style; elements that share a style need none, so chunks start small).
  std::vector<std::unique_ptr<ComputedStyle::Impl[]>> style_chunks;
  size_t chunk_used = 0;
  size_t chunk_size = 0;

  ComputedStyle::Impl* NewStyle() {
    if (chunk_used == chunk_size) {
      chunk_size = chunk_size == 0 ? 8 : std::min<size_t>(chunk_size * 2, 1024);
      style_chunks.push_back(std::make_unique<ComputedStyle::Impl[]>(chunk_size));
      chunk_used = 0;
    }
    return &style_chunks.back()[chunk_used++];
  }
};

class Cascade;

struct PseudoData {
  ComputedStyle style;
  std::optional<std::string> text;
  bool generates_box = false;
};

class StylesImpl final : public Styles {
 public:
  StylesImpl(const Document& document, const MediaContext& media);

  const ComputedStyle& Of(const Node& element) const override {
    const int32_t i = table_.IndexOf(element);
    return i < 0 ? NotRendered() : styles_[i];
  }

  const ComputedStyle* Before(const Node& element) const override {
    const PseudoData* p = Pseudo(before_, element);
    return p != nullptr && p->generates_box ? &p->style : nullptr;
  }

  const ComputedStyle* After(const Node& element) const override {
    const PseudoData* p = Pseudo(after_, element);
    return p != nullptr && p->generates_box ? &p->style : nullptr;
  }

  std::optional<std::string> BeforeText(const Node& element) const override {
    const PseudoData* p = Pseudo(before_, element);
    return p != nullptr && p->generates_box ? p->text : std::nullopt;
  }

  std::optional<std::string> AfterText(const Node& element) const override {
    const PseudoData* p = Pseudo(after_, element);
    return p != nullptr && p->generates_box ? p->text : std::nullopt;
  }

  bool IsDisplayNone(const Node& element) const override {
    const int32_t i = table_.IndexOf(element);
    return i < 0 || display_none_[i] != 0;
  }

  const std::vector<std::string>& warnings() const override { return warnings_; }

  bool AuthorCssMentions(std::string_view lowercase_needle) const override {
    return author_css_lower_.find(lowercase_needle) != std::string::npos;
  }

  bool DependsOnViewport() const override { return viewport_dependent_; }

  bool HasFocusStyles() const { return uses_focus_; }

  ComputedStyle StyleWhileFocused(const Node& element, const Node& focused) const override;

 private:
  friend class Cascade;

  static const ComputedStyle& NotRendered() {
    static const ComputedStyle kStyle = [] {
      auto impl = std::make_shared<ComputedStyle::Impl>();
      static const StyleValue kNone{"none", true};
      impl->values[css::kDisplay] = &kNone;
      return ComputedStyle(impl);
    }();
    return kStyle;
  }

  const PseudoData* Pseudo(const std::unordered_map<uint32_t, PseudoData>& map,
                           const Node& element) const {
    const int32_t i = table_.IndexOf(element);
    if (i < 0) {
      return nullptr;
    }
    const auto it = map.find(static_cast<uint32_t>(i));
    return it == map.end() ? nullptr : &it->second;
  }

  void CollectSheets(const Document& document, const MediaContext& media);

  css::ElementTable table_;
  std::shared_ptr<Arena> arena_;
  std::vector<ComputedStyle> styles_;
  std::vector<uint8_t> display_none_;
  std::unordered_map<uint32_t, PseudoData> before_, after_;
  std::vector<std::string> warnings_;
  std::string author_css_lower_;  // all author CSS text, lowercased, for AuthorCssMentions
  bool uses_focus_ = false;
  bool viewport_dependent_ = false;  // see DependsOnViewport
  MediaContext media_;
  // Each element's computed style by table index (what styles_ share), for StyleWhileFocused.
  std::vector<const ComputedStyle::Impl*> impls_;
};

}  // namespace style_internal
}  // namespace plainsight::engine

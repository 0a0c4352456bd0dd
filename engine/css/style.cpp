// The cascade (CSS Cascading and Inheritance 4, sections 6-7): collects the UA stylesheet,
// author sheets (<style>, <link rel=stylesheet>, @import) and style attributes; matches rules
// through an index keyed by each selector's rightmost id, class or tag, with an ancestor Bloom
// filter; and computes values per element in tree order (parents before children), sharing
// storage between elements with the same parent style and matched rules.
#include "engine/css/style.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdio>
#include <deque>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "engine/css/selectors.h"
#include "engine/css/stylesheet.h"
#include "engine/css/ua_stylesheet.h"
#include "engine/css/values.h"

namespace plainsight::engine {

using css::PropId;

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

namespace {

const StyleValue& EmptyValue() {
  static const StyleValue kEmpty{"", true};
  return kEmpty;
}

PropId PropertyId(std::string_view name) {
  return css::LookupProperty(name);
}

// Reads a run of at most 15 ASCII digits at the start of `text` as an exact integer; returns the
// number of characters read (0 when `text` does not start with a digit). Computed values are
// mostly small integers ("16px", "400", "rgb(0, 0, 0)") and libstdc++'s from_chars for double
// costs far more; every integer of 15 digits is exact in a double, so the result is the same.
size_t ReadSmallInteger(std::string_view text, double* out) {
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
std::optional<double> ParseWholeNumber(std::string_view text) {
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

std::optional<double> ParsePx(const StyleValue& v) {
  if (!v.known || v.text.size() < 3 || v.text.compare(v.text.size() - 2, 2, "px") != 0) {
    return std::nullopt;
  }
  return ParseWholeNumber(std::string_view(v.text).substr(0, v.text.size() - 2));
}

std::optional<double> ParseNumber(const std::string& text) {
  return ParseWholeNumber(text);
}

// Reads the serialised computed colour "rgb(r, g, b)" / "rgba(r, g, b, a)" without sscanf.
std::optional<Rgba> ParseSerializedRgb(std::string_view text) {
  const bool alpha = text.rfind("rgba(", 0) == 0;
  if (!alpha && text.rfind("rgb(", 0) != 0) {
    return std::nullopt;
  }
  text.remove_prefix(alpha ? 5 : 4);
  double parts[4] = {0, 0, 0, 1};
  const int count = alpha ? 4 : 3;
  for (int k = 0; k < count; ++k) {
    while (!text.empty() && (text.front() == ' ' || text.front() == ',')) {
      text.remove_prefix(1);
    }
    // Integer components (the usual case) without from_chars; anything more (a fraction, an
    // exponent) goes through it, from the start of the number.
    const size_t read = ReadSmallInteger(text, &parts[k]);
    if (read > 0 &&
        (read == text.size() || (text[read] != '.' && text[read] != 'e' && text[read] != 'E' &&
                                 !(text[read] >= '0' && text[read] <= '9')))) {
      text.remove_prefix(read);
      continue;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parts[k]);
    if (ec != std::errc()) {
      return std::nullopt;
    }
    text.remove_prefix(end - text.data());
  }
  return Rgba{parts[0], parts[1], parts[2], parts[3]};
}

}  // namespace

// ---- ComputedStyle ----

ComputedStyle::ComputedStyle(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

ComputedStyle::ComputedStyle() = default;
ComputedStyle::~ComputedStyle() = default;
ComputedStyle::ComputedStyle(const ComputedStyle&) = default;
ComputedStyle& ComputedStyle::operator=(const ComputedStyle&) = default;

const StyleValue& ComputedStyle::Get(std::string_view property) const {
  const PropId id = PropertyId(property);
  if (id == css::kNoProp) {
    // Shorthands read as their longhands' values, when those agree on one.
    if (property == "overflow") {
      const StyleValue& x = Get("overflow-x");
      const StyleValue& y = Get("overflow-y");
      return x.text == y.text ? x : y;
    }
    if (property.substr(0, 2) == "--" && impl_ && impl_->custom) {
      static thread_local StyleValue custom;
      const auto it = impl_->custom->find(std::string(property));
      if (it != impl_->custom->end()) {
        custom = StyleValue{it->second.value, it->second.known};
        return custom;
      }
    }
    return EmptyValue();
  }
  if (!impl_ || impl_->values[id] == nullptr) {
    return css::InitialValue(id);
  }
  return *impl_->values[id];
}

namespace {

// A property's computed value by id: what Get() returns, without looking the name up.
const StyleValue& ValueOf(const ComputedStyle::Impl* impl, PropId id) {
  if (impl == nullptr || impl->values[id] == nullptr) {
    return css::InitialValue(id);
  }
  return *impl->values[id];
}

}  // namespace

const CascadedDeclaration* ComputedStyle::Cascaded(std::string_view property) const {
  if (!impl_) {
    return nullptr;
  }
  const PropId id = PropertyId(property);
  for (const auto& [prop, decl] : impl_->cascaded) {
    if (prop == id) {
      return decl;
    }
  }
  return nullptr;
}

bool ComputedStyle::DisplayNone() const {
  return std::string_view(ValueOf(impl_.get(), css::kDisplay).text) == "none";
}

bool ComputedStyle::VisibilityHidden() const {
  const std::string& v = ValueOf(impl_.get(), css::kVisibility).text;
  return v == "hidden" || v == "collapse";
}

bool ComputedStyle::ContentVisibilityHidden() const {
  return std::string_view(ValueOf(impl_.get(), css::kContentVisibility).text) == "hidden";
}

std::optional<double> ComputedStyle::Opacity() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kOpacity);
  if (&v == &css::InitialValue(css::kOpacity)) {
    return 1.0;  // most elements: no opacity declared, nothing to parse
  }
  return v.known ? ParseNumber(v.text) : std::nullopt;
}

std::optional<Rgba> ComputedStyle::Color() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kColor);
  if (&v == &css::InitialValue(css::kColor)) {
    return Rgba{0, 0, 0, 1};  // "rgb(0, 0, 0)", without parsing it
  }
  if (!v.known) {
    return std::nullopt;
  }
  if (auto fast = ParseSerializedRgb(v.text)) {
    return fast;
  }
  return ParseColor(v.text);
}

std::optional<Rgba> ComputedStyle::BackgroundColor() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kBackgroundColor);
  if (&v == &css::InitialValue(css::kBackgroundColor)) {
    return Rgba{0, 0, 0, 0};  // "rgba(0, 0, 0, 0)", without parsing it
  }
  if (!v.known) {
    return std::nullopt;
  }
  if (auto fast = ParseSerializedRgb(v.text)) {
    return fast;
  }
  return ParseColor(v.text);
}

std::optional<double> ComputedStyle::FontSizePx() const {
  return ParsePx(ValueOf(impl_.get(), css::kFontSize));
}

std::optional<int> ComputedStyle::FontWeight() const {
  const StyleValue& v = ValueOf(impl_.get(), css::kFontWeight);
  if (!v.known) {
    return std::nullopt;
  }
  const std::optional<double> d = ParseNumber(v.text);
  return d ? std::optional<int>(static_cast<int>(*d)) : std::nullopt;
}

std::optional<double> ComputedStyle::LengthPx(std::string_view property) const {
  const StyleValue& v = Get(property);
  if (property == "line-height" && v.known) {
    // A unitless line-height is a multiple of the font size.
    if (const std::optional<double> n = ParseNumber(v.text)) {
      const std::optional<double> font = FontSizePx();
      return font ? std::optional<double>(*n * *font) : std::nullopt;
    }
  }
  return ParsePx(v);
}

Styles::~Styles() = default;

namespace {

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
    const uint32_t index = static_cast<uint32_t>(entries_.size());
    entries_.push_back({selector, rule, order});
    const css::Compound& subject = selector->compounds[0];
    for (const css::PseudoSelector& p : subject.pseudos) {
      if (p.kind == css::PseudoClass::kNever) {
        return;  // :hover, :focus...: a page at rest never matches it
      }
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
    const std::vector<Attribute>& attributes = node.attributes();
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
};

// A parsed sheet (or set of sheets of one origin) with its indexes.
struct SheetSet {
  std::vector<std::unique_ptr<css::StyleRule>> rules;
  RuleIndex elements;
  RuleIndex before;
  RuleIndex after;
  bool uses_focus = false;

  void BuildIndex() {
    uint32_t order = 1;
    for (const auto& rule : rules) {
      for (const css::ComplexSelector& sel : rule->selectors) {
        uses_focus = uses_focus || sel.uses_focus;
        switch (sel.pseudo_element) {
          case css::PseudoElement::kNone:
            elements.Add(&sel, rule.get(), order);
            break;
          case css::PseudoElement::kBefore:
            before.Add(&sel, rule.get(), order);
            break;
          case css::PseudoElement::kAfter:
            after.Add(&sel, rule.get(), order);
            break;
          case css::PseudoElement::kOther:
            break;
        }
      }
      ++order;
    }
  }
};

const SheetSet& UserAgentSheet() {
  static const SheetSet* sheet = [] {
    auto* s = new SheetSet;
    css::SheetOptions options;
    options.user_agent = true;
    css::ParseStylesheet(css::kUserAgentStylesheet, options, &s->rules);
    s->BuildIndex();
    return s;
  }();
  return *sheet;
}

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

uint64_t Key(uint64_t level, uint32_t specificity, uint32_t order) {
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

  bool HasFocusStyles() const { return uses_focus_; }

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
};

bool HasToken(std::string_view list, std::string_view word) {
  for (std::string_view w : SplitWhitespace(list)) {
    if (css::EqualsIgnoreCase(w, word)) {
      return true;
    }
  }
  return false;
}

void StylesImpl::CollectSheets(const Document& document, const MediaContext& media) {
  auto author = std::make_shared<SheetSet>();
  const ResourceLoader* loader = document.loader();
  auto fetch = [&](const std::string& url) -> std::optional<std::string> {
    if (loader == nullptr || !*loader) {
      warnings_.push_back("stylesheet " + url + " not loaded: no resource loader");
      return std::nullopt;
    }
    Result<std::string> body = (*loader)(url);
    if (!body) {
      warnings_.push_back("stylesheet " + url + " not loaded: " + body.error().ToString());
      return std::nullopt;
    }
    author_css_lower_ += AsciiLower(*body);
    author_css_lower_ += '\n';
    return std::move(body).value();
  };
  // Resolved only when a <style> element needs it: most pages have none, and URL parsing is
  // not free.
  std::optional<std::string> document_base;
  for (const Node* e : document.elements()) {
    if (const std::string* inline_style = e->Attr("style")) {
      author_css_lower_ += AsciiLower(*inline_style);
      author_css_lower_ += '\n';
    }
    const bool style =
        (e->ns() == Namespace::kHtml || e->ns() == Namespace::kSvg) && e->tag() == "style";
    const bool link = e->IsHtml("link");
    if (!style && !link) {
      continue;
    }
    if (e->ClosestHtmlAncestor("noscript") != nullptr) {
      continue;  // the audited browser runs scripts, so noscript content is inert text
    }
    if (const std::string* m = e->Attr("media");
        m != nullptr && !css::EvaluateMediaList(*m, media)) {
      continue;
    }
    css::SheetOptions options;
    options.media = media;
    options.fetch = fetch;
    options.warnings = &warnings_;
    if (style) {
      const std::string_view type = TrimWhitespace(e->AttrOr("type"));
      if (!type.empty() && !css::EqualsIgnoreCase(type, "text/css")) {
        continue;
      }
      if (!document_base) {
        document_base = document.ResolveUrl("");
      }
      options.base_url = *document_base;
      const std::string text = e->TextContent();
      author_css_lower_ += AsciiLower(text);
      author_css_lower_ += '\n';
      css::ParseStylesheet(text, options, &author->rules);
      continue;
    }
    const std::string_view rel = e->AttrOr("rel");
    const std::string_view href = TrimWhitespace(e->AttrOr("href"));
    if (!HasToken(rel, "stylesheet") || HasToken(rel, "alternate") || href.empty() ||
        e->HasAttribute("disabled")) {
      continue;
    }
    const std::string url = document.ResolveUrl(href);
    if (url.empty()) {
      warnings_.push_back("stylesheet " + std::string(href) + " not loaded: cannot resolve URL");
      continue;
    }
    std::optional<std::string> body = fetch(url);
    if (!body) {
      continue;
    }
    options.base_url = url;
    css::ParseStylesheet(*body, options, &author->rules);
  }
  author->BuildIndex();
  uses_focus_ = author->uses_focus || UserAgentSheet().uses_focus;
  arena_->author = std::move(author);
}

// ---- The per-element cascade ----

// Each property's initial value and inheritance, looked up once: Cascade::Compute visits every
// property of every element that does not share its style.
struct PropertyTable {
  std::array<const StyleValue*, css::kNumProps> initial{};
  std::array<bool, css::kNumProps> inherited{};
};

const PropertyTable& Properties() {
  static const PropertyTable table = [] {
    PropertyTable t;
    for (int k = 0; k < css::kNumProps; ++k) {
      t.initial[k] = &css::InitialValue(static_cast<PropId>(k));
      t.inherited[k] = css::Info(static_cast<PropId>(k)).inherited;
    }
    return t;
  }();
  return table;
}

// The ancestor filter's counters, one set per thread (see Cascade's constructor).
struct BloomCounters {
  std::array<uint16_t, 4096> counts{};
  bool in_use = false;
};

class Cascade {
 public:
  Cascade(StylesImpl& styles, const MediaContext& media)
      : s_(styles),
        table_(styles.table_),
        matcher_(table_),
        ua_(UserAgentSheet()),
        author_(*styles.arena_->author),
        media_(media) {
    // The ancestor filter's 4,096 counters are zero between cascades: clearing 8 KB for
    // every page cost more than matching a small page. Each thread keeps one set, and the
    // destructor leaves it zero again. A cascade that starts while another runs on the same
    // thread gets its own.
    static thread_local BloomCounters counters;
    if (!counters.in_use) {
      counters.in_use = true;
      bloom_owner_ = &counters;
      bloom_ = &counters.counts;
    } else {
      own_bloom_ = std::make_unique<std::array<uint16_t, 4096>>();
      own_bloom_->fill(0);
      bloom_ = own_bloom_.get();
    }
  }

  ~Cascade() {
    while (!bloom_hash_begin_.empty()) {
      BloomPop();
    }
    if (bloom_owner_ != nullptr) {
      bloom_owner_->in_use = false;
    }
  }

  Cascade(const Cascade&) = delete;
  Cascade& operator=(const Cascade&) = delete;

  void Run() {
    const size_t n = table_.size();
    s_.styles_.resize(n);
    s_.display_none_.assign(n, 0);
    std::vector<uint32_t> stack;
    std::vector<std::string_view> classes;
    stack.reserve(64);
    classes.reserve(8);
    impls_.reserve(n);
    matched_.reserve(64);
    share_slots_.assign(std::bit_ceil(2 * n + 2), 0);
    share_entries_.reserve(n);
    bloom_hashes_.reserve(256);
    bloom_hash_begin_.reserve(64);
    for (uint32_t i = 0; i < n; ++i) {
      const int32_t parent = table_.parent(i);
      while (!stack.empty() && static_cast<int32_t>(stack.back()) != parent) {
        BloomPop();
        stack.pop_back();
      }
      const Node& node = table_.node(i);
      ClassesOf(node, &classes);
      ComputeElement(i, parent, node, classes);
      const ComputedStyle::Impl* impl = current_;
      s_.styles_[i] = Share(current_);
      const bool none = impl->values[css::kDisplay] != nullptr &&
                        std::string_view(impl->values[css::kDisplay]->text) == "none";
      s_.display_none_[i] = (none || (parent >= 0 && s_.display_none_[parent] != 0)) ? 1 : 0;
      impls_.push_back(impl);
      if (parent < 0 && !root_font_set_) {
        // rem: relative to the root element's font size (CSS Values 4 section 6.1.1).
        root_font_set_ = true;
        const std::optional<double> px = s_.styles_[i].FontSizePx();
        root_font_px_ = px.value_or(16);
        root_font_known_ = px.has_value();
      }
      BloomPush(i, classes);
      stack.push_back(i);
    }
  }

 private:
  static void ClassesOf(const Node& node, std::vector<std::string_view>* out) {
    out->clear();
    const std::string* attr = node.Attr("class");
    if (attr == nullptr) {
      return;
    }
    for (std::string_view c : SplitWhitespace(*attr)) {
      if (std::find(out->begin(), out->end(), c) == out->end()) {
        out->push_back(c);
      }
    }
  }

  void BloomAdd(uint32_t h, int delta) {
    std::array<uint16_t, 4096>& bloom = *bloom_;
    bloom[h & 4095] = static_cast<uint16_t>(bloom[h & 4095] + delta);
    bloom[(h >> 12) & 4095] = static_cast<uint16_t>(bloom[(h >> 12) & 4095] + delta);
  }

  bool BloomMayContain(uint32_t h) const {
    const std::array<uint16_t, 4096>& bloom = *bloom_;
    return bloom[h & 4095] != 0 && bloom[(h >> 12) & 4095] != 0;
  }

  // Adds element i (whose classes are given) to the ancestor filter.
  void BloomPush(uint32_t i, const std::vector<std::string_view>& classes) {
    const Node& node = table_.node(i);
    bloom_hash_begin_.push_back(static_cast<uint32_t>(bloom_hashes_.size()));
    bloom_hashes_.push_back(css::HashTag(node.tag()));
    if (const std::string* id = node.Attr("id")) {
      bloom_hashes_.push_back(css::HashId(*id));
    }
    for (std::string_view c : classes) {
      bloom_hashes_.push_back(css::HashClass(c));
    }
    for (size_t k = bloom_hash_begin_.back(); k < bloom_hashes_.size(); ++k) {
      BloomAdd(bloom_hashes_[k], +1);
    }
  }

  void BloomPop() {
    const uint32_t begin = bloom_hash_begin_.back();
    bloom_hash_begin_.pop_back();
    for (size_t k = begin; k < bloom_hashes_.size(); ++k) {
      BloomAdd(bloom_hashes_[k], -1);
    }
    bloom_hashes_.resize(begin);
  }

  bool Rejected(const css::ComplexSelector& sel) const {
    for (uint32_t h : sel.ancestor_hashes) {
      if (h != 0 && !BloomMayContain(h)) {
        return true;
      }
    }
    return false;
  }

  // Matches one index; appends (origin tag | entry) to `out`.
  void MatchIndex(const RuleIndex& index, uint32_t origin_tag, uint32_t element, const Node& node,
                  const std::vector<std::string_view>& classes, std::vector<uint32_t>& out) {
    if (index.empty()) {
      return;
    }
    index.Candidates(node, classes, [&](uint32_t k) {
      const IndexedSelector& e = index.entry(k);
      if (!Rejected(*e.selector) && matcher_.Matches(*e.selector, element)) {
        out.push_back(origin_tag | k);
      }
    });
  }

  void Apply(const css::Decl& d, uint64_t normal, uint64_t important, uint32_t specificity,
             uint32_t order) {
    const uint64_t key = Key(d.cascaded.important ? important : normal, specificity, order);
    if (d.prop == css::kCustomProp) {
      for (auto& [name, w] : custom_) {
        if (*name == d.custom_name) {
          if (key >= w.key) {
            w = {key, &d};
          }
          return;
        }
      }
      custom_.emplace_back(&d.custom_name, Winner{key, &d});
      return;
    }
    Winner& w = best_[d.prop];
    if (key >= w.key) {
      w = {key, &d};
    }
    winners_ |= uint64_t{1} << d.prop;
    if (d.cascaded.user_agent) {
      Winner& u = ua_best_[d.prop];
      if (key >= u.key) {
        u = {key, &d};
      }
      ua_winners_ |= uint64_t{1} << d.prop;
    }
  }

  void ApplyMatched(const std::vector<uint32_t>& matched, const RuleIndex& ua_index,
                    const RuleIndex& author_index) {
    // Sorting by (origin, specificity, order) is not needed: keys decide.
    for (uint32_t m : matched) {
      const bool ua = (m & kAuthorTag) == 0;
      const IndexedSelector& e = (ua ? ua_index : author_index).entry(m & ~kAuthorTag);
      for (const css::Decl& d : e.rule->decls) {
        Apply(d, ua ? kUaNormal : kAuthorNormal, ua ? kUaImportant : kAuthorImportant,
              e.selector->specificity, e.order);
      }
    }
  }

  // HTML Standard 15.3 presentational hints for the properties computed here.
  void PresentationalHints(const Node& node, std::vector<css::Decl>* out) {
    if (node.ns() != Namespace::kHtml) {
      return;
    }
    auto add = [&](std::string_view prop, std::string_view value) {
      std::vector<css::Decl> decls;
      if (css::BuildDecls(prop, value, false, false, false, &decls)) {
        for (css::Decl& d : decls) {
          out->push_back(std::move(d));
        }
      }
    };
    const std::string_view tag = node.tag();
    const bool dimensions = tag == "img" || tag == "iframe" || tag == "video" || tag == "canvas" ||
                            tag == "embed" || tag == "object" || tag == "table" || tag == "td" ||
                            tag == "th" || tag == "col" ||
                            (tag == "input" && css::EqualsIgnoreCase(node.AttrOr("type"), "image"));
    if (dimensions) {
      for (std::string_view attr : {"width", "height"}) {
        const std::string* v = node.Attr(attr);
        if (v == nullptr) {
          continue;
        }
        // "Rules for parsing dimension values": digits, optional fraction, optional %.
        std::string_view s = TrimWhitespace(*v);
        size_t k = 0;
        while (k < s.size() && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.')) {
          ++k;
        }
        if (k == 0) {
          continue;
        }
        const bool pct = k < s.size() && s[k] == '%';
        add(attr, std::string(s.substr(0, k)) + (pct ? "%" : "px"));
      }
    }
    if (const std::string* bg = node.Attr("bgcolor");
        bg != nullptr && (tag == "body" || tag == "table" || tag == "tr" || tag == "td" ||
                          tag == "th" || tag == "thead" || tag == "tbody" || tag == "tfoot")) {
      add("background-color", *bg);
    }
    if (tag == "font") {
      if (const std::string* c = node.Attr("color")) {
        add("color", *c);
      }
    }
    if (tag == "body") {
      if (const std::string* c = node.Attr("text")) {
        add("color", *c);
      }
    }
    if (const std::string* align = node.Attr("align");
        align != nullptr &&
        (tag == "div" || tag == "p" || tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" ||
         tag == "h5" || tag == "h6" || tag == "td" || tag == "th" || tag == "tr")) {
      const std::string a = AsciiLower(TrimWhitespace(*align));
      if (a == "left" || a == "right" || a == "center" || a == "justify") {
        add("text-align", a);
      }
    }
  }

  const StyleValue* Intern(StyleValue&& v) {
    std::string key;
    key.reserve(v.text.size() + 1);
    key += v.known ? 'k' : 'u';
    key += v.text;
    auto it = s_.arena_->interned.find(key);
    if (it != s_.arena_->interned.end()) {
      return it->second;
    }
    s_.arena_->pool.push_back(std::move(v));
    const StyleValue* p = &s_.arena_->pool.back();
    s_.arena_->interned.emplace(std::move(key), p);
    return p;
  }

  const StyleValue* ParentValue(PropId p, const ComputedStyle::Impl* parent) const {
    if (parent != nullptr && parent->values[p] != nullptr) {
      return parent->values[p];
    }
    return &css::InitialValue(p);
  }

  // Resolves var() in `text` against the element's custom properties.
  bool Substitute(std::string_view text, const CustomMap* custom, std::string* out, bool* known) {
    auto lookup = [&](std::string_view name) -> const css::CustomValue* {
      if (custom == nullptr) {
        return nullptr;
      }
      const auto it = custom->find(std::string(name));
      return it == custom->end() || it->second.value.empty() ? nullptr : &it->second;
    };
    return css::SubstituteVars(text, lookup, out, known);
  }

  // The computed value of one declaration, or nullptr to fall back to unset.
  const StyleValue* ComputeDecl(PropId p, const css::Decl& d, const ComputedStyle::Impl* parent,
                                const CustomMap* custom, css::ComputeContext& ctx, int depth) {
    const bool inherited = css::Info(p).inherited;
    css::CssWide wide = d.wide;
    std::string substituted;
    std::string_view text = d.cascaded.value;
    if (d.has_var && wide == css::CssWide::kNone) {
      bool known = true;
      if (!Substitute(d.cascaded.value, custom, &substituted, &known)) {
        return Intern(StyleValue{d.cascaded.value, false});
      }
      if (d.pending != css::Shorthand::kNone) {
        std::vector<std::pair<PropId, std::string>> expanded;
        if (!css::ExpandShorthand(d.pending, substituted, &expanded)) {
          return nullptr;
        }
        substituted.clear();
        for (auto& [longhand, value] : expanded) {
          if (longhand == p) {
            substituted = value;
          }
        }
      }
      text = substituted;
      if (!known) {
        return Intern(StyleValue{std::string(TrimWhitespace(text)), false});
      }
      std::string_view trimmed = TrimWhitespace(text);
      if (css::EqualsIgnoreCase(trimmed, "inherit")) {
        wide = css::CssWide::kInherit;
      } else if (css::EqualsIgnoreCase(trimmed, "initial")) {
        wide = css::CssWide::kInitial;
      } else if (css::EqualsIgnoreCase(trimmed, "unset")) {
        wide = css::CssWide::kUnset;
      }
      text = trimmed;
    }
    switch (wide) {
      case css::CssWide::kInherit:
        ctx.used_context = true;
        return ParentValue(p, parent);
      case css::CssWide::kInitial:
        return &css::InitialValue(p);
      case css::CssWide::kUnset:
        return inherited ? ParentValue(p, parent) : &css::InitialValue(p);
      case css::CssWide::kRevert:
        if (!d.cascaded.user_agent && ua_best_[p].decl != nullptr && depth == 0) {
          return ComputeDecl(p, *ua_best_[p].decl, parent, custom, ctx, depth + 1);
        }
        return inherited ? ParentValue(p, parent) : &css::InitialValue(p);
      case css::CssWide::kNone:
        break;
    }
    if (d.precomputed && text.data() == d.cascaded.value.data()) {
      return &d.computed;
    }
    StyleValue v;
    if (!css::ComputeValue(p, text, ctx, &v)) {
      return nullptr;  // invalid at computed-value time: unset
    }
    if (inherited && parent != nullptr && parent->values[p] != nullptr &&
        parent->values[p]->text == v.text && parent->values[p]->known == v.known) {
      return parent->values[p];
    }
    return Intern(std::move(v));
  }

  std::shared_ptr<const CustomMap> ComputeCustom(const ComputedStyle::Impl* parent) {
    std::shared_ptr<const CustomMap> inherited = parent != nullptr ? parent->custom : nullptr;
    if (custom_.empty()) {
      return inherited;
    }
    auto map = inherited ? std::make_shared<CustomMap>(*inherited) : std::make_shared<CustomMap>();
    // Declared values first (unresolved), then resolve var() references with cycle detection
    // (CSS Variables 1 section 3.3: properties in a cycle become guaranteed-invalid).
    std::unordered_map<std::string, const css::Decl*> declared;
    for (const auto& [name, w] : custom_) {
      const css::Decl& d = *w.decl;
      switch (d.wide) {
        case css::CssWide::kInherit:
        case css::CssWide::kUnset:
        case css::CssWide::kRevert:
          if (inherited && inherited->count(*name)) {
            (*map)[*name] = inherited->at(*name);
          } else {
            map->erase(*name);
          }
          break;
        case css::CssWide::kInitial:
          map->erase(*name);
          break;
        case css::CssWide::kNone:
          declared.emplace(*name, &d);
          break;
      }
    }
    std::unordered_map<std::string, int> state;  // 1 resolving, 2 done
    std::unordered_set<std::string> cyclic;
    std::function<void(const std::string&, int)> resolve = [&](const std::string& name, int depth) {
      auto it = declared.find(name);
      if (it == declared.end() || state[name] == 2) {
        return;
      }
      if (state[name] == 1 || depth > 32) {
        map->erase(name);  // cycle
        state[name] = 2;
        return;
      }
      const css::Decl& d = *it->second;
      if (!d.has_var) {
        (*map)[name] = css::CustomValue{d.cascaded.value, true};
        state[name] = 2;
        return;
      }
      state[name] = 1;
      auto lookup = [&](std::string_view ref) -> const css::CustomValue* {
        const std::string key(ref);
        if (state[key] == 1) {
          cyclic.insert(key);
          cyclic.insert(name);
          return nullptr;
        }
        if (declared.count(key) && state[key] != 2) {
          resolve(key, depth + 1);
        }
        const auto found = map->find(key);
        return found == map->end() || found->second.value.empty() ? nullptr : &found->second;
      };
      std::string out;
      bool known = true;
      const bool ok = css::SubstituteVars(d.cascaded.value, lookup, &out, &known);
      if (state[name] == 2) {
        return;  // marked invalid by a cycle found below
      }
      if (cyclic.count(name) != 0) {
        map->erase(name);  // in a dependency cycle: guaranteed-invalid
        state[name] = 2;
        return;
      }
      if (ok) {
        (*map)[name] = css::CustomValue{std::string(TrimWhitespace(out)), known};
      } else {
        // Interpretation: a reference to an undefined property makes this one unknown, not
        // invalid, since scripts may define it.
        (*map)[name] = css::CustomValue{d.cascaded.value, false};
      }
      state[name] = 2;
    };
    for (const auto& [name, d] : declared) {
      resolve(name, 0);
    }
    return map;
  }

  // A ComputedStyle for a style of this page's arena (sharing ownership of the arena).
  ComputedStyle Share(ComputedStyle::Impl* impl) const {
    return ComputedStyle(std::shared_ptr<ComputedStyle::Impl>(s_.arena_, impl));
  }

  ComputedStyle::Impl* Compute(const ComputedStyle::Impl* parent, bool for_pseudo) {
    ComputedStyle::Impl* impl = s_.arena_->NewStyle();
    impl->custom = ComputeCustom(parent);
    css::ComputeContext ctx;
    ctx.viewport_width_px = media_.width_px;
    ctx.viewport_height_px = media_.height_px;
    ctx.root_font_px = root_font_px_;
    ctx.root_font_known = root_font_known_;
    if (parent != nullptr) {
      ctx.parent_font_px = parent->font_px;
      ctx.parent_font_known = parent->font_known;
      ctx.parent_weight = parent->weight;
      ctx.parent_weight_known = parent->weight_known;
    }
    ctx.parent_color = ParentValue(css::kColor, parent);
    // What the element gets with no declaration: its parent's value of an inherited property,
    // else the initial value. Then only the properties some declaration won are computed, in
    // PropId order: font-size, color and font-weight come first, and the values after them
    // read those three from ctx.
    const PropertyTable& table = Properties();
    if (parent != nullptr) {
      for (int k = 0; k < css::kNumProps; ++k) {
        const StyleValue* inherited = parent->values[k];
        impl->values[k] = table.inherited[k] && inherited != nullptr ? inherited : table.initial[k];
      }
    } else {
      impl->values = table.initial;
    }
    impl->cascaded.reserve(static_cast<size_t>(std::popcount(winners_)));
    auto compute_winner = [&](PropId p) {
      const Winner& w = best_[p];
      impl->cascaded.emplace_back(static_cast<uint8_t>(p), &w.decl->cascaded);
      if (const StyleValue* value = ComputeDecl(p, *w.decl, parent, impl->custom.get(), ctx, 0)) {
        impl->values[p] = value;
      }
    };
    static_assert(css::kFontSize == 0 && css::kColor == 1 && css::kFontWeight == 2,
                  "the context properties come first");
    if ((winners_ & (uint64_t{1} << css::kFontSize)) != 0) {
      compute_winner(css::kFontSize);
    }
    if (const StyleValue* value = impl->values[css::kFontSize];
        value != ParentValue(css::kFontSize, parent) || parent == nullptr) {
      const std::optional<double> px = ParsePx(*value);
      ctx.font_px = px.value_or(16);
      ctx.font_known = px.has_value();
    } else {
      ctx.font_px = parent->font_px;
      ctx.font_known = parent->font_known;
    }
    impl->font_px = ctx.font_px;
    impl->font_known = ctx.font_known;
    if ((winners_ & (uint64_t{1} << css::kColor)) != 0) {
      compute_winner(css::kColor);
    }
    ctx.own_color = impl->values[css::kColor];
    if ((winners_ & (uint64_t{1} << css::kFontWeight)) != 0) {
      compute_winner(css::kFontWeight);
    }
    if (const StyleValue* value = impl->values[css::kFontWeight];
        value != ParentValue(css::kFontWeight, parent) || parent == nullptr) {
      const std::optional<double> w = value->known ? ParseNumber(value->text) : std::nullopt;
      impl->weight = static_cast<int>(w.value_or(400));
      impl->weight_known = w.has_value();
    } else {
      impl->weight = parent->weight;
      impl->weight_known = parent->weight_known;
    }
    for (uint64_t rest = winners_ >> 3; rest != 0; rest &= rest - 1) {
      compute_winner(static_cast<PropId>(std::countr_zero(rest) + 3));
    }
    // outline-color's initial currentcolor, and outline-width when there is no outline
    // (CSS UI 4 section 3.2: computed as 0 when outline-style is none).
    if (std::string_view(impl->values[css::kOutlineColor]->text) == "currentcolor") {
      impl->values[css::kOutlineColor] = impl->values[css::kColor];
    }
    if (std::string_view(impl->values[css::kOutlineStyle]->text) == "none" &&
        std::string_view(impl->values[css::kOutlineWidth]->text) != "0px") {
      static const StyleValue kZero{"0px", true};
      impl->values[css::kOutlineWidth] = &kZero;
    }
    (void)for_pseudo;
    return impl;
  }

  void ResetCascade() {
    for (uint64_t m = winners_; m != 0; m &= m - 1) {
      best_[std::countr_zero(m)] = Winner{};
    }
    for (uint64_t m = ua_winners_; m != 0; m &= m - 1) {
      ua_best_[std::countr_zero(m)] = Winner{};
    }
    winners_ = 0;
    ua_winners_ = 0;
    custom_.clear();
  }

  // Style sharing: elements with the same parent style and the same matched rules (and no
  // style attribute or presentational hint) get the same computed style. The table is open
  // addressing over share_entries_, sized for the page: no allocation per element.
  struct ShareEntry {
    const ComputedStyle::Impl* parent;
    uint32_t begin;  // into share_matched_
    uint32_t size;
    ComputedStyle::Impl* style;
  };

  uint64_t ShareHash(const ComputedStyle::Impl* parent) const {
    uint64_t h = reinterpret_cast<uintptr_t>(parent) * 0x9E3779B97F4A7C15ull;
    for (uint32_t m : matched_) {
      h = (h ^ m) * 0x100000001B3ull;
      h ^= h >> 29;
    }
    return h;
  }

  bool SameShare(const ShareEntry& e, const ComputedStyle::Impl* parent) const {
    return e.parent == parent && e.size == matched_.size() &&
           std::equal(matched_.begin(), matched_.end(), share_matched_.begin() + e.begin);
  }

  // The slot for (parent, matched_): one holding an equal entry, or the empty one to fill.
  uint32_t& ShareSlot(uint64_t hash, const ComputedStyle::Impl* parent) {
    const size_t mask = share_slots_.size() - 1;
    for (size_t k = hash & mask;; k = (k + 1) & mask) {
      uint32_t& slot = share_slots_[k];
      if (slot == 0 || SameShare(share_entries_[slot - 1], parent)) {
        return slot;
      }
    }
  }

  void ComputeElement(uint32_t i, int32_t parent, const Node& node,
                      const std::vector<std::string_view>& classes) {
    const ComputedStyle::Impl* parent_impl = parent >= 0 ? impls_[parent] : nullptr;
    matched_.clear();
    MatchIndex(ua_.elements, 0, i, node, classes, matched_);
    MatchIndex(author_.elements, kAuthorTag, i, node, classes, matched_);
    const std::string* style_attr = node.Attr("style");
    std::vector<css::Decl> hints;
    PresentationalHints(node, &hints);
    const bool unique = style_attr != nullptr || !hints.empty();
    uint32_t* share_slot = nullptr;
    if (!unique && i != 0) {
      share_slot = &ShareSlot(ShareHash(parent_impl), parent_impl);
      if (*share_slot != 0) {
        current_ = share_entries_[*share_slot - 1].style;
        ComputePseudos(i, node, classes);
        return;
      }
    }
    ResetCascade();
    ApplyMatched(matched_, ua_.elements, author_.elements);
    if (!hints.empty() || style_attr != nullptr) {
      s_.arena_->element_decls.emplace_back();
      std::vector<css::Decl>& owned = s_.arena_->element_decls.back();
      owned = std::move(hints);
      const size_t hint_count = owned.size();
      if (style_attr != nullptr) {
        for (css::Decl& d : css::ParseDeclarationBlock(*style_attr, false, true)) {
          owned.push_back(std::move(d));
        }
      }
      for (size_t k = 0; k < owned.size(); ++k) {
        if (k < hint_count) {
          Apply(owned[k], kAuthorNormal, kAuthorImportant, 0, 0);
        } else {
          Apply(owned[k], kStyleAttrNormal, kStyleAttrImportant, 0, 0);
        }
      }
    }
    current_ = Compute(parent_impl, false);
    if (share_slot != nullptr) {
      share_entries_.push_back(ShareEntry{parent_impl, static_cast<uint32_t>(share_matched_.size()),
                                          static_cast<uint32_t>(matched_.size()), current_});
      share_matched_.insert(share_matched_.end(), matched_.begin(), matched_.end());
      *share_slot = static_cast<uint32_t>(share_entries_.size());  // slots never move: sized once
    }
    ComputePseudos(i, node, classes);
  }

  void ComputePseudos(uint32_t i, const Node& node, const std::vector<std::string_view>& classes) {
    if (ua_.before.empty() && ua_.after.empty() && author_.before.empty() &&
        author_.after.empty()) {
      return;
    }
    ComputedStyle::Impl* const element_impl = current_;
    for (int which = 0; which < 2; ++which) {
      const RuleIndex& ua_index = which == 0 ? ua_.before : ua_.after;
      const RuleIndex& author_index = which == 0 ? author_.before : author_.after;
      std::vector<uint32_t>& pseudo_matched = pseudo_matched_;
      pseudo_matched.clear();
      MatchIndex(ua_index, 0, i, node, classes, pseudo_matched);
      MatchIndex(author_index, kAuthorTag, i, node, classes, pseudo_matched);
      if (pseudo_matched.empty()) {
        continue;
      }
      ResetCascade();
      ApplyMatched(pseudo_matched, ua_index, author_index);
      ComputedStyle::Impl* impl = Compute(element_impl, true);
      PseudoData data;
      data.style = Share(impl);
      const StyleValue& content = *impl->values[css::kContent];
      const StyleValue& display = *impl->values[css::kDisplay];
      data.generates_box = std::string_view(content.text) != "normal" &&
                           std::string_view(content.text) != "none" &&
                           std::string_view(display.text) != "none";
      if (data.generates_box && content.known) {
        data.text = css::ContentText(content.text, node);
      }
      (which == 0 ? s_.before_ : s_.after_)[i] = std::move(data);
    }
    current_ = element_impl;
  }

  static constexpr uint32_t kAuthorTag = 0x80000000u;

  StylesImpl& s_;
  const css::ElementTable& table_;
  css::Matcher matcher_;
  const SheetSet& ua_;
  const SheetSet& author_;
  MediaContext media_;
  std::array<uint16_t, 4096>* bloom_ = nullptr;  // counters of the ancestor filter
  BloomCounters* bloom_owner_ = nullptr;         // the thread's set, when bloom_ is it
  std::unique_ptr<std::array<uint16_t, 4096>> own_bloom_;
  std::vector<uint32_t> bloom_hashes_;      // hashes of the elements on the ancestor stack
  std::vector<uint32_t> bloom_hash_begin_;  // where each stacked element's hashes start
  std::array<Winner, css::kNumProps> best_;
  std::array<Winner, css::kNumProps> ua_best_;
  // Which entries of best_ and ua_best_ are set: one bit per PropId.
  uint64_t winners_ = 0;
  uint64_t ua_winners_ = 0;
  static_assert(css::kNumProps <= 64, "winners_ has a bit per property");
  std::vector<std::pair<const std::string*, Winner>> custom_;
  std::vector<uint32_t> matched_;
  std::vector<uint32_t> pseudo_matched_;  // ComputePseudos' matches, reused between elements
  std::vector<const ComputedStyle::Impl*> impls_;  // each element's style, by table index
  std::vector<uint32_t> share_slots_;              // 0: empty, else share_entries_ index + 1
  std::vector<ShareEntry> share_entries_;
  std::vector<uint32_t> share_matched_;
  ComputedStyle::Impl* current_ = nullptr;  // the style ComputeElement just gave
  double root_font_px_ = 16;
  bool root_font_known_ = true;
  bool root_font_set_ = false;
};

StylesImpl::StylesImpl(const Document& document, const MediaContext& media)
    : table_(document), arena_(std::make_shared<Arena>()) {
  CollectSheets(document, media);
  Cascade(*this, media).Run();
}

}  // namespace

std::unique_ptr<Styles> Styles::Compute(const Document& document, const MediaContext& media) {
  return std::make_unique<StylesImpl>(document, media);
}

std::optional<Rgba> ParseColor(std::string_view value) {
  // Computed colours are mostly "rgb(...)": parsed through ComputeValue for one code path.
  css::ComputeContext ctx;
  StyleValue out;
  value = TrimWhitespace(value);
  if (css::EqualsIgnoreCase(value, "currentcolor") ||
      !css::ComputeValue(css::kBackgroundColor, value, ctx, &out) || !out.known) {
    return std::nullopt;
  }
  // out.text is "rgb(r, g, b)" or "rgba(r, g, b, a)".
  return ParseSerializedRgb(out.text);
}

}  // namespace plainsight::engine

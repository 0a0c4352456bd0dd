// The per-element cascade (CSS Cascading and Inheritance 4, sections 6-7): for each element in
// tree order, the declarations of matching rules (found through the rule index and an ancestor
// Bloom filter) and the style attribute are sorted by origin, importance, specificity and order;
// custom properties and var() are substituted (CSS Variables 1); each property's computed value
// is taken from values.h, inherited or initial; HTML's presentational hints (HTML 15.3) come in
// at author level; ::before and ::after get their own styles. Elements with the same parent
// style and matched rules share storage.
#include <bit>
#include <cstdio>
#include <ranges>
#include <unordered_set>

#include "engine/css/style_internal.h"

namespace plainsight::engine::style_internal {
namespace {

// Each property's initial value and inheritance, looked up once: Cascade::Compute visits every
// property of every element that does not share its style.
struct PropertyTable {
  std::array<const StyleValue*, css::kNumProps> initial{};
  std::array<bool, css::kNumProps> inherited{};
};

const PropertyTable& Properties() {
  static const PropertyTable kTable = [] {
    PropertyTable t;
    for (int k = 0; k < css::kNumProps; ++k) {
      t.initial[k] = &css::InitialValue(static_cast<PropId>(k));
      t.inherited[k] = css::Info(static_cast<PropId>(k)).inherited;
    }
    return t;
  }();
  return kTable;
}

// The ancestor filter's counters, one set per thread (see Cascade's constructor).
struct BloomCounters {
  std::array<uint16_t, 4096> counts{};
  bool in_use = false;
};

}  // namespace

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
    s_.impls_ = std::move(impls_);
  }

  // The style of element `i` while element `focused` has keyboard focus (Styles::
  // StyleWhileFocused). Precondition: Run() has filled the page's styles.
  ComputedStyle ComputeFocused(uint32_t i, uint32_t focused) {
    if (const std::optional<double> px =
            s_.styles_.empty() ? std::nullopt : s_.styles_[0].FontSizePx()) {
      root_font_px_ = *px;
    }
    root_font_set_ = true;
    // The ancestor filter holds the element's ancestors, root first, as during Run().
    std::vector<uint32_t> chain;
    for (int32_t a = table_.parent(i); a >= 0; a = table_.parent(static_cast<uint32_t>(a))) {
      chain.push_back(static_cast<uint32_t>(a));
    }
    std::vector<std::string_view> classes;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      ClassesOf(table_.node(*it), &classes);
      BloomPush(*it, classes);
    }
    matcher_.SetFocused(static_cast<int32_t>(focused));
    focus_mode_ = true;
    const Node& node = table_.node(i);
    ClassesOf(node, &classes);
    matched_.clear();
    MatchIndex(ua_.elements, 0, i, node, classes, matched_);
    MatchIndex(author_.elements, kAuthorTag, i, node, classes, matched_);
    ResetCascade();
    ApplyMatched(matched_, ua_.elements, author_.elements);
    std::vector<css::Decl> owned;
    PresentationalHints(node, &owned);
    const size_t hint_count = owned.size();
    if (const std::string* style_attr = node.Attr("style")) {
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
    const int32_t parent = table_.parent(i);
    const ComputedStyle::Impl* parent_impl =
        parent >= 0 ? s_.impls_[static_cast<uint32_t>(parent)] : nullptr;
    ComputedStyle::Impl* impl = Compute(parent_impl, false);
    // The declarations must live as long as the style (its cascaded entries point to them).
    s_.arena_->element_decls.push_back(std::move(owned));
    return Share(impl);
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
    auto try_entry = [&](uint32_t k) {
      const IndexedSelector& e = index.entry(k);
      if (!Rejected(*e.selector) && matcher_.Matches(*e.selector, element)) {
        out.push_back(origin_tag | k);
      }
    };
    index.Candidates(node, classes, try_entry);
    if (focus_mode_) {
      for (uint32_t k : index.focus_candidates()) {
        try_entry(k);
      }
    }
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
      if (const std::string* size = node.Attr("size")) {
        if (const char* keyword = LegacyFontSize(*size)) {
          add("font-size", keyword);
        }
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

  // HTML 15.3.4 "rules for parsing a legacy font size": <font size="5"> or "+2" (from 3) as a
  // font-size keyword; nullptr when the value does not parse.
  static const char* LegacyFontSize(std::string_view value) {
    value = TrimWhitespace(value);
    int sign = 0;
    if (!value.empty() && (value[0] == '+' || value[0] == '-')) {
      sign = value[0] == '+' ? 1 : -1;
      value.remove_prefix(1);
    }
    size_t k = 0;
    int n = 0;
    while (k < value.size() && value[k] >= '0' && value[k] <= '9' && n < 100) {
      n = n * 10 + (value[k] - '0');
      ++k;
    }
    if (k == 0) {
      return nullptr;
    }
    n = sign == 0 ? n : 3 + sign * n;
    static constexpr const char* kKeywords[] = {"x-small", "small",    "medium",   "large",
                                                "x-large", "xx-large", "xxx-large"};
    return kKeywords[std::clamp(n, 1, 7) - 1];
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
    for (const PropId p : {css::kOutlineColor, css::kBorderTopColor, css::kBorderRightColor,
                           css::kBorderBottomColor, css::kBorderLeftColor}) {
      if (std::string_view(impl->values[p]->text) == "currentcolor") {
        impl->values[p] = impl->values[css::kColor];
      }
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

  // Style sharing: elements with the same parent style, the same matched rules and the same
  // style attribute text (and no presentational hint, which depends on the element's other
  // attributes) get the same computed style. Equal style attributes are common (generated
  // pages, e-mail templates, a repeated inline colour); sharing them keeps one computed style
  // and one parsed declaration list instead of one per element. The table is open addressing
  // over share_entries_, sized for the page: no allocation per element.
  struct ShareEntry {
    const ComputedStyle::Impl* parent;
    uint32_t begin;  // into share_matched_
    uint32_t size;
    ComputedStyle::Impl* style;
    std::string_view style_attribute;  // "" when none; a view into the document's attributes
  };

  uint64_t ShareHash(const ComputedStyle::Impl* parent, std::string_view style_attribute) const {
    uint64_t h = reinterpret_cast<uintptr_t>(parent) * 0x9E3779B97F4A7C15ull;
    for (uint32_t m : matched_) {
      h = (h ^ m) * 0x100000001B3ull;
      h ^= h >> 29;
    }
    if (!style_attribute.empty()) {
      h ^= std::hash<std::string_view>()(style_attribute) * 0x9E3779B97F4A7C15ull;
    }
    return h;
  }

  bool SameShare(const ShareEntry& e, const ComputedStyle::Impl* parent,
                 std::string_view style_attribute) const {
    return e.parent == parent && e.size == matched_.size() &&
           e.style_attribute == style_attribute &&
           std::equal(matched_.begin(), matched_.end(), share_matched_.begin() + e.begin);
  }

  // The slot for (parent, matched_, style attribute): one holding an equal entry, or the empty
  // one to fill.
  uint32_t& ShareSlot(uint64_t hash, const ComputedStyle::Impl* parent,
                      std::string_view style_attribute) {
    const size_t mask = share_slots_.size() - 1;
    for (size_t k = hash & mask;; k = (k + 1) & mask) {
      uint32_t& slot = share_slots_[k];
      if (slot == 0 || SameShare(share_entries_[slot - 1], parent, style_attribute)) {
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
    // An empty style attribute declares nothing: it shares with elements that have none.
    const std::string_view style_text = style_attr != nullptr ? *style_attr : std::string_view();
    std::vector<css::Decl> hints;
    PresentationalHints(node, &hints);
    const bool unique = !hints.empty();
    uint32_t* share_slot = nullptr;
    if (!unique && i != 0) {
      share_slot = &ShareSlot(ShareHash(parent_impl, style_text), parent_impl, style_text);
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
      owned.shrink_to_fit();  // kept for the page's life: no room to grow
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
                                          static_cast<uint32_t>(matched_.size()), current_,
                                          style_text});
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
  bool focus_mode_ = false;  // ComputeFocused: also try the selectors that need focus
  double root_font_px_ = 16;
  bool root_font_known_ = true;
  bool root_font_set_ = false;
};

StylesImpl::StylesImpl(const Document& document, const MediaContext& media)
    : table_(document), arena_(std::make_shared<Arena>()), media_(media) {
  CollectSheets(document, media);
  Cascade(*this, media).Run();
}

ComputedStyle StylesImpl::StyleWhileFocused(const Node& element, const Node& focused) const {
  const int32_t i = table_.IndexOf(element);
  const int32_t f = table_.IndexOf(focused);
  if (i < 0 || f < 0 || display_none_[i] != 0) {
    return Of(element);
  }
  if (!uses_focus_) {
    return styles_[i];  // no selector mentions focus: the style at rest
  }
  // Allocates in the page's arena (computed styles and interned values): like StylesFor, not
  // thread-safe; a page is audited on one thread.
  auto& self = const_cast<StylesImpl&>(*this);
  return Cascade(self, media_).ComputeFocused(static_cast<uint32_t>(i), static_cast<uint32_t>(f));
}

}  // namespace plainsight::engine::style_internal

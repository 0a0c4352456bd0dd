// DOCX: WordprocessingML (ECMA-376 Part 1: 17.3 paragraphs and runs, 17.4 tables, 17.7 styles,
// 17.16 fields, 20.4 DrawingML in WordprocessingML; 14.2 VML; Part 3 markup compatibility) and
// the core properties (Part 2, 11: dc:title).
//
// Run properties are resolved as Word does (17.7.2): document defaults, then the paragraph
// style and the styles it is based on, then the character style, then direct formatting; the
// later level wins (toggle properties are simplified to "the last one set").
#include <algorithm>
#include <cmath>
#include <map>

#include "engine/office/office_document.h"
#include "engine/office/office_xml.h"

namespace plainsight::engine::office {
namespace {

using xml::Attr;
using xml::Is;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

// A WordprocessingML element (transitional or strict namespace).
bool IsW(const xmlNode* n, const char* local) {
  return Is(n, local, kW) || Is(n, local, kWStrict);
}

std::optional<std::string> WVal(const xmlNode* n) {
  return Attr(n, "val");
}

struct RunProps {
  std::optional<bool> bold;
  std::optional<bool> italic;
  std::optional<bool> underline;
  std::optional<bool> caps;
  std::optional<float> size;             // points
  std::optional<std::string> colour;     // "FF0000"; "" for auto
  std::optional<std::string> highlight;  // "" for none

  void Over(const RunProps& o) {
    if (o.bold) {
      bold = o.bold;
    }
    if (o.italic) {
      italic = o.italic;
    }
    if (o.underline) {
      underline = o.underline;
    }
    if (o.caps) {
      caps = o.caps;
    }
    if (o.size) {
      size = o.size;
    }
    if (o.colour) {
      colour = o.colour;
    }
    if (o.highlight) {
      highlight = o.highlight;
    }
  }
};

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return s;
}

RunProps ReadRunProps(const xmlNode* rpr) {
  RunProps p;
  for (const xmlNode* c = rpr ? rpr->children : nullptr; c != nullptr; c = c->next) {
    if (IsW(c, "b")) {
      p.bold = xml::OnOff(c, "val");
    } else if (IsW(c, "i")) {
      p.italic = xml::OnOff(c, "val");
    } else if (IsW(c, "u")) {
      p.underline = xml::OnOff(c, "val");
    } else if (IsW(c, "caps") || IsW(c, "smallCaps")) {
      p.caps = xml::OnOff(c, "val");
    } else if (IsW(c, "sz")) {
      if (auto v = WVal(c)) {
        char* end = nullptr;
        double half_points = std::strtod(v->c_str(), &end);
        if (end != v->c_str() && half_points > 0 && half_points < 4000) {
          p.size = static_cast<float>(half_points / 2);
        }
      }
    } else if (IsW(c, "color")) {
      std::string v = Upper(WVal(c).value_or("AUTO"));
      p.colour = v == "AUTO" || v == "000000" ? "" : v;
    } else if (IsW(c, "highlight")) {
      std::string v = WVal(c).value_or("none");
      p.highlight = v == "none" ? "" : v;
    } else if (IsW(c, "shd")) {
      std::string fill = Upper(Attr(c, "fill").value_or("AUTO"));
      p.highlight = fill == "AUTO" || fill == "FFFFFF" || fill.empty() ? "" : "#" + fill;
    }
  }
  return p;
}

struct Style {
  std::string name;
  std::string based_on;
  RunProps run;
  int outline_level = -1;  // 0-based, from pPr/outlineLvl (9 = body text)
  bool numbered = false;
};

class Styles {
 public:
  void Load(const xmlNode* root) {
    for (const xmlNode* s = root ? root->children : nullptr; s != nullptr; s = s->next) {
      if (IsW(s, "docDefaults")) {
        if (const xmlNode* rpr = xml::Descendant(s, "rPr", 3)) {
          defaults_ = ReadRunProps(rpr);
          if (const xmlNode* lang = xml::Child(rpr, "lang")) {
            lang_ = WVal(lang).value_or("");
          }
        }
        continue;
      }
      if (!IsW(s, "style")) {
        continue;
      }
      std::string id = Attr(s, "styleId").value_or("");
      std::string type = Attr(s, "type").value_or("paragraph");
      Style style;
      if (const xmlNode* n = xml::Child(s, "name")) {
        style.name = WVal(n).value_or("");
      }
      if (const xmlNode* b = xml::Child(s, "basedOn")) {
        style.based_on = WVal(b).value_or("");
      }
      style.run = ReadRunProps(xml::Child(s, "rPr"));
      if (const xmlNode* ppr = xml::Child(s, "pPr")) {
        if (const xmlNode* o = xml::Child(ppr, "outlineLvl")) {
          style.outline_level = std::atoi(WVal(o).value_or("9").c_str());
        }
        style.numbered = xml::Child(ppr, "numPr") != nullptr;
      }
      if (type == "paragraph" && Attr(s, "default") && xml::OnOff(s, "default")) {
        default_paragraph_ = id;
      }
      styles_[id] = std::move(style);
    }
  }

  const std::string& lang() const { return lang_; }

  const RunProps& defaults() const { return defaults_; }

  const std::string& default_paragraph() const { return default_paragraph_; }

  const Style* Find(const std::string& id) const {
    auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : &it->second;
  }

  // The style and those it is based on, the base first (bounded against loops).
  std::vector<const Style*> Chain(const std::string& id) const {
    std::vector<const Style*> chain;
    std::string current = id;
    for (int i = 0; i < 32 && !current.empty(); ++i) {
      const Style* s = Find(current);
      if (s == nullptr || std::find(chain.begin(), chain.end(), s) != chain.end()) {
        break;
      }
      chain.push_back(s);
      current = s->based_on;
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  RunProps Resolve(const std::string& id) const {
    RunProps p;
    for (const Style* s : Chain(id)) {
      p.Over(s->run);
    }
    return p;
  }

 private:
  std::map<std::string, Style> styles_;
  RunProps defaults_;
  std::string lang_;
  std::string default_paragraph_;
};

// "heading 3" / "Heading3" -> 3; 0 when the name is not a heading style's.
int HeadingNumber(std::string_view name) {
  std::string lower;
  for (char c : name) {
    if (c != ' ') {
      lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  if (lower.rfind("heading", 0) != 0 || lower.size() < 8 || lower.size() > 9) {
    return 0;
  }
  int n = std::atoi(lower.c_str() + 7);
  return n >= 1 && n <= 9 ? n : 0;
}

bool IsTitleStyle(std::string_view name) {
  return name == "Title" || name == "title";
}

// What a run contributes to its paragraph.
struct Run {
  std::string text;
  RunProps props;
  bool link = false;
};

// Relationship ids to targets (ECMA-376 Part 2, 9.3: word/_rels/document.xml.rels).
using Relationships = std::map<std::string, std::string>;

Relationships ReadRelationships(const xmlNode* root) {
  Relationships rels;
  for (const xmlNode* r = root ? root->children : nullptr; r != nullptr; r = r->next) {
    if (Is(r, "Relationship")) {
      rels[Attr(r, "Id").value_or("")] = Attr(r, "Target").value_or("");
    }
  }
  return rels;
}

class DocxReader {
 public:
  DocxReader(const Styles& styles, const Relationships& rels, OfficeDocument& doc,
             const OfficeLimits& limits)
      : styles_(styles), rels_(rels), doc_(doc), limits_(limits) {}

  void Walk(const xmlNode* parent, bool in_table, uint32_t depth) {
    if (depth > limits_.max_depth) {
      return;
    }
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        continue;
      }
      if (IsW(c, "p")) {
        ReadParagraph(c, in_table, depth);
      } else if (IsW(c, "tbl")) {
        ReadTable(c, in_table, depth);
      } else if (Is(c, "AlternateContent", kMc)) {
        // Only the first choice: the fallback repeats the same content for older readers.
        if (const xmlNode* choice = xml::Child(c, "Choice")) {
          Walk(choice, in_table, depth + 1);
        }
      } else if (IsW(c, "sectPr") || IsW(c, "del") || IsW(c, "moveFrom")) {
        continue;
      } else {
        Walk(c, in_table, depth + 1);  // sdt, sdtContent, customXml, ins, body, txbxContent
      }
    }
  }

 private:
  void ReadParagraph(const xmlNode* p, bool in_table, uint32_t depth) {
    if (doc_.paragraphs.size() >= limits_.max_paragraphs) {
      if (!capped_) {
        doc_.warnings.push_back("only the first " + std::to_string(limits_.max_paragraphs) +
                                " paragraphs were read");
        capped_ = true;
      }
      return;
    }
    Paragraph para;
    para.index = static_cast<uint32_t>(doc_.paragraphs.size() + 1);
    para.in_table = in_table;
    std::string style_id = styles_.default_paragraph();
    int direct_outline = -1;
    bool numbered = false;
    if (const xmlNode* ppr = xml::Child(p, "pPr")) {
      if (const xmlNode* ps = xml::Child(ppr, "pStyle")) {
        style_id = WVal(ps).value_or(style_id);
      }
      if (const xmlNode* o = xml::Child(ppr, "outlineLvl")) {
        direct_outline = std::atoi(WVal(o).value_or("9").c_str());
      }
      numbered = xml::Child(ppr, "numPr") != nullptr;
    }
    const Style* style = styles_.Find(style_id);
    para.style = style ? style->name : style_id;
    if (style_id == styles_.default_paragraph()) {
      para.style.clear();
    }
    int outline = direct_outline;
    for (const Style* s : styles_.Chain(style_id)) {
      if (s->outline_level >= 0 && direct_outline < 0) {
        outline = s->outline_level;
      }
      numbered |= s->numbered;
    }
    if (outline >= 0 && outline < 9) {
      para.heading_level = outline + 1;
    } else {
      // Built-in heading styles are recognised by name ("heading 1"); a style the styles part
      // does not define, by its id ("Heading1").
      para.heading_level = HeadingNumber(style ? style->name : style_id);
    }
    para.title_style = IsTitleStyle(style ? style->name : style_id);
    para.list_item = numbered;
    RunProps base = styles_.defaults();
    base.Over(styles_.Resolve(style_id));
    uint32_t my_index = para.index;
    doc_.paragraphs.push_back(std::move(para));
    std::vector<Run> runs;
    std::vector<const xmlNode*> nested;  // paragraphs in text boxes, read after this one
    link_depth_ = 0;
    field_link_ = FieldState::kNone;
    CollectRuns(p, base, runs, nested, my_index, depth + 1);
    Finish(doc_.paragraphs[my_index - 1], base, runs);
    for (const xmlNode* n : nested) {
      Walk(n, in_table, depth + 1);
    }
  }

  enum class FieldState { kNone, kInstruction, kResult };

  void CollectRuns(const xmlNode* node, const RunProps& base, std::vector<Run>& runs,
                   std::vector<const xmlNode*>& nested, uint32_t para, uint32_t depth) {
    if (depth > limits_.max_depth) {
      return;
    }
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        continue;
      }
      if (IsW(c, "r")) {
        ReadRun(c, base, runs, nested, para, depth + 1);
      } else if (IsW(c, "hyperlink")) {
        // An external target through the relationship id, or a bookmark in the document.
        std::string target;
        if (auto id = Attr(c, "id"); id && rels_.count(*id) > 0) {
          target = rels_.at(*id);
        } else if (auto anchor = Attr(c, "anchor")) {
          target = "#" + *anchor;
        }
        StartLink(std::move(target), para);
        ++link_depth_;
        CollectRuns(c, base, runs, nested, para, depth + 1);
        --link_depth_;
      } else if (IsW(c, "fldSimple")) {
        bool hyperlink = Attr(c, "instr").value_or("").find("HYPERLINK") != std::string::npos;
        if (hyperlink) {
          StartLink(FieldTarget(Attr(c, "instr").value_or("")), para);
          ++link_depth_;
        }
        CollectRuns(c, base, runs, nested, para, depth + 1);
        if (hyperlink) {
          --link_depth_;
        }
      } else if (Is(c, "AlternateContent", kMc)) {
        if (const xmlNode* choice = xml::Child(c, "Choice")) {
          CollectRuns(choice, base, runs, nested, para, depth + 1);
        }
      } else if (IsW(c, "pPr") || IsW(c, "del") || IsW(c, "moveFrom")) {
        continue;
      } else {
        CollectRuns(c, base, runs, nested, para, depth + 1);  // ins, smartTag, sdt, customXml
      }
    }
  }

  static std::string FieldTarget(const std::string& instruction) {
    size_t open = instruction.find('"');
    size_t close = open == std::string::npos ? open : instruction.find('"', open + 1);
    return close == std::string::npos ? std::string()
                                      : instruction.substr(open + 1, close - open - 1);
  }

  void StartLink(std::string target, uint32_t para) {
    Link link;
    link.index = static_cast<uint32_t>(doc_.links.size() + 1);
    link.target = std::move(target);
    link.paragraph = para;
    doc_.links.push_back(std::move(link));
  }

  void ReadRun(const xmlNode* r, const RunProps& base, std::vector<Run>& runs,
               std::vector<const xmlNode*>& nested, uint32_t para, uint32_t depth) {
    Run run;
    run.props = base;
    if (const xmlNode* rpr = xml::Child(r, "rPr")) {
      if (const xmlNode* rs = xml::Child(rpr, "rStyle")) {
        run.props.Over(styles_.Resolve(WVal(rs).value_or("")));
      }
      run.props.Over(ReadRunProps(rpr));
    }
    for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
      if (IsW(c, "t")) {
        if (field_link_ != FieldState::kInstruction) {
          run.text += xml::Text(c);
        }
      } else if (IsW(c, "tab") || IsW(c, "br") || IsW(c, "cr")) {
        run.text += ' ';
      } else if (IsW(c, "noBreakHyphen")) {
        run.text += '-';
      } else if (IsW(c, "fldChar")) {
        std::string type = Attr(c, "fldCharType").value_or("");
        if (type == "begin") {
          field_link_ = FieldState::kInstruction;
          field_instruction_.clear();
        } else if (type == "separate" && field_link_ == FieldState::kInstruction) {
          if (field_instruction_.find("HYPERLINK") != std::string::npos) {
            StartLink(FieldTarget(field_instruction_), para);
            field_link_ = FieldState::kResult;
          } else {
            field_link_ = FieldState::kNone;
          }
        } else if (type == "end") {
          field_link_ = FieldState::kNone;
        }
      } else if (IsW(c, "instrText")) {
        if (field_link_ == FieldState::kInstruction && field_instruction_.size() < 4096) {
          field_instruction_ += xml::Text(c);
        }
      } else if (IsW(c, "drawing") || IsW(c, "pict") || IsW(c, "object")) {
        ReadObject(c, para, nested, depth + 1);
      } else if (Is(c, "AlternateContent", kMc)) {
        if (const xmlNode* choice = xml::Child(c, "Choice")) {
          for (const xmlNode* d = choice->children; d != nullptr; d = d->next) {
            if (IsW(d, "drawing") || IsW(d, "pict") || IsW(d, "object")) {
              ReadObject(d, para, nested, depth + 1);
            }
          }
        }
      }
    }
    run.link = link_depth_ > 0 || field_link_ == FieldState::kResult;
    if (run.link && !doc_.links.empty()) {
      doc_.links.back().text += run.text;
    }
    if (!run.text.empty()) {
      runs.push_back(std::move(run));
    }
  }

  // w:drawing (DrawingML, 20.4), w:pict (VML, 14.2) and w:object (embedded objects).
  void ReadObject(const xmlNode* node, uint32_t para, std::vector<const xmlNode*>& nested,
                  uint32_t depth) {
    DrawingObject object;
    object.index = static_cast<uint32_t>(doc_.objects.size() + 1);
    object.paragraph = para;
    const xmlNode* txbx = xml::Descendant(node, "txbxContent", 16);
    if (IsW(node, "drawing")) {
      const xmlNode* doc_pr = xml::Descendant(node, "docPr", 4);
      if (doc_pr != nullptr) {
        object.name = Attr(doc_pr, "name").value_or("");
        object.alt = Attr(doc_pr, "descr");
        object.title = Attr(doc_pr, "title");
        // Word's "Mark as decorative" (Office 2019+): an a:ext holding adec:decorative val=1.
        if (const xmlNode* dec = xml::Descendant(doc_pr, "decorative", 4)) {
          object.decorative = xml::OnOff(dec, "val");
        }
      }
      const xmlNode* data = xml::Descendant(node, "graphicData", 6);
      std::string uri = data ? Attr(data, "uri").value_or("") : "";
      if (uri.find("/picture") != std::string::npos) {
        object.kind = ObjectKind::kPicture;
      } else if (uri.find("/chart") != std::string::npos) {
        object.kind = ObjectKind::kChart;
      } else if (uri.find("/diagram") != std::string::npos) {
        object.kind = ObjectKind::kDiagram;
      } else {
        object.kind = txbx ? ObjectKind::kTextBox : ObjectKind::kShape;
      }
    } else {
      // VML: the shape's alt attribute is its alternative text.
      const xmlNode* shape = nullptr;
      for (const char* local : {"shape", "rect", "roundrect", "oval", "line", "group"}) {
        if ((shape = xml::Descendant(node, local, 4)) != nullptr) {
          break;
        }
      }
      object.alt = shape ? Attr(shape, "alt") : std::nullopt;
      object.name = shape ? Attr(shape, "id").value_or("") : "";
      if (IsW(node, "object")) {
        object.kind = ObjectKind::kDiagram;
      } else if (xml::Descendant(node, "imagedata", 6)) {
        object.kind = ObjectKind::kPicture;
      } else {
        object.kind = txbx ? ObjectKind::kTextBox : ObjectKind::kShape;
      }
    }
    if (object.alt && xml::Collapse(*object.alt).empty()) {
      object.alt = std::string();
    }
    doc_.objects.push_back(std::move(object));
    if (txbx != nullptr && depth < limits_.max_depth) {
      nested.push_back(txbx);
    }
  }

  void ReadTable(const xmlNode* tbl, bool nested, uint32_t depth) {
    Table table;
    table.index = static_cast<uint32_t>(doc_.tables.size() + 1);
    table.nested = nested;
    table.first_paragraph = static_cast<uint32_t>(doc_.paragraphs.size() + 1);
    size_t slot = doc_.tables.size();
    doc_.tables.push_back(table);
    uint32_t rows = 0;
    uint32_t columns = 0;
    bool header = false;
    bool first_cell_seen = false;
    std::string first_cell;
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!IsW(tr, "tr")) {
        continue;
      }
      if (rows == 0) {
        if (const xmlNode* trpr = xml::Child(tr, "trPr")) {
          if (const xmlNode* h = xml::Child(trpr, "tblHeader")) {
            header = xml::OnOff(h, "val");
          }
        }
      }
      ++rows;
      uint32_t cells = 0;
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (!IsW(tc, "tc")) {
          continue;
        }
        uint32_t span = 1;
        if (const xmlNode* tcpr = xml::Child(tc, "tcPr")) {
          if (const xmlNode* gs = xml::Child(tcpr, "gridSpan")) {
            span = static_cast<uint32_t>(
                std::clamp(std::atoi(WVal(gs).value_or("1").c_str()), 1, 1000));
          }
        }
        cells += span;
        if (!first_cell_seen) {
          first_cell = xml::Collapse(xml::Text(tc)).substr(0, 80);
          first_cell_seen = true;
        }
        Walk(tc, true, depth + 1);
      }
      columns = std::max(columns, cells);
    }
    Table& t = doc_.tables[slot];
    t.rows = rows;
    t.columns = columns;
    t.header_row = header;
    t.first_cell = first_cell;
  }

  void Finish(Paragraph& para, const RunProps& base, const std::vector<Run>& runs) {
    std::string text;
    std::map<int, uint32_t> size_chars;
    uint32_t chars = 0;
    uint32_t bold_chars = 0;
    uint32_t italic_chars = 0;
    float min_size = 0;
    // Colour-only runs: a text colour or highlight that differs from the paragraph's, and no
    // other difference a reader without colour vision would see.
    std::vector<bool> colour_only(runs.size(), false);
    uint32_t other_chars = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
      const Run& r = runs[i];
      text += r.text;
      uint32_t n = 0;
      for (char c : r.text) {
        n += c != ' ' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }
      if (n == 0) {
        continue;
      }
      chars += n;
      float size = r.props.size.value_or(10);  // Word's default without w:sz (17.3.2.38)
      size_chars[static_cast<int>(std::lround(size * 10))] += n;
      min_size = min_size == 0 ? size : std::min(min_size, size);
      bold_chars += r.props.bold.value_or(false) ? n : 0;
      italic_chars += r.props.italic.value_or(false) ? n : 0;
      bool colour_differs = r.props.colour.value_or("") != base.colour.value_or("") ||
                            r.props.highlight.value_or("") != base.highlight.value_or("");
      bool other_differs = r.props.bold.value_or(false) != base.bold.value_or(false) ||
                           r.props.italic.value_or(false) != base.italic.value_or(false) ||
                           r.props.underline.value_or(false) != base.underline.value_or(false) ||
                           r.props.caps.value_or(false) != base.caps.value_or(false) ||
                           std::fabs(r.props.size.value_or(10) - base.size.value_or(10)) >= 1;
      colour_only[i] = colour_differs && !other_differs;
      if (!colour_only[i]) {
        other_chars += n;
      }
    }
    para.text = xml::Collapse(text);
    para.words = xml::CountWords(para.text);
    doc_.words += para.words;
    uint32_t best = 0;
    for (const auto& [size, n] : size_chars) {
      if (n > best) {
        best = n;
        para.font_size = static_cast<float>(size) / 10;
      }
    }
    para.min_font_size = min_size;
    para.bold = chars > 0 && bold_chars == chars;
    para.italic = chars > 0 && italic_chars == chars;
    // Emphasis is a part of a paragraph set apart: a paragraph all in one colour is design.
    if (other_chars > 0) {
      for (size_t i = 0; i < runs.size(); ++i) {
        if (!colour_only[i]) {
          continue;
        }
        std::string colour = !runs[i].props.colour.value_or("").empty()
                                 ? "#" + *runs[i].props.colour
                                 : "highlight " + runs[i].props.highlight.value_or("");
        if (!para.colour_only.empty() && i > 0 && colour_only[i - 1] &&
            para.colour_only.back().colour == colour) {
          para.colour_only.back().text += runs[i].text;
        } else {
          para.colour_only.push_back(ColourRun{runs[i].text, colour, runs[i].link});
        }
      }
      for (ColourRun& c : para.colour_only) {
        c.text = xml::Collapse(c.text);
      }
    }
  }

  const Styles& styles_;
  const Relationships& rels_;
  OfficeDocument& doc_;
  const OfficeLimits& limits_;
  int link_depth_ = 0;
  FieldState field_link_ = FieldState::kNone;
  std::string field_instruction_;
  bool capped_ = false;
};

}  // namespace

Result<OfficeDocument> ParseDocxParts(const Parts& parts, const OfficeLimits& limits) noexcept {
  try {
    auto body_part = parts.find("word/document.xml");
    if (body_part == parts.end()) {
      return Fail(ErrorCode::kParse, "no word/document.xml: not a DOCX file");
    }
    OfficeDocument doc;
    doc.format = OfficeFormat::kDocx;
    Styles styles;
    if (auto it = parts.find("word/styles.xml"); it != parts.end()) {
      auto parsed = xml::Parse(it->second, "word/styles.xml");
      if (parsed) {
        styles.Load(xmlDocGetRootElement(parsed->get()));
      } else {
        doc.warnings.push_back(parsed.error().message + "; styles were not read");
      }
    }
    if (!styles.lang().empty()) {
      doc.lang = styles.lang();
      doc.lang_source = "w:docDefaults";
    } else if (auto it = parts.find("word/settings.xml"); it != parts.end()) {
      // The theme font language: what Word proofs new text in when no default is set.
      if (auto parsed = xml::Parse(it->second, "word/settings.xml")) {
        if (const xmlNode* lang =
                xml::Descendant(xmlDocGetRootElement(parsed->get()), "themeFontLang", 3)) {
          doc.lang = WVal(lang).value_or("");
          doc.lang_source = doc.lang.empty() ? "" : "w:themeFontLang";
        }
      }
    }
    RunProps body = styles.defaults();
    body.Over(styles.Resolve(styles.default_paragraph()));
    doc.body_font_size = body.size.value_or(10);
    if (auto it = parts.find("docProps/core.xml"); it != parts.end()) {
      if (auto parsed = xml::Parse(it->second, "docProps/core.xml")) {
        if (const xmlNode* title =
                xml::Descendant(xmlDocGetRootElement(parsed->get()), "title", 2)) {
          doc.title = xml::Text(title);
        }
      }
    }
    auto parsed = xml::Parse(body_part->second, "word/document.xml");
    if (!parsed) {
      return parsed.error();
    }
    const xmlNode* root = xmlDocGetRootElement(parsed->get());
    const xmlNode* body_node = xml::Child(root, "body");
    Relationships rels;
    if (auto it = parts.find("word/_rels/document.xml.rels"); it != parts.end()) {
      if (auto parsed = xml::Parse(it->second, "word/_rels/document.xml.rels")) {
        rels = ReadRelationships(xmlDocGetRootElement(parsed->get()));
      }
    }
    DocxReader reader(styles, rels, doc, limits);
    reader.Walk(body_node ? body_node : root, false, 0);
    for (Link& link : doc.links) {
      link.text = xml::Collapse(link.text);
    }
    return doc;
  } catch (const std::bad_alloc&) {
    return Fail(ErrorCode::kTooLarge, "the document needs more memory than is available");
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kParse, std::string("the document could not be read: ") + e.what());
  }
}

}  // namespace plainsight::engine::office

// Tests for the document model: positions, charsets, real-world markup and bad input.
#include "engine/dom.h"

#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include "engine/language_tag.h"
#include "engine/url.h"

using plainsight::engine::Document;
using plainsight::engine::ParseOptions;

namespace {
std::unique_ptr<Document> Parse(std::string_view html, std::string charset = {}) {
  ParseOptions options;
  options.url = "https://example.ie/a/b.html";
  options.charset = std::move(charset);
  auto doc = Document::ParseHtml(html, options);
  REQUIRE(doc.has_value());
  return std::move(*doc);
}
}  // namespace

TEST_CASE("dom: elements keep their source line and column", "[engine][dom]") {
  auto doc = Parse("<!DOCTYPE html>\n<html>\n<body>\n  <p id=x>Hi</p>\n</body></html>");
  const auto* p = doc->GetElementById("x");
  REQUIRE(p != nullptr);
  CHECK(p->position().line == 4);
  CHECK(p->position().column == 3);
  CHECK(p->StartTagSource() == "<p id=x>");
  CHECK(doc->PositionOf(p->position().offset).line == 4);
}

TEST_CASE("dom: broken markup gets the browser's tree", "[engine][dom]") {
  auto doc = Parse("<p>one<p>two<table><tr><td>cell</table><b><i>x</b></i>");
  CHECK(doc->ElementsByTag("p").size() == 2);
  CHECK(doc->ElementsByTag("tbody").size() == 1);  // inserted by the parser
  CHECK(doc->body() != nullptr);
  CHECK(doc->head() != nullptr);
}

TEST_CASE("dom: elements say how the parser repaired the markup around them", "[engine][dom]") {
  using plainsight::engine::ParseRepair;
  auto doc = Parse(
      "<div id=a><span id=b>x</div></span><p id=c>ok</p></p>"
      "<b id=d><i id=e>t</b>u</i><section id=f>open");
  auto repairs = [&](const char* id) {
    const auto* e = doc->GetElementById(id);
    REQUIRE(e != nullptr);
    return e->parse_repairs();
  };
  CHECK(repairs("a") == 0);  // both tags written, properly nested
  CHECK(repairs("b") == static_cast<uint8_t>(ParseRepair::kNoEndTag));  // closed by </div>
  CHECK(repairs("c") == 0);
  CHECK(repairs("e") == static_cast<uint8_t>(ParseRepair::kNoEndTag));  // closed by </b>
  CHECK(repairs("f") == static_cast<uint8_t>(ParseRepair::kNoEndTag));  // never closed
  // The second </p> makes an empty p of its own; the misnested <i> is reopened after </b>.
  auto ps = doc->ElementsByTag("p");
  REQUIRE(ps.size() == 2);
  CHECK(ps[1]->HasParseRepair(ParseRepair::kFromEndTag));
  CHECK(ps[1]->HasParseRepair(ParseRepair::kNoStartTag));
  auto is = doc->ElementsByTag("i");
  REQUIRE(is.size() == 2);
  CHECK(is[1]->HasParseRepair(ParseRepair::kReopened));
  CHECK(doc->head()->HasParseRepair(ParseRepair::kNoStartTag));  // implied
}

TEST_CASE("dom: charset comes from BOM, then HTTP header, then meta, then sniffing",
          "[engine][dom]") {
  // "é" in windows-1252 is 0xE9.
  std::string latin = "<meta charset=\"iso-8859-1\"><p>caf\xE9</p>";
  auto doc = Parse(latin);
  CHECK(doc->charset() == "windows-1252");
  CHECK(doc->ElementsByTag("p")[0]->TextContent() == "caf\xC3\xA9");

  auto header = Parse("<p>caf\xE9</p>", "ISO-8859-1");
  CHECK(header->charset() == "windows-1252");
  CHECK(header->ElementsByTag("p")[0]->TextContent() == "caf\xC3\xA9");

  auto bom = Parse("\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9</p>");
  CHECK(bom->charset() == "utf-8");
  CHECK(bom->ElementsByTag("p")[0]->TextContent() == "caf\xC3\xA9");

  auto sniffed = Parse("<p>caf\xE9</p>");  // not valid UTF-8: windows-1252
  CHECK(sniffed->charset() == "windows-1252");

  // The prescan matches <meta> in any case, after other tags.
  auto upper = Parse("<!doctype html><HTML><Head><META CHARSET=\"ISO-8859-1\"><p>caf\xE9</p>");
  CHECK(upper->charset() == "windows-1252");
  auto no_meta = Parse("<p>caf\xC3\xA9 <mete charset=windows-1252></p>");
  CHECK(no_meta->charset() == "utf-8");

  auto shift_jis = Parse("<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>");  // 日本
  CHECK(shift_jis->ElementsByTag("p")[0]->TextContent() == "\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST_CASE("dom: template content, inline SVG and MathML, iframe srcdoc", "[engine][dom]") {
  auto doc = Parse(
      "<template><title>inside</title></template>"
      "<svg><title>Chart</title><circle r=1 /></svg><math><mi>x</mi></math>"
      "<iframe srcdoc=\"<title>Inner</title><p>hi</p>\"></iframe>");
  CHECK(doc->ElementsByTag("title").size() == 1);  // only the SVG one; template content is apart
  CHECK(doc->ElementsByTag("title")[0]->ns() == plainsight::engine::Namespace::kSvg);
  CHECK(doc->ElementsByTag("circle")[0]->ns() == plainsight::engine::Namespace::kSvg);
  CHECK(doc->ElementsByTag("mi")[0]->ns() == plainsight::engine::Namespace::kMathMl);
  const auto* tmpl = doc->ElementsByTag("template")[0];
  REQUIRE(tmpl->template_content() != nullptr);
  REQUIRE(doc->subdocuments().size() == 1);
  CHECK(doc->subdocuments()[0]->Title() == "Inner");
  CHECK(doc->subdocuments()[0]->owner_element() == doc->ElementsByTag("iframe")[0]);
}

TEST_CASE("dom: each element knows its place in elements(); other nodes have none",
          "[engine][dom]") {
  using plainsight::engine::Node;
  auto doc = Parse("<p>text<!-- c --><b>x</b></p><template><i>t</i></template>");
  const auto& elements = doc->elements();
  for (size_t i = 0; i < elements.size(); ++i) {
    CHECK(elements[i]->element_index() == i);
  }
  const Node* p = doc->ElementsByTag("p")[0];
  CHECK(p->children()[0]->IsText());
  CHECK(p->children()[0]->element_index() == Node::kNoElementIndex);
  CHECK(p->children()[1]->element_index() == Node::kNoElementIndex);  // the comment
  const Node* content = doc->ElementsByTag("template")[0]->template_content();
  REQUIRE(content != nullptr);
  REQUIRE(!content->children().empty());
  CHECK(content->children()[0]->element_index() == Node::kNoElementIndex);  // not listed
  auto xml = plainsight::engine::Document::ParseXml(
      "<svg xmlns='http://www.w3.org/2000/svg'><g/></svg>", {});
  REQUIRE(xml.has_value());
  for (size_t i = 0; i < (*xml)->elements().size(); ++i) {
    CHECK((*xml)->elements()[i]->element_index() == i);
  }
}

TEST_CASE("dom: standalone SVG is parsed as XML into the same model", "[engine][dom]") {
  ParseOptions options;
  auto doc = Document::ParseXml(
      R"(<svg xmlns="http://www.w3.org/2000/svg" lang="fr"><title>T</title></svg>)", options);
  REQUIRE(doc.has_value());
  CHECK((*doc)->is_xml());
  CHECK((*doc)->html()->tag() == "svg");
  CHECK((*doc)->html()->ns() == plainsight::engine::Namespace::kSvg);
  auto bad = Document::ParseXml("<svg><unclosed></svg>", options);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == plainsight::engine::ErrorCode::kParse);
}

TEST_CASE("dom: URLs resolve like a browser's", "[engine][dom]") {
  using plainsight::engine::ResolveUrl;
  CHECK(ResolveUrl("https://a.ie/x/y.html", "z.css") == "https://a.ie/x/z.css");
  CHECK(ResolveUrl("https://a.ie/x/y.html", "../z.css") == "https://a.ie/z.css");
  CHECK(ResolveUrl("https://a.ie/x/y.html", "/z") == "https://a.ie/z");
  CHECK(ResolveUrl("https://a.ie/x/y.html", "//b.ie/q") == "https://b.ie/q");
  CHECK(ResolveUrl("https://a.ie/x/y.html", "  ?q=1 ") == "https://a.ie/x/y.html?q=1");
  CHECK(ResolveUrl("https://a.ie/x/y.html", "..\\z") == "https://a.ie/z");
  auto doc = Parse("<base href=\"https://cdn.ie/s/\"><p>x</p>");
  CHECK(doc->ResolveUrl("a.css") == "https://cdn.ie/s/a.css");
  auto parsed = doc->ResolveToUrl("a.css#top");
  REQUIRE(parsed.has_value());
  CHECK(parsed->host == "cdn.ie");
  CHECK(parsed->path == "/s/a.css");
  CHECK(parsed->fragment == "top");
  CHECK_FALSE(doc->ResolveToUrl("http://[bad").has_value());
}

TEST_CASE("dom: a document's own URL is parsed once; none for an empty or bad URL",
          "[engine][dom]") {
  plainsight::engine::ParseOptions options;
  options.url = "https://www.ballykeeran.ie/bins/?week=2#top";
  auto doc = Document::ParseHtml("<p>x</p>", options);
  REQUIRE(doc.has_value());
  const plainsight::engine::Url* url = (*doc)->ParsedUrl();
  REQUIRE(url != nullptr);
  CHECK(url->path == "/bins/");
  CHECK(url->query == "week=2");
  CHECK((*doc)->ParsedUrl() == url);
  options.url = "";
  auto none = Document::ParseHtml("<p>x</p>", options);
  CHECK((*none)->ParsedUrl() == nullptr);
  // Without a usable base, only absolute references resolve.
  auto absolute = (*none)->ResolveToUrl("https://a.ie/x");
  REQUIRE(absolute.has_value());
  CHECK(absolute->host == "a.ie");
  CHECK_FALSE((*none)->ResolveToUrl("x.html").has_value());
}

TEST_CASE("dom: bad input gives a result or a clear error, never a crash",
          "[engine][dom][bad-input]") {
  SECTION("empty file") {
    auto doc = Parse("");
    CHECK(doc->html() != nullptr);
    CHECK_FALSE(doc->HasTitleElement());
  }
  SECTION("invalid UTF-8 declared as UTF-8 is repaired with U+FFFD") {
    auto doc = Parse("<meta charset=utf-8><p>a\xFF\xFE b</p>");
    std::string text = doc->ElementsByTag("p")[0]->TextContent();
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
  }
  SECTION("binary data is refused") {
    std::string binary(4096, '\0');
    binary[0] = '\x89';
    binary[1] = 'P';
    auto doc = Document::ParseHtml(binary, {});
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.error().code == plainsight::engine::ErrorCode::kUnsupported);
  }
  SECTION("100,000 nested elements are bounded, not a stack overflow") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) {
      deep += "<div>";
    }
    deep += "text";
    auto doc = Parse(deep);
    // Cut at the scan limit (10,000), then flattened below the tree limit (512): both warned.
    CHECK(doc->ElementsByTag("div").size() == 10000);
    CHECK(doc->warnings().size() == 2);
  }
  SECTION("pages with many unclosed paragraphs and list items are not cut") {
    std::string flat = "<ul>";
    for (int i = 0; i < 30000; ++i) {
      flat += "<li><p>item";
    }
    auto doc = Parse(flat);
    CHECK(doc->ElementsByTag("li").size() == 30000);
    CHECK(doc->warnings().empty());
  }
  SECTION("a page over the size limit is refused with a clear error") {
    ParseOptions options;
    options.max_bytes = 1000;
    auto doc = Document::ParseHtml(std::string(2000, 'a'), options);
    REQUIRE_FALSE(doc.has_value());
    CHECK(doc.error().code == plainsight::engine::ErrorCode::kTooLarge);
  }
  SECTION("a 50 MB page parses") {
    std::string big = "<!DOCTYPE html><html><body>";
    std::string para = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n";
    while (big.size() < (50u << 20)) {
      big += para;
    }
    auto doc = Parse(big);
    CHECK(doc->ElementsByTag("p").size() > 700000);
  }
}

TEST_CASE("dom: an element's attributes past the limit are not read, and positions stay",
          "[engine][dom][bad-input]") {
  // Gumbo compares each attribute with the tag's earlier ones: unbounded, a million attributes
  // would take hours. What reaches the parser is counted here, not time: at most 256 per element.
  std::string html = "<!DOCTYPE html><html lang=en><body>\n<div id=flood";
  for (int i = 0; i < 1000000; ++i) {
    html += " data-a" + std::to_string(i) + "=\"v>" + std::to_string(i) + "\"";
  }
  html += ">text</div>\n<p title=after>x</p>";
  auto doc = Parse(html);
  const auto* div = doc->ElementsByTag("div").at(0);
  REQUIRE(div->attributes().size() == 256);
  CHECK(div->attributes()[0].name == "id");
  CHECK(div->attributes()[255].name == "data-a254");
  CHECK(*div->Attr("data-a1") == "v>1");  // ">" inside quotes does not end the tag
  CHECK_FALSE(div->HasAttribute("data-a255"));
  CHECK(div->TextContent() == "text");
  REQUIRE(doc->warnings().size() == 1);
  CHECK(doc->warnings()[0] ==
        "line 2: a tag with 1000001 attributes; attributes past the first 256 of an element were "
        "not read");
  // The attributes were blanked, not cut: everything after keeps its line, column and offset.
  const auto* p = doc->ElementsByTag("p").at(0);
  CHECK(p->position().line == 3);
  CHECK(p->position().column == 1);
  CHECK(p->StartTagSource() == "<p title=after>");
  CHECK(*p->Attr("title") == "after");
}

TEST_CASE("dom: repeated <body> tags share one attribute limit, as the parser merges them",
          "[engine][dom][bad-input]") {
  std::string html = "<body a=1>";
  for (int t = 0; t < 2000; ++t) {
    html += "<body";
    for (int i = 0; i < 100; ++i) {
      html += " b" + std::to_string(t) + "-" + std::to_string(i);
    }
    html += ">";
  }
  auto doc = Parse(html + "<p>x</p>");
  CHECK(doc->body()->attributes().size() == 256);
  CHECK(*doc->body()->Attr("a") == "1");
  REQUIRE(doc->warnings().size() == 4);  // three tags named, then how many more
  CHECK(doc->warnings()[0].find("brings that element's attributes to 301") != std::string::npos);
  CHECK(doc->warnings()[3] == "1995 more tags had attributes past the limit");
}

TEST_CASE("dom: an SVG element with 200,000 attributes is cut to the limit", "[engine][dom]") {
  // libxml2 appends each attribute at the end of a list: as quadratic as Gumbo's check (50,000
  // took 22 s). It refuses a tag over 10 MB by itself ("Huge input lookup"), so a million short
  // attributes do not reach it; 200,000 would.
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title><rect";
  for (int i = 0; i < 200000; ++i) {
    svg += " a" + std::to_string(i) + "='" + std::to_string(i) + "'";
  }
  svg += "/></svg>";
  auto doc = Document::ParseXml(svg, ParseOptions{});
  REQUIRE(doc.has_value());
  REQUIRE((*doc)->ElementsByTag("rect").size() == 1);
  CHECK((*doc)->ElementsByTag("rect")[0]->attributes().size() == 256);
  CHECK((*doc)->warnings().size() == 1);
}

TEST_CASE("dom: UTF-16 SVG is decoded before parsing", "[engine][dom]") {
  const std::string utf8 =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Café</title></svg>";
  std::string utf16 = "\xFF\xFE";
  for (unsigned char c : std::string(utf8)) {
    if (c < 0x80) {
      utf16 += static_cast<char>(c);
      utf16 += '\0';
    }
  }
  // "é" as UTF-16LE: E9 00. Put it where the UTF-8 had C3 A9.
  const size_t at = utf16.find(std::string("C\0a\0f\0", 6));
  REQUIRE(at != std::string::npos);
  utf16.insert(at + 6, std::string("\xE9\0", 2));
  auto doc = Document::ParseXml(utf16, ParseOptions{});
  REQUIRE(doc.has_value());
  REQUIRE((*doc)->ElementsByTag("title").size() == 1);
  CHECK((*doc)->ElementsByTag("title")[0]->TextContent() == "Café");
}

TEST_CASE("dom: element siblings are found past text and comments", "[engine][dom]") {
  auto doc = Parse("<ul><li id=a>1</li> <!-- c --> text <li id=b>2</li><li id=c>3</li></ul>");
  const auto lis = doc->ElementsByTag("li");
  REQUIRE(lis.size() == 3);
  CHECK(lis[0]->PreviousElementSibling() == nullptr);
  CHECK(lis[0]->NextElementSibling() == lis[1]);
  CHECK(lis[1]->PreviousElementSibling() == lis[0]);
  CHECK(lis[1]->NextElementSibling() == lis[2]);
  CHECK(lis[2]->NextElementSibling() == nullptr);
  CHECK(lis[2]->child_index() == 5);  // li, text, comment, text, li, li
  CHECK(doc->root().PreviousElementSibling() == nullptr);
}

TEST_CASE("language tags: valid primary subtags come from the IANA registry", "[engine][lang]") {
  using plainsight::engine::IsValidLanguageTag;

  struct Row {
    const char* tag;
    bool valid;
  };

  const Row rows[] = {
      {"en", true},
      {"EN", true},
      {"en-IE", true},
      {"ga", true},
      {"en-US-GB", true},  // only the primary subtag is checked, as ACT does
      {"fr-CH", true},
      {"lb", true},
      {"eng", false},  // registry lists "en", not "eng"
      {"english", false},
      {"i-lux", false},
      {"#!", false},
      {"", false},
      {"  ", false},
      {"em-US", false},
      {"zz", false},
      {"x-private", false},
      // The registry's first and last entries, and neighbours that are not in it.
      {"aa", true},
      {"AAA-x", true},
      {"zzj", true},
      {"zzk", false},
      {"a", false},
      {"abcdefgh", false},
      {"abcdefghi", false},
  };
  for (const Row& row : rows) {
    INFO(row.tag);
    CHECK(IsValidLanguageTag(row.tag) == row.valid);
  }
}

TEST_CASE("dom: elements of one name share their tag string; merged text takes no node",
          "[engine][dom]") {
  auto doc = Parse("<p>one</p><p>two <b>x</b></p>");
  auto ps = doc->ElementsByTag("p");
  REQUIRE(ps.size() == 2);
  CHECK(&ps[0]->tag() == &ps[1]->tag());  // one copy, however many elements
  CHECK(ps[1]->tag() == "p");
  // A tag the parser knows shares the process's copy; an unknown one, the document's.
  auto other = Parse("<p>three</p><my-widget>w</my-widget><my-widget>v</my-widget>");
  CHECK(&other->ElementsByTag("p").front()->tag() == &ps[0]->tag());
  auto widgets = other->ElementsByTag("my-widget");
  REQUIRE(widgets.size() == 2);
  CHECK(&widgets[0]->tag() == &widgets[1]->tag());
  CHECK(widgets[0]->tag() == "my-widget");
  CHECK(doc->root().tag().empty());
  // Text that Gumbo hands over in pieces (foster-parented out of a table, around a misnested
  // element) merges into one node, and the later pieces take no node: the nodes are numbered
  // without gaps, so the last one's order is the count of nodes less one.
  for (const char* html :
       {"<div><table>a<tr><td>x</td></tr>b</table></div><i></i>",
        "<div>a <table> b <tr> c</table></div><i></i>", "<div>a<b>x<p>y</b>z</p></div><i></i>"}) {
    INFO(html);
    auto d = Parse(html);
    uint32_t nodes = 0;
    std::function<void(const plainsight::engine::Node&)> walk =
        [&](const plainsight::engine::Node& n) {
          ++nodes;
          for (const auto* c : n.children()) {
            walk(*c);
          }
        };
    walk(d->root());
    CHECK(d->ElementsByTag("i")[0]->order() == nodes - 1);
  }
}

TEST_CASE("dom: nodes view their text, attributes and children in tables the document owns",
          "[engine][dom]") {
  using plainsight::engine::Node;
  // A large page has a million nodes: 152 bytes each when every node held its own text string
  // and attribute and child vectors.
  STATIC_REQUIRE(sizeof(Node) <= 80);
  auto doc = Parse(
      "<div id=a class='x y'><p title=t>plain text</p>caf&eacute; &amp; tea<br>"
      "<!-- note --><img src=i.png alt=''></div><template><b id=z>in</b></template>");
  const std::string& source = doc->source();
  const auto in_source = [&source](std::string_view s) {
    return std::less_equal<>()(source.data(), s.data()) &&
           std::less_equal<>()(s.data() + s.size(), source.data() + source.size());
  };
  const Node* div = doc->GetElementById("a");
  REQUIRE(div != nullptr);
  REQUIRE(div->attributes().size() == 2);
  CHECK(div->attributes()[0].name == "id");
  CHECK(div->attributes()[1].value == "x y");
  CHECK(div->text().empty());            // elements have no data of their own
  REQUIRE(div->children().size() == 5);  // p, text, br, comment, img
  for (uint32_t i = 0; i < div->children().size(); ++i) {
    CHECK(div->children()[i]->parent() == div);
    CHECK(div->children()[i]->child_index() == i);
  }
  const Node* p = div->children()[0];
  CHECK(p->AttrOr("title") == "t");
  REQUIRE(p->children().size() == 1);
  // Text written as is stays in the source; decoded text is the document's own copy.
  CHECK(p->children()[0]->text() == "plain text");
  CHECK(in_source(p->children()[0]->text()));
  const Node* decoded = div->children()[1];
  CHECK(decoded->text() == "caf\u00e9 & tea");
  CHECK(!in_source(decoded->text()));
  CHECK(decoded->attributes().empty());
  CHECK(div->children()[2]->IsHtml("br"));
  CHECK(div->children()[2]->attributes().empty());
  CHECK(div->children()[3]->kind() == plainsight::engine::NodeKind::kComment);
  CHECK(div->children()[3]->text() == " note ");
  const Node* img = div->children()[4];
  CHECK(img->AttrOr("src") == "i.png");
  CHECK(img->HasAttribute("alt"));
  CHECK(!img->HasAttribute("title"));
  CHECK(img->children().empty());
  // Template content and iframe documents are kept aside for the few elements that have one.
  const Node* tmpl = doc->ElementsByTag("template")[0];
  REQUIRE(tmpl->template_content() != nullptr);
  CHECK(tmpl->template_content()->children()[0]->AttrOr("id") == "z");
  CHECK(tmpl->content_document() == nullptr);
  CHECK(div->template_content() == nullptr);
  // Texts the parser hands over in pieces merge, copied together when the pieces are apart in
  // the source (here around a table they were foster-parented out of).
  auto fostered = Parse("<div>a<table>b<tr><td>x</td></tr>c</table></div>");
  const Node* first = fostered->ElementsByTag("div")[0]->children()[0];
  CHECK(first->text() == "abc");
  CHECK(fostered->ElementsByTag("div")[0]->TextContent() == "abcx");
}

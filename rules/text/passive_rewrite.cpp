// The active form of an English passive clause (passive_rewrite.h).
#include "rules/text/passive_rewrite.h"

#include <algorithm>
#include <array>
#include <vector>

#include "engine/ascii.h"
#include "engine/text/text_facts.h"

namespace plainsight::rules::passive {
namespace {

struct Irregular {
  std::string_view participle;
  std::string_view base;
  std::string_view past;
};

// The irregular participles of corpora/text/en/irregular-participles.txt with their base form
// and past tense (British spellings: learnt, burnt).
constexpr Irregular kIrregular[] = {
    {"arisen", "arise", "arose"},
    {"awoken", "awake", "awoke"},
    {"beaten", "beat", "beat"},
    {"become", "become", "became"},
    {"begun", "begin", "began"},
    {"bent", "bend", "bent"},
    {"bet", "bet", "bet"},
    {"bitten", "bite", "bit"},
    {"bled", "bleed", "bled"},
    {"blown", "blow", "blew"},
    {"broken", "break", "broke"},
    {"brought", "bring", "brought"},
    {"built", "build", "built"},
    {"burnt", "burn", "burnt"},
    {"bought", "buy", "bought"},
    {"caught", "catch", "caught"},
    {"chosen", "choose", "chose"},
    {"come", "come", "came"},
    {"cut", "cut", "cut"},
    {"dealt", "deal", "dealt"},
    {"done", "do", "did"},
    {"drawn", "draw", "drew"},
    {"dreamt", "dream", "dreamt"},
    {"driven", "drive", "drove"},
    {"drunk", "drink", "drank"},
    {"eaten", "eat", "ate"},
    {"fallen", "fall", "fell"},
    {"fed", "feed", "fed"},
    {"felt", "feel", "felt"},
    {"fought", "fight", "fought"},
    {"found", "find", "found"},
    {"fled", "flee", "fled"},
    {"flown", "fly", "flew"},
    {"forbidden", "forbid", "forbade"},
    {"forgotten", "forget", "forgot"},
    {"forgiven", "forgive", "forgave"},
    {"frozen", "freeze", "froze"},
    {"given", "give", "gave"},
    {"gone", "go", "went"},
    {"ground", "grind", "ground"},
    {"grown", "grow", "grew"},
    {"hung", "hang", "hung"},
    {"heard", "hear", "heard"},
    {"hidden", "hide", "hid"},
    {"hit", "hit", "hit"},
    {"held", "hold", "held"},
    {"hurt", "hurt", "hurt"},
    {"kept", "keep", "kept"},
    {"known", "know", "knew"},
    {"laid", "lay", "laid"},
    {"led", "lead", "led"},
    {"learnt", "learn", "learnt"},
    {"left", "leave", "left"},
    {"lent", "lend", "lent"},
    {"let", "let", "let"},
    {"lain", "lie", "lay"},
    {"lit", "light", "lit"},
    {"lost", "lose", "lost"},
    {"made", "make", "made"},
    {"meant", "mean", "meant"},
    {"met", "meet", "met"},
    {"mistaken", "mistake", "mistook"},
    {"misunderstood", "misunderstand", "misunderstood"},
    {"overcome", "overcome", "overcame"},
    {"overseen", "oversee", "oversaw"},
    {"overtaken", "overtake", "overtook"},
    {"overthrown", "overthrow", "overthrew"},
    {"paid", "pay", "paid"},
    {"put", "put", "put"},
    {"quit", "quit", "quit"},
    {"read", "read", "read"},
    {"rebuilt", "rebuild", "rebuilt"},
    {"redone", "redo", "redid"},
    {"rewritten", "rewrite", "rewrote"},
    {"rid", "rid", "rid"},
    {"ridden", "ride", "rode"},
    {"risen", "rise", "rose"},
    {"run", "run", "ran"},
    {"said", "say", "said"},
    {"seen", "see", "saw"},
    {"sought", "seek", "sought"},
    {"sold", "sell", "sold"},
    {"sent", "send", "sent"},
    {"set", "set", "set"},
    {"sewn", "sew", "sewed"},
    {"shaken", "shake", "shook"},
    {"shed", "shed", "shed"},
    {"shone", "shine", "shone"},
    {"shot", "shoot", "shot"},
    {"shown", "show", "showed"},
    {"shut", "shut", "shut"},
    {"sung", "sing", "sang"},
    {"sunk", "sink", "sank"},
    {"sat", "sit", "sat"},
    {"slept", "sleep", "slept"},
    {"slid", "slide", "slid"},
    {"spoken", "speak", "spoke"},
    {"spent", "spend", "spent"},
    {"spun", "spin", "spun"},
    {"split", "split", "split"},
    {"spread", "spread", "spread"},
    {"sprung", "spring", "sprang"},
    {"stood", "stand", "stood"},
    {"stolen", "steal", "stole"},
    {"stuck", "stick", "stuck"},
    {"stung", "sting", "stung"},
    {"struck", "strike", "struck"},
    {"sworn", "swear", "swore"},
    {"swept", "sweep", "swept"},
    {"swum", "swim", "swam"},
    {"swung", "swing", "swung"},
    {"taken", "take", "took"},
    {"taught", "teach", "taught"},
    {"torn", "tear", "tore"},
    {"told", "tell", "told"},
    {"thought", "think", "thought"},
    {"thrown", "throw", "threw"},
    {"understood", "understand", "understood"},
    {"undertaken", "undertake", "undertook"},
    {"undone", "undo", "undid"},
    {"upheld", "uphold", "upheld"},
    {"upset", "upset", "upset"},
    {"withdrawn", "withdraw", "withdrew"},
    {"withheld", "withhold", "withheld"},
    {"woken", "wake", "woke"},
    {"worn", "wear", "wore"},
    {"won", "win", "won"},
    {"wound", "wind", "wound"},
    {"written", "write", "wrote"},
};

// Irregular bases that double their last consonant before -ing (run -> running).
constexpr std::string_view kDoubling[] = {
    "begin", "bet", "cut",  "forbid", "forget", "hit",   "let",  "put",   "quit", "rid",
    "run",   "set", "shut", "sit",    "spin",   "split", "swim", "upset", "win"};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool Known(const KnownWord& known, std::string_view w) {
  return known && known(w);
}

// Vowel groups: a rough syllable count, enough to tell "hop" from "develop".
int VowelGroups(std::string_view w) {
  int groups = 0;
  bool in = false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool v = IsVowel(w[i]) || (w[i] == 'y' && i > 0);
    if (v && i > 0 && w[i] == 'u' && w[i - 1] == 'q') {
      v = false;  // "qu" is a consonant
    }
    groups += v && !in;
    in = v;
  }
  return groups;
}

// The base of a regular participle ("completed" -> "complete", "planned" -> "plan"), or "".
// English spelling rules decide where they can; the word list decides between a stem and the
// stem with a silent e where both spellings occur ("noted": not/note; "visited": visit).
std::string RegularBase(std::string_view p, const KnownWord& known, bool* doubled) {
  *doubled = false;
  if (p.size() < 4 || !p.ends_with("ed")) {
    return {};
  }
  std::string stem(p.substr(0, p.size() - 2));
  if (p.ends_with("ied") && p.size() > 4) {
    return std::string(p.substr(0, p.size() - 3)) + "y";  // applied -> apply
  }
  const char last = stem.back();
  const char prev = stem[stem.size() - 2];
  std::string with_e = stem + "e";
  if (last == 'e' || last == 'u' || last == 'v' || last == 'c' || (last == 'z' && prev != 'z')) {
    return with_e;  // agreed, issued, approved, reduced, organized
  }
  if (!IsVowel(last) && last == prev && last != 's') {
    // A doubled consonant: "submitted" -> submit, unless the doubled form is the word ("added",
    // "called", "installed").
    std::string single = stem.substr(0, stem.size() - 1);
    if (Known(known, stem) || (!known && (last == 'l' || last == 'd' || last == 'f'))) {
      return stem;
    }
    *doubled = true;
    return single;
  }
  if (IsVowel(last) || last == 'y' || last == 'w' || last == 'x') {
    return stem;  // echoed, delayed, allowed, fixed
  }
  if (last == 's') {
    if (prev == 's') {
      return stem;  // processed
    }
    if (!IsVowel(prev)) {
      return with_e;  // licensed, reversed, collapsed
    }
    return Known(known, with_e) || !Known(known, stem) ? with_e : stem;  // used, caused; focused
  }
  if (last == 'g' && (prev == 'n' || prev == 'r' || prev == 'd' || IsVowel(prev))) {
    return Known(known, with_e) || !known ? with_e : stem;  // changed, managed; belonged
  }
  if (last == 'l' && !IsVowel(prev) && prev != 'r' && prev != 'w' && prev != 'l') {
    return with_e;  // enabled, handled, settled
  }
  if (!IsVowel(prev)) {
    // A consonant cluster: "warned", "requested", "reached"; -aste words take their e.
    if ((last == 't' && prev == 's') || (last == 'h' && prev == 't')) {
      return Known(known, with_e) ? with_e : stem;  // wasted, bathed; tested, lasted
    }
    return stem;
  }
  // One vowel, one consonant at the end.
  const bool vowel_pair =
      stem.size() >= 3 && IsVowel(stem[stem.size() - 3]) &&
      !(stem[stem.size() - 3] == 'u' && stem.size() >= 4 && stem[stem.size() - 4] == 'q');
  if (vowel_pair) {
    // treated, obtained, claimed, reviewed; guided, suited by the word list
    return !Known(known, stem) && Known(known, with_e) ? with_e : stem;
  }
  if (VowelGroups(stem) <= 1) {
    return with_e;  // one syllable: a short vowel would have doubled (hopped): noted, filed
  }
  if (prev == 'e' && last == 'r') {
    return stem;  // offered, delivered, considered
  }
  if (known) {
    if (Known(known, with_e)) {
      return with_e;  // completed, required, united
    }
    return stem;  // visited, targeted, developed
  }
  // No word list: endings that usually keep a silent e.
  const bool e_likely = (last == 'r') || (last == 'd') ||
                        ((last == 't' || last == 'm' || last == 'n') && prev != 'i' && prev != 'e');
  return e_likely ? with_e : stem;
}

std::string Third(std::string_view base) {
  std::string b(base);
  if (b == "have") {
    return "has";
  }
  if (b.ends_with("s") || b.ends_with("x") || b.ends_with("z") || b.ends_with("ch") ||
      b.ends_with("sh") || b.ends_with("o")) {
    return b + "es";
  }
  if (b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2])) {
    return b.substr(0, b.size() - 1) + "ies";
  }
  return b + "s";
}

std::string Ing(std::string_view base, bool doubled) {
  std::string b(base);
  if (b.ends_with("ie")) {
    return b.substr(0, b.size() - 2) + "ying";
  }
  if (doubled || std::find(std::begin(kDoubling), std::end(kDoubling), b) != std::end(kDoubling)) {
    return b + b.back() + "ing";
  }
  if (b.size() > 2 && b.back() == 'e' && !b.ends_with("ee") && !b.ends_with("ye") &&
      !b.ends_with("oe")) {
    return b.substr(0, b.size() - 1) + "ing";
  }
  return b + "ing";
}

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsModal(std::string_view w) {
  return In(w, {"will", "would", "shall", "should", "can", "could", "may", "might", "must"});
}

// A contracted or fused negative ("isn't", "cannot", "won't") as its positive and a "not".
std::string_view Positive(std::string_view w, bool* negated) {
  static constexpr std::pair<std::string_view, std::string_view> kFused[] = {
      {"isn't", "is"},       {"aren't", "are"},   {"wasn't", "was"},     {"weren't", "were"},
      {"hasn't", "has"},     {"haven't", "have"}, {"hadn't", "had"},     {"cannot", "can"},
      {"can't", "can"},      {"won't", "will"},   {"wouldn't", "would"}, {"shouldn't", "should"},
      {"couldn't", "could"}, {"mustn't", "must"}, {"mightn't", "might"}, {"shan't", "shall"}};
  for (const auto& [fused, positive] : kFused) {
    if (w == fused) {
      *negated = true;
      return positive;
    }
  }
  return w;
}

bool IsAux(std::string_view w) {
  bool unused = false;
  w = Positive(w, &unused);
  return IsModal(w) ||
         In(w, {"is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had"});
}

// An -ly word that is an adverb: not "supply", "family", "July".
bool IsLyAdverb(std::string_view w) {
  return w.size() > 4 && w.ends_with("ly") && !w.ends_with("ply") && !w.ends_with("mily") &&
         !In(w, {"assembly", "july", "italy", "rally", "bully", "holly", "jelly", "belly", "ugly",
                 "silly", "lily", "anomaly", "monopoly", "melancholy"});
}

bool IsAdverb(std::string_view w) {
  return In(w, {"not", "never", "also", "always", "often", "still", "then", "already", "now",
                "only", "just", "all", "further", "n't"}) ||
         IsLyAdverb(w);
}

// Words that end the subject going backwards: it starts after them.
bool OpensClause(std::string_view w) {
  return In(
      w, {"that",  "which",   "who",      "when",   "if",     "because", "and",   "but",    "or",
          "where", "while",   "although", "though", "unless", "once",    "after", "before", "until",
          "so",    "whether", "since",    "whose",  "whom",   "whereas", "whilst"});
}

// Words after "by" that give a time, a means or a law, not a doer ("by 1 March", "by post").
bool NotADoer(std::string_view w) {
  return In(w,
            {"monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
             "january", "february",  "march",     "april",    "may",      "june",     "july",
             "august",  "september", "october",   "november", "december", "post",     "email",
             "e-mail",  "phone",     "telephone", "hand",     "cheque",   "card",     "law",
             "then",    "now",       "default",   "midnight", "noon",     "tomorrow", "today",
             "mistake", "accident",  "car",       "bus",      "train",    "text",     "registered",
             "bank",    "direct",    "online",    "end",      "close",    "latest",   "deadline",
             "date",    "time",      "next",      "return",   "letter",   "courier",  "fax",
             "sms"}) ||
         (!w.empty() && w[0] >= '0' && w[0] <= '9');
}

// Words that end the doer going forwards ("by the office within 5 days").
bool EndsDoer(std::string_view w) {
  return In(w,
            {"in",      "on",      "at",   "within",    "before", "after",    "during",   "until",
             "from",    "to",      "with", "without",   "under",  "when",     "where",    "if",
             "because", "but",     "so",   "since",     "as",     "which",    "that",     "who",
             "while",   "through", "via",  "using",     "into",   "over",     "across",   "per",
             "than",    "unless",  "once", "by",        "is",     "are",      "was",      "were",
             "will",    "can",     "must", "may",       "should", "has",      "have",     "every",
             "each",    "for",     "last", "yesterday", "today",  "tomorrow", "overnight"}) ||
         IsLyAdverb(w);
}

// Words whose capital is only the sentence's ("The form" -> "the form" as an object).
bool LowerAsObject(std::string_view lower_word) {
  return In(
      lower_word,
      {"the",  "a",       "an",         "this",      "these",    "that",     "those",   "your",
       "our",  "their",   "its",        "his",       "her",      "my",       "each",    "every",
       "all",  "some",    "any",        "no",        "such",     "many",     "several", "both",
       "most", "few",     "it",         "there",     "we",       "they",     "he",      "she",
       "you",  "nothing", "everything", "something", "anything", "everyone", "someone", "nobody",
       "one",  "two",     "three",      "four",      "five",     "six",      "seven",   "eight",
       "nine", "ten",     "other",      "another"});
}

std::string Cap(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  }
  return s;
}

}  // namespace

VerbForms FormsOfParticiple(std::string_view participle, const KnownWord& known) {
  VerbForms f;
  std::string p = engine::AsciiLower(participle);
  bool doubled = false;
  for (const Irregular& v : kIrregular) {
    if (v.participle == p) {
      f.base = std::string(v.base);
      f.past = std::string(v.past);
      break;
    }
  }
  if (f.base.empty()) {
    f.base = RegularBase(p, known, &doubled);
    f.past = p;
    if (known && !f.base.empty() && !known(f.base)) {
      return {};  // not a verb the word list knows ("indeed" is not "indee" + -ed)
    }
  }
  if (f.base.empty()) {
    return {};
  }
  f.third = Third(f.base);
  f.ing = Ing(f.base, doubled);
  return f;
}

std::string Rewrite(std::string_view sentence, std::span<const Word> words, size_t be,
                    size_t participle, const KnownWord& known) {
  const size_t n = words.size();
  if (be >= participle || participle >= n) {
    return {};
  }
  auto text = [&](size_t k) {
    return sentence.substr(words[k].start, words[k].end - words[k].start);
  };
  // Each word lowercased once, as the word lists match words (typographic apostrophes as ASCII).
  std::vector<std::string> lowered(n);
  for (size_t k = 0; k < n; ++k) {
    lowered[k] = engine::text::LowerForMatch(text(k));
  }
  auto lower = [&](size_t k) -> const std::string& { return lowered[k]; };
  // Only spaces (and marks that join the words of one phrase: "parents' association",
  // "health-care", "Cork & Kerry") between two neighbouring words: no punctuation ends a clause
  // there.
  // An apostrophe joins only as a plural possessive ("parents' association"); after other
  // letters it closes a quotation ("'installed' or"). Markdown's emphasis marks join too.
  auto joined = [&](size_t a) {  // words a and a + 1
    std::string_view gap = sentence.substr(words[a].end, words[a + 1].start - words[a].end);
    const bool possessive = words[a].end > words[a].start && (sentence[words[a].end - 1] == 's' ||
                                                              sentence[words[a].end - 1] == 'S');
    for (size_t k = 0; k < gap.size(); ++k) {
      if (gap.substr(k).starts_with("\xE2\x80\x99") && possessive && k == 0) {
        k += 2;  // typographic apostrophe
        continue;
      }
      const char c = gap[k];
      if (c != ' ' && !(c == '\'' && possessive && k == 0) && c != '-' && c != '/' && c != '&' &&
          c != '*') {
        return false;
      }
    }
    return true;
  };

  // The verb group: auxiliaries and adverbs before the form of "be", then those up to the
  // participle.
  size_t first = be;
  while (first > 0 && joined(first - 1) &&
         (IsAux(lower(first - 1)) || IsAdverb(lower(first - 1)))) {
    --first;
  }
  bool negated = false;
  std::vector<std::string> aux;
  std::string adverbs;
  for (size_t k = first; k < participle; ++k) {
    const std::string& w = lower(k);
    if (w == "not" || w == "never" || w == "n't") {
      negated = negated || w != "never";
      if (w == "never") {
        adverbs += "never ";
      }
      continue;
    }
    std::string_view positive = Positive(w, &negated);
    if (IsAux(positive)) {
      aux.emplace_back(positive);
    } else if (IsAdverb(w)) {
      adverbs += std::string(text(k)) + " ";
    } else {
      return {};
    }
  }
  enum class Tense {
    kPresent,
    kPast,
    kPresentProgressive,
    kPastProgressive,
    kPresentPerfect,
    kPastPerfect,
    kModal,
    kModalPerfect
  };
  Tense tense;
  std::string modal;
  auto ends = [&](std::initializer_list<std::string_view> tail) {
    if (aux.size() < tail.size()) {
      return false;
    }
    size_t k = aux.size() - tail.size();
    for (std::string_view t : tail) {
      if (!(t == "*" ? IsModal(aux[k]) : t == aux[k])) {
        return false;
      }
      ++k;
    }
    return true;
  };
  if (aux.size() == 1 && In(aux[0], {"is", "are", "am"})) {
    tense = Tense::kPresent;
  } else if (aux.size() == 1 && In(aux[0], {"was", "were"})) {
    tense = Tense::kPast;
  } else if (aux.size() == 2 && aux[1] == "being" && In(aux[0], {"is", "are", "am"})) {
    tense = Tense::kPresentProgressive;
  } else if (aux.size() == 2 && aux[1] == "being" && In(aux[0], {"was", "were"})) {
    tense = Tense::kPastProgressive;
  } else if (aux.size() == 2 && aux[1] == "been" && In(aux[0], {"has", "have"})) {
    tense = Tense::kPresentPerfect;
  } else if (aux.size() == 2 && ends({"had", "been"})) {
    tense = Tense::kPastPerfect;
  } else if (aux.size() == 2 && ends({"*", "be"})) {
    tense = Tense::kModal;
    modal = aux[0];
  } else if (aux.size() == 3 && ends({"*", "have", "been"})) {
    tense = Tense::kModalPerfect;
    modal = aux[0];
  } else {
    return {};  // "to be done", "being done" alone, or a group this does not know
  }

  // The subject: back from the verb group to the start of the clause.
  size_t subject = first;
  // "The first time a form is sent": "the first time" (or each, every, next, last time) opens
  // the clause as a conjunction would.
  auto time_opener = [&](size_t k) {
    return lower(k) == "time" && k > 0 &&
           In(lower(k - 1), {"first", "each", "every", "next", "last"});
  };
  while (subject > 0 && joined(subject - 1) && !OpensClause(lower(subject - 1)) &&
         !time_opener(subject - 1)) {
    --subject;
  }
  // Adverbs that open the sentence stay where they are ("Currently none are defined" ->
  // "Currently [who] defines none").
  while (subject < first && IsLyAdverb(lower(subject))) {
    ++subject;
  }
  if (subject < first && In(lower(subject), {"for", "in", "on", "at", "with", "to", "from", "by",
                                             "of", "under", "over", "during", "whose"})) {
    return {};  // not a noun phrase: an adverbial in front of the subject
  }
  if (subject > 0 && lower(subject - 1) == "whose") {
    return {};  // "a package whose postinst is being run": the subject belongs to "whose"
  }
  const bool relative =
      subject == first && subject > 0 && In(lower(subject - 1), {"that", "which", "who"});
  if ((subject == first && !relative) || first - subject > 8) {
    return {};
  }
  // Only quotation marks or brackets before the subject ("The 'y' command is ..."): the noun
  // phrase goes on before them.
  auto only_marks = [&](size_t a) {  // the gap after word a
    std::string_view gap = sentence.substr(words[a].end, words[a + 1].start - words[a].end);
    return gap.find_first_of(".,;:!?") == std::string_view::npos;
  };
  if (subject > 0 && !joined(subject - 1) && !OpensClause(lower(subject - 1)) &&
      only_marks(subject - 1)) {
    return {};
  }
  // A comma inside the noun phrase ("an empty, unreadable backup file is created"): the subject
  // began before it.
  auto determiner = [&](size_t k) {
    return In(lower(k), {"a", "an", "the", "this", "that", "these", "those", "my", "your", "our",
                         "their", "its", "his", "her", "each", "every", "any", "some", "no"});
  };
  if (subject > 0 && !joined(subject - 1) &&
      (determiner(subject - 1) ||
       (subject > 1 && joined(subject - 2) && determiner(subject - 2)))) {
    return {};
  }
  if (subject > 0 && joined(subject - 1)) {
    // What opened the clause, with no punctuation before the subject. "and", "or" and "but"
    // also join nouns ("one of dh_scrollkeeper or lintian should be changed"), and "after",
    // "before", "until", "since", "as" and "once" are prepositions too ("triggers activated
    // after this mass-activation will be processed"): they open a clause only at the start of
    // the sentence or after a comma.
    const size_t opener = subject - 1;
    const bool at_start = opener == 0 || !joined(opener - 1);
    if (!at_start && In(lower(opener),
                        {"and", "or", "but", "after", "before", "until", "since", "as", "once"})) {
      return {};
    }
  }
  for (size_t k = subject; k < first; ++k) {
    if (IsAux(lower(k))) {
      return {};  // another verb group in the way: not a simple clause
    }
  }
  {
    // A quotation, an address or code as the subject: its quotes and form would not survive.
    std::string_view s =
        sentence.substr(words[subject].start, words[first - 1].end - words[subject].start);
    for (std::string_view mark :
         {"\xE2\x80\x98", "\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "://", "@", "`", "\xC2\xAB"}) {
      if (s.find(mark) != std::string_view::npos) {
        return {};
      }
    }
  }

  // Participles in a row ("written, reviewed and signed by the Minister") share the subject
  // and the doer: one verb turned active would leave the others hanging.
  auto participle_like = [&](size_t k) {
    std::string w = lower(k);
    return (w.size() >= 5 && w.ends_with("ed")) ||
           std::any_of(std::begin(kIrregular), std::end(kIrregular),
                       [&](const Irregular& v) { return v.participle == w; });
  };
  if (participle + 1 < n) {
    size_t next = participle + 1;
    if (In(lower(next), {"and", "or"}) && next + 1 < n) {
      ++next;
    }
    std::string_view gap =
        sentence.substr(words[participle].end, words[participle + 1].start - words[participle].end);
    if (participle_like(next) &&
        (next > participle + 1 || gap.find(',') != std::string_view::npos)) {
      return {};
    }
  }

  // A particle that belongs to the verb: "set up", "thrown away", "dealt with" (before "by" or
  // at the end of the clause).
  size_t after = participle + 1;
  std::string particle;
  if (after < n && joined(participle)) {
    const std::string& w = lower(after);
    bool clause_ends = after + 1 == n || lower(after + 1) == "by";
    if (!clause_ends) {
      std::string_view gap =
          sentence.substr(words[after].end, words[after + 1].start - words[after].end);
      clause_ends = gap.find_first_of(".,;:!?)") != std::string_view::npos;
    }
    if (In(w, {"up", "out", "off", "down", "back", "away", "over"}) ||
        (clause_ends && In(w, {"with", "for", "after", "into", "to", "on", "in"}))) {
      particle = w;
      ++after;
    }
  }

  // The doer, after "by".
  std::string doer;
  bool plural = false;
  bool first_person_singular = false;
  size_t rest = words[after - 1].end;
  // An adverb between the verb and its doer goes before the verb ("activated automatically by
  // dpkg" -> "dpkg automatically activates").
  if (after + 1 < n && joined(after - 1) && joined(after) && IsLyAdverb(lower(after)) &&
      lower(after + 1) == "by") {
    adverbs += std::string(text(after)) + " ";
    ++after;
  }
  if (after + 1 < n && joined(after - 1) && lower(after) == "by" && joined(after) &&
      !NotADoer(lower(after + 1)) &&
      !(In(lower(after + 1), {"the", "a"}) && after + 2 < n && NotADoer(lower(after + 2)))) {
    size_t last = after + 1;
    while (last + 1 < n && joined(last) && last + 1 - (after + 1) < 8) {
      const std::string& next = lower(last + 1);
      if (next == "and" || next == "or") {
        if (last + 2 < n && joined(last + 1) &&
            (In(lower(last + 2), {"the", "a", "an", "your", "our", "its", "their"}) ||
             (text(last + 2)[0] >= 'A' && text(last + 2)[0] <= 'Z'))) {
          plural = plural || next == "and";
          ++last;
          continue;
        }
        break;
      }
      if (next == "for" &&
          !(last + 2 < n && text(last + 2)[0] >= 'A' && text(last + 2)[0] <= 'Z')) {
        break;
      }
      if (EndsDoer(next) && next != "for") {
        break;
      }
      ++last;
    }
    size_t doer_end = words[last].end;
    // Its short form in brackets goes with it: "the Environmental Protection Agency (EPA)".
    bool bracketed = false;
    if (size_t open = sentence.find_first_not_of(' ', doer_end);
        open != std::string_view::npos && sentence[open] == '(') {
      size_t close = sentence.find(')', open);
      if (close != std::string_view::npos && close - open <= 16) {
        doer_end = close + 1;
        bracketed = true;
      }
    }
    if (!bracketed && last + 1 < n && !joined(last) && only_marks(last)) {
      return {};  // the doer goes on inside quotation marks or brackets
    }
    if (last + 1 < n && joined(last) && In(lower(last + 1), {"and", "or"})) {
      return {};  // "by legacy builders or older versions": where the doer ends is not clear
    }
    doer = std::string(sentence.substr(words[after + 1].start, doer_end - words[after + 1].start));
    rest = doer_end;
    // The head noun decides the number: the word before "of"/"for", else the last one.
    size_t head = last;
    for (size_t k = after + 1; k <= last; ++k) {
      if (In(lower(k), {"of", "for"}) && k > after + 1) {
        head = k - 1;
        break;
      }
    }
    std::string h = lower(head);
    static constexpr std::pair<std::string_view, std::string_view> kSubjectForm[] = {
        {"us", "we"}, {"them", "they"}, {"me", "I"}, {"him", "he"}, {"her", "she"}};
    if (last == after + 1) {
      for (const auto& [object_form, subject_form] : kSubjectForm) {
        if (h == object_form) {
          doer = std::string(subject_form);
        }
      }
    }
    std::string d = engine::AsciiLower(doer);
    first_person_singular = doer == "I";
    plural = plural || In(d, {"we", "you", "they"}) ||
             (h.size() > 3 && h.back() == 's' && !h.ends_with("ss") && !h.ends_with("us") &&
              !h.ends_with("is") && !h.ends_with("ics") && head == last);
    if (h == "people" || h == "staff" || h == "children") {
      plural = h != "staff";
    }
  } else {
    doer = "[who]";
  }

  // A verb the clause goes on with ("are prohibited and will be detected by dpkg") shares the
  // subject: turning the first active would leave the second without one.
  {
    size_t next = 0;
    while (next < n && words[next].start < rest) {
      ++next;
    }
    if (next + 1 < n && In(lower(next), {"and", "or", "but"}) &&
        (IsAux(lower(next + 1)) || IsAdverb(lower(next + 1)) || participle_like(next + 1) ||
         In(lower(next + 1), {"do", "does", "did"}))) {
      return {};
    }
  }
  // Before "to" + a verb, only verbs that take an object and an infinitive turn active ("you
  // are asked to reply" -> "[who] asks you to reply"); "the package is said to wait" is not
  // "[who] says the package to wait".
  // "It was decided to close the branch": a dummy subject, with verbs that take "to" alone.
  const bool dummy_subject =
      first - subject == 1 && In(lower(subject), {"it", "there"}) &&
      In(lower(participle), {"decided", "agreed", "planned", "proposed", "intended", "hoped",
                             "expected", "arranged", "resolved", "attempted"});
  auto infinitive_after = [&](size_t k) {  // "to" + a verb, not "to" + a noun phrase
    if (k + 1 >= n || lower(k) != "to" || !joined(k)) {
      return false;
    }
    std::string_view next = text(k + 1);
    return !(next[0] >= 'A' && next[0] <= 'Z') && !(next[0] >= '0' && next[0] <= '9') &&
           !In(lower(k + 1),
               {"the",    "a",      "an",       "all",   "your",    "our",   "their", "his",
                "her",    "its",    "this",     "that",  "these",   "those", "each",  "every",
                "any",    "some",   "you",      "me",    "us",      "them",  "him",   "it",
                "people", "anyone", "everyone", "other", "another", "both",  "more",  "most"});
  };
  if (!dummy_subject && after < n && infinitive_after(after) &&
      !In(lower(participle),
          {"asked",      "told",      "required", "allowed",    "permitted",  "expected",
           "encouraged", "advised",   "invited",  "urged",      "forced",     "obliged",
           "instructed", "requested", "reminded", "authorised", "authorized", "enabled",
           "taught",     "trained",   "helped",   "ordered",    "considered", "needed",
           "paid",       "given",     "sent",     "used",       "made"})) {
    return {};
  }
  // No doer found, but a "by" later in the clause names one ("activated automatically by
  // dpkg", "approved at the meeting by the board"): the rewrite would leave it behind.
  if (doer == "[who]") {
    for (size_t k = participle + 1; k + 1 < n && joined(k - 1); ++k) {
      if (OpensClause(lower(k)) || IsAux(lower(k))) {
        break;  // another clause, whose doer this is not
      }
      if (lower(k) == "by" && !NotADoer(lower(k + 1))) {
        return {};
      }
    }
  }

  // The verb in the active voice.
  VerbForms f = FormsOfParticiple(lower(participle), known);
  if (f.base.empty()) {
    return {};
  }
  const std::string participle_text = lower(participle);
  const bool base_form = plural || first_person_singular;
  const std::string neg = negated ? " not" : "";
  std::string verb;
  switch (tense) {
    case Tense::kPresent:
      verb = negated ? std::string(base_form ? "do" : "does") + " not " + adverbs + f.base
                     : adverbs + (base_form ? f.base : f.third);
      break;
    case Tense::kPast:
      verb = negated ? "did not " + adverbs + f.base : adverbs + f.past;
      break;
    case Tense::kPresentProgressive:
      verb = std::string(first_person_singular ? "am"
                         : plural              ? "are"
                                               : "is") +
             neg + " " + adverbs + f.ing;
      break;
    case Tense::kPastProgressive:
      verb = std::string(plural ? "were" : "was") + neg + " " + adverbs + f.ing;
      break;
    case Tense::kPresentPerfect:
      verb = std::string(base_form ? "have" : "has") + neg + " " + adverbs + participle_text;
      break;
    case Tense::kPastPerfect:
      verb = "had" + neg + " " + adverbs + participle_text;
      break;
    case Tense::kModal:
      verb = (modal == "can" && negated ? "cannot" : modal + neg) + " " + adverbs + f.base;
      break;
    case Tense::kModalPerfect:
      verb = modal + neg + " have " + adverbs + participle_text;
      break;
  }

  // The subject becomes the object.
  std::string object;
  if (!relative) {
    object = std::string(
        sentence.substr(words[subject].start, words[first - 1].end - words[subject].start));
    static constexpr std::pair<std::string_view, std::string_view> kObjectForm[] = {
        {"i", "me"}, {"we", "us"}, {"he", "him"}, {"she", "her"}, {"they", "them"}};
    std::string o = engine::AsciiLower(object);
    for (const auto& [subject_form, object_form] : kObjectForm) {
      if (o == subject_form) {
        object = std::string(object_form);
      }
    }
    std::string first_word = lower(subject);
    // A capital that is only the sentence's: a determiner or pronoun, or a common noun alone
    // or followed by lowercase words ("Applications", "Payments to suppliers"); names keep it
    // ("Dublin City Council", "Revenue").
    const bool next_lower =
        first - subject > 1 && text(subject + 1)[0] >= 'a' && text(subject + 1)[0] <= 'z';
    const bool common_noun = Known(known, first_word) && first_word.size() > 3 &&
                             (first_word.back() == 's' || next_lower);
    if ((o == "it" || o == "there") && after < n && lower(after) == "for") {
      return {};  // "It is allowed for the test to fail"
    }
    if ((o == "it" || o == "there") && after < n && In(lower(after), {"that", "to"})) {
      object.clear();  // "It is expected that ..." -> "[who] expects that ..."
    } else if ((subject == 0 || !joined(subject - 1)) &&
               (LowerAsObject(first_word) || common_noun) && object[0] >= 'A' && object[0] <= 'Z') {
      object[0] = static_cast<char>(object[0] - 'A' + 'a');
    }
  }

  if (!particle.empty()) {
    verb += " " + particle;
  }
  std::string clause = doer + " " + verb + (object.empty() ? "" : " " + object);
  const size_t clause_start = relative ? words[first].start : words[subject].start;
  std::string out = std::string(sentence.substr(0, clause_start));
  out += clause_start == 0 ? Cap(clause) : clause;
  out += sentence.substr(rest);
  if (out == sentence) {
    return {};
  }
  return out;
}

}  // namespace plainsight::rules::passive

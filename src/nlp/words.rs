//! Every closed word list of the recogniser, in one place: titles and roles that announce a
//! person, head nouns that make a name an organisation or a place, the small words that may sit
//! inside a name, words that are never names, German compound parts. General lists for
//! English, German and Italian; nothing here is about a particular story.
//!
//! Each list is sorted and without repeats (a test checks it, and lookups binary-search), and
//! each entry is one token as the tokenizer cuts text: an entry of two words could never match.
//! Lists marked folded are compared with folded words (lower case, no diacritics), so their
//! entries must be folded too.

/// How a list's entries are compared with text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Equal to a folded word.
    Folded,
    /// The end (or, for prefixes, the start) of a folded word.
    FoldedEnding,
    /// Equal to a word as written.
    Surface,
    /// The end or start of a word as written.
    SurfaceEnding,
}

/// Whether `word` is in the sorted `list`.
pub fn has(list: &[&str], word: &str) -> bool {
    list.binary_search_by(|e| short_cmp(e.as_bytes(), word.as_bytes()))
        .is_ok()
}

/// The order of `str`'s `Ord` (bytes, lexicographic), compared here in a loop: these lists
/// are searched for nearly every token, and for words this short a call to the C library's
/// `memcmp` costs more than the comparison (it was 8 % of an analysis).
#[inline]
fn short_cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether `word` ends with an entry of `list`.
pub fn ends_with_any(list: &[&str], word: &str) -> bool {
    list.iter().any(|e| word.ends_with(e))
}

/// Words before a name that say it is a person ("Präsident", "ministro", "Mr").
#[rustfmt::skip]
pub const PERSON_TRIGGERS: &[&str] = &[
    "abgeordnete", "abgeordneter", "admiral", "allenatore", "ambasciatore", "ambasciatrice",
    "ambassador", "amtskollege", "amtskollegen", "analyst", "analystin", "aussenminister",
    "aussenministerin", "author", "autor", "ayatollah", "bischof", "bishop", "botschafter",
    "botschafterin", "bundeskanzler", "bundeskanzlerin", "bundesprasident", "bundesprasidentin",
    "burgermeister", "burgermeisterin", "cancelliera", "cancelliere", "capitano", "capo", "captain",
    "cardinal", "cardinale", "ceo", "chair", "chairman", "chairwoman", "chancellor", "chef",
    "chefin", "coach", "cofounder", "colonel", "colonnello", "commissario", "commissioner", "dame",
    "deputato", "deputy", "dictator", "diktator", "dittatore", "dr", "emir", "envoy", "experte",
    "expertin", "finanzminister", "finanzministerin", "fondatore", "founder", "frau", "fuhrer",
    "general", "generale", "gesandte", "giornalista", "giudice", "gouverneur", "governatore",
    "governor", "grunder", "herr", "innenminister", "innenministerin", "inviato", "journalist",
    "journalistin", "judge", "justizminister", "kanzler", "kanzlerin", "kapitan", "kardinal",
    "king", "kollege", "kollegen", "kommissar", "konig", "konigin", "leader", "leiter", "leiterin",
    "lord", "machthaber", "mayor", "minister", "ministerin", "ministerprasident",
    "ministerprasidentin", "ministra", "ministro", "mr", "mrs", "ms", "oberst", "owner", "papa",
    "papst", "pope", "portavoce", "prasident", "prasidentin", "premier", "premiere",
    "premierminister", "president", "presidente", "prince", "principe", "prinz", "prof",
    "professor", "professore", "professorin", "queen", "rabbi", "rappresentante", "re", "regina",
    "reporter", "richter", "scheich", "secretary", "segretaria", "segretario", "sekretar",
    "senator", "senatore", "senatorin", "sheikh", "signor", "signora", "sindaco", "sir",
    "sonderbeauftragte", "sonderbeauftragten", "sonderbeauftragter", "spokesman", "spokesperson",
    "spokeswoman", "sprecher", "sprecherin", "stellvertretende", "stellvertretender", "trainer",
    "verteidigungsminister", "verteidigungsministerin", "vescovo", "vice", "vorsitzende",
    "vorsitzender", "wirtschaftsminister",
];

/// Endings of compound role words before a name ("Verteidigungsminister").
#[rustfmt::skip]
pub const PERSON_TRIGGER_ENDINGS: &[&str] = &["minister", "ministerin", "prasident"];

/// Titles and descriptions that stand before a person's name but are not part of it, beyond
/// the role words ("Emperor Meiji", "Tsar Alexander", "Scotsman James Watt", "König
/// Vladislav").
#[rustfmt::skip]
pub const TITLES_BEFORE_NAMES: &[&str] = &[
    "czar", "czarina", "dutchman", "emperor", "empress", "englishman", "erzherzog", "frenchman",
    "furst", "furstin", "graf", "grafin", "herzog", "herzogin", "imperatore", "irishman", "kaiser",
    "kaiserin", "konig", "konigin", "miss", "papst", "pharao", "pharaoh", "prinz", "prinzessin",
    "reverend", "scotsman", "tsar", "tsarina", "welshman", "zar", "zarin",
];

/// Epithets after a ruler's or an artist's name and an article ("Ludwig der Deutsche",
/// "Lucas Cranach dem Älteren", "Alexander the Great", "Lorenzo il Magnifico").
#[rustfmt::skip]
pub const EPITHETS: &[&str] = &[
    "altere", "alteren", "bald", "conqueror", "deutsche", "elder", "eroberer", "fromme", "german",
    "giovane", "good", "grande", "great", "grosse", "grossen", "heilige", "jungere", "jungeren",
    "kahle", "magnifico", "pious", "vecchio", "weise", "wise", "younger",
];

/// German heads that make a name with the name after them, with or without "von":
/// "Universität von Edinburgh", "Kloster Disibodenberg", "Isthmus von Panama".
#[rustfmt::skip]
pub const GERMAN_NAME_HEADS: &[&str] = &[
    "abtei", "departement", "hochschule", "isthmus", "kloster", "kommune", "stift", "universitat",
];

/// Regnal numbers and generations after a name ("Thutmosis III", "Andre Price III",
/// "Paul VI", "Sammy Davis Jr").
#[rustfmt::skip]
pub const NAME_SUFFIXES: &[&str] = &[
    "ii", "iii", "iv", "ix", "jr", "sr", "v", "vi", "vii", "viii", "x", "xi", "xii", "xiii",
    "xiv", "xv", "xvi",
];

/// Verbs of saying right after a name: it is a person ("Rudenko said", "sagte Kahl").
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "added", "afferma", "announced", "betonte", "dice", "disse", "erklarte", "ha", "sagt", "sagte",
    "said", "says", "schrieb", "told", "wrote",
];

/// Nouns that make a name an organisation: "… Institute", "Institut für …", "Ministero …".
#[rustfmt::skip]
pub const ORG_HEADS: &[&str] = &[
    "ac", "academy", "accademia", "administration", "aeroporto", "ag", "agency", "agentur",
    "agenzia", "airlines", "airport", "airways", "akademie", "alliance", "allianz", "ambasciata",
    "amt", "armee", "army", "assembly", "association", "associazione", "authority", "autorita",
    "banca", "bank", "bataillon", "battalion", "behorde", "bewegung", "board", "botschaft",
    "brands", "brigade", "brigata", "bund", "bundesamt", "bureau", "center", "centre", "centro",
    "cf", "channel", "chiesa", "church", "club", "co", "coalition", "college", "comando",
    "comitato", "command", "commission", "commissione", "committee", "community", "company",
    "congress", "congresso", "consiglio", "cooperation", "corp", "corporation", "corte", "council",
    "court", "department", "dienst", "electric", "embassy", "energy", "esercito", "exchange", "fc",
    "federation", "federazione", "flughafen", "foderation", "fondazione", "fondo", "fonds",
    "forces", "forums", "foundation", "front", "fund", "garde", "gazette", "gericht", "gerichtshof",
    "gesellschaft", "gmbh", "government", "governo", "group", "gruppe", "gruppo", "guard",
    "guardia", "holdings", "hospital", "inc", "industries", "initiative", "institut", "institute",
    "institutes", "istituto", "journal", "kirche", "klinik", "komitee", "kommando", "kommission",
    "kongress", "konzern", "laboratory", "labs", "league", "lega", "liga", "llc", "ltd", "magazin",
    "magazine", "marine", "ministerium", "ministero", "ministries", "ministry", "motors",
    "movement", "movimento", "museo", "museum", "nachrichtenagentur", "navy", "network", "news",
    "office", "organisation", "organization", "organizzazione", "ospedale", "parlament",
    "parlamento", "parliament", "partei", "partito", "party", "plc", "police", "polizei", "polizia",
    "post", "press", "presse", "radio", "rat", "records", "regierung", "regiment", "rivista", "sc",
    "school", "senat", "senate", "senato", "service", "services", "servizio", "societa", "society",
    "spa", "srl", "stiftung", "streitkrafte", "studios", "systems", "technologies", "times",
    "tribunale", "trust", "tv", "ufficio", "union", "universita", "universitat", "universities",
    "university", "unternehmen", "verband", "verein", "werke", "zeitung", "zentrum",
];

/// Nouns that make a name a place: "… River", "Lago …", "… Street".
#[rustfmt::skip]
pub const PLACE_HEADS: &[&str] = &[
    "archipelago", "avenue", "baia", "basin", "bay", "berg", "bezirk", "bridge", "brucke", "bucht",
    "canal", "canale", "canyon", "cape", "capo", "citta", "city", "coast", "costa", "county",
    "delta", "desert", "deserto", "distretto", "district", "dorf", "empire", "falls", "fiume",
    "fluss", "forest", "foresta", "gebirge", "golf", "golfo", "gulf", "hafen", "halbinsel",
    "harbor", "harbour", "heights", "hill", "hills", "impero", "insel", "inseln", "island",
    "islands", "isola", "isole", "kanal", "kap", "kingdom", "konigreich", "krai", "kuste", "lago",
    "lake", "mare", "meer", "monte", "monti", "mount", "mountain", "mountains", "mt", "oblast",
    "ocean", "oceano", "ozean", "park", "peninsula", "penisola", "piazza", "plain", "platz",
    "ponte", "port", "porto", "prefecture", "principality", "province", "provincia", "provinz",
    "region", "regione", "regno", "reich", "repubblica", "republic", "republik", "river", "road",
    "sea", "seas", "see", "sound", "square", "st", "stadt", "state", "strait", "strasse", "street",
    "stretto", "tal", "territorium", "territory", "town", "valle", "valley", "via", "village",
    "villaggio", "wald", "wuste",
];

/// Last words of events, works and laws: "Paris Agreement", "Davis Cup", "Nobel Prize".
#[rustfmt::skip]
pub const MISC_HEADS: &[&str] = &[
    "abkommen", "accord", "accordo", "accords", "act", "agreement", "agreements", "amendment",
    "assistant", "award", "awards", "championship", "championships", "charter", "coppa", "crisis",
    "cup", "day", "declaration", "doctrine", "election", "elections", "era", "festival", "games",
    "guerra", "krieg", "olympics", "plan", "preis", "premio", "prize", "protocol", "revolution",
    "series", "show", "tour", "trattato", "treaty", "trophy", "vertrag", "war", "wars",
];

/// Endings of German compound event words: "Weltkrieg", "Friedensabkommen".
#[rustfmt::skip]
pub const GERMAN_MISC_ENDINGS: &[&str] = &[
    "abkommen", "gipfel", "krieg", "krieges", "kriegs", "preis", "preises", "revolution", "vertrag",
    "vertrages", "wahl", "wahlen",
];

/// German nouns that make an adjective + noun name a place: "Keltischen See".
#[rustfmt::skip]
pub const GERMAN_PLACE_NOUNS: &[&str] = &[
    "alpen", "becken", "bucht", "gebirge", "gebirges", "golf", "halbinsel", "insel", "inseln",
    "kuste", "land", "meer", "meeres", "ozean", "ozeans", "platz", "reich", "reiches", "reichs",
    "see", "strasse", "tal", "wald", "wuste",
];

/// German nouns that make an adjective + noun name an organisation: "Nordirischen Versammlung".
#[rustfmt::skip]
pub const GERMAN_ORG_NOUNS: &[&str] = &[
    "agentur", "akademie", "allianz", "armee", "aussenministerium", "aussenministeriums", "bank",
    "behorde", "bewegung", "gericht", "gerichtshof", "gesellschaft", "institut", "kirche",
    "kommission", "liga", "luftwaffe", "mannschaft", "ministerium", "ministeriums",
    "nachrichtenagentur", "nationalversammlung", "partei", "rat", "rates", "regierung",
    "staatsanwaltschaft", "stiftung", "union", "universitat", "versammlung",
    "verteidigungsministerium", "verteidigungsministeriums", "volkspartei", "zentralbank",
];

/// Compass, position and "new" words that make a new place of a known one ("Northern Ireland",
/// "New France").
#[rustfmt::skip]
pub const DIRECTIONAL: &[&str] = &[
    "central", "east", "eastern", "greater", "lower", "new", "north", "northeast", "northern",
    "northwest", "south", "southeast", "southern", "southwest", "upper", "west", "western",
];

/// Prepositions after which a lone name is usually a place ("in Seoul", "nach Kiew").
#[rustfmt::skip]
pub const LOCATIVES: &[&str] = &[
    "a", "across", "at", "aus", "bei", "da", "dal", "dalla", "from", "im", "in", "nach", "nahe",
    "near", "nel", "nella", "presso", "to", "verso",
];

/// Small words that may sit inside a multi-word name ("Institute for the Study of War", "Corea del Nord").
#[rustfmt::skip]
pub const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "das", "de", "degli", "dei", "del", "della", "delle", "dello", "der", "des",
    "di", "do", "dos", "du", "el", "for", "fur", "ibn", "la", "le", "of", "on", "per", "ten", "ter",
    "the", "van", "vom", "von", "y", "zu",
];

/// Particles that belong to a person's name ("von der Leyen", "da Silva", "bin Salman").
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "ten", "ter", "van", "von", "zu",
];

/// Capitalised words that are not names: months, weekdays, words capitalised by convention.
#[rustfmt::skip]
pub const NEVER_NAMES: &[&str] = &[
    "ad", "am", "april", "august", "bc", "bce", "bip", "ce", "ceo", "covid", "december", "dezember",
    "dienstag", "donnerstag", "dr", "eur", "faq", "februar", "february", "freitag", "friday", "gbp",
    "gdp", "html", "http", "https", "i", "ii", "iii", "iv", "ix", "januar", "january", "juli",
    "july", "june", "juni", "kg", "km", "lol", "march", "marz", "may", "mittwoch", "monday",
    "montag", "mph", "mr", "mrs", "ms", "november", "october", "ok", "okay", "oktober", "pdf",
    "pil", "pm", "prof", "samstag", "saturday", "september", "sonntag", "sunday", "thursday",
    "tuesday", "tv", "usd", "vi", "vii", "viii", "wednesday", "www", "xi", "xii",
];

/// Demonyms, nationality and creed words: capitalised, but not names of entities.
#[rustfmt::skip]
pub const DEMONYMS: &[&str] = &[
    "afghan", "afghans", "african", "africans", "albanian", "american", "americans", "anglo",
    "arab", "arabic", "arabs", "argentine", "argentinian", "armenian", "armenians", "asian",
    "asians", "atlantic", "australian", "australians", "austrian", "austrians", "azerbaijani",
    "azeri", "baltic", "belarusian", "belarusians", "belgian", "belgians", "bible", "bolshevik",
    "bosnian", "brazilian", "brazilians", "british", "briton", "britons", "buddhist", "bulgarian",
    "canadian", "canadians", "catholic", "catholics", "caucasian", "chechen", "chinese",
    "christian", "christians", "communist", "communists", "conservative", "conservatives",
    "crimean", "croatian", "croats", "czech", "czechs", "dagestani", "dane", "danes", "danish",
    "democrat", "democrats", "dutch", "eastern", "egyptian", "egyptians", "english", "ethiopian",
    "euro", "european", "europeans", "fascist", "filipino", "finn", "finnish", "finns", "franco",
    "french", "georgian", "german", "germans", "god", "greek", "greeks", "hindu", "hispanic",
    "hungarian", "hungarians", "indian", "indians", "indonesian", "internet", "iranian", "iranians",
    "iraqi", "iraqis", "irish", "islamic", "israeli", "israelis", "italian", "italians", "japanese",
    "jew", "jewish", "jews", "jordanian", "kazakh", "kenyan", "koran", "korean", "koreans", "kurd",
    "kurdish", "kurds", "latin", "latino", "lebanese", "liberal", "liberals", "libyan", "malaysian",
    "marxist", "mediterranean", "mexican", "mexicans", "muslim", "muslims", "nazi", "nazis",
    "nigerian", "nordic", "northern", "norwegian", "norwegians", "olympic", "olympics", "pacific",
    "pakistani", "pakistanis", "palestinian", "palestinians", "pashtun", "persian", "pole", "poles",
    "polish", "portuguese", "protestant", "quran", "republican", "republicans", "romanian",
    "romanians", "russian", "russians", "saudi", "saudis", "scot", "scots", "scottish", "serbian",
    "serbs", "shia", "shiite", "sino", "slavic", "slovak", "socialist", "socialists", "somali",
    "southern", "soviet", "spaniard", "spaniards", "spanish", "sudanese", "sunni", "swede",
    "swedes", "swedish", "swiss", "syrian", "syrians", "taiwanese", "tatar", "thai", "tibetan",
    "turk", "turkish", "turks", "uighur", "ukrainian", "ukrainians", "uyghur", "uzbek",
    "vietnamese", "web", "welsh", "western", "yemeni",
];

/// Abbreviations before a name whose dot ends no sentence ("Dr. Kahl").
#[rustfmt::skip]
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "Abs", "Adm", "Avv", "Bd", "Capt", "Col", "Dott", "Dr", "Fr", "Gen", "Gov", "Hr", "Ing", "Jr",
    "Lt", "Mons", "Mr", "Mrs", "Ms", "Nr", "Prof", "Rep", "Sen", "Sgt", "Sig", "Sr", "St",
];

/// Last parts of German place names built like compounds ("Regensburg"): no common-noun compound.
#[rustfmt::skip]
pub const GERMAN_PLACE_PARTS: &[&str] = &[
    "Bach", "Berg", "Brück", "Brücken", "Burg", "Dorf", "Feld", "Felde", "Furt", "Hafen", "Hausen",
    "Heim", "Kirchen", "Stadt", "Stein", "Wald",
];

/// Endings that make a long capitalised German word a common noun ("Universität" aside, "Sicherheit").
#[rustfmt::skip]
pub const GERMAN_NOUN_ENDINGS: &[&str] = &[
    "heit", "heiten", "ierung", "ismus", "ität", "itäten", "keit", "keiten", "nisse", "schaft",
    "schaften", "tionen", "ungen",
];

/// Last parts that make a German compound an organisation ("Bundespresseamt").
#[rustfmt::skip]
pub const COMPOUND_ORG_ENDINGS: &[&str] = &[
    "agentur", "amt", "amtes", "amts", "bank", "behorde", "behorden", "gericht", "gerichtes",
    "gerichts", "gesellschaft", "institut", "instituts", "kommission", "konzern", "konzerns",
    "ministerium", "ministeriums", "partei", "rat", "rates", "stiftung", "universitat", "verband",
    "verbandes", "verbands", "werke", "zentrale",
];

/// Last parts that make a German compound a place ("Neustadt").
#[rustfmt::skip]
pub const COMPOUND_PLACE_ENDINGS: &[&str] = &[
    "berg", "brucken", "burg", "dorf", "feld", "furt", "hafen", "hausen", "heim", "ingen",
    "kirchen", "stadt",
];

/// German nouns for the area around a place ("Mittelmeerraum" is the Mediterranean).
#[rustfmt::skip]
pub const AREA_NOUNS: &[&str] = &[
    "Gebiet", "Küste", "Raum", "Region", "Zone",
];

/// Compass prefixes that make a place of a known one ("Süditalien"); the longest fitting one counts.
#[rustfmt::skip]
pub const COMPASS_PREFIXES: &[&str] = &[
    "Mittel", "Nieder", "Nord", "Nordost", "Nordwest", "Ober", "Ost", "Süd", "Südost", "Südwest",
    "Unter", "West", "Zentral",
];

/// Articles, which never start a name of several words ("the", "der", "il").
#[rustfmt::skip]
pub const ARTICLES: &[&str] = &[
    "a", "an", "das", "dem", "den", "der", "die", "ein", "eine", "il", "la", "le", "lo", "the",
    "un", "una",
];

/// Definite articles: in English, the name after one is rarely a person's.
#[rustfmt::skip]
pub const DEFINITE_ARTICLES: &[&str] = &["gli", "il", "l", "la", "le", "lo", "the"];

/// Articles dropped from the front of a name ("the Kremlin").
#[rustfmt::skip]
pub const LEADING_ARTICLES: &[&str] = &[
    "das", "der", "die", "il", "la", "lo", "the",
];

/// English connectors that introduce an English name inside other languages ("Glasgow School of Art").
#[rustfmt::skip]
pub const ENGLISH_CONNECTORS: &[&str] = &[
    "for", "of", "the",
];

/// Regnal numerals after a name ("Thutmose III").
#[rustfmt::skip]
pub const ROMAN_NUMERALS: &[&str] = &[
    "I", "II", "III", "IV", "IX", "V", "VI", "VII", "VIII", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI",
];

/// Kinds of work whose title may follow in quotes ("the song \"Stephen\"", "Musical „The Wiz“").
#[rustfmt::skip]
pub const WORK_KINDS: &[&str] = &[
    "album", "anthologie", "anthology", "arbeitstitel", "bild", "book", "brano", "buch", "canzone",
    "edition", "episode", "episodes", "film", "filme", "filmen", "films", "folge", "gedicht",
    "gemalde", "hit", "hits", "libro", "lied", "movie", "musical", "musicals", "novel", "oper",
    "opera", "play", "podcast", "roman", "romanzo", "serie", "series", "show", "single",
    "skulptur", "song", "songs", "stuck", "talkshow", "theaterstuck", "titel", "title", "version",
];

/// Endings of English adjectives of a people ("Macedonian", "Mycenaean", "Canaanite").
#[rustfmt::skip]
pub const PEOPLES_ENDINGS: &[&str] = &["ean", "ese", "ian", "ican", "ish", "ite"];

/// English words that follow a name and are no noun it could qualify: verbs of being and
/// having, auxiliaries, conjunctions, prepositions, pronouns.
#[rustfmt::skip]
pub const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "also", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "does",
    "for", "from", "had", "has", "have", "he", "herself", "himself", "in", "is", "it", "itself",
    "may", "might", "must", "nor", "of", "on", "or", "shall", "she", "should", "that", "then",
    "to", "was", "were", "which", "who", "whose", "will", "with", "would",
];

/// German words after which a name stands as a name: prepositions and conjunctions ("in
/// Essen", "und Halle").
#[rustfmt::skip]
pub const GERMAN_BEFORE_NAMES: &[&str] = &[
    "ab", "aber", "als", "am", "an", "ans", "auf", "aus", "bei", "beim", "bis", "bzw", "durch",
    "fur", "gegen", "gegenuber", "hinter", "im", "in", "ins", "mit", "nach", "nahe", "neben",
    "oder", "ohne", "seit", "sondern", "sowie", "trotz", "uber", "um", "und", "unter", "vom", "von",
    "vor", "wahrend", "wegen", "wie", "zu", "zum", "zur", "zwischen",
];

/// German adverbs and conjunctions that open sentences, written like names there ("Oder",
/// "Auch", "Anders ausgedrückt").
#[rustfmt::skip]
pub const GERMAN_SENTENCE_ADVERBS: &[&str] = &[
    "aber", "allerdings", "alsdann", "also", "anders", "auch", "bald", "dabei", "daher", "damals",
    "damit", "danach", "dann", "darum", "dennoch", "derweil", "deshalb", "doch", "ebenfalls",
    "ebenso", "erst", "etwa", "ferner", "freilich", "gerade", "heuer", "immer", "indes",
    "indessen", "jedoch", "jetzt", "kurzum", "nichtsdestotrotz", "nun", "nur", "oder", "schon",
    "sodann", "sogar", "sonst", "trotzdem", "und", "unterdessen", "weder", "zudem", "zuvor",
];

/// English words before a noun that say it is a common noun ("his", "this", "every").
#[rustfmt::skip]
pub const ENGLISH_DETERMINERS: &[&str] = &[
    "all", "any", "each", "every", "her", "his", "its", "my", "no", "our", "some", "their", "these",
    "this", "those", "your",
];

/// English verbs that follow a singular subject ("Blunt was", "Rogers has").
#[rustfmt::skip]
pub const ENGLISH_SUBJECT_VERBS: &[&str] = &[
    "can", "could", "did", "does", "had", "has", "is", "may", "might", "must", "should", "was",
    "will", "would",
];

/// Terms written with capitals that name no person, place or organisation: an event, a
/// substance, a tax, a disease, a technology, a season ("Brexit", "DNA", "VAT", "WLAN",
/// "Spring").
#[rustfmt::skip]
pub const TERMS: &[&str] = &[
    "aids", "autumn", "brexit", "dna", "gps", "hiv", "lan", "mwst", "rna", "sms", "spring",
    "summer", "usb", "vat", "wifi", "winter", "wlan",
];

/// Endings of doctrines and movements ("Judaism", "Marxismus", "fascismo").
#[rustfmt::skip]
pub const DOCTRINE_ENDINGS: &[&str] = &["ism", "ismo", "ismus"];

/// Parties and chambers that news names by a common word, with the definite article ("der
/// Senat", "die Republikaner", "the Democrats").
#[rustfmt::skip]
pub const INSTITUTION_NOUNS: &[&str] = &[
    "democrats", "demokraten", "reprasentantenhaus", "reprasentantenhauses", "republicans",
    "republikaner", "republikanern", "senat", "senates", "senats",
];

/// Definite articles of German and English, every case ("der", "des", "the").
#[rustfmt::skip]
pub const DEFINITE_ARTICLES_ALL: &[&str] = &["das", "dem", "den", "der", "des", "die", "the"];

/// German nouns that open names of places, buildings and clubs ("Bad Homburg", "Schloss
/// Bellevue", "Eintracht Frankfurt"): never a mere description before a name.
#[rustfmt::skip]
pub const GERMAN_NAME_OPENERS: &[&str] = &[
    "bad", "burg", "dom", "dynamo", "eintracht", "energie", "fort", "fortuna", "gut", "haus", "hof",
    "hotel", "kap", "markt", "sankt", "schloss", "villa", "werder", "zeche",
];

/// Abbreviations that open the names of sports clubs ("FC Chelsea", "MSV Duisburg", "SSC
/// Napoli").
#[rustfmt::skip]
pub const CLUB_PREFIXES: &[&str] = &[
    "AC", "AS", "BSC", "BV", "FC", "FSV", "MSV", "RB", "SC", "SSC", "SV", "SpVgg", "TSG", "TSV",
    "VfB", "VfL", "VfR",
];

/// Words before a storm's name ("Hurricane Katrina", "Taifun Haiyan", "uragano Milton").
#[rustfmt::skip]
pub const STORMS: &[&str] = &[
    "cyclone", "hurricane", "hurrikan", "orkan", "taifun", "tifone", "typhoon", "uragano",
    "wirbelsturm", "zyklon",
];

/// Romance articles, capitalised as they are inside names ("El Mundo", "La Conte").
#[rustfmt::skip]
pub const ROMANCE_ARTICLES_IN_NAMES: &[&str] = &["El", "Il", "La", "Las", "Le", "Les", "Los"];

/// Spanish, French and Portuguese definite articles (and their contractions), before which
/// a person goes without one ("el Gobierno").
#[rustfmt::skip]
pub const ROMANCE_DEFINITE_ARTICLES: &[&str] = &[
    "a", "al", "as", "del", "du", "el", "l", "la", "las", "le", "les", "los", "o", "os",
];

/// Italian words that continue an institution's name in lower case: the small words of
/// "di"-phrases ("Corte di giustizia", "Consiglio dei ministri").
#[rustfmt::skip]
pub const ITALIAN_OF: &[&str] = &["d", "degli", "dei", "del", "della", "delle", "dello", "di"];

/// Words that make an adverb with "di", not a name ("la Commissione di recente ha …").
#[rustfmt::skip]
pub const ITALIAN_DI_ADVERBS: &[&str] = &[
    "certo", "domani", "fatto", "fronte", "ieri", "nuovo", "oggi", "recente", "seguito", "sicuro",
    "solito", "sopra", "sotto", "tutto",
];

/// Italian compass adjectives after a place ("Germania orientale").
#[rustfmt::skip]
pub const ITALIAN_COMPASS: &[&str] = &[
    "centrale", "meridionale", "occidentale", "orientale", "settentrionale",
];

/// Endings of the Italian adjectives institutions are named with ("europea", "costituzionale",
/// "civile").
#[rustfmt::skip]
pub const ITALIAN_ADJECTIVE_ENDINGS: &[&str] = &[
    "ale", "aria", "ario", "ea", "eo", "ica", "ico", "ile", "iva", "ivo",
];

/// Endings of German adjectives made from places ("bayer-ische", "afrika-nischen"), left over
/// when a place's name is cut from the front of the word.
#[rustfmt::skip]
pub const GERMAN_ADJECTIVE_ENDINGS: &[&str] = &[
    "isch", "ische", "ischem", "ischen", "ischer", "isches",
];

/// Every list with its name and form, for the tests.
pub const ALL: &[(&str, &[&str], Form)] = &[
    ("PERSON_TRIGGERS", PERSON_TRIGGERS, Form::Folded),
    (
        "PERSON_TRIGGER_ENDINGS",
        PERSON_TRIGGER_ENDINGS,
        Form::FoldedEnding,
    ),
    ("TITLES_BEFORE_NAMES", TITLES_BEFORE_NAMES, Form::Folded),
    ("EPITHETS", EPITHETS, Form::Folded),
    ("NAME_SUFFIXES", NAME_SUFFIXES, Form::Folded),
    ("GERMAN_NAME_HEADS", GERMAN_NAME_HEADS, Form::Folded),
    ("SPEECH_VERBS", SPEECH_VERBS, Form::Folded),
    ("ORG_HEADS", ORG_HEADS, Form::Folded),
    ("PLACE_HEADS", PLACE_HEADS, Form::Folded),
    ("MISC_HEADS", MISC_HEADS, Form::Folded),
    (
        "GERMAN_MISC_ENDINGS",
        GERMAN_MISC_ENDINGS,
        Form::FoldedEnding,
    ),
    ("GERMAN_PLACE_NOUNS", GERMAN_PLACE_NOUNS, Form::Folded),
    ("GERMAN_ORG_NOUNS", GERMAN_ORG_NOUNS, Form::Folded),
    ("DIRECTIONAL", DIRECTIONAL, Form::Folded),
    ("LOCATIVES", LOCATIVES, Form::Folded),
    ("CONNECTORS", CONNECTORS, Form::Folded),
    ("NAME_PARTICLES", NAME_PARTICLES, Form::Folded),
    ("NEVER_NAMES", NEVER_NAMES, Form::Folded),
    ("DEMONYMS", DEMONYMS, Form::Folded),
    ("TITLE_ABBREVIATIONS", TITLE_ABBREVIATIONS, Form::Surface),
    ("GERMAN_PLACE_PARTS", GERMAN_PLACE_PARTS, Form::Surface),
    (
        "GERMAN_NOUN_ENDINGS",
        GERMAN_NOUN_ENDINGS,
        Form::SurfaceEnding,
    ),
    (
        "COMPOUND_ORG_ENDINGS",
        COMPOUND_ORG_ENDINGS,
        Form::FoldedEnding,
    ),
    (
        "COMPOUND_PLACE_ENDINGS",
        COMPOUND_PLACE_ENDINGS,
        Form::FoldedEnding,
    ),
    ("AREA_NOUNS", AREA_NOUNS, Form::Surface),
    ("COMPASS_PREFIXES", COMPASS_PREFIXES, Form::SurfaceEnding),
    ("ARTICLES", ARTICLES, Form::Folded),
    ("DEFINITE_ARTICLES", DEFINITE_ARTICLES, Form::Folded),
    ("LEADING_ARTICLES", LEADING_ARTICLES, Form::Folded),
    ("ENGLISH_CONNECTORS", ENGLISH_CONNECTORS, Form::Folded),
    ("ROMAN_NUMERALS", ROMAN_NUMERALS, Form::Surface),
    ("WORK_KINDS", WORK_KINDS, Form::Folded),
    ("PEOPLES_ENDINGS", PEOPLES_ENDINGS, Form::FoldedEnding),
    (
        "ENGLISH_FUNCTION_WORDS",
        ENGLISH_FUNCTION_WORDS,
        Form::Folded,
    ),
    ("GERMAN_BEFORE_NAMES", GERMAN_BEFORE_NAMES, Form::Folded),
    (
        "GERMAN_SENTENCE_ADVERBS",
        GERMAN_SENTENCE_ADVERBS,
        Form::Folded,
    ),
    ("ENGLISH_DETERMINERS", ENGLISH_DETERMINERS, Form::Folded),
    ("ENGLISH_SUBJECT_VERBS", ENGLISH_SUBJECT_VERBS, Form::Folded),
    ("TERMS", TERMS, Form::Folded),
    ("DOCTRINE_ENDINGS", DOCTRINE_ENDINGS, Form::FoldedEnding),
    ("INSTITUTION_NOUNS", INSTITUTION_NOUNS, Form::Folded),
    ("DEFINITE_ARTICLES_ALL", DEFINITE_ARTICLES_ALL, Form::Folded),
    ("GERMAN_NAME_OPENERS", GERMAN_NAME_OPENERS, Form::Folded),
    ("CLUB_PREFIXES", CLUB_PREFIXES, Form::Surface),
    ("STORMS", STORMS, Form::Folded),
    (
        "ROMANCE_ARTICLES_IN_NAMES",
        ROMANCE_ARTICLES_IN_NAMES,
        Form::Surface,
    ),
    (
        "ROMANCE_DEFINITE_ARTICLES",
        ROMANCE_DEFINITE_ARTICLES,
        Form::Folded,
    ),
    ("ITALIAN_OF", ITALIAN_OF, Form::Folded),
    ("ITALIAN_DI_ADVERBS", ITALIAN_DI_ADVERBS, Form::Folded),
    ("ITALIAN_COMPASS", ITALIAN_COMPASS, Form::Folded),
    (
        "ITALIAN_ADJECTIVE_ENDINGS",
        ITALIAN_ADJECTIVE_ENDINGS,
        Form::FoldedEnding,
    ),
    (
        "GERMAN_ADJECTIVE_ENDINGS",
        GERMAN_ADJECTIVE_ENDINGS,
        Form::FoldedEnding,
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn short_cmp_is_strs_order() {
        let words = ["", "a", "ab", "abc", "b", "ä", "äb", "Z", "zz", "z"];
        for x in words {
            for y in words {
                assert_eq!(
                    super::short_cmp(x.as_bytes(), y.as_bytes()),
                    x.cmp(y),
                    "{x} {y}"
                );
            }
        }
    }

    use super::*;
    use crate::nlp::fold::fold_word;
    use crate::nlp::token::tokenize;

    #[test]
    fn every_list_is_sorted_unique_and_single_token() {
        let mut faults = Vec::new();
        for (name, list, form) in ALL {
            for pair in list.windows(2) {
                if pair[0] >= pair[1] {
                    faults.push(format!("{name}: {:?} before {:?}", pair[0], pair[1]));
                }
            }
            for word in *list {
                let toks = tokenize(word);
                if toks.len() != 1 || toks[0].start != 0 || toks[0].end != word.len() {
                    faults.push(format!("{name}: {word:?} is not one token"));
                }
                if matches!(form, Form::Folded | Form::FoldedEnding) && fold_word(word) != *word {
                    faults.push(format!("{name}: {word:?} is not folded"));
                }
            }
        }
        assert!(faults.is_empty(), "{}", faults.join("\n"));
    }

    #[test]
    fn lookups_find_entries_and_nothing_else() {
        assert!(has(ORG_HEADS, "institut") && has(ORG_HEADS, "agency") && !has(ORG_HEADS, "putin"));
        assert!(has(PLACE_HEADS, "river") && has(LOCATIVES, "nach") && has(CONNECTORS, "del"));
        assert!(has(NEVER_NAMES, "monday") && has(DEMONYMS, "russian") && !has(DEMONYMS, "russia"));
        assert!(ends_with_any(GERMAN_MISC_ENDINGS, "weltkrieg"));
    }
}

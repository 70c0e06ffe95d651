//! Closed word lists that tell what a capitalised word is doing: titles and roles that announce
//! a person, head nouns that make a name an organisation or a place, the small words that may
//! sit inside a name, and capitalised words that are never names (months, weekdays, demonyms).
//! General lists for English, German and Italian; nothing here is about a particular story.
//! The long lists are hashed once: they are asked about every capitalised word.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A set of words built on first use.
fn set(
    cell: &'static OnceLock<FxHashSet<&'static str>>,
    words: &'static [&'static str],
) -> &'static FxHashSet<&'static str> {
    cell.get_or_init(|| words.iter().copied().collect())
}

/// Words before a name that say it is a person ("Präsident", "ministro", "Mr").
pub fn is_person_trigger(folded: &str) -> bool {
    #[rustfmt::skip]
    const EXACT: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "herr", "frau", "signor",
        "signora", "president", "presidente", "prasident", "prasidentin", "premier", "minister",
        "ministerin", "ministro", "ministra", "chancellor", "kanzler", "kanzlerin", "cancelliere",
        "king", "queen", "konig", "konigin", "re", "regina", "prince", "prinz", "principe", "pope",
        "papst", "papa", "senator", "senatorin", "senatore", "governor", "gouverneur",
        "governatore", "mayor", "burgermeister", "burgermeisterin", "sindaco", "general",
        "generale", "admiral", "colonel", "oberst", "colonnello", "captain", "kapitan", "capitano",
        "ambassador", "botschafter", "botschafterin", "ambasciatore", "ambasciatrice", "spokesman",
        "spokeswoman", "spokesperson", "sprecher", "sprecherin", "portavoce", "ceo", "chef",
        "chefin", "leiter", "leiterin", "chairman", "chairwoman", "chair", "vorsitzende",
        "vorsitzender", "diktator", "dictator", "dittatore", "machthaber", "fuhrer", "leader",
        "envoy", "gesandte", "inviato", "deputy", "vice", "stellvertretende", "stellvertretender",
        "abgeordnete", "abgeordneter", "deputato", "judge", "richter", "giudice", "secretary",
        "sekretar", "segretario", "commissioner", "kommissar", "commissario", "premierminister",
        "ministerprasident", "ministerprasidentin", "bundeskanzler", "bundeskanzlerin",
        "bundesprasident", "bundesprasidentin", "aussenminister", "aussenministerin",
        "verteidigungsminister", "verteidigungsministerin", "innenminister", "innenministerin",
        "finanzminister", "finanzministerin", "wirtschaftsminister", "justizminister",
        "amtskollege", "amtskollegen", "kollege", "kollegen", "sonderbeauftragte",
        "sonderbeauftragten", "sonderbeauftragter", "analyst", "analystin", "experte", "expertin",
        "autor", "author", "journalist", "journalistin", "giornalista", "reporter", "professor",
        "professorin", "professore", "sheikh", "scheich", "emir", "ayatollah", "rabbi", "bishop",
        "bischof", "vescovo", "cardinal", "kardinal", "cardinale", "coach", "trainer",
        "allenatore", "founder", "grunder", "fondatore", "owner", "cofounder", "rappresentante",
        "capo", "segretaria", "cancelliera", "premiere",
    ];
    EXACT.contains(&folded)
        || folded.ends_with("minister")
        || folded.ends_with("ministerin")
        || folded.ends_with("prasident")
}

/// Verbs of saying right after a name: it is a person ("Rudenko said", "sagte Kahl").
pub fn is_speech_verb(folded: &str) -> bool {
    matches!(
        folded,
        "said"
            | "says"
            | "told"
            | "added"
            | "wrote"
            | "announced"
            | "sagte"
            | "sagt"
            | "erklarte"
            | "betonte"
            | "schrieb"
            | "ha"
            | "dice"
            | "disse"
            | "ha detto"
            | "afferma"
            | "ha affermato"
    )
}

/// Nouns that make a name an organisation: "… Institute", "Institut für …", "Ministero …".
pub fn is_org_head(folded: &str) -> bool {
    #[rustfmt::skip]
    const HEADS: &[&str] = &[
        "institute", "institut", "istituto", "university", "universitat", "universita", "college",
        "school", "academy", "akademie", "accademia", "agency", "agentur", "agenzia", "ministry",
        "ministerium", "ministero", "department", "party", "partei", "partito", "bank", "banca",
        "group", "gruppe", "gruppo", "council", "rat", "consiglio", "committee", "komitee",
        "comitato", "commission", "kommission", "commissione", "association", "verband",
        "associazione", "corporation", "corp", "inc", "ltd", "llc", "plc", "gmbh", "ag", "spa",
        "srl", "company", "co", "foundation", "stiftung", "fondazione", "fund", "fonds", "fondo",
        "organization", "organisation", "organizzazione", "union", "court", "gericht",
        "gerichtshof", "corte", "tribunale", "army", "armee", "esercito", "navy", "marine",
        "police", "polizei", "polizia", "service", "dienst", "servizio", "office", "amt",
        "ufficio", "center", "centre", "zentrum", "centro", "federation", "foderation",
        "federazione", "league", "liga", "lega", "club", "society", "gesellschaft", "societa",
        "times", "post", "news", "press", "presse", "journal", "zeitung", "gazette", "airlines",
        "airways", "motors", "industries", "systems", "technologies", "network", "studios",
        "records", "hospital", "klinik", "ospedale", "museum", "museo", "parliament", "parlament",
        "parlamento", "senate", "senat", "senato", "assembly", "congress", "kongress", "congresso",
        "government", "regierung", "governo", "authority", "behorde", "autorita", "board",
        "bureau", "command", "kommando", "comando", "guard", "garde", "guardia", "brigade",
        "brigata", "battalion", "bataillon", "regiment", "front", "movement", "bewegung",
        "movimento", "alliance", "allianz", "trust", "holdings", "coalition", "forces",
        "streitkrafte", "embassy", "botschaft", "ambasciata", "services", "community",
        "administration", "council", "brands", "forums", "corporation", "verein", "konzern",
        "unternehmen", "werke", "bund", "bundesamt", "nachrichtenagentur", "channel", "tv",
        "radio", "magazine", "magazin", "rivista", "fc", "cf", "ac", "sc", "ministries",
        "institutes", "universities", "church", "kirche", "chiesa", "cooperation", "initiative",
        "laboratory", "labs", "energy", "electric", "exchange", "airport", "flughafen",
        "aeroporto",
    ];
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    set(&SET, HEADS).contains(folded)
}

/// Nouns that make a name a place: "… River", "Lago …", "… Street".
pub fn is_place_head(folded: &str) -> bool {
    #[rustfmt::skip]
    const HEADS: &[&str] = &[
        "river", "fluss", "fiume", "lake", "see", "lago", "sea", "meer", "mare", "ocean", "ozean",
        "oceano", "mountain", "mountains", "mount", "mt", "berg", "gebirge", "monte", "monti",
        "island", "islands", "insel", "inseln", "isola", "isole", "bay", "bucht", "baia", "gulf",
        "golf", "golfo", "valley", "tal", "valle", "street", "st", "strasse", "via", "avenue",
        "road", "square", "platz", "piazza", "bridge", "brucke", "ponte", "county", "province",
        "provinz", "provincia", "region", "regione", "district", "bezirk", "distretto", "city",
        "stadt", "citta", "state", "republic", "republik", "repubblica", "kingdom", "konigreich",
        "regno", "hill", "hills", "park", "desert", "wuste", "deserto", "peninsula", "halbinsel",
        "penisola", "coast", "kuste", "costa", "canal", "kanal", "canale", "strait", "strasse",
        "stretto", "oblast", "krai", "prefecture", "territory", "territorium", "heights", "plain",
        "forest", "wald", "foresta", "cape", "kap", "capo", "port", "hafen", "porto", "harbor",
        "harbour", "village", "dorf", "villaggio", "town", "empire", "reich", "impero",
        "principality", "seas", "delta", "islands", "sound", "falls", "canyon", "basin",
        "archipelago",
    ];
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    set(&SET, HEADS).contains(folded)
}

/// Last words of events, works and laws: "Paris Agreement", "Davis Cup", "Nobel Prize".
pub fn is_misc_head(folded: &str) -> bool {
    matches!(
        folded,
        "agreement"
            | "agreements"
            | "treaty"
            | "accord"
            | "accords"
            | "protocol"
            | "war"
            | "wars"
            | "cup"
            | "prize"
            | "award"
            | "awards"
            | "games"
            | "olympics"
            | "championship"
            | "championships"
            | "festival"
            | "act"
            | "show"
            | "day"
            | "revolution"
            | "crisis"
            | "doctrine"
            | "plan"
            | "amendment"
            | "declaration"
            | "charter"
            | "trophy"
            | "series"
            | "tour"
            | "election"
            | "elections"
            | "era"
            | "assistant"
            | "abkommen"
            | "vertrag"
            | "krieg"
            | "preis"
            | "accordo"
            | "trattato"
            | "guerra"
            | "premio"
            | "coppa"
    )
}

/// German compound event words: "Weltkrieg", "Koreakrieg", "Friedensabkommen".
pub fn is_german_misc_compound(folded: &str) -> bool {
    [
        "krieg",
        "krieges",
        "kriegs",
        "abkommen",
        "vertrag",
        "vertrages",
        "preis",
        "preises",
        "gipfel",
        "revolution",
        "wahl",
        "wahlen",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

/// German nouns that make an adjective + noun name a place: "Keltischen See", "Schwarze Meer".
pub fn is_german_place_noun(folded: &str) -> bool {
    matches!(
        folded,
        "see"
            | "meer"
            | "meeres"
            | "ozean"
            | "ozeans"
            | "gebirge"
            | "gebirges"
            | "kuste"
            | "reich"
            | "reiches"
            | "reichs"
            | "insel"
            | "inseln"
            | "halbinsel"
            | "golf"
            | "bucht"
            | "tal"
            | "wald"
            | "alpen"
            | "wuste"
            | "becken"
            | "land"
            | "platz"
            | "strasse"
    )
}

/// German nouns that make an adjective + noun name an organisation: "Nordirischen Versammlung".
pub fn is_german_org_noun(folded: &str) -> bool {
    matches!(
        folded,
        "versammlung"
            | "mannschaft"
            | "partei"
            | "union"
            | "kommission"
            | "zentralbank"
            | "rat"
            | "rates"
            | "liga"
            | "akademie"
            | "gesellschaft"
            | "kirche"
            | "armee"
            | "luftwaffe"
            | "bewegung"
            | "allianz"
            | "nationalversammlung"
            | "volkspartei"
            | "bank"
            | "agentur"
            | "behorde"
            | "ministerium"
            | "ministeriums"
            | "verteidigungsministerium"
            | "verteidigungsministeriums"
            | "aussenministerium"
            | "aussenministeriums"
            | "regierung"
            | "staatsanwaltschaft"
            | "gericht"
            | "gerichtshof"
            | "institut"
            | "stiftung"
            | "universitat"
            | "nachrichtenagentur"
    )
}

/// Compass and position words that make a new place of a known one ("Northern Ireland").
pub fn is_directional(folded: &str) -> bool {
    matches!(
        folded,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "upper"
            | "lower"
            | "central"
            | "greater"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
    )
}

/// Prepositions after which a lone name is usually a place ("in Seoul", "nach Kiew", "a Mosca").
pub fn is_locative(folded: &str) -> bool {
    matches!(
        folded,
        "in" | "at"
            | "from"
            | "to"
            | "near"
            | "across"
            | "nach"
            | "aus"
            | "bei"
            | "im"
            | "nahe"
            | "a"
            | "da"
            | "verso"
            | "presso"
            | "nel"
            | "nella"
            | "dal"
            | "dalla"
    )
}

/// Small words that may sit inside a multi-word name ("Institute for the Study of War",
/// "Corea del Nord", "Ursula von der Leyen", "Mohammed bin Salman").
pub fn is_connector(folded: &str) -> bool {
    matches!(
        folded,
        "of" | "for"
            | "the"
            | "on"
            | "fur"
            | "der"
            | "des"
            | "von"
            | "vom"
            | "zu"
            | "van"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "dei"
            | "degli"
            | "delle"
            | "dello"
            | "per"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "y"
            | "dos"
            | "das"
            | "do"
            | "ter"
            | "ten"
    )
}

/// Particles that belong to a person's name ("von der Leyen", "da Silva", "bin Salman").
pub fn is_name_particle(folded: &str) -> bool {
    matches!(
        folded,
        "von"
            | "van"
            | "der"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ter"
            | "ten"
            | "zu"
    )
}

/// Capitalised words that are not names: months, weekdays, and words capitalised by convention.
pub fn is_never_name(folded: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "januar", "februar", "marz", "juni", "juli", "oktober",
        "dezember", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "i",
        "i'm", "ok", "okay", "tv", "ceo", "pm", "am", "bc", "ad", "am", "bce", "ce", "mrs", "mr",
        "ms", "dr", "prof", "lol", "faq", "pdf", "html", "http", "https", "www", "usd", "eur",
        "gbp", "km", "kg", "mph", "gdp", "bip", "pil", "covid", "ii", "iii", "iv", "vi", "vii",
        "viii", "ix", "xi", "xii",
    ];
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    set(&SET, WORDS).contains(folded)
}

/// English demonyms and nationality adjectives: capitalised, but not names of entities.
pub fn is_demonym(folded: &str) -> bool {
    #[rustfmt::skip]
    const EXACT: &[&str] = &[
        "american", "americans", "british", "briton", "britons", "english", "french", "german",
        "germans", "italian", "italians", "russian", "russians", "chinese", "japanese", "korean",
        "koreans", "ukrainian", "ukrainians", "iranian", "iranians", "israeli", "israelis",
        "palestinian", "palestinians", "arab", "arabs", "arabic", "turkish", "turk", "turks",
        "syrian", "syrians", "iraqi", "iraqis", "afghan", "afghans", "pakistani", "pakistanis",
        "indian", "indians", "european", "europeans", "african", "africans", "asian", "asians",
        "western", "eastern", "northern", "southern", "soviet", "polish", "pole", "poles", "dutch",
        "swedish", "swede", "swedes", "danish", "dane", "danes", "norwegian", "norwegians",
        "finnish", "finn", "finns", "spanish", "spaniard", "spaniards", "portuguese", "greek",
        "greeks", "swiss", "austrian", "austrians", "belgian", "belgians", "irish", "scottish",
        "scot", "scots", "welsh", "canadian", "canadians", "mexican", "mexicans", "brazilian",
        "brazilians", "argentine", "argentinian", "australian", "australians", "egyptian",
        "egyptians", "saudi", "saudis", "lebanese", "jordanian", "yemeni", "libyan", "sudanese",
        "nigerian", "ethiopian", "kenyan", "somali", "belarusian", "belarusians", "georgian",
        "armenian", "armenians", "azerbaijani", "azeri", "kazakh", "uzbek", "hungarian",
        "hungarians", "czech", "czechs", "slovak", "romanian", "romanians", "bulgarian", "serbian",
        "serbs", "croatian", "croats", "bosnian", "albanian", "vietnamese", "thai", "filipino",
        "indonesian", "malaysian", "taiwanese", "tibetan", "uyghur", "uighur", "kurdish", "kurd",
        "kurds", "jewish", "jew", "jews", "muslim", "muslims", "christian", "christians",
        "catholic", "catholics", "protestant", "islamic", "sunni", "shiite", "shia", "hindu",
        "buddhist", "latin", "nordic", "baltic", "slavic", "latino", "hispanic", "caucasian",
        "crimean", "chechen", "dagestani", "tatar", "persian", "pashtun", "democrat", "democrats",
        "republican", "republicans", "communist", "communists", "socialist", "socialists",
        "liberal", "liberals", "conservative", "conservatives", "marxist", "nazi", "nazis",
        "fascist", "bolshevik", "english-language", "anglo", "franco", "sino", "euro", "atlantic",
        "pacific", "mediterranean", "olympic", "olympics", "internet", "web", "bible", "koran",
        "quran", "god",
    ];
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    set(&SET, EXACT).contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer() {
        assert!(
            is_person_trigger("aussenminister")
                && is_person_trigger("presidente")
                && is_person_trigger("verteidigungsminister")
        );
        assert!(is_org_head("institut") && is_org_head("agency") && !is_org_head("putin"));
        assert!(is_place_head("river") && is_locative("nach") && is_connector("del"));
        assert!(is_never_name("monday") && is_demonym("russian") && !is_demonym("russia"));
    }
}

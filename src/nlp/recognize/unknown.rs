//! Pass two: names the lexicon does not know. A run of capitalised words that are not ordinary
//! words of the language is a name; it may run on over name particles ("von der Leyen"),
//! a roman numeral ("Thutmose III"), and after an organisation's or place's head noun over
//! "of"/"für"/"di" ("Bank of Scotland"), taking in known places ("University of North
//! Carolina", "Moscow State University"). Events and works ("Paris Agreement", "Davis Cup")
//! are not entities of ours and are dropped with the place inside them.

use super::{Claims, Field, Span};
use crate::nlp::Kind;
use crate::nlp::cues;
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Token range of a name being built, inclusive.
struct Run {
    first: usize,
    last: usize,
    has_org_head: bool,
    has_place_head: bool,
}

/// Finds unknown names, adding spans and removing known ones they swallow.
pub fn unknown_names(f: &Field, claims: &mut Claims) {
    free_first_name_pairs(f, claims);
    let n = f.toks.len();
    let mut i = 0;
    while i < n {
        if !claims.is_free(i) || !f.name_like(i) {
            i += 1;
            continue;
        }
        let head = |k: usize| {
            (
                cues::is_org_head(&f.folded[k]),
                cues::is_place_head(&f.folded[k]),
            )
        };
        let (o, p) = head(i);
        let mut run = Run {
            first: i,
            last: i,
            has_org_head: o,
            has_place_head: p,
        };
        extend_right(f, claims, &mut run);
        widen_left(f, claims, &mut run);
        let next = run.last + 1;
        if cues::is_misc_head(&f.folded[run.last])
            || (run.last > run.first && cues::is_misc_head(&f.folded[run.first]))
        {
            // "Paris Agreement", "Davis Cup", "Guerra Fredda": not ours, and neither is the
            // place in it.
            drop_known_before(f, claims, run.first);
            f.misc.borrow_mut()[run.first..=run.last]
                .iter_mut()
                .for_each(|m| *m = true);
            i = next;
            continue;
        }
        if let Some(span) = classify(f, &run) {
            claims.claim(run.first, run.last, span);
        }
        i = next;
    }
    if f.lang == "de" {
        super::german::adjective_names(f, claims);
    }
    directional_places(f, claims);
}

/// "Christopher Columbus", "Melania Trump": a given name before a one-word known place or a
/// known person's bare surname is someone else; free the known word for the name run.
fn free_first_name_pairs(f: &Field, claims: &mut Claims) {
    for k in 1..f.toks.len() {
        let Some(s) = claims.owner(k) else { continue };
        let p = k - 1;
        // "In Pjöngjang" is no one: the given name must not be an ordinary word too.
        if !claims.is_free(p)
            || f.toks[p].gap != Gap::Space
            || !f.lex.is_first_name(f.word(p))
            || !f.toks[p].capitalized
            || f.common_here(f.word(p))
        {
            continue;
        }
        let Some(span) = claims.get(s) else {
            continue;
        };
        let one_word = claims.tokens(s) == Some((k, k));
        if one_word && matches!(span.kind, Kind::Place | Kind::Person) {
            claims.release(s);
        }
    }
}

fn extend_right(f: &Field, claims: &mut Claims, run: &mut Run) {
    let n = f.toks.len();
    while f.joined(run.last) {
        let last = run.last;
        let next = last + 1;
        match f.toks[last].gap {
            Gap::Apostrophe => {
                // O'Brien, D'Alema; not l'Occidente or Putin's.
                if f.word(last).chars().count() == 1
                    && f.toks[last].capitalized
                    && f.toks[next].capitalized
                    && claims.is_free(next)
                {
                    run.last = next;
                    continue;
                }
                return;
            }
            Gap::Hyphen => {
                // Jean-Pierre, Kim Jong-nam; not NATO-Truppen or BND-Leiter.
                let short_syllable = !f.toks[next].capitalized
                    && f.word(next).chars().count() <= 4
                    && last > run.first
                    && f.lang != "de";
                if claims.is_free(next)
                    && (short_syllable
                        || (f.name_like(next) && !f.lex.is_german_noun(f.word(next))))
                {
                    run.last = next;
                    continue;
                }
                return;
            }
            Gap::Break => return,
            Gap::Space => {}
        }
        if starts_another_person(f, run, next) {
            // "Rachida Dati Nicolas Sarkozy": a list of names without commas.
            return;
        }
        if claims.is_free(next) && f.name_like(next) {
            note_heads(f, run, next);
            run.last = next;
            continue;
        }
        // After given names, a capitalised word is the surname even if it looks like a German
        // compound ("Martin Winterkorn").
        let only_given = (run.first..=run.last).all(|k| f.lex.is_first_name(f.word(k)));
        let surname_like = f.lex.is_first_name(f.word(next))
            || !f.lex.is_german_noun(f.word(next)) && !f.common_here(f.word(next));
        if only_given && claims.is_free(next) && f.could_be_name(next) && surname_like {
            run.last = next;
            continue;
        }
        if is_roman_numeral(f.word(next)) && claims.is_free(next) {
            // "Thutmose III", "Andre Price III"; a numeral ends the name.
            run.last = next;
            return;
        }
        // Connectors: up to two small words, then a name.
        let mut k = next;
        while k < n
            && k < next + 2
            && cues::is_connector(&f.folded[k])
            && f.joined(k)
            && (!f.toks[k].capitalized || cues::is_name_particle(&f.folded[k]))
        {
            k += 1;
        }
        if k == next || k >= n {
            return;
        }
        let particles = (next..k).all(|c| cues::is_name_particle(&f.folded[c]));
        // English "of"/"for" inside a German text introduces an English name ("Glasgow School
        // of Art"): its words may look like German nouns.
        let english = (next..k).any(|c| words::has(words::ENGLISH_CONNECTORS, &f.folded[c]));
        let name_after = claims.is_free(k) && (f.name_like(k) || english && f.could_be_name(k));
        let known_after = claims.owner(k).filter(|&s| {
            claims.tokens(s).is_some_and(|(a, _)| a == k)
                && claims
                    .get(s)
                    .is_some_and(|sp| sp.known.is_some() && sp.kind != Kind::Person)
        });
        if run.has_org_head || run.has_place_head {
            if let Some(s) = known_after {
                // "University of North Carolina", "Republic of China": the place is part of it.
                let (_, end) = claims.tokens(s).expect("an owner is live");
                claims.release(s);
                run.last = end;
                continue;
            }
            if name_after {
                note_heads(f, run, k);
                run.last = k;
                continue;
            }
        }
        if particles && name_after && run.last - run.first < 3 {
            run.last = k;
            continue;
        }
        return;
    }
}

/// After two words that end in a surname, a given name followed by another name begins the
/// next person.
fn starts_another_person(f: &Field, run: &Run, next: usize) -> bool {
    let given = |k: usize| f.lex.is_first_name(f.word(k)) && !f.toks[k].all_caps;
    run.last == run.first + 1
        && !given(run.last)
        && given(next)
        && f.joined(next)
        && f.toks[next].gap == Gap::Space
        && f.name_like(next + 1)
}

fn note_heads(f: &Field, run: &mut Run, k: usize) {
    run.has_org_head |= cues::is_org_head(&f.folded[k]);
    run.has_place_head |= cues::is_place_head(&f.folded[k]);
}

fn widen_left(f: &Field, claims: &mut Claims, run: &mut Run) {
    if run.first > 0 && f.toks[run.first - 1].gap == Gap::Space {
        let p = run.first - 1;
        if run.has_org_head || run.has_place_head {
            if let Some(s) = claims.owner(p) {
                // "Moscow State University", "BBC World Service", "Mississippi River".
                if claims.get(s).is_some_and(|sp| sp.kind != Kind::Person) {
                    let (start, _) = claims.tokens(s).expect("an owner is live");
                    claims.release(s);
                    run.first = start;
                }
            } else if f.toks[p].capitalized
                && (cues::is_demonym(&f.folded[p])
                    || f.lex.is_place_demonym(&f.folded[p])
                    || cues::is_directional(&f.folded[p]))
            {
                // "British Ministry of Defence", "Atlantic Ocean", "North Sea".
                run.first = p;
            }
        } else if run.last > run.first && claims.is_free(p) {
            // "No Kwang Chol", "Le Duc Tho": a short capitalised word before a name of several
            // words is part of it, even when it is also an ordinary word.
            let w = f.word(p);
            let article = words::has(words::ARTICLES, &f.folded[p]);
            if f.could_be_name(p)
                && !f.toks[p].sentence_start
                && w.chars().count() <= 3
                && !article
                && !cues::is_connector(&f.folded[p])
            {
                run.first = p;
            }
        }
    }
    // A leading article is not part of the name.
    if run.last > run.first && words::has(words::LEADING_ARTICLES, &f.folded[run.first]) {
        run.first += 1;
    }
}

/// The known place right before `first` ("Paris" in "Paris Agreement") goes with the event.
fn drop_known_before(f: &Field, claims: &mut Claims, first: usize) {
    if first == 0 || f.toks[first - 1].gap != Gap::Space {
        return;
    }
    if let Some(s) = claims.owner(first - 1)
        && claims.get(s).is_some_and(|sp| sp.kind == Kind::Place)
    {
        claims.release(s);
    }
}

/// "Northern Ireland", "East Africa", "Lower Austria": a compass word before a known place
/// makes another place.
fn directional_places(f: &Field, claims: &mut Claims) {
    for p in 0..f.toks.len().saturating_sub(1) {
        if !claims.is_free(p)
            || !f.toks[p].capitalized
            || f.toks[p].gap != Gap::Space
            || !cues::is_directional(&f.folded[p])
        {
            continue;
        }
        let Some(s) = claims.owner(p + 1) else {
            continue;
        };
        let Some((_, last)) = claims.tokens(s).filter(|&(a, _)| a == p + 1) else {
            continue;
        };
        let Some(place) = claims.get(s).filter(|sp| sp.kind == Kind::Place) else {
            continue;
        };
        let span = Span {
            start: f.toks[p].start,
            end: place.end,
            known: None,
            kind: Kind::Place,
            kind_sure: true,
            words: f.folded[p..=last].iter().map(|w| w.to_string()).collect(),
        };
        // The new claim takes the place's tokens over.
        claims.claim(p, last, span);
    }
}

/// The word before token `k` is a definite article ("the", "il", "l'").
fn after_definite_article(f: &Field, k: usize) -> bool {
    k > 0
        && matches!(f.toks[k - 1].gap, Gap::Space | Gap::Apostrophe)
        && words::has(words::DEFINITE_ARTICLES, &f.folded[k - 1])
}

fn is_roman_numeral(w: &str) -> bool {
    words::has(words::ROMAN_NUMERALS, w)
}

/// The kind of an unknown name from its words and neighbours; `None` when it is not a name
/// after all (a lone ordinary word or head noun, a run of ordinary words without a head).
fn classify(f: &Field, run: &Run) -> Option<Span> {
    let (first, last) = (run.first, run.last);
    let len = last - first + 1;
    let name_words: Vec<usize> = (first..=last)
        .filter(|&k| !cues::is_connector(&f.folded[k]) || f.toks[k].capitalized)
        .collect();
    // A given name that is also an ordinary word counts as a name only in front ("Will
    // Smith"); further in it is the word ("Over My Head").
    let all_weak = name_words.iter().enumerate().all(|(n, &k)| {
        f.weak(k) || f.lang != "de" && n > 0 && !f.toks[k].all_caps && f.common_here(f.word(k))
    });
    let single_acronym = len == 1 && f.toks[first].all_caps;
    let prev = first
        .checked_sub(1)
        .filter(|&p| f.toks[p].gap == Gap::Space);
    let prev_trigger = prev.is_some_and(|p| cues::is_person_trigger(&f.folded[p]));
    let speech = last + 1 < f.toks.len()
        && f.toks[last].gap == Gap::Space
        && cues::is_speech_verb(&f.folded[last + 1])
        || prev.is_some_and(|p| cues::is_speech_verb(&f.folded[p]));
    let has_head = run.has_org_head || run.has_place_head;
    // A lone ordinary word opening a sentence ("In", "Will") is that word, even if it is also
    // someone's given name.
    if len == 1
        && (f.toks[first].sentence_start || f.headline)
        && f.common_here(f.word(first))
        && !f.toks[first].all_caps
    {
        return None;
    }
    let head_only = len == 1 && has_head;
    let supported = has_head || single_acronym || prev_trigger || speech;
    // Italian capitalises little: several capitalised words in a row are a name even when
    // each is also a word ("Romano Prodi", "Mario Draghi").
    let italian_run = f.lang == "it" && name_words.len() > 1 && !f.headline;
    if head_only || (all_weak && !supported && !italian_run) {
        return None;
    }
    let first_name = len > 1 && f.lex.is_first_name(f.word(first));
    let german_ending = (f.lang == "de" && len == 1)
        .then(|| super::german::compound_kind(&f.folded[first]))
        .flatten();
    let (kind, sure) = if let Some(kind) = german_ending {
        (kind, true)
    } else if run.has_org_head || single_acronym {
        (Kind::Organization, true)
    } else if run.has_place_head {
        (Kind::Place, true)
    } else if prev_trigger || first_name || speech {
        (Kind::Person, true)
    } else if len == 1 && prev.is_some_and(|p| cues::is_locative(&f.folded[p])) {
        (Kind::Place, false)
    } else if f.lang == "en" && after_definite_article(f, first) {
        // "the Gobierno", "the Cancillería": people go without an article in English; an
        // institution is the likelier thing. (Italian news writes "la Meloni".)
        (Kind::Organization, false)
    } else {
        // A lone capitalised word that is no ordinary word, with nothing else to go by, is
        // most often a surname in the news (measured on UNER: two in three).
        (Kind::Person, false)
    };
    Some(Span {
        start: f.toks[first].start,
        end: f.toks[last].end,
        known: None,
        kind,
        kind_sure: sure,
        words: name_words
            .iter()
            .map(|&k| f.folded[k].to_string())
            .collect(),
    })
}

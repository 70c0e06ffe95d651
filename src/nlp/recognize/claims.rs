//! Which name owns which token. The passes (known names, unknown runs, German adjectives,
//! compass places, the tagger) each claim token ranges for their names and release the ones
//! a later pass takes over; this type is the only place that keeps the two tables behind that
//! (the names, and each token's owner) in step.
//!
//! Invariant: token `t` is owned by claim `id` exactly when claim `id` is live and its token
//! range holds `t`. A live claim owns at least one token.

use super::Span;

/// One live claim: its name and its first and last token.
#[derive(Debug, Clone)]
struct Claim {
    span: Span,
    first: usize,
    last: usize,
}

/// The names of one field and the tokens they own.
#[derive(Debug, Clone)]
pub struct Claims {
    claims: Vec<Option<Claim>>,
    owner: Vec<Option<usize>>,
}

impl Claims {
    /// No names yet over `tokens` tokens.
    pub fn new(tokens: usize) -> Self {
        Claims {
            claims: Vec::new(),
            owner: vec![None; tokens],
        }
    }

    /// The claim that owns token `tok`.
    pub fn owner(&self, tok: usize) -> Option<usize> {
        self.owner.get(tok).copied().flatten()
    }

    /// Whether no name owns token `tok` (a token past the end is not free).
    pub fn is_free(&self, tok: usize) -> bool {
        self.owner.get(tok).is_some_and(|o| o.is_none())
    }

    /// Whether no name owns any token of `first..=last`.
    pub fn all_free(&self, first: usize, last: usize) -> bool {
        (first..=last).all(|t| self.is_free(t))
    }

    /// The name of a live claim.
    pub fn get(&self, id: usize) -> Option<&Span> {
        self.claims.get(id)?.as_ref().map(|c| &c.span)
    }

    /// The name of a live claim, to change its kind.
    pub fn get_mut(&mut self, id: usize) -> Option<&mut Span> {
        self.claims.get_mut(id)?.as_mut().map(|c| &mut c.span)
    }

    /// The first and last token of a live claim.
    pub fn tokens(&self, id: usize) -> Option<(usize, usize)> {
        self.claims.get(id)?.as_ref().map(|c| (c.first, c.last))
    }

    /// The live claims' ids, in the order they were made.
    pub fn ids(&self) -> Vec<usize> {
        (0..self.claims.len())
            .filter(|&i| self.claims[i].is_some())
            .collect()
    }

    /// Claims `first..=last` for `span`; any name owning one of those tokens is released
    /// whole first (a longer name takes over the ones inside it). Returns the new claim's id.
    pub fn claim(&mut self, first: usize, last: usize, span: Span) -> usize {
        assert!(
            first <= last && last < self.owner.len(),
            "claim {first}..={last} over {} tokens",
            self.owner.len()
        );
        for t in first..=last {
            if let Some(old) = self.owner[t] {
                self.release(old);
            }
        }
        let id = self.claims.len();
        self.claims.push(Some(Claim { span, first, last }));
        self.owner[first..=last].fill(Some(id));
        id
    }

    /// Releases a claim and frees its tokens; returns its name if it was live.
    pub fn release(&mut self, id: usize) -> Option<Span> {
        let c = self.claims.get_mut(id)?.take()?;
        self.owner[c.first..=c.last].fill(None);
        Some(c.span)
    }

    /// Releases every live claim whose name and first and last token `drop` refuses: the
    /// corrections that take a name back.
    pub fn release_where(&mut self, mut drop: impl FnMut(&Span, usize, usize) -> bool) {
        for id in 0..self.claims.len() {
            let refused = self.claims[id]
                .as_ref()
                .is_some_and(|c| drop(&c.span, c.first, c.last));
            if refused {
                self.release(id);
            }
        }
    }

    /// The names, in text order.
    pub fn into_spans(self) -> Vec<Span> {
        let mut out: Vec<Span> = self.claims.into_iter().flatten().map(|c| c.span).collect();
        out.sort_by_key(|s| s.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Kind;
    use proptest::prelude::*;

    fn span(first: usize) -> Span {
        Span {
            start: first,
            end: first + 1,
            known: None,
            kind: Kind::Person,
            kind_sure: false,
            words: vec![],
        }
    }

    /// The invariant of the module doc, checked from both tables.
    fn holds(c: &Claims) {
        for (t, o) in c.owner.iter().enumerate() {
            if let Some(id) = o {
                let (a, b) = c.tokens(*id).expect("an owner is live");
                assert!(a <= t && t <= b, "token {t} outside its claim {a}..={b}");
            }
        }
        for id in c.ids() {
            let (a, b) = c.tokens(id).unwrap();
            assert!(
                (a..=b).all(|t| c.owner(t) == Some(id)),
                "claim {id} lost a token"
            );
        }
    }

    #[test]
    fn release_where_takes_back_exactly_the_refused_names() {
        let mut c = Claims::new(6);
        c.claim(0, 1, span(0));
        c.claim(2, 2, span(2));
        c.claim(3, 5, span(3));
        c.release_where(|_, a, b| a == b || a == 3);
        holds(&c);
        assert_eq!(c.ids().len(), 1);
        assert_eq!(c.tokens(c.ids()[0]), Some((0, 1)));
        assert!((2..6).all(|t| c.is_free(t)));
    }

    proptest! {
        #[test]
        fn claims_and_owners_stay_in_step(
            ops in proptest::collection::vec((any::<bool>(), 0usize..12, 0usize..4, 0usize..20), 1..60)
        ) {
            let mut c = Claims::new(12);
            for (is_claim, first, len, id) in ops {
                if is_claim {
                    let last = (first + len).min(11);
                    let new = c.claim(first, last, span(first));
                    prop_assert_eq!(c.tokens(new), Some((first, last)));
                } else {
                    let was = c.tokens(id);
                    let got = c.release(id);
                    prop_assert_eq!(got.is_some(), was.is_some());
                    if let Some((a, b)) = was {
                        prop_assert!(c.all_free(a, b));
                    }
                }
                holds(&c);
            }
        }
    }

    #[test]
    fn a_longer_claim_takes_over_whole_names() {
        let mut c = Claims::new(5);
        let a = c.claim(0, 1, span(0));
        let b = c.claim(3, 3, span(3));
        let long = c.claim(1, 2, span(1));
        assert!(c.get(a).is_none(), "the name it overlapped went whole");
        assert!(c.is_free(0), "including its token outside the new claim");
        assert_eq!(c.owner(3), Some(b));
        assert_eq!(c.tokens(long), Some((1, 2)));
        assert!(!c.is_free(5), "past the end is not free");
        let spans = c.into_spans();
        assert_eq!(spans.iter().map(|s| s.start).collect::<Vec<_>>(), [1, 3]);
    }
}

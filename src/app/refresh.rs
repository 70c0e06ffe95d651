//! The corpus changed on disk while the reader is open (`--watch`): the new analysis replaces
//! the old, and the reader stays where it was. Articles are known across the two by their keys
//! (file name and a hash of their text), entities by their ids; whatever held an index into the
//! old analysis (the open article, the history, unfolded stories, an entity filter) is carried
//! over through those, or let go when its article or entity is gone.

use std::collections::HashMap;
use std::sync::Arc;

use super::data::Data;
use super::{App, Filter, Popup};

impl App {
    pub(super) fn on_refreshed(&mut self, data: Box<Data>) {
        let Some(old) = self.data.clone() else {
            self.on_loaded(data);
            return;
        };
        let new: Arc<Data> = Arc::from(data);
        let article = |i: usize| old.keys.get(i).and_then(|k| new.by_key.get(k)).copied();
        let new_entity: HashMap<&str, usize> = new
            .entities
            .list
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let entity = |e: usize| {
            old.entities
                .list
                .get(e)
                .and_then(|x| new_entity.get(x.id.as_str()))
                .copied()
        };
        let remap_filter = |f: &Filter| match f {
            Filter::Entity(e) => entity(*e).map_or(Filter::All, Filter::Entity),
            Filter::Group(es) => {
                let kept: Vec<usize> = es.iter().filter_map(|&e| entity(e)).collect();
                if kept.is_empty() {
                    Filter::All
                } else {
                    Filter::Group(kept)
                }
            }
            other => other.clone(),
        };

        let current = self.reader.current.and_then(article);
        let (scroll, mention) = (self.reader.scroll, self.reader.mention);
        self.history.remap(&|place| {
            place.article = match place.article {
                Some(a) => Some(article(a)?),
                None => None,
            };
            place.filter = remap_filter(&place.filter);
            place.mention = None;
            Some(())
        });
        self.preview_from = None;
        self.list.expanded = self
            .list
            .expanded
            .iter()
            .filter_map(|&r| article(r))
            .collect();
        // The finder's hits are entities of the old analysis: it opens afresh, unless the
        // entities are the same (the full analysis after an index's preview).
        let same_entities = old.entities.list.len() == new.entities.list.len()
            && old
                .entities
                .list
                .iter()
                .zip(&new.entities.list)
                .all(|(a, b)| a.id == b.id);
        if matches!(self.popup, Popup::Finder(_)) && !same_entities {
            self.popup = Popup::None;
        }
        if let Popup::Search { before, .. } = &mut self.popup {
            *before = remap_filter(before);
        }
        let filter = remap_filter(&self.filter);

        // By id: a changed article has a new key (its text's hash is part of it), and was
        // counted both as new and as gone.
        let (mut added, mut changed) = (0, 0);
        for (i, a) in new.corpus.articles.iter().enumerate() {
            match old.by_id.get(&a.id) {
                None => added += 1,
                Some(&o) if old.keys[o] != new.keys[i] => changed += 1,
                Some(_) => {}
            }
        }
        let gone = old
            .corpus
            .articles
            .iter()
            .filter(|a| !new.by_id.contains_key(&a.id))
            .count();
        self.data = Some(new);
        self.loading = None;
        self.reader.current = None;
        self.set_filter(filter);
        match current {
            Some(a) => {
                self.show(a);
                // The same article: where the reader was in it, if the text still reaches.
                let unchanged = self.reader.current == Some(a);
                if unchanged {
                    self.reader.scroll = scroll.min(self.reader.layout.lines.len());
                    self.reader.mention = mention.filter(|&m| {
                        self.data
                            .as_ref()
                            .is_some_and(|d| m < d.entities.mentions[a].len())
                    });
                }
                if let Some(i) = self.reveal_row(a) {
                    self.list.sel = i;
                }
            }
            None => {
                if let Some(a) = self.list.rows.first().map(super::list::Row::article) {
                    self.show(a);
                }
            }
        }
        // After a preview, this is the start's analysis: what it skipped is news.
        let data = self.data.clone().expect("just set");
        let skipped = &data.corpus.skipped;
        if old.partial.is_some() && !skipped.is_empty() {
            let counts = crate::corpus::Skipped::summary(skipped);
            self.say(format!("{counts} — press w"), 20);
        }
        // Input skipped now that was not before (a file written broken) is news too.
        let before: std::collections::HashSet<(&str, &str)> = old
            .corpus
            .skipped
            .iter()
            .map(|s| (s.source.as_str(), s.reason.as_str()))
            .collect();
        let newly = skipped
            .iter()
            .filter(|s| !before.contains(&(s.source.as_str(), s.reason.as_str())))
            .count();
        let reloaded = std::mem::take(&mut self.reloading);
        let mut news = vec![];
        if added + changed + gone > 0 {
            news.push(format!(
                "the corpus changed: {added} new, {changed} changed, {gone} gone"
            ));
        }
        if newly > 0 && old.partial.is_none() {
            news.push(format!(
                "{} newly skipped — press w",
                super::marks::plural(newly, "input")
            ));
        }
        if !news.is_empty() {
            self.say(news.join("; "), 10);
        } else if reloaded {
            self.say("read the files again: nothing changed", 5);
        }
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyCode;

    use super::super::tests::{key, loaded_app, send};
    use super::*;
    use crate::app::Msg;

    #[test]
    fn the_reader_stays_on_its_article_and_filter_when_the_corpus_changes() {
        let mut app = loaded_app(120, 40);
        let old = app.data.clone().unwrap();
        // Open the fourth article, then filter by one of its entities: two places.
        app.open(3, true);
        let entity = old.entities.mentions[3][0].entity;
        app.filter_entity(entity);
        let (key_before, entity_id) = (old.keys[3].clone(), old.entities.list[entity].id.clone());

        // An article arrives before all others, and the first one's text changed.
        send(&mut app, Msg::Progress("files changed: updating…".into()));
        let mut corpus = crate::corpus::load_bundled();
        corpus.articles[0].body.push_str("\n\nEin neuer Absatz.");
        let mut arrived = corpus.articles[4].clone();
        arrived.id = "new".into();
        arrived.title = "Neu: Kim Jong Un empfängt Schoigu".into();
        corpus.articles.insert(0, arrived);
        send(
            &mut app,
            Msg::Refreshed(Box::new(Data::build(corpus, &|_| {}))),
        );

        let new = app.data.clone().unwrap();
        let current = app.reader.current.expect("an article is open");
        assert_eq!(
            new.keys[current], key_before,
            "the same article, at its new index"
        );
        assert_ne!(current, 3);
        assert_eq!(
            app.filter,
            Filter::Entity(new_entity_index(&new, &entity_id)),
            "the same entity"
        );
        assert!(app.list.rows.iter().any(|r| r.holds(current)));
        let message = app.message.clone().unwrap_or_default();
        // One new, one changed: a changed article was also counted as gone.
        assert_eq!(message, "the corpus changed: 1 new, 1 changed, 0 gone");
        assert_eq!(app.loading, None, "no progress left in the status line");

        // Back leaves the filter, to the article as it was opened.
        key(&mut app, KeyCode::Backspace);
        assert_eq!(app.filter, Filter::All);
        assert_eq!(app.reader.current, Some(current));
    }

    fn new_entity_index(data: &Data, id: &str) -> usize {
        data.entities.list.iter().position(|e| e.id == id).unwrap()
    }

    #[test]
    fn a_gone_article_and_entity_let_go() {
        let mut app = loaded_app(120, 40);
        app.open(4, true);
        let only_there = {
            let d = app.data.as_ref().unwrap();
            d.entities
                .list
                .iter()
                .position(|e| e.articles == [4])
                .expect("an entity of article 4 only")
        };
        app.filter_entity(only_there);
        let mut corpus = crate::corpus::load_bundled();
        corpus.articles.remove(4);
        send(
            &mut app,
            Msg::Refreshed(Box::new(Data::build(corpus, &|_| {}))),
        );
        assert_eq!(app.filter, Filter::All);
        let current = app.reader.current.expect("the first article opens");
        assert!(current < 4);
        assert_eq!(
            app.message.as_deref(),
            Some("the corpus changed: 0 new, 0 changed, 1 gone")
        );
    }
}

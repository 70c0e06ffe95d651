//! How each message changes the app: keys through the keymap (or to the open popup), mouse
//! clicks and wheel by the pane under the pointer, loading stages, resizes.

use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::action::Action;
use super::finder::Finder;
use super::history::Place;
use super::layout::inner;
use super::list::{Row, rows};
use super::{App, Effect, Filter, Msg, Pane, Popup};

/// Finder results kept: all of them, so that "N found" is the true count and every one can be
/// scrolled to (the popup shows a window around the selection).
pub const FINDER_HITS: usize = usize::MAX;

/// The status line while `reload` reads the files again.
pub const RELOADING: &str = "reading the files again…";

/// The help's notes after the keys (before the mouse line).
pub const HELP_NOTES: &[&str] = &[
    " Ctrl-i: most terminals send it as Tab; Alt-→ always goes forward",
    " finder: Ctrl-j/Ctrl-k move; @person @place @org as a word keep that kind",
];

/// Rows a page key moves in the finder.
const FINDER_PAGE: usize = 10;

impl App {
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = self.handle(msg);
        self.ask_for_text();
        effects.append(&mut self.effects);
        effects
    }

    /// With a preview's data, the open article's text is read from the index, once.
    fn ask_for_text(&mut self) {
        let (Some(d), Some(a)) = (&self.data, self.reader.current) else {
            return;
        };
        let unread = d
            .partial
            .as_ref()
            .is_some_and(|p| p.read.get(a) == Some(&false));
        if unread && self.texts_asked.insert(a) {
            self.effects.push(Effect::ReadText { article: a });
        }
    }

    /// An article's text arrived from the index: it joins the data, and the reader shows it.
    fn on_text_read(&mut self, article: usize, text: Option<crate::store::ArticleText>) {
        let (Some(text), Some(data)) = (text, self.data.as_mut()) else {
            return;
        };
        let unread = data
            .partial
            .as_ref()
            .is_some_and(|p| p.read.get(article) == Some(&false));
        if !unread {
            return;
        }
        // A search may hold the data a moment: then this copies it (only a preview's, which
        // has no texts), else it changes in place.
        let d = std::sync::Arc::make_mut(data);
        d.corpus.articles[article].body = text.body;
        d.entities.mentions[article] = text.mentions;
        d.relations.related[article] = text.related;
        if let Some(p) = d.partial.as_mut() {
            p.read[article] = true;
        }
        if self.reader.current == Some(article) {
            self.reader.layout.lines.clear();
            self.relayout();
        }
    }

    fn handle(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::SearchDone { generation, hits } => {
                if generation == self.search_generation && matches!(self.filter, Filter::Search(_))
                {
                    self.searching = false;
                    self.list.visible = hits;
                    self.rebuild_rows();
                    self.select_current_row();
                }
                vec![]
            }
            Msg::FindDone { generation, hits } => {
                if let Popup::Finder(f) = &mut self.popup
                    && generation == self.find_generation
                {
                    f.hits = hits;
                    f.selected = 0;
                    f.stale = false;
                    if std::mem::take(&mut f.enter_waiting) {
                        self.choose_in_finder();
                    }
                }
                vec![]
            }
            Msg::SaveFailed(reason) | Msg::Warning(reason) => {
                self.say(reason, 30);
                vec![]
            }
            Msg::OpenFailed(reason) => {
                self.say(format!("{reason} — press c to copy the URL"), 15);
                vec![]
            }
            Msg::Tick => {
                if self.message.is_some() {
                    self.message_ticks = self.message_ticks.saturating_sub(1);
                    if self.message_ticks == 0 {
                        self.message = None;
                    }
                }
                vec![]
            }
            Msg::Key(key) if key.kind == KeyEventKind::Release => vec![],
            Msg::Key(key) if self.data.is_none() && self.queues_while_loading(&key) => {
                // Keys typed while loading are kept and played once the corpus is there.
                if self.queued_keys.len() < 64 {
                    self.queued_keys.push(key);
                }
                vec![]
            }
            Msg::Key(key) => self.on_key(key),
            Msg::Mouse(m) => {
                self.on_mouse(m);
                vec![]
            }
            Msg::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.relayout();
                vec![]
            }
            Msg::Progress(p) => {
                self.loading = Some(p);
                self.meter = None;
                vec![]
            }
            Msg::Meter(m) => {
                if self.loading.is_some() {
                    self.meter = m;
                }
                vec![]
            }
            Msg::Loaded(data) => {
                self.on_loaded(data);
                vec![]
            }
            Msg::Refreshed(data) => {
                self.on_refreshed(data);
                vec![]
            }
            Msg::TextRead { article, text } => {
                self.on_text_read(article, text);
                vec![]
            }
        }
    }

    pub(super) fn on_loaded(&mut self, data: Box<super::data::Data>) {
        let data: std::sync::Arc<super::data::Data> = std::sync::Arc::from(data);
        let skipped = data.corpus.skipped.len();
        let data_skipped = data.corpus.skipped.clone();
        self.adopt_legacy_marks(&data);
        let wanted = self.open_on_load.take();
        let session = self
            .state
            .corpora
            .get(&self.corpus_key)
            .cloned()
            .unwrap_or_default();
        // `--open ID` that is not there is worth a message; a last article that is gone (the
        // file changed or was removed) is not.
        let open = match &wanted {
            Some(id) => {
                let found = data.by_id.get(id).copied();
                if found.is_none() {
                    self.say(format!("no article with id {id}"), 10);
                }
                found
            }
            None => session
                .last
                .as_ref()
                .and_then(|k| data.by_key.get(k).copied()),
        };
        // The saved history of this corpus is where Back goes, as before the restart.
        for key in &session.history {
            if let Some(&a) = data.by_key.get(key)
                && Some(a) != open
            {
                self.history.push(Place {
                    filter: Filter::All,
                    article: Some(a),
                    scroll: 0,
                    mention: None,
                });
            }
        }
        self.data = Some(data);
        self.loading = None;
        if skipped > 0 {
            let counts = crate::corpus::Skipped::summary(&data_skipped);
            self.say(format!("{counts} — press w"), 20);
        }
        // A start-up warning (the state file moved aside) must outlive loading's messages.
        if !self.warnings.is_empty() {
            let mut parts = self.warnings.clone();
            parts.extend(self.message.take());
            self.say(parts.join("; "), 30);
        }
        self.set_filter(Filter::All);
        match (wanted.is_some(), open) {
            // `--open ID` asks for that article: it is opened, and read.
            (true, Some(a)) => self.open(a, false),
            // Otherwise the reader starts on a preview, like any cursor move: the last
            // article or the first row is shown, nothing is marked read.
            _ => {
                if let Some(a) = open.or_else(|| self.list.rows.first().map(Row::article)) {
                    self.show(a);
                    if let Some(i) = self.reveal_row(a) {
                        self.list.sel = i;
                    }
                }
            }
        }
        for key in std::mem::take(&mut self.queued_keys) {
            let mut effects = self.on_key(key);
            self.effects.append(&mut effects);
        }
    }

    /// Read marks and bookmarks of older state files are article ids: those of this corpus
    /// become article keys (and leave the id form, which another corpus could share).
    fn adopt_legacy_marks(&mut self, data: &super::data::Data) {
        for set in [&mut self.state.read, &mut self.state.bookmarks] {
            if set.iter().all(|k| k.contains('#')) {
                continue;
            }
            for (a, article) in data.corpus.articles.iter().enumerate() {
                if set.remove(&article.id) {
                    set.insert(data.keys[a].clone());
                }
            }
        }
    }

    /// While loading, keys wait for the corpus, except quitting, help, and keys for an open popup.
    fn queues_while_loading(&self, key: &crossterm::event::KeyEvent) -> bool {
        let ctrl_c =
            key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        let now = matches!(self.keymap.action(key), Some(Action::Quit | Action::Help));
        !ctrl_c && !now && matches!(self.popup, Popup::None)
    }

    fn on_key(&mut self, key: crossterm::event::KeyEvent) -> Vec<Effect> {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.on_action(Action::Quit);
        }
        match &mut self.popup {
            Popup::Finder(_) => return self.finder_key(key),
            Popup::Search { .. } => return self.search_key(key),
            Popup::Help | Popup::Skipped | Popup::Link(_) => {
                let (lines, rows) = self.popup_extent();
                let max = lines.saturating_sub(rows);
                let page = rows.max(1);
                let s = self.popup_scroll.min(max);
                self.popup_scroll = match self.keymap.action(&key) {
                    Some(Action::Quit) => return self.on_action(Action::Quit),
                    Some(Action::Down) => (s + 1).min(max),
                    Some(Action::Up) => s.saturating_sub(1),
                    Some(Action::PageDown) => (s + page).min(max),
                    Some(Action::PageUp) => s.saturating_sub(page),
                    Some(Action::Top) => 0,
                    Some(Action::Bottom) => max,
                    _ => {
                        self.popup = Popup::None;
                        0
                    }
                };
                return vec![];
            }
            Popup::None => {}
        }
        match self.keymap.action(&key) {
            Some(a) => self.on_action(a),
            None => vec![],
        }
    }

    fn finder_key(&mut self, key: crossterm::event::KeyEvent) -> Vec<Effect> {
        let Popup::Finder(finder) = &mut self.popup else {
            return vec![];
        };
        match key.code {
            KeyCode::Esc => self.popup = Popup::None,
            KeyCode::Enter if finder.stale => finder.enter_waiting = true,
            KeyCode::Enter => self.choose_in_finder(),
            KeyCode::Down | KeyCode::Tab => {
                finder.selected = (finder.selected + 1).min(finder.hits.len().saturating_sub(1))
            }
            KeyCode::Up | KeyCode::BackTab => finder.selected = finder.selected.saturating_sub(1),
            KeyCode::PageDown => {
                finder.selected =
                    (finder.selected + FINDER_PAGE).min(finder.hits.len().saturating_sub(1))
            }
            KeyCode::PageUp => finder.selected = finder.selected.saturating_sub(FINDER_PAGE),
            KeyCode::Home => finder.selected = 0,
            KeyCode::End => finder.selected = finder.hits.len().saturating_sub(1),
            // As in fzf and television: Ctrl-n/j down, Ctrl-p/k up.
            KeyCode::Char('n' | 'j') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                finder.selected = (finder.selected + 1).min(finder.hits.len().saturating_sub(1))
            }
            KeyCode::Char('p' | 'k') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                finder.selected = finder.selected.saturating_sub(1)
            }
            // Everything else edits the query like a shell line.
            _ => {
                if finder.query.edit(&key) == Some(true) {
                    self.refresh_finder();
                }
            }
        }
        vec![]
    }

    /// The finder's selected hit: the list filtered by it, the focus on the list.
    fn choose_in_finder(&mut self) {
        let Popup::Finder(finder) = &self.popup else {
            return;
        };
        if let Some(hit) = finder.hits.get(finder.selected) {
            let es = hit.entities();
            self.popup = Popup::None;
            if let [e] = es[..] {
                self.filter_entity(e);
            } else {
                self.history.push(self.place());
                self.set_filter(Filter::Group(es));
            }
            // The next motion is choosing among its articles.
            self.focus = Pane::List;
        }
    }

    /// Asks for the finder's results for its query, off the UI's path.
    fn refresh_finder(&mut self) {
        let Popup::Finder(finder) = &mut self.popup else {
            return;
        };
        finder.stale = true;
        self.find_generation += 1;
        self.effects.push(Effect::Find {
            generation: self.find_generation,
            query: finder.query.text().to_owned(),
        });
    }

    fn search_key(&mut self, key: crossterm::event::KeyEvent) -> Vec<Effect> {
        let Popup::Search { query, before } = &mut self.popup else {
            return vec![];
        };
        match key.code {
            KeyCode::Esc => {
                let before = before.clone();
                self.popup = Popup::None;
                self.set_filter(before);
            }
            KeyCode::Enter => {
                let (q, before) = (query.text().to_owned(), before.clone());
                self.popup = Popup::None;
                if !q.trim().is_empty() {
                    self.history.push(Place {
                        filter: before,
                        ..self.place()
                    });
                }
            }
            // The list's cursor moves while typing, as in fzf: Down/Up, Ctrl-n/j, Ctrl-p/k.
            KeyCode::Down | KeyCode::Up => {
                self.move_list(key.code == KeyCode::Down);
            }
            KeyCode::Char(c @ ('n' | 'j' | 'p' | 'k'))
                if key.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                self.move_list(matches!(c, 'n' | 'j'));
            }
            // Everything else edits the query like a shell line; the list follows live.
            _ => {
                if query.edit(&key) == Some(true) {
                    let q = query.text().to_owned();
                    self.set_filter(if q.trim().is_empty() {
                        Filter::All
                    } else {
                        Filter::Search(q)
                    });
                }
            }
        }
        vec![]
    }

    pub fn on_action(&mut self, action: Action) -> Vec<Effect> {
        if self.data.is_none() && !matches!(action, Action::Quit | Action::Help | Action::Escape) {
            return vec![];
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return vec![Effect::SaveState(self.state.clone())];
            }
            Action::FocusNext => self.focus_pane(next_pane(self.focus, true)),
            Action::FocusPrev => self.focus_pane(next_pane(self.focus, false)),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Activate => self.activate(),
            Action::NextMention => self.step_mention(1),
            Action::PrevMention => self.step_mention(-1),
            // Under a search, n/N go through its matches unless a mention is selected.
            Action::NextOccurrence | Action::PrevOccurrence
                if !self.reader.matches.is_empty() && self.reader.mention.is_none() =>
            {
                self.step_match(action == Action::NextOccurrence)
            }
            Action::NextOccurrence => self.step_occurrence(true),
            Action::PrevOccurrence => self.step_occurrence(false),
            Action::Back => {
                if let Some(p) = self.history.back(self.place()) {
                    self.go_to(p);
                }
            }
            Action::Forward => {
                if let Some(p) = self.history.forward(self.place()) {
                    self.go_to(p);
                }
            }
            Action::EntityFinder => {
                self.popup = Popup::Finder(Finder::default());
                self.refresh_finder();
            }
            Action::Search => {
                let query = match &self.filter {
                    Filter::Search(q) => super::prompt::Prompt::with(q),
                    _ => super::prompt::Prompt::default(),
                };
                self.popup = Popup::Search {
                    query,
                    before: self.filter.clone(),
                };
            }
            Action::Escape => {
                if self.filter != Filter::All {
                    self.history.push(self.place());
                    self.set_filter(Filter::All);
                } else {
                    self.reader.mention = None;
                    self.message = None;
                }
            }
            Action::ToggleRead | Action::ToggleBookmark => {
                return self.toggle_mark(action == Action::ToggleRead);
            }
            Action::OpenUrl => return self.open_url(),
            Action::Sort => {
                self.list.view.sort = self.list.view.sort.next();
                self.rebuild_rows();
                self.select_current_row();
            }
            Action::FilterUnread => {
                self.list.view.unread_only = !self.list.view.unread_only;
                self.rebuild_rows();
                self.select_current_row();
            }
            Action::FilterBookmarked => {
                self.list.view.bookmarked_only = !self.list.view.bookmarked_only;
                self.rebuild_rows();
                self.select_current_row();
            }
            Action::FilterLanguage => {
                self.list.view.lang = self.next_language();
                self.rebuild_rows();
                self.select_current_row();
            }
            Action::CopyUrl => return self.copy_url(),
            Action::Help => {
                self.popup = Popup::Help;
                self.popup_scroll = 0;
            }
            Action::ShowSkipped => {
                self.popup = Popup::Skipped;
                self.popup_scroll = 0;
            }
            Action::LinkDetail => self.open_link_detail(),
            Action::NextUnread => self.step_unread(true),
            Action::PrevUnread => self.step_unread(false),
            Action::MarkAllRead => return self.mark_all_read(),
            Action::Undo => return self.undo_marks(),
            Action::Reload => {
                self.say(RELOADING, 30);
                self.reloading = true;
                return vec![Effect::Reload];
            }
            Action::Zoom => {
                self.zoom = !self.zoom;
                if self.zoom {
                    self.focus = Pane::Reader;
                }
                self.relayout();
                self.clamp_reader_scroll();
            }
            Action::FocusList => self.focus_pane(Pane::List),
            Action::FocusReader => self.focus_pane(Pane::Reader),
            Action::FocusRelated => self.focus_pane(Pane::Related),
            Action::FocusCard => self.focus_pane(Pane::Card),
        }
        vec![]
    }

    /// The list's cursor one row down (up), the reader following it (a prompt is open).
    fn move_list(&mut self, down: bool) {
        let n = self.list.rows.len();
        self.list.sel = if down {
            (self.list.sel + 1).min(n.saturating_sub(1))
        } else {
            self.list.sel.saturating_sub(1)
        };
        self.preview_selected();
    }

    /// Focuses `pane`; one that the zoom hides brings the other panes back.
    fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
        if self.zoom && pane != Pane::Reader {
            self.zoom = false;
            self.relayout();
            self.clamp_reader_scroll();
        }
    }

    /// The article a mark applies to: the list's selection when the list has focus, else the open one.
    /// What `m` and `b` mark: every member of a story row in the list, else the article.
    fn mark_targets(&self) -> Vec<usize> {
        match (self.focus, self.list.rows.get(self.list.sel)) {
            (Pane::List, Some(Row::Story { members, .. })) => members.clone(),
            (Pane::List, Some(row)) => vec![row.article()],
            _ => self.reader.current.into_iter().collect(),
        }
    }

    /// Marks all targets, or unmarks them when all are marked already.
    fn toggle_mark(&mut self, read: bool) -> Vec<Effect> {
        let targets = self.mark_targets();
        let Some(data) = &self.data else {
            return vec![];
        };
        if targets.is_empty() {
            return vec![];
        }
        let keys: Vec<String> = targets.iter().map(|&a| data.keys[a].clone()).collect();
        let set = if read {
            &mut self.state.read
        } else {
            &mut self.state.bookmarks
        };
        if keys.iter().all(|k| set.contains(k)) {
            for k in &keys {
                set.remove(k);
            }
        } else {
            set.extend(keys);
        }
        vec![Effect::SaveState(self.state.clone())]
    }

    /// The open article's address, if it has one.
    fn current_url(&self) -> Option<String> {
        let (d, a) = (self.data.as_ref()?, self.reader.current?);
        d.corpus.articles[a].url.clone()
    }

    fn open_url(&mut self) -> Vec<Effect> {
        let url = self.current_url();
        match url {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                self.say(format!("opening {u}"), 5);
                vec![Effect::OpenUrl(u)]
            }
            Some(u) => {
                self.say(format!("not a web address: {u}"), 10);
                vec![]
            }
            None => {
                self.say("this article has no URL", 10);
                vec![]
            }
        }
    }

    /// The open article's URL to the clipboard: any address it has (it was sanitised when
    /// loaded, and goes out base64-encoded, so it cannot drive the terminal).
    fn copy_url(&mut self) -> Vec<Effect> {
        let url = self.current_url();
        match url {
            Some(u) => {
                self.say(format!("copied {u}"), 5);
                vec![Effect::Copy(u)]
            }
            None => {
                self.say("this article has no URL", 10);
                vec![]
            }
        }
    }

    /// Shows `text` in the status line for `seconds`.
    pub fn say(&mut self, text: impl Into<String>, seconds: u32) {
        self.message = Some(text.into());
        self.message_ticks = seconds;
    }

    pub(super) fn activate(&mut self) {
        match self.focus {
            Pane::List => match self.list.rows.get(self.list.sel).cloned() {
                Some(Row::Story {
                    members, expanded, ..
                }) => {
                    let root = self
                        .data
                        .as_ref()
                        .map_or(members[0], |d| d.relations.story[members[0]]);
                    if expanded {
                        self.list.expanded.remove(&root);
                    } else {
                        self.list.expanded.insert(root);
                    }
                    self.rebuild_rows();
                    self.open(members[0], true);
                    self.select_filtered_entity();
                }
                Some(Row::Article { article, .. }) => {
                    self.open(article, true);
                    self.focus = Pane::Reader;
                    self.select_filtered_entity();
                }
                None => {}
            },
            Pane::Reader => {
                if let Some(e) = self.selected_entity() {
                    self.filter_entity(e);
                    self.focus = Pane::List;
                }
            }
            Pane::Related => {
                if let Some(l) = self.related().get(self.related.sel) {
                    let a = l.article;
                    self.open(a, true);
                }
            }
            Pane::Card => {
                let n = self.card_articles().len();
                let (Some(e), Some(&a)) = (
                    self.selected_entity(),
                    self.card_articles()
                        .get(self.related.card_sel.min(n.saturating_sub(1))),
                ) else {
                    return;
                };
                self.open(a, true);
                // On the entity's first mention there, so the card stays on it.
                self.select_first_mention(e);
            }
        }
    }

    /// The detail view of the related entry under the panel's cursor (the first when the
    /// panel is not focused).
    fn open_link_detail(&mut self) {
        let sel = if self.focus == Pane::Related {
            self.related.sel
        } else {
            0
        };
        let (Some(data), Some(from), Some(link)) = (
            self.data.as_ref(),
            self.reader.current,
            self.related().get(sel),
        ) else {
            self.say("no related entry to explain", 3);
            return;
        };
        self.popup = Popup::Link(Box::new(super::link::LinkDetail::of(data, from, link)));
        self.popup_scroll = 0;
    }

    /// The articles the entity card lists: those of the selected mention's entity.
    pub fn card_articles(&self) -> &[usize] {
        match (&self.data, self.selected_entity()) {
            (Some(d), Some(e)) => &d.entities.list[e].articles,
            _ => &[],
        }
    }

    /// In a list filtered by an entity, an article opens on that entity's first mention,
    /// selected, so the card shows it and `n` follows it.
    fn select_filtered_entity(&mut self) {
        if let Filter::Entity(e) = self.filter {
            self.select_first_mention(e);
        }
    }

    /// Shows only the articles that mention entity `e`, as a new place in the history.
    pub fn filter_entity(&mut self, e: usize) {
        self.history.push(self.place());
        self.set_filter(Filter::Entity(e));
    }

    pub fn set_filter(&mut self, filter: Filter) {
        let Some(data) = &self.data else { return };
        self.list.visible = match &filter {
            Filter::All => (0..data.article_count()).collect(),
            Filter::Entity(e) => data.entities.list[*e].articles.clone(),
            Filter::Group(es) => {
                let mut all: Vec<usize> = es
                    .iter()
                    .flat_map(|&e| data.entities.list[e].articles.iter().copied())
                    .collect();
                all.sort_unstable();
                all.dedup();
                all
            }
            Filter::Search(q) => {
                // A part of the query that cannot be read is told, not taken for "nothing
                // matches".
                let problems = crate::index::query::Query::parse(q).problems;
                if !problems.is_empty() {
                    self.message = Some(problems.join("; "));
                    self.message_ticks = 10;
                }
                // Searching runs off the UI's path; the list fills when it answers.
                self.search_generation += 1;
                self.searching = true;
                self.effects.push(Effect::Search {
                    generation: self.search_generation,
                    query: q.clone(),
                });
                self.list.visible.clone()
            }
        };
        if !matches!(filter, Filter::Search(_)) {
            self.searching = false;
        }
        self.filter = filter;
        self.rebuild_rows();
        self.select_current_row();
        self.refresh_matches();
    }

    /// Puts the list's cursor on the open article's row; when the list no longer shows it (a
    /// filter left it out), the cursor goes to the first row and the reader shows that row's
    /// article: the cursor and the reader always agree.
    fn select_current_row(&mut self) {
        match self.reader.current.and_then(|c| self.reveal_row(c)) {
            Some(i) => self.list.sel = i,
            None => {
                self.list.sel = 0;
                if let Some(a) = self.list.rows.first().map(Row::article)
                    && self.reader.current != Some(a)
                {
                    self.show(a);
                }
            }
        }
    }

    /// The row of `article`: its own, or its story's when that row is headed by it; a member
    /// further down a folded story has its story unfolded, so the cursor can stand on it.
    pub(super) fn reveal_row(&mut self, article: usize) -> Option<usize> {
        if let Some(i) = self.list.rows.iter().position(|r| r.article() == article) {
            return Some(i);
        }
        let folded = self.list.rows.iter().any(|r| r.holds(article));
        if !folded {
            return None;
        }
        let root = self.data.as_ref()?.relations.story[article];
        self.list.expanded.insert(root);
        self.rebuild_rows();
        self.list.rows.iter().position(|r| r.article() == article)
    }

    /// The rows built again for the view as it is now, the cursor kept on the open article.
    pub(super) fn refilter(&mut self) {
        self.rebuild_rows();
        self.select_current_row();
    }

    fn rebuild_rows(&mut self) {
        if let Some(data) = &self.data {
            let shown = self.list.view.apply(data, &self.state, &self.list.visible);
            self.list.shown = shown.len();
            // Filtered lists fold stories too: following one person is when the
            // cross-language view matters most.
            self.list.rows = rows(data, &shown, &self.list.expanded, &self.languages);
            self.list.sel = self.list.sel.min(self.list.rows.len().saturating_sub(1));
        }
    }

    /// Opens `article` in the reader (a new place in the history when `push`).
    pub fn open(&mut self, article: usize, push: bool) {
        let Some(data) = &self.data else { return };
        // Previewing while moving in the list is no visit: history goes back to where the
        // reader was before the preview began.
        let from = self.preview_from.take().unwrap_or_else(|| self.place());
        if push && from.article != Some(article) {
            self.history.push(from);
        }
        let key = data.keys[article].clone();
        self.show(article);
        self.state.opened(&self.corpus_key, &key);
        if let Some(i) = self.reveal_row(article) {
            self.list.sel = i;
        } else if self.filter != Filter::All {
            // Followed out of the filtered list (a related story that does not name the
            // entity): the list opens up to it, as a browser leaves a results page; Back
            // returns to the filter.
            self.set_filter(Filter::All);
        }
    }

    /// Shows the article under the list cursor in the reader, as newsboat and mail readers
    /// do: not marked read, no place in the history (Enter opens it for real).
    pub(super) fn preview_selected(&mut self) {
        let Some(article) = self.list.rows.get(self.list.sel).map(Row::article) else {
            return;
        };
        if self.reader.current == Some(article) {
            return;
        }
        if self.preview_from.is_none() {
            self.preview_from = Some(self.place());
        }
        self.show(article);
    }

    /// Puts `article` in the reader, at its top.
    pub(super) fn show(&mut self, article: usize) {
        self.reader.current = Some(article);
        self.reader.scroll = 0;
        self.reader.mention = None;
        self.related.sel = 0;
        self.reader.width = 0;
        self.relayout();
        self.refresh_matches();
    }

    /// The search's words in the open article (none without a search).
    fn refresh_matches(&mut self) {
        self.reader.current_match = None;
        self.reader.matches = match (&self.filter, &self.data, self.reader.current) {
            (Filter::Search(q), Some(d), Some(a)) => {
                let art = &d.corpus.articles[a];
                super::matches::find(q, &art.title, &art.body)
            }
            _ => Vec::new(),
        };
    }

    /// `n`/`N` under a search: the next (previous) match, the reader scrolled to it.
    pub(super) fn step_match(&mut self, forward: bool) {
        let n = self.reader.matches.len();
        if n == 0 {
            return;
        }
        let i = match (self.reader.current_match, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.reader.current_match = Some(i);
        let m = self.reader.matches[i];
        if let Some(line) = self.reader.layout.line_of(m.field, m.start) {
            self.scroll_to_line(line);
        }
        self.say(format!("match {} of {n}", i + 1), 3);
    }

    pub fn place(&self) -> Place {
        Place {
            filter: self.filter.clone(),
            article: self.reader.current,
            scroll: self.reader.scroll,
            mention: self.reader.mention,
        }
    }

    /// Back or forward to `place`: its filter, its article, where the reader was in it.
    fn go_to(&mut self, place: Place) {
        self.set_filter(place.filter);
        if let Some(a) = place.article {
            self.open(a, false);
            self.reader.mention = place.mention;
            self.reader.scroll = place.scroll;
            self.clamp_reader_scroll();
        }
    }

    /// The language after the one shown (in the order of first appearance), then none.
    fn next_language(&self) -> Option<String> {
        let data = self.data.as_ref()?;
        let mut langs: Vec<&str> = vec![];
        for a in &data.corpus.articles {
            if !langs.contains(&a.lang.as_str()) {
                langs.push(&a.lang);
            }
        }
        // Undetermined last: it is no language one reads in.
        langs.sort_by_key(|l| *l == "und");
        match &self.list.view.lang {
            None => langs.first().map(|l| l.to_string()),
            Some(cur) => langs
                .iter()
                .position(|l| l == cur)
                .and_then(|i| langs.get(i + 1))
                .map(|l| l.to_string()),
        }
    }

    /// Lines of the open help or skipped popup, and how many it shows at once.
    fn popup_extent(&self) -> (usize, usize) {
        let (lines, rect) = match self.popup {
            Popup::Help => {
                let n = self.help_line_count();
                (n, super::layout::help_rect(self.size, n))
            }
            Popup::Skipped => (
                self.skipped_line_count(),
                super::layout::skipped_rect(self.size),
            ),
            Popup::Link(ref detail) => {
                let rect = super::layout::skipped_rect(self.size);
                let lines = match &self.data {
                    Some(d) => detail.lines(d, rect.width.saturating_sub(2) as usize).len(),
                    None => 0,
                };
                (lines, rect)
            }
            _ => (0, self.size),
        };
        (lines, rect.height.saturating_sub(2) as usize)
    }

    /// The help popup's lines: a heading, one per action, a note on the mouse.
    pub fn help_line_count(&self) -> usize {
        Action::ALL.len() + 3 + HELP_NOTES.len()
    }

    /// The skipped-input popup's lines: each warning, two per skipped input, or one notice.
    pub fn skipped_line_count(&self) -> usize {
        let width = super::layout::skipped_rect(self.size)
            .width
            .saturating_sub(2) as usize;
        let skipped = self
            .data
            .as_ref()
            .map(|d| d.corpus.skipped.as_slice())
            .unwrap_or_default();
        super::skipped_text::skipped_lines(&self.warnings, skipped, width).len()
    }

    /// Lays the open article out again if the reader's width changed.
    pub fn relayout(&mut self) {
        let (Some(data), Some(a), Some(areas)) = (&self.data, self.reader.current, self.areas())
        else {
            return;
        };
        let width = inner(areas.reader).width.saturating_sub(1) as usize;
        if width != self.reader.width || self.reader.layout.lines.is_empty() {
            self.reader.layout = super::reader::layout(data, a, width);
            self.reader.width = width;
        }
        // Also when only the height changed: a taller pane must not show blank lines.
        self.clamp_reader_scroll();
    }

    /// Keeps the reader's scroll where the last line is at most at the bottom of the pane.
    pub fn clamp_reader_scroll(&mut self) {
        self.reader.scroll = self.reader.scroll.min(self.max_reader_scroll());
    }
}

/// The pane after (or before) `p`, round the screen.
fn next_pane(p: Pane, forward: bool) -> Pane {
    let order = [Pane::List, Pane::Reader, Pane::Related, Pane::Card];
    let i = order.iter().position(|&x| x == p).unwrap_or(0);
    let step = if forward { 1 } else { order.len() - 1 };
    order[(i + step) % order.len()]
}

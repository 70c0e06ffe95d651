//! The reader's state, and how it changes: messages in (keys, mouse, resizes, loading
//! progress), state out. No I/O here: what must touch the world (saving state, opening a URL)
//! comes back as [`Effect`]s for the runtime to carry out.

pub mod action;
pub mod data;
pub mod finder;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod link;
pub mod list;
mod marks;
pub mod matches;
mod mouse;
mod navigate;
pub mod prompt;
pub mod reader;
mod refresh;
pub mod skipped_text;
#[cfg(test)]
pub mod tests;
#[cfg(test)]
mod tests_cursor;
#[cfg(test)]
mod tests_habits;
pub(crate) mod update;

use std::collections::HashSet;
use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;

use crate::state::State;
use data::Data;
use finder::Finder;
use history::History;
use keymap::Keymap;
use list::Row;

/// What reaches the app.
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Loading has reached a new stage.
    Progress(String),
    /// How far the stage has come ("42%", from [`crate::meter`]), while loading.
    Meter(Option<String>),
    Loaded(Box<Data>),
    /// The corpus was analysed again after files changed (`--watch`).
    Refreshed(Box<Data>),
    /// Results of a search job (see [`Effect::Search`]); stale generations are ignored.
    SearchDone {
        generation: u64,
        hits: Vec<usize>,
    },
    FindDone {
        generation: u64,
        hits: Vec<finder::Hit>,
    },
    /// Saving the state failed; the reason is for the status line.
    SaveFailed(String),
    /// Something in the background went wrong (the watch could not be set up); for the
    /// status line.
    Warning(String),
    /// A second has passed (status messages expire).
    Tick,
    /// No browser could be started for a URL.
    OpenFailed(String),
    /// An article's text, read from the index (see [`Effect::ReadText`]); nothing when the
    /// index changed meanwhile (the full analysis that follows brings it).
    TextRead {
        article: usize,
        text: Option<crate::store::ArticleText>,
    },
}

/// What the app asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveState(State),
    OpenUrl(String),
    /// Put this text on the clipboard (OSC 52, written by dossier itself).
    Copy(String),
    /// Search the articles off the UI's path; answer with [`Msg::SearchDone`].
    Search {
        generation: u64,
        query: String,
    },
    /// Run the entity finder off the UI's path; answer with [`Msg::FindDone`].
    Find {
        generation: u64,
        query: String,
    },
    /// Read an article's text from the index, when the data is a preview; answer with
    /// [`Msg::TextRead`].
    ReadText {
        article: usize,
    },
    /// Read the paths again (`reload`); the new analysis comes as [`Msg::Refreshed`].
    Reload,
}

/// Carries out a search or finder job (on a worker thread in the runtime, inline in tests).
pub fn run_job(data: &Data, effect: &Effect) -> Option<Msg> {
    match effect {
        Effect::Search { generation, query } => Some(Msg::SearchDone {
            generation: *generation,
            hits: data
                .search
                .search(query, &data.corpus.articles, &data.entities),
        }),
        Effect::Find { generation, query } => Some(Msg::FindDone {
            generation: *generation,
            hits: data.finder.find(&data.entities, query, update::FINDER_HITS),
        }),
        Effect::ReadText { article } => {
            let partial = data.partial.as_ref()?;
            let head = data.corpus.articles.get(*article)?;
            // A failure to read is as good as a changed index: the full analysis follows.
            let text = crate::store::Store::open_read_only(&partial.file)
                .and_then(|store| {
                    store.article_text(
                        *article,
                        head,
                        data.corpus.articles.len(),
                        data.entities.list.len(),
                    )
                })
                .ok()
                .flatten();
            Some(Msg::TextRead {
                article: *article,
                text,
            })
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Related,
    /// The entity card's list of the entity's articles.
    Card,
}

/// Which articles the list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    All,
    Entity(usize),
    /// The articles of several entities of one name: a bare name left unresolved per
    /// article ("Clinton" in eight articles).
    Group(Vec<usize>),
    Search(String),
}

#[derive(Debug, Clone)]
pub enum Popup {
    None,
    Finder(Finder),
    /// The live search prompt; the filter to go back to on Esc.
    Search {
        query: prompt::Prompt,
        before: Filter,
    },
    Help,
    Skipped,
    /// The detail view of a related entry.
    Link(Box<link::LinkDetail>),
}

/// The list pane: what the filter lets through, the rows shown for it, the cursor.
#[derive(Debug, Clone, Default)]
pub struct ListPane {
    /// Articles the filter lets through, in the filter's order.
    pub visible: Vec<usize>,
    pub rows: Vec<Row>,
    /// Story rows unfolded, by story root.
    pub expanded: HashSet<usize>,
    /// The cursor's row.
    pub sel: usize,
    /// The list's order and what it leaves out (unread only, a language…).
    pub view: list::View,
    /// Articles the view lets through (of `visible`).
    pub shown: usize,
}

/// The reader pane: the open article, laid out, where it is scrolled to, what is selected.
#[derive(Debug, Clone, Default)]
pub struct ReaderPane {
    pub current: Option<usize>,
    pub layout: reader::Layout,
    /// The width the layout was made for.
    pub width: usize,
    pub scroll: usize,
    /// The selected mention (index into the article's mentions).
    pub mention: Option<usize>,
    /// The search's words in the open article, and the one `n`/`N` last went to.
    pub matches: Vec<matches::Match>,
    pub current_match: Option<usize>,
}

/// The related panel and the entity card beneath it: their cursors.
#[derive(Debug, Clone, Default)]
pub struct RelatedPane {
    pub sel: usize,
    /// The cursor in the entity card's list of articles.
    pub card_sel: usize,
}

/// How the app starts.
pub struct Setup {
    pub keymap: Keymap,
    pub state: State,
    /// Article to open once loaded (`--open`); else the corpus's last one.
    pub open: Option<String>,
    /// The corpus's key in the saved state ([`crate::state::corpus_key`]).
    pub corpus_key: String,
    /// Warnings from start-up (a corrupt state file), shown in the status line.
    pub warnings: Vec<String>,
    /// Preferred languages (the config's `languages`): which member heads a story row.
    pub languages: Vec<String>,
}

pub struct App {
    pub data: Option<Arc<Data>>,
    pub loading: Option<String>,
    /// How far the loading stage has come, when it counts ("42%").
    pub meter: Option<String>,
    pub message: Option<String>,
    pub focus: Pane,
    pub filter: Filter,
    pub list: ListPane,
    pub reader: ReaderPane,
    pub related: RelatedPane,
    pub popup: Popup,
    pub history: History,
    pub state: State,
    pub keymap: Keymap,
    pub size: Rect,
    pub quit: bool,
    /// Start-up warnings (the state file): kept in the status line past loading, and in `w`.
    pub warnings: Vec<String>,
    /// How far the help or skipped-input popup is scrolled.
    pub popup_scroll: usize,
    /// The corpus's key in the saved state.
    pub corpus_key: String,
    /// Preferred languages, most wanted first.
    pub languages: Vec<String>,
    /// The reader full width (`zoom`).
    pub zoom: bool,
    /// A search was asked for and has not answered yet: its count is not known.
    pub searching: bool,
    /// `reload` asked for the files to be read again: the next analysis says what it found,
    /// even nothing.
    pub reloading: bool,
    /// What the last `mark_all_read` marked (article keys), for `undo`.
    pub undo_marks: Option<Vec<String>>,
    /// Seconds the status message has left; it goes at zero.
    message_ticks: u32,
    /// Where the reader was when list previews began (the place Back returns to).
    preview_from: Option<history::Place>,
    open_on_load: Option<String>,
    search_generation: u64,
    find_generation: u64,
    /// Effects queued while handling a message, returned by `update`.
    effects: Vec<Effect>,
    /// Keys typed before the corpus was loaded.
    queued_keys: Vec<KeyEvent>,
    /// Articles whose text was asked of the index (when the data is a preview).
    texts_asked: HashSet<usize>,
}

impl App {
    pub fn new(setup: Setup) -> App {
        App {
            data: None,
            search_generation: 0,
            find_generation: 0,
            effects: Vec::new(),
            queued_keys: Vec::new(),
            texts_asked: HashSet::new(),
            loading: Some("loading…".into()),
            meter: None,
            message: (!setup.warnings.is_empty()).then(|| setup.warnings.join("; ")),
            focus: Pane::List,
            filter: Filter::All,
            list: ListPane::default(),
            reader: ReaderPane::default(),
            related: RelatedPane::default(),
            popup: Popup::None,
            history: History::default(),
            state: setup.state,
            keymap: setup.keymap,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            warnings: setup.warnings,
            popup_scroll: 0,
            corpus_key: setup.corpus_key,
            languages: setup.languages,
            zoom: false,
            searching: false,
            reloading: false,
            undo_marks: None,
            message_ticks: 10,
            preview_from: None,
            open_on_load: setup.open,
        }
    }

    pub fn areas(&self) -> Option<layout::Areas> {
        layout::areas(self.size, self.zoom)
    }

    /// The related links of the open article.
    pub fn related(&self) -> &[crate::index::Link] {
        match (&self.data, self.reader.current) {
            (Some(d), Some(a)) => &d.relations.related[a],
            _ => &[],
        }
    }

    /// The entity of the selected mention.
    pub fn selected_entity(&self) -> Option<usize> {
        let (d, a, m) = (
            self.data.as_ref()?,
            self.reader.current?,
            self.reader.mention?,
        );
        d.entities.mentions[a].get(m).map(|m| m.entity)
    }

    /// The list pane's title: what is shown, and how much of the corpus; shorter forms when
    /// `width` is too narrow for the full one.
    pub fn list_title(&self, width: usize) -> String {
        let Some(d) = &self.data else {
            return "Articles".into();
        };
        let total = d.article_count();
        let view = self.list.view.describe();
        // Counted when the rows were built, never while drawing.
        let n = if view.is_empty() {
            self.list.visible.len()
        } else {
            self.list.shown
        };
        // Until the search answers, the list is the one before it: its count is not the
        // search's.
        let n = if self.searching {
            "…".to_owned()
        } else {
            n.to_string()
        };
        let forms = match &self.filter {
            Filter::All => vec![format!("Articles — {total}"), format!("{total}")],
            // The count first, so that a long name or query never pushes it out of the
            // pane's title; the same form for an entity and a search.
            Filter::Entity(e) => {
                let name = &d.entities.list[*e].name;
                vec![
                    format!("{n} of {total} articles · entity: {name}"),
                    format!("{n}/{total} · entity: {name}"),
                    format!("{n}/{total} {name}"),
                ]
            }
            Filter::Group(es) => {
                let name = es.first().map_or("", |&e| d.entities.list[e].name.as_str());
                vec![
                    format!("{n} of {total} articles · entity: {name}, not resolved"),
                    format!("{n}/{total} · entity: {name}, not resolved"),
                    format!("{n}/{total} {name}"),
                ]
            }
            Filter::Search(q) => vec![
                format!("{n} of {total} articles · search: “{q}”"),
                format!("{n}/{total} · search: “{q}”"),
                format!("{n}/{total} “{q}”"),
            ],
        };
        let forms: Vec<String> = if view.is_empty() {
            forms
        } else {
            let mut with: Vec<String> = forms.iter().map(|f| format!("{f} · {view}")).collect();
            if matches!(self.filter, Filter::All) {
                with.insert(0, format!("Articles — {n} of {total} · {view}"));
            }
            with.extend(forms);
            with
        };
        let last = forms.last().cloned().unwrap_or_default();
        forms
            .into_iter()
            .find(|f| layout::text_width(f) <= width)
            .unwrap_or(last)
    }
}

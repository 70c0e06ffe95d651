//! The list's cursor and the reader agree, always: after a filter, a live search, Esc, a
//! restart; stories fold in filtered lists; `]` and `[` step from what is on screen.

use crossterm::event::KeyCode;

use super::data::Data;
use super::keymap::Keymap;
use super::list::Row;
use super::tests::{key, loaded_app, settle, typed};
use super::{App, Filter, Msg, Pane, Setup};
use crate::state::State;

/// The cursor's row stands for the article the reader shows.
fn agree(app: &App) {
    let row = &app.list.rows[app.list.sel];
    assert_eq!(
        app.reader.current,
        Some(row.article()),
        "the reader shows the cursor's row: {row:?}"
    );
}

fn app_over_bundled(state: State, languages: &[&str]) -> App {
    let mut app = App::new(Setup {
        keymap: Keymap::default(),
        state,
        open: None,
        corpus_key: "bundled".into(),
        warnings: vec![],
        languages: languages.iter().map(|l| l.to_string()).collect(),
    });
    app.update(Msg::Resize(120, 40));
    let effects = app.update(Msg::Loaded(Box::new(Data::build(
        crate::corpus::load_bundled(),
        &|_| {},
    ))));
    settle(&mut app, effects);
    app
}

#[test]
fn a_filter_that_leaves_the_open_article_out_shows_the_cursors_row() {
    let mut app = loaded_app(120, 40);
    app.open(2, false);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.filter, Filter::Entity(_)));
    agree(&app);
    assert_ne!(app.reader.current, Some(2));
}

#[test]
fn a_live_search_keeps_the_reader_on_the_cursors_row() {
    let mut app = loaded_app(120, 40);
    app.open(3, false);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "koalition");
    assert!(matches!(app.filter, Filter::Search(_)));
    assert!(!app.list.rows.is_empty());
    agree(&app);
    key(&mut app, KeyCode::Enter);
    agree(&app);
}

#[test]
fn escape_keeps_the_cursor_on_the_open_article() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    // One story row of the two tellings; Enter unfolds it, j goes to its second member.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let open = app.list.rows[app.list.sel].article();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.reader.current, Some(open));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, Filter::All);
    assert_eq!(app.focus, Pane::Reader);
    agree(&app);
    assert_eq!(app.reader.current, Some(open));
}

/// A restart opens the last article with the cursor on it, even when it is not the article
/// that heads its story's row (the story unfolds).
#[test]
fn a_restart_puts_the_cursor_on_the_last_article() {
    let data = Data::build(crate::corpus::load_bundled(), &|_| {});
    let member = data.story_members[&data.relations.story[0]]
        .iter()
        .copied()
        .find(|&m| m != 0)
        .expect("a story of two");
    let mut state = State::default();
    state.opened("bundled", &data.keys[member]);
    let app = app_over_bundled(state, &[]);
    assert_eq!(app.reader.current, Some(member));
    agree(&app);
}

/// `languages = ["it"]`: the Italian telling heads its story's row in any order.
#[test]
fn preferred_languages_head_story_rows() {
    for langs in [&["it"][..], &["de", "it"][..]] {
        let mut app = app_over_bundled(State::default(), langs);
        for _ in 0..4 {
            let d = app.data.clone().unwrap();
            let story = app
                .list
                .rows
                .iter()
                .find(|r| matches!(r, Row::Story { .. }))
                .expect("a story row");
            assert_eq!(d.corpus.articles[story.article()].lang, langs[0]);
            key(&mut app, KeyCode::Char('s'));
        }
    }
}

/// `]` and `[` start from the view: after scrolling down, `]` selects the first mention on
/// screen, not the article's first (`g Space Space ]` went back to paragraph 1).
#[test]
fn next_and_previous_mention_start_from_the_view() {
    let mut app = loaded_app(80, 24);
    // The article with most lines.
    let a = (0..5)
        .max_by_key(|&a| {
            app.open(a, false);
            app.reader.layout.lines.len()
        })
        .unwrap();
    app.open(a, false);
    app.focus = Pane::Reader;
    let lines = app.reader.layout.mention_line.clone();
    assert!(lines.len() > 4, "mentions: {}", lines.len());
    let h = app.pane_height(Pane::Reader);
    // Scrolled to a mention in the middle, nothing selected.
    let mid = lines[lines.len() / 2];
    app.reader.scroll = mid.min(app.max_reader_scroll());
    let top = app.reader.scroll;
    key(&mut app, KeyCode::Char(']'));
    let m = app.reader.mention.unwrap();
    assert!(
        lines[m] >= top,
        "line {} before the view at {top}",
        lines[m]
    );
    assert!(m == 0 || lines[m - 1] < top, "the first one on screen");
    // Scrolled away from a selection, `[` starts from the view again.
    app.reader.scroll = 0;
    key(&mut app, KeyCode::Char('['));
    let m = app.reader.mention.unwrap();
    assert!(lines[m] < h, "line {} below the view", lines[m]);
}

/// Without an index the list comes before the related stories: the articles and their
/// entities first (every article its own row, the panel saying it is linking), then the whole
/// analysis takes over in place, stories folded, the reader on the same article.
#[test]
fn the_list_comes_before_the_related_stories() {
    let corpus = crate::corpus::load_bundled();
    let entities = crate::nlp::analyze(&corpus.articles);
    let mut app = App::new(Setup {
        keymap: Keymap::default(),
        state: State::default(),
        open: None,
        corpus_key: "bundled".into(),
        warnings: vec![],
        languages: vec![],
    });
    app.update(Msg::Resize(120, 40));
    let early = Data::unlinked(&corpus, &entities);
    assert!(early.linking);
    let effects = app.update(Msg::Loaded(Box::new(early)));
    settle(&mut app, effects);
    assert_eq!(app.list.rows.len(), 5, "no story folded yet");
    app.update(Msg::Progress("linking related stories…".into()));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let open = app.reader.current;
    let full = Data::build(corpus, &|_| {});
    let effects = app.update(Msg::Refreshed(Box::new(full)));
    settle(&mut app, effects);
    assert_eq!(app.loading, None);
    assert!(!app.data.as_ref().unwrap().linking);
    assert_eq!(app.reader.current, open, "the same article");
    agree(&app);
    assert!(
        app.list.rows.iter().any(|r| matches!(r, Row::Story { .. })),
        "stories folded now"
    );
    assert_eq!(app.message, None, "nothing changed: nothing to say");
}

/// Following a related story out of a filtered list opens the list up to it (the cursor on
/// it); Back returns to the filter and the article before.
#[test]
fn following_a_story_out_of_a_filter_opens_the_list_and_back_returns() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    let filter = app.filter.clone();
    assert!(matches!(filter, Filter::Entity(_)));
    let before = app.reader.current;
    let outside = (0..5).find(|a| !app.list.visible.contains(a)).unwrap();
    app.open(outside, true);
    assert_eq!(app.filter, Filter::All);
    agree(&app);
    assert_eq!(app.reader.current, Some(outside));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.filter, filter);
    assert_eq!(app.reader.current, before);
    agree(&app);
}

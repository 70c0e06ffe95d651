//! The app as a pure state machine: messages in, state out, over the bundled corpus.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::data::Data;
use super::keymap::Keymap;
use super::list::Row;
use super::{App, Effect, Filter, Msg, Pane, Popup, Setup};
use crate::state::State;

/// The app on the bundled corpus, loaded, in a 120×40 terminal.
pub fn loaded_app(width: u16, height: u16) -> App {
    let mut app = new_app(None, width, height);
    let effects = app.update(Msg::Loaded(Box::new(Data::build(
        crate::corpus::load_bundled(),
        &|_| {},
    ))));
    settle(&mut app, effects);
    app
}

/// The app before loading, with the defaults and `open` as `--open`.
fn new_app(open: Option<&str>, width: u16, height: u16) -> App {
    let mut app = App::new(Setup {
        keymap: Keymap::default(),
        state: State::default(),
        open: open.map(str::to_owned),
        corpus_key: "bundled".into(),
        warnings: vec![],
        languages: vec![],
    });
    app.update(Msg::Resize(width, height));
    app
}

/// Sends `msg` and carries out the search and finder jobs it starts, as the runtime would.
pub fn send(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = app.update(msg);
    settle(app, effects)
}

/// Runs the jobs among `effects` inline until none is left; returns the other effects.
pub fn settle(app: &mut App, mut effects: Vec<Effect>) -> Vec<Effect> {
    let mut rest = vec![];
    while let Some(e) = effects.pop() {
        match app.data.clone().and_then(|d| super::run_job(&d, &e)) {
            Some(msg) => effects.extend(app.update(msg)),
            None => rest.push(e),
        }
    }
    rest
}

pub fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    send(
        app,
        Msg::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }),
    )
}

pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn id(app: &App, a: usize) -> &str {
    &app.data.as_ref().unwrap().corpus.articles[a].id
}

#[test]
fn starts_on_the_first_article_with_the_list_focused() {
    let app = loaded_app(120, 40);
    assert_eq!(app.reader.current, Some(0));
    assert_eq!(app.focus, Pane::List);
    assert!(!app.reader.layout.lines.is_empty());
    assert_eq!(
        app.related()[0].article,
        1,
        "the Italian version of the ISW story is first"
    );
}

#[test]
fn finder_filters_the_list_to_an_entity_and_back_undoes_it() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    let Popup::Finder(f) = &app.popup else {
        panic!("finder open")
    };
    let data = app.data.as_ref().unwrap();
    assert_eq!(data.entities.list[f.hits[0].entity].id, "andrei_rudenko");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.popup, Popup::None));
    assert!(matches!(app.filter, Filter::Entity(_)));
    assert_eq!(app.list.visible, [0, 1]);
    // The two tellings are one story: a filtered list folds stories too (following one
    // person is when the cross-language view matters), and the reader shows the cursor's row.
    assert!(
        matches!(&app.list.rows[..], [Row::Story { members, .. }] if members == &[0, 1]),
        "{:?}",
        app.list.rows
    );
    assert_eq!(app.list.sel, 0);
    assert_eq!(app.reader.current, Some(app.list.rows[0].article()));
    assert_eq!(
        app.list_title(60),
        "2 of 5 articles · entity: Andrei Rudenko"
    );
    assert_eq!(app.list_title(30), "2/5 · entity: Andrei Rudenko");
    assert_eq!(app.list_title(20), "2/5 Andrei Rudenko");
    // A long name keeps the count at the start.
    assert!(app.list_title(8).starts_with("2/5 "));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.filter, Filter::All);
    key(&mut app, KeyCode::Esc);
}

#[test]
fn finder_is_blind_to_accents_case_and_language() {
    let mut app = loaded_app(120, 40);
    for (query, want) in [
        ("pjongjang", "pyongyang"),
        ("PYONGYANG", "pyongyang"),
        ("corea del nord", "north_korea"),
        ("kreml", "kremlin"),
        ("schoigu", "sergei_shoigu"),
    ] {
        key(&mut app, KeyCode::Char('e'));
        typed(&mut app, query);
        let Popup::Finder(f) = &app.popup else {
            panic!()
        };
        let data = app.data.as_ref().unwrap();
        assert_eq!(data.entities.list[f.hits[0].entity].id, want, "{query}");
        assert!(!f.hits[0].matched.is_empty());
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn related_story_opens_and_history_goes_back_and_forward() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Related);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        id(&app, app.reader.current.unwrap()),
        "001_33dafe3a048d91ea"
    );
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.current, Some(0));
    send(
        &mut app,
        Msg::Key(KeyEvent {
            code: KeyCode::Right,
            modifiers: KeyModifiers::ALT,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }),
    );
    assert_eq!(app.reader.current, Some(1));
}

#[test]
fn mentions_step_and_occurrences_continue_into_the_next_article() {
    let mut app = loaded_app(120, 40);
    let data_entities = |app: &App| {
        app.selected_entity()
            .map(|e| app.data.as_ref().unwrap().entities.list[e].id.clone())
    };
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(app.reader.mention, Some(0));
    assert_eq!(data_entities(&app).as_deref(), Some("russia"));
    // Walk to Rudenko, then jump between his mentions and on into the Italian article.
    while data_entities(&app).as_deref() != Some("andrei_rudenko") {
        key(&mut app, KeyCode::Char(']'));
    }
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.reader.current,
        Some(0),
        "second mention in the same article"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.reader.current,
        Some(1),
        "then the next article that mentions him"
    );
    assert_eq!(data_entities(&app).as_deref(), Some("andrei_rudenko"));
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.reader.current, Some(0));
}

#[test]
fn enter_on_a_mention_filters_by_its_entity() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.filter, Filter::Entity(_)));
    assert_eq!(app.list.visible.len(), 5, "Russia is in every article");
}

#[test]
fn live_search_and_escape() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "belousov");
    assert_eq!(app.filter, Filter::Search("belousov".into()));
    assert_eq!(app.list.visible.len(), 1);
    assert_eq!(id(&app, app.list.visible[0]), "003_e0eaa78b0dce1e39");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.filter,
        Filter::All,
        "Esc in the prompt restores the previous filter"
    );
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "pjöngjang");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.list.visible.len(), 2);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, Filter::All, "Esc clears the filter");
}

#[test]
fn marks_toggle_and_ask_to_save() {
    let mut app = loaded_app(120, 40);
    let k = app.data.as_ref().unwrap().keys[0].clone();
    assert!(k.starts_with("000_b7278b78f013c97b.txt#"), "{k}");
    let k1 = app.data.as_ref().unwrap().keys[1].clone();
    assert!(
        !app.state.read.contains(&k),
        "starting is a preview, not a read"
    );
    assert!(!app.state.read.contains(&k1));
    // The first row is one story told in German (000) and Italian (001): `m` and `b` act on
    // both, marking all while any is unmarked, then unmarking all.
    let Row::Story { entities, .. } = &app.list.rows[0] else {
        panic!("{:?}", app.list.rows[0]);
    };
    let d = app.data.as_ref().unwrap();
    let together: std::collections::HashSet<usize> = d.entities.mentions[0]
        .iter()
        .chain(&d.entities.mentions[1])
        .map(|m| m.entity)
        .collect();
    assert_eq!(
        *entities,
        together.len(),
        "the row counts both articles' entities"
    );
    assert!(*entities > d.entity_counts[0].max(d.entity_counts[1]));
    let effects = key(&mut app, KeyCode::Char('m'));
    assert!(app.state.read.contains(&k) && app.state.read.contains(&k1));
    assert!(matches!(&effects[..], [Effect::SaveState(_)]));
    key(&mut app, KeyCode::Char('m'));
    assert!(!app.state.read.contains(&k) && !app.state.read.contains(&k1));
    key(&mut app, KeyCode::Char('b'));
    assert!(app.state.bookmarks.contains(&k) && app.state.bookmarks.contains(&k1));
    // In the reader, the marks are the open article's alone.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('b'));
    assert!(!app.state.bookmarks.contains(&k) && app.state.bookmarks.contains(&k1));
    let effects = key(&mut app, KeyCode::Char('o'));
    assert!(effects.is_empty());
    assert_eq!(app.message.as_deref(), Some("this article has no URL"));
    let effects = key(&mut app, KeyCode::Char('q'));
    assert!(app.quit && matches!(&effects[..], [Effect::SaveState(_)]));
}

#[test]
fn key_releases_are_ignored() {
    let mut app = loaded_app(120, 40);
    app.update(Msg::Key(KeyEvent {
        code: KeyCode::Char('q'),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    }));
    assert!(!app.quit);
}

#[test]
fn tiny_and_resized_terminals() {
    let mut app = loaded_app(40, 10);
    assert!(app.areas().is_none());
    app.update(Msg::Resize(200, 60));
    assert!(app.areas().is_some());
    assert!(app.reader.width > 60);
}

fn mouse(app: &mut App, kind: crossterm::event::MouseEventKind, column: u16, row: u16) {
    send(
        app,
        Msg::Mouse(crossterm::event::MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    );
}

#[test]
fn mouse_clicks_rows_and_mentions_and_scrolls_the_pane_under_it() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = loaded_app(120, 40);
    let areas = app.areas().unwrap();
    // The third row of the list is the article 003 (rows: story 000+001, 002, 003, 004).
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        areas.list.x + 5,
        areas.list.y + 3,
    );
    assert_eq!(
        id(&app, app.reader.current.unwrap()),
        "003_e0eaa78b0dce1e39"
    );
    // Click on the first mention on screen.
    let r = super::layout::inner(areas.reader);
    let (data, a) = (app.data.clone().unwrap(), app.reader.current.unwrap());
    let line = (0..app.reader.layout.lines.len())
        .position(|l| {
            app.reader
                .layout
                .segs(&data, a, l)
                .iter()
                .any(|s| s.mention.is_some())
        })
        .unwrap();
    let segs = app.reader.layout.segs(&data, a, line);
    let first_mention = segs.iter().position(|s| s.mention.is_some()).unwrap();
    let col: usize = segs[..first_mention]
        .iter()
        .map(|s| super::layout::text_width(&s.text))
        .sum();
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        r.x + col as u16,
        r.y + line as u16,
    );
    assert_eq!(app.reader.mention, segs[first_mention].mention);
    assert!(app.reader.mention.is_some());
    assert_eq!(app.focus, Pane::Reader);
    mouse(&mut app, MouseEventKind::ScrollDown, r.x + 2, r.y + 2);
    assert_eq!(app.reader.scroll, 3);
}

#[test]
fn open_option_starts_on_that_article_or_says_it_is_missing() {
    for (wanted, current, message) in [
        ("004_cd020d5220e04b0f", 4, None),
        ("nope", 0, Some("no article with id nope")),
    ] {
        let mut app = new_app(Some(wanted), 120, 40);
        send(
            &mut app,
            Msg::Loaded(Box::new(Data::build(
                crate::corpus::load_bundled(),
                &|_| {},
            ))),
        );
        assert_eq!(app.reader.current, Some(current));
        assert_eq!(app.message.as_deref(), message);
    }
}

#[test]
fn keys_typed_while_loading_are_played_after() {
    let mut app = new_app(None, 120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    assert!(
        matches!(app.popup, Popup::None),
        "nothing happens before loading"
    );
    send(
        &mut app,
        Msg::Loaded(Box::new(Data::build(
            crate::corpus::load_bundled(),
            &|_| {},
        ))),
    );
    let Popup::Finder(f) = &app.popup else {
        panic!("the finder opened after loading")
    };
    assert_eq!(f.query.text(), "rudenko");
    assert_eq!(
        app.data.as_ref().unwrap().entities.list[f.hits[0].entity].id,
        "andrei_rudenko"
    );
}

/// An app over `corpus` with a saved `state`, for `corpus_key`, loaded, at 120×40.
fn app_with(state: State, corpus_key: &str, corpus: crate::corpus::Corpus) -> App {
    let mut app = App::new(Setup {
        keymap: Keymap::default(),
        state,
        open: None,
        corpus_key: corpus_key.into(),
        warnings: vec![],
        languages: vec![],
    });
    app.update(Msg::Resize(120, 40));
    let effects = app.update(Msg::Loaded(Box::new(Data::build(corpus, &|_| {}))));
    settle(&mut app, effects);
    app
}

fn one_article(source: &str, body: &str) -> crate::corpus::Corpus {
    crate::corpus::Corpus {
        articles: vec![crate::corpus::Article {
            id: "0001".into(),
            source: source.into(),
            title: "A title".into(),
            lang: "en".into(),
            date: None,
            url: None,
            site: None,
            body: body.into(),
        }],
        skipped: vec![],
    }
}

/// Read marks were keyed by file stem: `a/0001.txt` and `b/0001.txt` shared them.
#[test]
fn marks_are_kept_per_article_not_per_file_stem() {
    let mut a = app_with(
        State::default(),
        "A",
        one_article("a/0001.txt", "First text."),
    );
    assert!(a.state.read.is_empty(), "starting is a preview, not a read");
    key(&mut a, KeyCode::Char('m'));
    assert_eq!(a.state.read.len(), 1, "m marks read");
    let b = app_with(
        a.state.clone(),
        "B",
        one_article("b/0001.txt", "Other text."),
    );
    let kb = &b.data.as_ref().unwrap().keys[0];
    assert!(!a.state.read.contains(kb), "b/0001.txt is not read");
    // The same file read from another directory keeps its mark.
    let again = app_with(
        State::default(),
        "C",
        one_article("elsewhere/0001.txt", "First text."),
    );
    assert_eq!(
        again.data.as_ref().unwrap().keys[0],
        *a.state.read.iter().next().unwrap()
    );
}

/// Another corpus's last article gave "no article with id …" at every start; old state files
/// (marks by id) are converted for the corpus that has those ids.
#[test]
fn another_corpus_is_silent_and_old_marks_are_adopted() {
    let mut state = State::default();
    state.read.insert("000_b7278b78f013c97b".into());
    state.corpora.insert(
        "elsewhere".into(),
        crate::state::Session {
            last: Some("0001.txt#0123456789abcdef".into()),
            history: vec![],
        },
    );
    let app = app_with(state, "bundled", crate::corpus::load_bundled());
    assert_eq!(app.message, None);
    let k0 = &app.data.as_ref().unwrap().keys[0];
    assert!(app.state.read.contains(k0));
    assert!(!app.state.read.contains("000_b7278b78f013c97b"));
}

/// History was saved but never restored: after a restart, Back goes where it went before.
#[test]
fn history_is_restored_per_corpus() {
    let data = Data::build(crate::corpus::load_bundled(), &|_| {});
    let keys = data.keys.clone();
    let mut state = State::default();
    state.corpora.insert(
        "bundled".into(),
        crate::state::Session {
            last: Some(keys[3].clone()),
            history: vec![keys[1].clone(), keys[2].clone(), keys[3].clone()],
        },
    );
    let mut app = app_with(state, "bundled", crate::corpus::load_bundled());
    assert_eq!(
        app.reader.current,
        Some(3),
        "the last article is open again"
    );
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.current, Some(2));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.current, Some(1));
}

/// Back and forward restored neither the reader's scroll nor the selected mention.
#[test]
fn back_and_forward_restore_scroll_and_mention() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char(']'));
    let (scroll, mention) = (app.reader.scroll, app.reader.mention);
    assert!(mention.is_some());
    let first = app.reader.current;
    // Open the top related story, then come back.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_ne!(app.reader.current, first);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.current, first);
    assert_eq!((app.reader.scroll, app.reader.mention), (scroll, mention));
}

/// After the terminal grew, the reader showed blank lines: its scroll was not clamped.
#[test]
fn reader_scroll_is_clamped_when_the_terminal_grows() {
    let mut app = loaded_app(120, 16);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('G'));
    assert!(app.reader.scroll > 0);
    app.update(Msg::Resize(120, 60));
    let shown = app.reader.layout.lines.len() - app.reader.scroll;
    assert!(
        shown
            >= app
                .pane_height(Pane::Reader)
                .min(app.reader.layout.lines.len()),
        "{shown} lines shown in a pane of {}",
        app.pane_height(Pane::Reader)
    );
}

/// Status messages never expired.
#[test]
fn status_messages_expire() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.message.as_deref(), Some("this article has no URL"));
    for _ in 0..9 {
        app.update(Msg::Tick);
    }
    assert!(app.message.is_some());
    app.update(Msg::Tick);
    assert_eq!(app.message, None);
}

/// `c` copies the URL (OSC 52 in the runtime); a failed opener says so and offers it.
#[test]
fn url_can_be_copied_and_a_failed_opener_is_told() {
    let mut corpus = one_article("a/0001.txt", "Text.");
    corpus.articles[0].url = Some("https://news.example/a".into());
    let mut app = app_with(State::default(), "A", corpus);
    let effects = key(&mut app, KeyCode::Char('c'));
    assert_eq!(effects, [Effect::Copy("https://news.example/a".into())]);
    let effects = key(&mut app, KeyCode::Char('o'));
    assert_eq!(effects, [Effect::OpenUrl("https://news.example/a".into())]);
    app.update(Msg::OpenFailed("no browser could be started".into()));
    assert!(app.message.as_deref().unwrap().contains("press c to copy"));
}

/// The entity path in one motion: `e rudenko Enter` filters and focuses the list; Enter opens
/// an article on the entity's first mention, selected; `n` follows the entity.
#[test]
fn entity_path_in_one_motion() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::List);
    let Filter::Entity(e) = app.filter else {
        panic!("filtered by the entity")
    };
    key(&mut app, KeyCode::Enter);
    let data = app.data.clone().unwrap();
    let a = app.reader.current.unwrap();
    let first = data.entities.mentions[a].iter().position(|m| m.entity == e);
    assert_eq!(app.reader.mention, first, "opens on the first mention");
    assert_eq!(app.selected_entity(), Some(e), "the card shows it");
    // With no mention selected, n follows the filter's entity.
    app.reader.mention = None;
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.selected_entity(), Some(e));
}

/// Moving in the list previews the article (not read, no history); Enter opens it, and Back
/// returns to the article read before the previews.
#[test]
fn moving_in_the_list_previews() {
    let mut app = loaded_app(120, 40);
    let start = app.reader.current;
    key(&mut app, KeyCode::Char('j'));
    let previewed = app.reader.current;
    assert_ne!(
        previewed, start,
        "the reader shows the row under the cursor"
    );
    let k = app.data.as_ref().unwrap().keys[previewed.unwrap()].clone();
    assert!(!app.state.read.contains(&k), "a preview is not a read");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Reader);
    assert!(app.state.read.contains(&k));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.current, start);
}

/// h/l between panes, Ctrl-d/Ctrl-u by pages, F1 for help, as in helix and lazygit.
#[test]
fn vim_and_pager_keys() {
    let mut app = loaded_app(120, 40);
    assert_eq!(app.focus, Pane::List);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.focus, Pane::Reader);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.focus, Pane::List);
    key(&mut app, KeyCode::Char('l'));
    let ctrl = |c| KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    };
    send(&mut app, Msg::Key(ctrl('d')));
    assert!(app.reader.scroll > 1, "a page down");
    send(&mut app, Msg::Key(ctrl('u')));
    assert_eq!(app.reader.scroll, 0);
    key(&mut app, KeyCode::F(1));
    assert!(matches!(app.popup, Popup::Help));
}

/// The search and finder prompts edit like a shell line; the search follows live.
#[test]
fn prompts_edit_like_a_shell_line() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "kim xyz");
    assert!(app.list.visible.is_empty(), "nothing has both words");
    let ctrl_w = KeyEvent {
        code: KeyCode::Char('w'),
        modifiers: KeyModifiers::CONTROL,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    };
    send(&mut app, Msg::Key(ctrl_w));
    assert_eq!(app.filter, Filter::Search("kim ".into()));
    assert!(!app.list.visible.is_empty(), "the list follows the edit");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    typed(&mut app, "x");
    assert_eq!(app.filter, Filter::Search("xkim ".into()));
}

/// A news list: sort, unread and bookmarked only, one language; the title says so.
#[test]
fn the_list_sorts_and_filters() {
    let mut app = loaded_app(160, 40);
    let titles = |app: &App| -> Vec<String> {
        let d = app.data.as_ref().unwrap();
        app.list
            .rows
            .iter()
            .filter(|r| !matches!(r, Row::Article { child: true, .. }))
            .map(|r| d.corpus.articles[r.article()].title.clone())
            .collect()
    };
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.list.view.sort, crate::app::list::Sort::Title);
    let t = titles(&app);
    let mut sorted = t.clone();
    sorted.sort_by_key(|s| crate::app::data::fold_text(s));
    assert_eq!(t, sorted);
    assert!(
        app.list_title(200).contains("by title"),
        "{}",
        app.list_title(200)
    );
    // Unread only: the open article was read on opening, so it goes.
    key(&mut app, KeyCode::Char('u'));
    let d = app.data.clone().unwrap();
    assert!(
        app.list
            .rows
            .iter()
            .all(|r| !app.state.read.contains(&d.keys[r.article()]))
    );
    assert!(app.list_title(200).contains("unread"));
    key(&mut app, KeyCode::Char('u'));
    // One language: Italian has one article.
    key(&mut app, KeyCode::Char('L'));
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(app.list.view.lang.as_deref(), Some("it"));
    assert_eq!(app.list.rows.len(), 1);
    assert!(
        app.list_title(200).contains("1 of 5"),
        "{}",
        app.list_title(200)
    );
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(app.list.view.lang, None);
    // Bookmarked only: none yet.
    key(&mut app, KeyCode::Char('*'));
    assert!(app.list.rows.is_empty());
}

/// The entity card lists the entity's articles; Tab focuses it, Enter opens one on the entity.
#[test]
fn the_entity_card_lists_and_opens_the_entitys_articles() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    // The story row of the two: Enter unfolds it and opens the first on Rudenko.
    key(&mut app, KeyCode::Enter);
    let e = app.selected_entity().expect("on Rudenko");
    let arts = app.card_articles().to_vec();
    assert_eq!(arts.len(), 2);
    // List → Reader → Related → Card.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Card);
    let other = *arts
        .iter()
        .find(|&&a| Some(a) != app.reader.current)
        .unwrap();
    let idx = arts.iter().position(|&a| a == other).unwrap();
    for _ in 0..idx {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.reader.current, Some(other));
    assert_eq!(app.selected_entity(), Some(e), "opened on the entity");
    let data = app.data.clone().unwrap();
    let forms = &data.forms[e];
    assert!(
        forms
            .iter()
            .any(|(_, langs)| langs.contains(&"it".to_string())),
        "{forms:?}"
    );
}

/// From an index's preview (no texts), the reader asks for the open article's text, once, and
/// shows it when it comes; the full analysis that follows takes over without closing the
/// finder or calling anything new.
#[test]
fn a_preview_reads_each_text_when_shown_and_the_full_analysis_takes_over() {
    let tmp = tempfile::tempdir().unwrap();
    let (file, full) = crate::store::preview::tests::indexed_corpus(tmp.path());
    let preview = crate::store::Store::open_read_only(&file)
        .unwrap()
        .preview()
        .unwrap()
        .expect("a preview");
    let mut app = new_app(None, 120, 40);
    let effects = app.update(Msg::Loaded(Box::new(Data::from_preview(file, preview))));
    let a = app.reader.current.expect("an article is open");
    assert_eq!(effects, [Effect::ReadText { article: a }]);
    let before = app.reader.layout.lines.len();
    assert!(settle(&mut app, effects).is_empty());
    let d = app.data.clone().unwrap();
    assert_eq!(d.corpus.articles[a].body, full.corpus.articles[a].body);
    assert_eq!(d.entities.mentions[a], full.entities.mentions[a]);
    assert_eq!(d.relations.related[a], full.relations.related[a]);
    assert!(
        app.reader.layout.lines.len() > before + 3,
        "the text is laid out"
    );
    assert!(!app.related().is_empty(), "and its related stories listed");

    // Another article: its text is asked for; back to the first: not again.
    let b = (0..d.article_count()).find(|&b| b != a).unwrap();
    app.open(b, true);
    let effects = app.update(Msg::Tick);
    assert_eq!(effects, [Effect::ReadText { article: b }]);
    settle(&mut app, effects);
    app.open(a, true);
    assert!(app.update(Msg::Tick).is_empty());

    // The list's story rows count the same entities as the full analysis's.
    let all: Vec<usize> = (0..d.article_count()).collect();
    let full_data = Data::from_analysis(full);
    let none = std::collections::HashSet::new();
    let preview_rows = super::list::rows(&app.data.clone().unwrap(), &all, &none, &[]);
    assert_eq!(
        preview_rows,
        super::list::rows(&full_data, &all, &none, &[])
    );
    assert!(preview_rows.iter().any(|r| matches!(r, Row::Story { .. })));

    // The full analysis arrives while the finder is open: it stays, on the same article.
    key(&mut app, KeyCode::Char('e'));
    assert!(matches!(app.popup, Popup::Finder(_)));
    send(&mut app, Msg::Refreshed(Box::new(full_data)));
    assert!(matches!(app.popup, Popup::Finder(_)));
    let d = app.data.clone().unwrap();
    assert!(d.partial.is_none());
    assert_eq!(app.reader.current, Some(a));
    assert!(
        !app.message.as_deref().unwrap_or("").contains("changed"),
        "{:?}",
        app.message
    );
}

/// Starting is a preview like any cursor move: a fresh start marks nothing read (it marked
/// the first article, and `u` then said "4 of 5 · unread"); `--open ID` is an opening.
#[test]
fn starting_marks_nothing_read_but_open_does() {
    let app = loaded_app(120, 40);
    assert!(app.reader.current.is_some());
    assert!(app.state.read.is_empty(), "{:?}", app.state.read);
    assert_eq!(app.list.sel, 0);
    let mut opened = new_app(Some("002_2ea6db9797bc8efc"), 120, 40);
    let effects = opened.update(Msg::Loaded(Box::new(Data::build(
        crate::corpus::load_bundled(),
        &|_| {},
    ))));
    settle(&mut opened, effects);
    assert_eq!(opened.state.read.len(), 1);
}

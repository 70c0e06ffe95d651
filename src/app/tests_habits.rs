//! The habits users bring from newsboat, lazygit, fzf and helix: next/previous unread, mark
//! all read with an undo, reload, zoom, panes by number, Ctrl-o back, Ctrl-j/Ctrl-k in the
//! finder and the search prompt.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::tests::{key, loaded_app, send, typed};
use super::{App, Effect, Msg, Pane, Popup};

/// A key pressed with `modifiers`, as a message (sent unsettled, or through `send`).
fn press(code: KeyCode, modifiers: KeyModifiers) -> Msg {
    Msg::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    send(app, press(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn read_count(app: &App) -> usize {
    let d = app.data.as_ref().unwrap();
    d.keys
        .iter()
        .filter(|k| app.state.read.contains(*k))
        .count()
}

/// `J` opens each unread article once, going into folded stories, then says none is left.
#[test]
fn next_unread_reads_through_the_list_once() {
    let mut app = loaded_app(120, 40);
    assert_eq!(read_count(&app), 0);
    let mut seen = vec![];
    for _ in 0..5 {
        key(&mut app, KeyCode::Char('J'));
        let a = app.reader.current.unwrap();
        assert!(!seen.contains(&a), "{a} twice: {seen:?}");
        seen.push(a);
        // The cursor stands on what the reader shows.
        assert!(app.list.rows[app.list.sel].holds(a));
    }
    assert_eq!(read_count(&app), 5);
    key(&mut app, KeyCode::Char('J'));
    assert_eq!(
        app.message.as_deref(),
        Some("no unread article in the list")
    );
}

#[test]
fn previous_unread_goes_up_and_round() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('K'));
    // From the first row, up is round to the last.
    let last = app.list.rows.last().unwrap().article();
    assert_eq!(app.reader.current, Some(last));
}

/// `A` marks the list as filtered now, no more; `U` takes it back.
#[test]
fn mark_all_read_marks_the_filtered_list_and_undo_takes_it_back() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    let effects = key(&mut app, KeyCode::Char('A'));
    assert!(matches!(effects[..], [Effect::SaveState(_)]));
    assert_eq!(read_count(&app), 2);
    assert_eq!(
        app.message.as_deref(),
        Some("marked 2 articles read — U undoes")
    );
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(read_count(&app), 0);
    assert_eq!(app.message.as_deref(), Some("2 articles unread again"));
    key(&mut app, KeyCode::Char('U'));
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
}

/// `z` gives the reader the whole width; a pane by number brings the others back.
#[test]
fn zoom_and_panes_by_number() {
    let mut app = loaded_app(120, 40);
    let narrow = app.reader.layout.lines.len();
    key(&mut app, KeyCode::Char('z'));
    assert!(app.zoom);
    assert_eq!(app.focus, Pane::Reader);
    let areas = app.areas().unwrap();
    assert_eq!(areas.reader.width, 120);
    assert_eq!(areas.list.width, 0);
    assert!(
        app.reader.layout.lines.len() < narrow,
        "laid out for the full width"
    );
    key(&mut app, KeyCode::Char('3'));
    assert!(!app.zoom);
    assert_eq!(app.focus, Pane::Related);
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.focus, Pane::List);
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(app.focus, Pane::Card);
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn reload_asks_the_runtime_to_read_again() {
    let mut app = loaded_app(120, 40);
    let effects = key(&mut app, KeyCode::Char('R'));
    assert_eq!(effects, [Effect::Reload]);
}

#[test]
fn ctrl_o_goes_back() {
    let mut app = loaded_app(120, 40);
    let first = app.reader.current;
    app.open(3, true);
    ctrl(&mut app, 'o');
    assert_eq!(app.reader.current, first);
}

/// Ctrl-j/Ctrl-k move in the finder's results and, in the search prompt, the list's cursor
/// (the reader following), as in fzf and television.
#[test]
fn ctrl_j_and_ctrl_k_move_in_the_finder_and_the_search_prompt() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    ctrl(&mut app, 'j');
    ctrl(&mut app, 'j');
    ctrl(&mut app, 'k');
    let Popup::Finder(f) = &app.popup else {
        panic!("the finder is open")
    };
    assert_eq!(f.selected, 1);
    key(&mut app, KeyCode::Esc);

    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "russland");
    assert!(app.list.rows.len() > 1);
    let before = app.list.sel;
    ctrl(&mut app, 'j');
    assert_eq!(app.list.sel, before + 1);
    assert!(app.list.rows[app.list.sel].holds(app.reader.current.unwrap()));
    ctrl(&mut app, 'k');
    assert_eq!(app.list.sel, before);
    assert!(matches!(app.popup, Popup::Search { .. }), "still typing");
}

/// `--watch` and `reload` tell of input skipped now that was not before; a reload that
/// finds nothing new says so.
#[test]
fn a_refresh_tells_newly_skipped_input_and_a_reload_that_changed_nothing() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('R'));
    let same = super::data::Data::build(crate::corpus::load_bundled(), &|_| {});
    send(&mut app, Msg::Refreshed(Box::new(same)));
    assert_eq!(
        app.message.as_deref(),
        Some("read the files again: nothing changed")
    );
    let mut corpus = crate::corpus::load_bundled();
    corpus.skipped.push(crate::corpus::Skipped {
        source: "feeds/broken.rss".into(),
        reason: "not a feed".into(),
    });
    let broken = super::data::Data::build(corpus, &|_| {});
    send(&mut app, Msg::Refreshed(Box::new(broken)));
    assert_eq!(
        app.message.as_deref(),
        Some("1 input newly skipped — press w")
    );
}

/// `L` goes through the languages with `und` (undetermined) last.
#[test]
fn the_language_filter_puts_undetermined_last() {
    let mut corpus = crate::corpus::load_bundled();
    corpus.articles[0].lang = "und".into();
    let mut app = loaded_app(120, 40);
    send(
        &mut app,
        Msg::Refreshed(Box::new(super::data::Data::build(corpus, &|_| {}))),
    );
    let mut seen = vec![];
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('L'));
        seen.push(app.list.view.lang.clone());
    }
    assert_eq!(
        seen,
        [
            Some("it".to_owned()),
            Some("de".to_owned()),
            Some("und".to_owned()),
            None
        ]
    );
}

/// `date:garbage` said "no article matches": the list and the status line name the bad filter.
#[test]
fn a_filter_that_cannot_be_read_is_named() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "date:garbage");
    assert!(app.list.rows.is_empty());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("date:garbage: not a date")),
        "{:?}",
        app.message
    );
}

/// A bare surname kept per article (ambiguous) is one finder row, and Enter filters the list
/// to all its articles.
#[test]
fn an_unresolved_name_is_one_row_that_filters_to_all_its_articles() {
    let mut app = loaded_app(120, 40);
    let mut data = (**app.data.as_ref().unwrap()).clone();
    for (a, id) in [(2usize, "kim@002"), (3, "kim@003")] {
        data.entities.list.push(crate::nlp::Entity {
            id: id.into(),
            name: "Kimura".into(),
            kind: crate::nlp::Kind::Person,
            aliases: vec![],
            articles: vec![a],
        });
    }
    data.finder = crate::index::finder::FinderIndex::build(&data.entities);
    app.data = Some(std::sync::Arc::new(data));
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "kimura");
    let Popup::Finder(f) = &app.popup else {
        panic!("finder")
    };
    assert_eq!(f.hits.len(), 1);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.filter, super::Filter::Group(_)));
    assert_eq!(app.list.visible, [2, 3]);
    assert!(app.list_title(200).contains("Kimura, not resolved"));
}

/// While a search has not answered, the title does not give the list before it as its count.
#[test]
fn a_pending_search_has_no_count_yet() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('/'));
    // Not settled: the search job has not run.
    app.update(press(KeyCode::Char('x'), KeyModifiers::NONE));
    assert!(
        app.list_title(200).starts_with("… of 5"),
        "{}",
        app.list_title(200)
    );
    typed(&mut app, "y");
    assert!(
        app.list_title(200).starts_with("0 of 5"),
        "{}",
        app.list_title(200)
    );
}

/// Typing a name and Enter at once chose from the hits of the query before (the finder had
/// not answered yet): Enter waits for the answer to what was typed.
#[test]
fn enter_in_the_finder_waits_for_the_hits_of_what_was_typed() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    let mut jobs = vec![];
    for c in "rudenko".chars() {
        jobs.extend(app.update(press(KeyCode::Char(c), KeyModifiers::NONE)));
    }
    jobs.extend(app.update(press(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(
        matches!(app.popup, Popup::Finder(_)),
        "waiting for the hits"
    );
    super::tests::settle(&mut app, jobs);
    let d = app.data.clone().unwrap();
    match &app.filter {
        super::Filter::Entity(e) => assert_eq!(d.entities.list[*e].id, "andrei_rudenko"),
        other => panic!("{other:?}"),
    }
}

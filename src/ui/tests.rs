//! Screens as a person sees them (insta snapshots of a `TestBackend`), and the colours that
//! carry meaning: mentions in the style of their entity's kind.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::App;
use crate::app::tests::{key, loaded_app, typed};

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| super::draw(f, app)).unwrap();
    terminal
}

/// Where `text` starts on screen, searching row by row.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    find_from(buf, text, 0)
}

/// Like `find`, right of column `x0` only.
fn find_from(buf: &Buffer, text: &str, x0: u16) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let row: String = (x0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' '))
            .collect();
        if let Some(i) = row.find(text) {
            return Some((x0 + row[..i].chars().count() as u16, y));
        }
    }
    None
}

#[test]
fn main_screen() {
    let app = loaded_app(120, 40);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn narrow_screen_keeps_every_pane() {
    let app = loaded_app(60, 15);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn entity_finder() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "pjongjang");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn too_small_is_a_notice_not_a_panic() {
    let app = loaded_app(40, 10);
    let t = render(&app);
    assert!(find(t.backend().buffer(), "terminal too small").is_some());
}

#[test]
fn mentions_are_highlighted_by_kind() {
    let mut app = loaded_app(120, 40);
    // Scroll to the paragraph with a person, a place and an organisation.
    key(&mut app, KeyCode::Tab);
    for _ in 0..14 {
        key(&mut app, KeyCode::Char('j'));
    }
    let t = render(&app);
    let buf = t.backend().buffer();
    for (text, scope) in [
        ("Rudenko", "entity.person"),
        ("Moskau", "entity.place"),
        ("Xinhua", "entity.organization"),
    ] {
        let (x, y) = find_from(buf, text, app.areas().unwrap().reader.x)
            .unwrap_or_else(|| panic!("{text} on screen"));
        let want = app.theme.style(scope);
        let cell = &buf[(x, y)];
        assert_eq!(
            (
                cell.fg,
                cell.modifier.contains(ratatui::style::Modifier::BOLD)
            ),
            (
                want.fg.unwrap(),
                want.add_modifier.contains(ratatui::style::Modifier::BOLD)
            ),
            "{text}"
        );
    }
    let (x, y) = find_from(buf, "Analysten", app.areas().unwrap().reader.x).unwrap();
    assert_eq!(
        buf[(x, y)].fg,
        app.theme.style("text").fg.unwrap(),
        "plain words are plain"
    );
}

#[test]
fn selected_mention_is_emphasised() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char(']'));
    let t = render(&app);
    let buf = t.backend().buffer();
    let (x, y) = find_from(buf, "Russland baut", app.areas().unwrap().reader.x).unwrap();
    assert_eq!(
        buf[(x, y)].bg,
        app.theme.style("entity.selected").bg.unwrap()
    );
    assert!(
        find(buf, "Russia").is_some(),
        "the entity card names the entity"
    );
}

/// The finder's highlight left the popup after ~18 rows, and Enter then filtered by an entity
/// never shown; "50 found" was the cap, not the count.
#[test]
fn finder_scrolls_with_the_selection_and_counts_every_hit() {
    let mut app = loaded_app(120, 30);
    key(&mut app, KeyCode::Char('e'));
    let total = app.data.as_ref().unwrap().entities.list.len();
    let crate::app::Popup::Finder(f) = &app.popup else {
        panic!("finder open")
    };
    assert_eq!(f.hits.len(), total, "an empty query lists every entity");
    for _ in 0..(total - 1) {
        key(&mut app, KeyCode::Down);
    }
    let crate::app::Popup::Finder(f) = &app.popup else {
        panic!("finder open")
    };
    assert_eq!(f.selected, total - 1);
    let last = &app.data.as_ref().unwrap().entities.list[f.hits[f.selected].entity].name;
    let t = render(&app);
    let buf = t.backend().buffer();
    let shown = last.chars().take(20).collect::<String>();
    assert!(
        find(buf, &shown).is_some(),
        "the selected entity {last} is on screen"
    );
    assert!(find(buf, &format!("{total} found ({total}/{total})")).is_some());
    // The kind column never runs into the name ("organizationKCNA").
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        if let Some(i) = row.find("organization") {
            assert!(row[i + "organization".len()..].starts_with(' '), "{row}");
        }
    }
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::PageDown);
    let crate::app::Popup::Finder(f) = &app.popup else {
        panic!("finder open")
    };
    assert_eq!(f.selected, 10);
}

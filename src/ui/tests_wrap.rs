//! Text that was cut where it should wrap, or put its essential part last: the related
//! panel's empty state, the skipped-input reasons, the finder's count beside a long name.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::App;
use crate::app::tests::{key, loaded_app, typed};
use crate::ui::theme::Theme;

fn screen(app: &App) -> Vec<String> {
    let theme = Theme::load("dark", None, false).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| super::draw(f, app, &theme)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

/// The words inside the panel `area` of `lines`, in reading order.
fn words_in(lines: &[String], area: ratatui::layout::Rect) -> String {
    lines[area.y as usize + 1..(area.y + area.height) as usize - 1]
        .iter()
        .map(|l| {
            l.chars()
                .skip(area.x as usize + 1)
                .take(area.width as usize - 2)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_related_panels_empty_state_wraps() {
    let mut app = loaded_app(80, 24);
    let mut data = (**app.data.as_ref().unwrap()).clone();
    let a = app.reader.current.unwrap();
    data.relations.related[a].clear();
    app.data = Some(std::sync::Arc::new(data));
    let lines = screen(&app);
    let text = words_in(&lines, app.areas().unwrap().related);
    assert!(
        text.contains("no related story: it shares no entity, word or number with another article"),
        "{text}"
    );
}

#[test]
fn skipped_reasons_wrap_to_what_was_kept() {
    let mut app = loaded_app(80, 24);
    let mut data = (**app.data.as_ref().unwrap()).clone();
    data.corpus.skipped.push(crate::corpus::Skipped {
        source: "feeds/news.rss".into(),
        reason: "broken feed (malformed feed: expected `</channel>` at line 12, column 4); kept the 3 complete entries before the break".into(),
    });
    app.data = Some(std::sync::Arc::new(data));
    key(&mut app, KeyCode::Char('w'));
    let lines = screen(&app);
    let text = lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("kept the 3 complete entries before the break"),
        "{lines:#?}"
    );
}

/// A name as long as the popup once pushed its article count off; a match on the name
/// repeated it as the alias.
#[test]
fn the_finder_keeps_the_count_beside_a_long_name() {
    let mut app = loaded_app(80, 24);
    let mut data = (**app.data.as_ref().unwrap()).clone();
    let long = "Internationale Atomenergie-Organisation der Vereinten Nationen in Wien";
    data.entities.list[0].name = long.into();
    data.entities.list[0].aliases.clear();
    data.finder = crate::index::finder::FinderIndex::build(&data.entities);
    app.data = Some(std::sync::Arc::new(data));
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "atomenergie");
    let lines = screen(&app);
    let row = lines
        .iter()
        .find(|l| l.contains("Internationale"))
        .expect("the long name's row");
    assert!(row.contains(" art."), "{row}");
    assert_eq!(row.matches("Internationale").count(), 1, "{row}");
}

/// Long work shows how far it has come: the stage and its percentage in the status line.
#[test]
fn loading_shows_the_stages_percentage() {
    let mut app = loaded_app(80, 24);
    crate::app::tests::send(
        &mut app,
        crate::app::Msg::Progress("linking related stories…".into()),
    );
    crate::app::tests::send(&mut app, crate::app::Msg::Meter(Some("42%".into())));
    let lines = screen(&app);
    assert!(
        lines[23].contains("linking related stories… 42%"),
        "{:?}",
        lines[23]
    );
}

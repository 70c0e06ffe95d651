//! The list's rows at the widths people use: designed for 80 columns first (the title is cut,
//! never the language badges), the date from 100, the source's name where there is room.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::App;
use crate::app::data::Data;
use crate::app::tests::{loaded_app, send};
use crate::ui::theme::Theme;

/// The bundled corpus with dates, and one story told in three languages (DE, IT, EN).
fn app_at(width: u16) -> App {
    let mut corpus = crate::corpus::load_bundled();
    for (i, a) in corpus.articles.iter_mut().enumerate() {
        a.date = Some(format!("2024-0{}-15", i + 1));
    }
    let mut data = Data::build(corpus, &|_| {});
    let root = data.relations.story[0];
    data.corpus.articles[2].lang = "en".into();
    data.relations.story[2] = root;
    data.story_members.get_mut(&root).unwrap().push(2);
    data.story_members.remove(&2);
    let mut app = loaded_app(width, 30);
    app.data = Some(std::sync::Arc::new(data));
    app.set_filter(crate::app::Filter::All);
    send(&mut app, crate::app::Msg::Resize(width, 30));
    app
}

/// The list pane's rows as text.
fn list_rows(app: &App) -> Vec<String> {
    let theme = Theme::load("dark", None, false).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| super::draw(f, app, &theme)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let list = app.areas().unwrap().list;
    (list.y + 1..list.y + 1 + app.list.rows.len() as u16)
        .map(|y| {
            (list.x + 1..list.x + list.width - 1)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn every_row_keeps_its_badges_and_the_date_shows_from_100_columns() {
    for width in [60u16, 80, 100, 120, 160, 200] {
        let app = app_at(width);
        let rows = list_rows(&app);
        assert_eq!(rows.len(), 3, "a story row and two others at {width}");
        for (row, text) in app.list.rows.iter().zip(&rows) {
            let d = app.data.as_ref().unwrap();
            let langs: Vec<String> = match row {
                crate::app::list::Row::Story { members, .. } => members
                    .iter()
                    .map(|&m| d.corpus.articles[m].lang.to_uppercase())
                    .collect(),
                crate::app::list::Row::Article { article, .. } => {
                    vec![d.corpus.articles[*article].lang.to_uppercase()]
                }
            };
            // The narrowest list names a story's first language and how many more.
            let langs = if width < 80 && langs.len() > 1 {
                vec![format!("{}+{}", langs[0], langs.len() - 1)]
            } else {
                langs
            };
            for l in &langs {
                assert!(
                    text.contains(&format!(" {l}")),
                    "{width} columns: no {l} badge in {text:?}"
                );
            }
            // The title keeps a readable start.
            let title = &d.corpus.articles[row.article()].title;
            let start: String = title.chars().take(6).collect();
            assert!(text.contains(&start), "{width} columns: {text:?}");
        }
        let dated = rows.iter().filter(|r| r.contains("2024-0")).count();
        if width >= 100 {
            assert!(
                dated >= 2,
                "{width} columns, dates on {dated} rows: {rows:#?}"
            );
        } else {
            assert_eq!(dated, 0, "{width} columns: {rows:#?}");
        }
        if width >= 200 {
            assert!(
                rows.iter().all(|r| r.contains("corpus")),
                "the source's name (its folder) at {width}: {rows:#?}"
            );
        }
    }
}

#[test]
fn a_sources_name_is_its_feed_or_its_folder() {
    assert_eq!(super::list::source_name("feeds/spiegel.rss"), "spiegel");
    assert_eq!(super::list::source_name("news/zeit/a.html"), "zeit");
    assert_eq!(super::list::source_name("a.txt"), "");
}

/// A feed's entries carry its title as their publication, and the list names it.
#[test]
fn a_feeds_title_names_its_entries_source() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = crate::corpus::load_paths(&[root.join("tests/fixtures/feeds/news.rss")]);
    let a = &corpus.articles[0];
    assert_eq!(a.site.as_deref(), Some("Zeitung – Ausland"));
    assert_eq!(super::list::source_name_of(a), "Zeitung – Ausland");
    let plain = crate::corpus::Article {
        source: "news/zeit/a.txt".into(),
        ..Default::default()
    };
    assert_eq!(super::list::source_name_of(&plain), "zeit");
}

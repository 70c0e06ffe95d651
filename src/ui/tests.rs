//! Screens as a person sees them (insta snapshots of a `TestBackend`), and the colours that
//! carry meaning: mentions in the style of their entity's kind.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::App;
use crate::app::tests::{key, loaded_app, typed};
use crate::ui::theme::Theme;

fn render(app: &App) -> Terminal<TestBackend> {
    render_in(app, &dark())
}

/// The default theme, as the reader starts with it.
fn dark() -> Theme {
    Theme::load("dark", None, false).unwrap()
}

fn render_in(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| super::draw(f, app, theme)).unwrap();
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
        let want = dark().style(scope);
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
        dark().style("text").fg.unwrap(),
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
    assert_eq!(buf[(x, y)].bg, dark().style("entity.selected").bg.unwrap());
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

/// Every cell of the selected list row is drawn in the selection's colours: badges, counts
/// and titles once kept their own and were unreadable on the bar (contrast 1.03–1.5:1).
#[test]
fn the_selected_row_is_in_the_selection_colours() {
    for theme in ["dark", "gruvbox", "light", "high-contrast"] {
        let app = loaded_app(120, 40);
        let theme_name = theme;
        let theme = Theme::load(theme_name, None, false).unwrap();
        let t = render_in(&app, &theme);
        let buf = t.backend().buffer();
        let sel = theme.style("list.selected");
        let list = app.areas().unwrap().list;
        let y = list.y + 1 + (app.list.sel - app.list_offset()) as u16;
        for x in list.x + 1..list.x + list.width - 1 {
            assert_eq!(
                (buf[(x, y)].fg, buf[(x, y)].bg),
                (sel.fg.unwrap(), sel.bg.unwrap()),
                "{theme_name}: cell {x} of the selected row"
            );
        }
    }
}

/// Under NO_COLOR the cursor, the selected mention and the focused pane were invisible.
#[test]
fn without_colours_the_cursor_and_selection_still_show() {
    use ratatui::style::Modifier;
    let mut app = loaded_app(120, 40);
    let theme = Theme::load("dark", None, true).unwrap();
    key(&mut app, KeyCode::Char(']'));
    let t = render_in(&app, &theme);
    let buf = t.backend().buffer();
    let list = app.areas().unwrap().list;
    let y = list.y + 1 + (app.list.sel - app.list_offset()) as u16;
    assert!(
        buf[(list.x + 3, y)].modifier.contains(Modifier::REVERSED),
        "list cursor"
    );
    let (x, y) = find_from(buf, "Russland baut", app.areas().unwrap().reader.x).unwrap();
    let m = buf[(x, y)].modifier;
    assert!(
        m.contains(Modifier::REVERSED) && m.contains(Modifier::BOLD),
        "selected mention"
    );
    let areas = app.areas().unwrap();
    let (focused, other) = match app.focus {
        crate::app::Pane::List => (areas.list, areas.reader),
        _ => (areas.reader, areas.list),
    };
    assert!(
        buf[(focused.x, focused.y)]
            .modifier
            .contains(Modifier::BOLD),
        "focused pane"
    );
    assert!(
        !buf[(other.x, other.y)].modifier.contains(Modifier::BOLD),
        "other panes"
    );
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset)
    );
}

/// Help and the skipped-files popup were cut off at 80×24 and 60×15 and could not scroll;
/// `w` with 80 skipped files showed 9.
#[test]
fn help_and_skipped_scroll_and_say_how_much_more() {
    for (w, h) in [(80, 24), (60, 15)] {
        let mut app = loaded_app(w, h);
        assert_eq!(
            app.help_line_count(),
            super::popup::help_lines(&super::View {
                app: &app,
                theme: &dark()
            })
            .len(),
            "the app and the popup count the same lines"
        );
        key(&mut app, KeyCode::Char('?'));
        let t = render(&app);
        assert!(
            find(t.backend().buffer(), "more").is_some(),
            "{w}x{h}: says more"
        );
        key(&mut app, KeyCode::Char('G'));
        let t = render(&app);
        let buf = t.backend().buffer();
        assert!(
            find(buf, "the wheel scrolls").is_some(),
            "{w}x{h}: the last line is reachable"
        );
        key(&mut app, KeyCode::Char('g'));
        key(&mut app, KeyCode::Char('j'));
        assert_eq!(app.popup_scroll, 1);
        key(&mut app, KeyCode::Char('x'));
        assert!(
            matches!(app.popup, crate::app::Popup::None),
            "another key closes"
        );
    }
    // 80 skipped files: all reachable.
    let mut app = loaded_app(80, 24);
    let mut data = crate::app::data::Data::build(crate::corpus::load_bundled(), &|_| {});
    data.corpus.skipped = (0..80)
        .map(|i| crate::corpus::Skipped {
            source: format!("dir/file{i:02}.bin"),
            reason: "binary file (NUL bytes); skipped".into(),
        })
        .collect();
    app.data = Some(std::sync::Arc::new(data));
    assert_eq!(
        app.skipped_line_count(),
        super::popup::skipped_lines(
            &super::View {
                app: &app,
                theme: &dark()
            },
            60
        )
        .len()
    );
    key(&mut app, KeyCode::Char('w'));
    let t = render(&app);
    assert!(find(t.backend().buffer(), "more").is_some());
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char('G'));
    let t = render(&app);
    assert!(find(t.backend().buffer(), "dir/file79.bin").is_some());
}

/// The light theme drew on the terminal's own (often dark) background.
#[test]
fn the_light_theme_sets_its_background() {
    let app = loaded_app(120, 40);
    let theme = Theme::load("light", None, false).unwrap();
    let t = render_in(&app, &theme);
    let buf = t.backend().buffer();
    let white = ratatui::style::Color::Rgb(255, 255, 255);
    let reader = app.areas().unwrap().reader;
    assert_eq!(buf[(reader.x + 5, reader.y + reader.height - 3)].bg, white);
}

/// `/` highlights the matches in the reader; `n` goes to the next and marks it.
#[test]
fn search_matches_are_highlighted_and_n_steps_through_them() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "nordkorea");
    key(&mut app, KeyCode::Enter);
    assert!(
        !app.reader.matches.is_empty(),
        "the open article has the word"
    );
    let t = render(&app);
    let buf = t.backend().buffer();
    let reader = app.areas().unwrap().reader;
    let (x, y) = find_from(buf, "Nordkorea", reader.x).unwrap();
    let want = dark().style("match");
    assert_eq!(buf[(x, y)].fg, want.fg.unwrap(), "a match is highlighted");
    assert!(buf[(x, y)].modifier.contains(want.add_modifier));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.current_match, Some(0));
    assert_eq!(
        app.message.as_deref(),
        Some(format!("match 1 of {}", app.reader.matches.len()).as_str())
    );
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.reader.current_match, Some(app.reader.matches.len() - 1));
}

/// 80×24, the classic terminal: every pane, titles first in the list.
#[test]
fn classic_80x24() {
    let app = loaded_app(80, 24);
    insta::assert_snapshot!(render(&app).backend());
}

/// The card shows the entity's forms with their languages and its articles.
#[test]
fn the_entity_card_shows_forms_by_language_and_articles() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "rudenko");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let t = render(&app);
    let buf = t.backend().buffer();
    let card = app.areas().unwrap().card;
    assert!(find_from(buf, "in 2 articles", card.x).is_some());
    assert!(find_from(buf, "IT", card.x).is_some(), "a form's language");
}

/// Flag emoji left half-glyphs: shown as their letters, one cell each.
#[test]
fn flags_are_shown_as_letters() {
    assert_eq!(
        super::cell_safe("Berlin 🇩🇪 und Rom 🇮🇹"),
        "Berlin DE und Rom IT"
    );
    // Side by side, every other flag in lower case: 🇨🇳🇷🇺 read "CNRU".
    assert_eq!(super::truncate("🇩🇪🇮🇹 Gipfel", 20), "DEit Gipfel");
    assert_eq!(super::cell_safe("🇨🇳🇷🇺🇩🇪 und 🇫🇷"), "CNruDE und FR");
    assert!(matches!(
        super::cell_safe("plain"),
        std::borrow::Cow::Borrowed(_)
    ));
}

/// A flag inside a search match once shifted the byte offsets of the cut pieces.
#[test]
fn flags_inside_search_matches_draw_safely() {
    let mut app = loaded_app(120, 40);
    let mut data = crate::app::data::Data::build(crate::corpus::load_bundled(), &|_| {});
    data.corpus.articles[0].body = format!(
        "🇩🇪 Berlin 🇩🇪 trifft 🇮🇹 Rom. {}",
        data.corpus.articles[0].body
    );
    data.entities.mentions[0].clear();
    app.data = Some(std::sync::Arc::new(data));
    app.reader.width = 0;
    app.relayout();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "berlin rom");
    key(&mut app, KeyCode::Enter);
    app.open(0, false);
    let t = render(&app);
    assert!(find(t.backend().buffer(), "DE Berlin DE trifft IT Rom.").is_some());
}

/// Where articles have dates, the card draws the entity's mentions by month.
#[test]
fn the_card_draws_mentions_by_month() {
    let mut corpus = crate::corpus::load_bundled();
    for (i, a) in corpus.articles.iter_mut().enumerate() {
        a.date = Some(format!("2024-0{}-15", i + 1));
    }
    let mut app = loaded_app(120, 40);
    let data = crate::app::data::Data::build(corpus, &|_| {});
    let russia = data
        .entities
        .list
        .iter()
        .position(|e| e.id == "russia")
        .unwrap();
    assert!(
        data.timeline[russia].len() >= 4,
        "{:?}",
        data.timeline[russia]
    );
    assert!(
        data.timeline[russia]
            .iter()
            .all(|(m, c)| m.starts_with("2024-0") && *c > 0)
    );
    app.data = Some(std::sync::Arc::new(data));
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(
        app.selected_entity()
            .map(|e| app.data.as_ref().unwrap().entities.list[e].id.clone()),
        Some("russia".into())
    );
    let t = render(&app);
    let card = app.areas().unwrap().card;
    assert!(find_from(t.backend().buffer(), "2024-01 ", card.x).is_some());
}

/// A long status message was cut at the screen's edge with no sign of it.
#[test]
fn long_status_messages_end_in_an_ellipsis() {
    let mut app = loaded_app(80, 24);
    app.say("x".repeat(200), 10);
    let t = render(&app);
    assert!(find(t.backend().buffer(), "x…").is_some());
}

/// A burst of resizes panicked ("index outside of buffer … Rect { width: 1000, height: 5 }"):
/// the panes were laid out for the last resize event while the frame had another size.
#[test]
fn a_frame_of_another_size_than_the_last_resize_draws_within_itself() {
    let mut app = loaded_app(120, 40);
    for (w, h) in [(1000, 5), (1000, 200), (61, 15), (300, 90), (120, 16)] {
        let _ = app.update(crate::app::Msg::Resize(w, h));
        for (fw, fh) in [
            (120, 40),
            (60, 15),
            (59, 14),
            (1000, 5),
            (200, 50),
            (1000, 16),
        ] {
            let mut terminal = Terminal::new(TestBackend::new(fw, fh)).unwrap();
            terminal.draw(|f| super::draw(f, &app, &dark())).unwrap();
        }
    }
}

/// The related panel lists the open article's own story first, marked "same story" in its
/// own style, then the others by relatedness, highest first; the bar and figure are the
/// relatedness.
#[test]
fn the_related_panel_puts_the_story_first_then_orders_by_relatedness() {
    let app = loaded_app(120, 40);
    let data = app.data.as_ref().unwrap();
    let current = app.reader.current.unwrap();
    let related = app.related();
    let story = &data.relations.story;
    let same: Vec<bool> = related
        .iter()
        .map(|l| story[l.article] == story[current])
        .collect();
    assert!(
        same[0],
        "the bundled corpus's first article has its story in Italian"
    );
    assert!(same.iter().any(|s| !s), "and related articles outside it");
    // Once an entry is outside the story, all after it are.
    assert!(same.windows(2).all(|w| w[0] || !w[1]), "{same:?}");
    let others: Vec<f32> = related
        .iter()
        .zip(&same)
        .filter(|(_, s)| !**s)
        .map(|(l, _)| l.relatedness)
        .collect();
    assert!(others.windows(2).all(|w| w[0] >= w[1]), "{others:?}");
    let t = render(&app);
    let buf = t.backend().buffer();
    let panel = app.areas().unwrap().related;
    let (x, y) = find_from(buf, "same story", panel.x).expect("the story entry is marked");
    assert_eq!(y, panel.y + 2, "on the first entry's second line");
    let theme = dark();
    assert_eq!(buf[(x, y)].style().fg, theme.style("related.same").fg);
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
    // The figure beside the first entry's bar is its relatedness.
    let figure = format!("{:.2}", related[0].relatedness);
    assert_eq!(
        find_from(buf, &figure, panel.x).map(|p| p.1),
        Some(panel.y + 1)
    );
    // Only one line shows per entry: a later entry does not say "same story".
    let rows_with_mark = (panel.y..panel.y + panel.height)
        .filter(|&row| {
            let text: String = (panel.x..panel.x + panel.width)
                .map(|x| buf[(x, row)].symbol().chars().next().unwrap_or(' '))
                .collect();
            text.contains("same story")
        })
        .count();
    assert_eq!(rows_with_mark, same.iter().filter(|s| **s).count());
}

/// `i` on a related entry shows all it shares with the open article: both scores, the
/// dates, every shared entity (more than the panel's line holds), word and number.
#[test]
fn the_link_detail_shows_every_shared_entity_word_and_number() {
    let mut app = loaded_app(120, 40);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, crate::app::Pane::Related);
    key(&mut app, KeyCode::Char('i'));
    let crate::app::Popup::Link(detail) = &app.popup else {
        panic!("no detail view: {:?}", app.popup);
    };
    assert!(detail.shared.entities.len() > 3, "{detail:?}");
    let data = app.data.as_ref().unwrap();
    let t = render(&app);
    let buf = t.backend().buffer();
    assert!(find(buf, "Why linked").is_some());
    assert!(find(buf, &format!("relatedness {:.2}", detail.relatedness)).is_some());
    assert!(
        find(
            buf,
            &format!("Shared entities ({})", detail.shared.entities.len())
        )
        .is_some()
    );
    assert!(find(buf, "Shared words").is_some());
    assert!(find(buf, "Shared numbers").is_some());
    assert!(find(buf, "dates:").is_some());
    // The last shared entity is shown too, not only the panel's three.
    let last = &data.entities.list[*detail.shared.entities.last().unwrap()].name;
    assert!(
        find(buf, last.split(' ').next().unwrap()).is_some(),
        "{last}"
    );
    // Any other key closes it.
    key(&mut app, KeyCode::Char('x'));
    assert!(matches!(app.popup, crate::app::Popup::None));
}

//! Everything a user can ask of dossier. The same names are the vocabulary of the keymap in the
//! config file (`"ctrl-q" = "quit"`) and of the help overlay.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Open the article or story under the cursor; on a selected mention, filter by its entity.
    Activate,
    NextMention,
    PrevMention,
    /// Next/previous mention of the selected entity, continuing into the next article.
    NextOccurrence,
    PrevOccurrence,
    Back,
    Forward,
    EntityFinder,
    Search,
    /// Close a popup, else clear the filter.
    Escape,
    ToggleRead,
    ToggleBookmark,
    OpenUrl,
    CopyUrl,
    /// Cycle the list's order: corpus order, newest first, by title, by source.
    Sort,
    /// Show only unread articles (toggle).
    FilterUnread,
    /// Show only bookmarked articles (toggle).
    FilterBookmarked,
    /// Show one language after another, then all.
    FilterLanguage,
    Help,
    ShowSkipped,
    /// Everything the focused related entry shares with the open article.
    LinkDetail,
    /// The next unread article down the list (into stories), and the previous one.
    NextUnread,
    PrevUnread,
    /// Mark every article of the list as filtered now read; `undo` takes it back.
    MarkAllRead,
    /// Take back the last `mark_all_read`.
    Undo,
    /// Read the paths again once, as `--watch` does (through the index when there is one).
    Reload,
    /// The reader full width, and back.
    Zoom,
    /// Focus one pane directly.
    FocusList,
    FocusReader,
    FocusRelated,
    FocusCard,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: &'static [Action] = &[
        Action::FocusNext,
        Action::FocusPrev,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::Activate,
        Action::NextMention,
        Action::PrevMention,
        Action::NextOccurrence,
        Action::PrevOccurrence,
        Action::Back,
        Action::Forward,
        Action::EntityFinder,
        Action::Search,
        Action::Escape,
        Action::ToggleRead,
        Action::ToggleBookmark,
        Action::OpenUrl,
        Action::CopyUrl,
        Action::Sort,
        Action::FilterUnread,
        Action::FilterBookmarked,
        Action::FilterLanguage,
        Action::LinkDetail,
        Action::NextUnread,
        Action::PrevUnread,
        Action::MarkAllRead,
        Action::Undo,
        Action::Reload,
        Action::Zoom,
        Action::FocusList,
        Action::FocusReader,
        Action::FocusRelated,
        Action::FocusCard,
        Action::ShowSkipped,
        Action::Help,
        Action::Quit,
    ];

    /// Its name in the config file's `[keys]` (the serde name).
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Activate => "activate",
            Action::NextMention => "next_mention",
            Action::PrevMention => "prev_mention",
            Action::NextOccurrence => "next_occurrence",
            Action::PrevOccurrence => "prev_occurrence",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::EntityFinder => "entity_finder",
            Action::Search => "search",
            Action::Escape => "escape",
            Action::ToggleRead => "toggle_read",
            Action::ToggleBookmark => "toggle_bookmark",
            Action::OpenUrl => "open_url",
            Action::CopyUrl => "copy_url",
            Action::Sort => "sort",
            Action::FilterUnread => "filter_unread",
            Action::FilterBookmarked => "filter_bookmarked",
            Action::FilterLanguage => "filter_language",
            Action::Help => "help",
            Action::ShowSkipped => "show_skipped",
            Action::LinkDetail => "link_detail",
            Action::NextUnread => "next_unread",
            Action::PrevUnread => "prev_unread",
            Action::MarkAllRead => "mark_all_read",
            Action::Undo => "undo",
            Action::Reload => "reload",
            Action::Zoom => "zoom",
            Action::FocusList => "focus_list",
            Action::FocusReader => "focus_reader",
            Action::FocusRelated => "focus_related",
            Action::FocusCard => "focus_card",
        }
    }

    /// What it does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::FocusNext => "focus next pane",
            Action::FocusPrev => "focus previous pane",
            Action::Down => "move down",
            Action::Up => "move up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "go to top",
            Action::Bottom => "go to bottom",
            Action::Activate => "open article / story; on a mention: filter by its entity",
            Action::NextMention => "select next mention",
            Action::PrevMention => "select previous mention",
            Action::NextOccurrence => "next mention of this entity (into the next article)",
            Action::PrevOccurrence => "previous mention of this entity",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::EntityFinder => "find an entity (any language, any alias)",
            Action::Search => "search titles and text",
            Action::Escape => "close popup, else clear filter",
            Action::ToggleRead => "toggle read",
            Action::ToggleBookmark => "toggle bookmark",
            Action::OpenUrl => "open the article's URL in the browser ($BROWSER, else xdg-open)",
            Action::CopyUrl => "copy the article's URL to the clipboard (OSC 52)",
            Action::Sort => "sort the list: corpus order, newest, title, source",
            Action::FilterUnread => "show only unread articles (toggle)",
            Action::FilterBookmarked => "show only bookmarked articles (toggle)",
            Action::FilterLanguage => "show one language, the next, then all",
            Action::ShowSkipped => "show skipped files",
            Action::LinkDetail => {
                "why a related entry is linked: scores, dates, every shared name, word, number"
            }
            Action::Help => "this help",
            Action::NextUnread => "next unread article",
            Action::PrevUnread => "previous unread article",
            Action::MarkAllRead => "mark every article of the list (as filtered) read",
            Action::Undo => "undo the last mark-all-read",
            Action::Reload => "read the files again (the index when there is one)",
            Action::Zoom => "reader full width, and back",
            Action::FocusList => "focus the list",
            Action::FocusReader => "focus the reader",
            Action::FocusRelated => "focus related stories",
            Action::FocusCard => "focus the entity card",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the error message lists are the names the config reads.
    #[test]
    fn names_are_the_config_vocabulary() {
        for &a in Action::ALL {
            let read: Action = Action::deserialize(serde::de::value::StrDeserializer::<
                serde::de::value::Error,
            >::new(a.name()))
            .unwrap();
            assert_eq!(read, a);
        }
    }
}

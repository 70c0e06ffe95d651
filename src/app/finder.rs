//! The entity finder popup's state; the matching itself is [`crate::index::finder`].

pub use crate::index::finder::Hit;

/// The finder popup's state.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    pub query: super::prompt::Prompt,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The hits are for an older query: the newest one has not answered yet.
    pub stale: bool,
    /// Enter was pressed while the hits were stale: it takes effect when they answer (typing
    /// `trump` and Enter at once chose from the hits of the empty query).
    pub enter_waiting: bool,
}

//! The entity finder popup's state; the matching itself is [`crate::index::finder`].

pub use crate::index::finder::Hit;

/// The finder popup's state.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    pub query: super::prompt::Prompt,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

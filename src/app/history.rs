//! Back and forward, like a browser: every opened article and every filter is a place.

/// Where the reader was: the filter of the list and the open article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub filter: super::Filter,
    pub article: Option<usize>,
    /// The reader's first line shown, and its selected mention, when it was left.
    pub scroll: usize,
    pub mention: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// Leaving `from` for somewhere new: `from` goes on the back stack, forward is forgotten.
    pub fn push(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        self.forward.clear();
    }

    /// Going back from `current`: the place to return to.
    pub fn back(&mut self, current: Place) -> Option<Place> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// Carries every place over to a new analysis of the corpus: `f` updates a place, or
    /// says it is gone (`None`), and then it is dropped.
    pub fn remap(&mut self, f: &dyn Fn(&mut Place) -> Option<()>) {
        for stack in [&mut self.back, &mut self.forward] {
            stack.retain_mut(|p| f(p).is_some());
            stack.dedup();
        }
    }

    pub fn forward(&mut self, current: Place) -> Option<Place> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Filter;

    fn at(a: usize) -> Place {
        Place {
            filter: Filter::All,
            article: Some(a),
            scroll: 0,
            mention: None,
        }
    }

    #[test]
    fn back_and_forward_like_a_browser() {
        let mut h = History::default();
        h.push(at(0));
        h.push(at(1));
        assert_eq!(h.back(at(2)), Some(at(1)));
        assert_eq!(h.back(at(1)), Some(at(0)));
        assert_eq!(h.back(at(0)), None);
        assert_eq!(h.forward(at(0)), Some(at(1)));
        // A new place forgets the forward stack.
        h.push(at(1));
        assert_eq!(h.forward(at(5)), None);
    }
}

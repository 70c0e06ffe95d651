//! How far the current stage of an analysis has come: the heavy loops (reading files,
//! recognising names, finding and scoring related stories) count their items here, on all
//! cores, and whoever shows progress (the CLI's bar, the reader's status line) reads it on
//! its own clock. One count per process: an analysis at a time is what there is to show.

use std::sync::atomic::{AtomicUsize, Ordering};

static DONE: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

/// A stage of `total` items begins (0: a stage whose size is not known yet).
pub fn begin(total: usize) {
    TOTAL.store(total, Ordering::Relaxed);
    DONE.store(0, Ordering::Relaxed);
}

/// One item of the stage is done.
pub fn tick() {
    DONE.fetch_add(1, Ordering::Relaxed);
}

/// Items done and in all, when the stage has counted any.
pub fn now() -> Option<(usize, usize)> {
    reading(DONE.load(Ordering::Relaxed), TOTAL.load(Ordering::Relaxed))
}

/// What counts `done` of `total` say: nothing before the first item or for a stage of
/// unknown size, never more done than there is.
fn reading(done: usize, total: usize) -> Option<(usize, usize)> {
    (total > 0 && done > 0).then(|| (done.min(total), total))
}

/// "42%", for a status line.
pub fn percent() -> Option<String> {
    now().map(|(done, total)| format!("{}%", done * 100 / total))
}

#[cfg(test)]
mod tests {
    /// The meter is one per process and other tests' analyses tick it too: the reading
    /// of counts is what is tested here.
    #[test]
    fn counts_up_to_its_total() {
        assert_eq!(super::reading(0, 4), None);
        assert_eq!(super::reading(3, 0), None);
        assert_eq!(super::reading(1, 4), Some((1, 4)));
        assert_eq!(super::reading(9, 4), Some((4, 4)));
    }
}

//! Data parallelism without a thread pool dependency: a slice's items handed out over the
//! cores with scoped threads, the input order kept.

use std::sync::atomic::{AtomicUsize, Ordering};

/// A worker's stack, as large as a main thread's.
const STACK_BYTES: usize = 8 * 1024 * 1024;

/// Blocks per worker the items are cut into. Halves fixed in advance left a core idle while
/// the other finished the harder half (recognition at 1.8 cores, linking at 1.3, features at
/// 1.7, measured by `DOSSIER_TIMING=1`); small blocks taken as workers ask let an early core
/// take more, and keep the cost of the hand-out (one atomic add) out of sight.
const BLOCKS_PER_WORKER: usize = 64;

/// `f` over `items` on every core; results in input order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let block = items.len().div_ceil(threads * BLOCKS_PER_WORKER).max(1);
    let blocks = items.len().div_ceil(block);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            if b >= blocks {
                return done;
            }
            let start = b * block;
            let end = (start + block).min(items.len());
            done.push((b, items[start..end].iter().map(&f).collect()));
        }
    };
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                // Parsers recurse (HTML trees, Markdown): a main thread's stack, not 2 MiB.
                std::thread::Builder::new()
                    .stack_size(STACK_BYTES)
                    .spawn_scoped(scope, work)
                    .expect("spawn a worker thread")
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread panicked"))
            .collect()
    });
    done.sort_unstable_by_key(|d| d.0);
    let mut out = Vec::with_capacity(items.len());
    for (_, results) in done {
        out.extend(results);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let v: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&v, |x| x * 2),
            v.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(super::map(&[] as &[u32], |x| *x).is_empty());
    }

    /// Items of very unequal cost (the first half slow) still come back whole and in order,
    /// whichever worker took them.
    #[test]
    fn keeps_order_when_costs_differ() {
        let v: Vec<u64> = (0..517).collect();
        let slow = |x: &u64| {
            if *x < 250 {
                (0..20_000u64).fold(*x, |a, i| a.wrapping_mul(31).wrapping_add(i)) % 7 + x * 10
            } else {
                x * 10
            }
        };
        let want: Vec<u64> = v.iter().map(slow).collect();
        assert_eq!(super::map(&v, slow), want);
    }
}

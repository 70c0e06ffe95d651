//! Sparse weighted vectors (sorted ids, weights), the currency of similarity: an article is an
//! entity vector, a term vector and a number vector.

/// A sparse vector with ids in ascending order, L2-normalised unless empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sparse {
    pub ids: Vec<u32>,
    pub weights: Vec<f32>,
}

impl Sparse {
    /// From (id, weight) pairs in any order; duplicate ids add up. Normalised to length 1.
    pub fn normalized(mut pairs: Vec<(u32, f32)>) -> Sparse {
        pairs.sort_unstable_by_key(|p| p.0);
        let mut ids: Vec<u32> = Vec::with_capacity(pairs.len());
        let mut weights: Vec<f32> = Vec::with_capacity(pairs.len());
        for (id, w) in pairs {
            if ids.last() == Some(&id) {
                *weights.last_mut().expect("parallel") += w;
            } else {
                ids.push(id);
                weights.push(w);
            }
        }
        let norm = weights.iter().map(|w| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            weights.iter_mut().for_each(|w| *w /= norm);
        }
        Sparse { ids, weights }
    }

    /// Its `k` heaviest entries, normalised again: the rare words that carry a cosine, at a
    /// fraction of the merge's cost.
    pub fn strongest(&self, k: usize) -> Sparse {
        if self.ids.len() <= k {
            return self.clone();
        }
        let mut pairs: Vec<(u32, f32)> = self.iter().collect();
        pairs.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        pairs.truncate(k);
        Sparse::normalized(pairs)
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.ids.iter().copied().zip(self.weights.iter().copied())
    }

    /// Calls `shared(i, j)` for every id both vectors have (`self.ids[i] == other.ids[j]`),
    /// in ascending order, by merging the sorted ids. Without a branch on which list moves
    /// on: it is a coin toss for the processor, and this merge is most of the related
    /// scoring's time.
    #[inline(always)]
    fn merge(&self, other: &Sparse, mut shared: impl FnMut(usize, usize)) {
        let (x, y) = (&self.ids[..], &other.ids[..]);
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            let (a, b) = (x[i], y[j]);
            if a == b {
                shared(i, j);
            }
            i += usize::from(a <= b);
            j += usize::from(b <= a);
        }
    }

    /// Dot product by merging the sorted ids.
    pub fn dot(&self, other: &Sparse) -> f32 {
        let mut sum = 0.0;
        self.merge(other, |i, j| sum += self.weights[i] * other.weights[j]);
        sum
    }

    /// The dot product, and the sum of `per_id[id]` over the ids both vectors have, in one
    /// merge (no allocation: it is asked of every candidate pair).
    pub fn dot_and_shared_sum(&self, other: &Sparse, per_id: &[f32]) -> (f32, f32) {
        let (mut dot, mut sum) = (0.0, 0.0);
        self.merge(other, |i, j| {
            dot += self.weights[i] * other.weights[j];
            sum += per_id[self.ids[i] as usize];
        });
        (dot, sum)
    }

    /// The ids both vectors have, ascending.
    pub fn shared_ids(&self, other: &Sparse) -> Vec<u32> {
        let mut out = vec![];
        self.merge(other, |i, _| out.push(self.ids[i]));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_dot_and_shared() {
        let a = Sparse::normalized(vec![(3, 1.0), (1, 1.0), (3, 1.0)]);
        assert_eq!(a.ids, [1, 3]);
        assert!((a.dot(&a) - 1.0).abs() < 1e-6);
        let b = Sparse::normalized(vec![(3, 1.0), (7, 1.0)]);
        assert!(a.dot(&b) > 0.6 && a.dot(&b) < 0.7);
        assert_eq!(a.shared_ids(&b), [3]);
        assert_eq!(b.shared_ids(&a), [3]);
        let per_id = [0.0, 10.0, 0.0, 2.5, 0.0, 0.0, 0.0, 7.0];
        let (dot, sum) = a.dot_and_shared_sum(&b, &per_id);
        assert!((dot - a.dot(&b)).abs() < 1e-6 && sum == 2.5);
        assert_eq!(Sparse::normalized(vec![]).dot(&a), 0.0);
    }
}

//! Story clusters: articles reporting the same story, in whatever language, get one story id.
//! Two articles are one story when each is among the other's three best related articles and
//! their score passes a threshold; stories are the connected groups of such pairs.

use super::related::Link;

/// Score from which a mutual top-three pair is taken to report the same story.
pub const SAME_STORY: f32 = 0.4;

/// The story of each article: the index of the story's first article.
pub fn stories(related: &[Vec<Link>]) -> Vec<usize> {
    let n = related.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let top3 = |a: usize, b: usize| related[a].iter().take(3).any(|l| l.article == b);
    for (a, links) in related.iter().enumerate() {
        for l in links.iter().take(3) {
            if l.score >= SAME_STORY && top3(l.article, a) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, l.article));
                // The smaller index is the root, so a story is named by its first article.
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    (0..n).map(|a| find(&mut parent, a)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(article: usize, score: f32) -> Link {
        Link {
            article,
            score,
            shared: vec![],
        }
    }

    #[test]
    fn mutual_strong_links_make_stories() {
        let related = vec![
            vec![link(1, 0.8), link(2, 0.1)],
            vec![link(0, 0.8)],
            vec![link(0, 0.3)],
            vec![],
        ];
        assert_eq!(stories(&related), [0, 0, 2, 3]);
    }
}

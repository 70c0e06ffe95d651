//! The reader's start from an index: what the list, search and finder need of every article,
//! read at once and without the texts ([`Preview`]), and one article's text, mentions and
//! related list, read when it is shown ([`ArticleText`]). Both only read: the full analysis
//! that follows a start brings the index up to date.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::read::{parse_mentions, parse_related};
use super::{APPLICATION_ID, FINGERPRINT, SCHEMA_VERSION, Store, StoreError, db_err};
use crate::corpus::Article;
use crate::index::Link;
use crate::nlp::{Entity, Field, Mention};

/// Every article of the index without its text, and the entities.
pub struct Preview {
    /// Per article in corpus order: its file's key and its number there (the FTS rows).
    pub order: Vec<(String, usize)>,
    /// The articles, their bodies empty.
    pub articles: Vec<Article>,
    /// Per article, the key its read mark is kept under ([`crate::corpus::ids::article_key`]).
    pub keys: Vec<String>,
    /// Per article, the first article of its story.
    pub story: Vec<usize>,
    /// Per article, how many distinct entities it names.
    pub entity_counts: Vec<usize>,
    /// The entities, each with its articles.
    pub entities: Vec<Entity>,
}

/// One article's text and what the analysis made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    pub body: String,
    pub mentions: Vec<Mention>,
    pub related: Vec<Link>,
}

/// A database's application id and schema version.
fn id_and_version(conn: &Connection) -> rusqlite::Result<(i32, i32)> {
    let pragma = |name: &str| conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0));
    Ok((pragma("application_id")?, pragma("user_version")?))
}

impl Store {
    /// Opens an existing index of this version to read, creating and moving nothing; unlike
    /// [`Store::open_read_only`] it may write, so that closing it leaves no `-wal` or `-shm`
    /// file behind. Falls back to reading only (a read-only mount).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        let opened = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        );
        let Ok(conn) = opened else {
            return Store::open_read_only(path);
        };
        let _ = conn.busy_timeout(Duration::from_secs(30));
        match id_and_version(&conn) {
            Ok((APPLICATION_ID, SCHEMA_VERSION)) => Ok(Store {
                conn,
                path: path.to_owned(),
                read_only: false,
            }),
            _ => {
                drop(conn);
                Store::open_read_only(path)
            }
        }
    }

    /// Opens the index at `path` to read it, never creating or changing it; an error when it
    /// is missing or not an index of this version.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| db_err(path, &e))?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(|e| db_err(path, &e))?;
        match id_and_version(&conn) {
            Ok((APPLICATION_ID, SCHEMA_VERSION)) => Ok(Store {
                conn,
                path: path.to_owned(),
                read_only: true,
            }),
            Ok(_) => Err(format!(
                "{}: not an index of this dossier version",
                path.display()
            )),
            // On a read-only mount a WAL database cannot make its `-shm`: read it as it is.
            Err(e) if path.exists() && !super::says_not_ours(&e) => Store::open_immutable(path),
            Err(e) => Err(format!("{}: not a dossier index ({e})", path.display())),
        }
    }

    /// What the list, search and finder need, when the index holds an analysis made by this
    /// build (else nothing: the start analyses first).
    pub fn preview(&self) -> Result<Option<Preview>, StoreError> {
        if self.meta("fingerprint")?.as_deref() != Some(FINGERPRINT) {
            return Ok(None);
        }
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let mut p = Preview {
            order: vec![],
            articles: vec![],
            keys: vec![],
            story: vec![],
            entity_counts: vec![],
            entities: vec![],
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT label, n, id, source, title, lang, date, url, site, akey, story, entities
                 FROM heads ORDER BY ord",
            )
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            p.order.push((
                r.get(0).map_err(err)?,
                r.get::<_, i64>(1).map_err(err)? as usize,
            ));
            p.articles.push(Article {
                id: r.get(2).map_err(err)?,
                source: r.get(3).map_err(err)?,
                title: r.get(4).map_err(err)?,
                lang: r.get(5).map_err(err)?,
                date: r.get(6).map_err(err)?,
                url: r.get(7).map_err(err)?,
                site: r.get(8).map_err(err)?,
                body: String::new(),
            });
            p.keys.push(r.get(9).map_err(err)?);
            p.story.push(r.get::<_, i64>(10).map_err(err)? as usize);
            p.entity_counts
                .push(r.get::<_, i64>(11).map_err(err)? as usize);
        }
        drop(rows);
        if p.articles.is_empty() {
            return Ok(None);
        }
        p.entities = self.entity_list()?;
        let n = p.articles.len();
        let consistent = p.story.iter().all(|&s| s < n)
            && p.entities.iter().flat_map(|e| &e.articles).all(|&a| a < n);
        if !consistent {
            return Err(format!(
                "{}: the stored analysis is inconsistent",
                self.path.display()
            ));
        }
        Ok(Some(p))
    }

    /// The text, mentions and related list of the article at `ord` in a [`Preview`] of this
    /// index, which was `article` with `entities` entities. Nothing when the index has changed
    /// since (another article there now, or mentions that do not fit its text).
    pub fn article_text(
        &self,
        ord: usize,
        article: &Article,
        articles: usize,
        entities: usize,
    ) -> Result<Option<ArticleText>, StoreError> {
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let bad =
            |what: &str, e: serde_json::Error| format!("{}: {what}: {e}", self.path.display());
        let row: Option<(String, String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT t.title, t.body, c.mentions, c.related
                 FROM corpus c JOIN texts t ON t.label = c.label AND t.n = c.n
                 WHERE c.ord = ?1 AND c.id = ?2",
            )
            .map_err(err)?
            .query_row(rusqlite::params![ord as i64, article.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()
            .map_err(err)?;
        let Some((title, body, mentions, related)) = row else {
            return Ok(None);
        };
        let text = ArticleText {
            mentions: parse_mentions(&mentions).map_err(|e| bad("mentions", e))?,
            related: parse_related(&related).map_err(|e| bad("related", e))?,
            body,
        };
        let fits = |m: &Mention| {
            let field = match m.field {
                Field::Title => &title,
                Field::Body => &text.body,
            };
            m.entity < entities
                && m.start <= m.end
                && field.is_char_boundary(m.start)
                && field.is_char_boundary(m.end)
                && m.end <= field.len()
        };
        let current = title == article.title
            && text.mentions.iter().all(fits)
            && text
                .related
                .iter()
                .all(|l| l.article < articles && l.shared.iter().all(|&e| e < entities));
        Ok(current.then_some(text))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::ids::article_key;

    /// The bundled corpus's files in a folder of their own, indexed: the index file and the
    /// analysis it holds.
    pub(crate) fn indexed_corpus(tmp: &Path) -> (PathBuf, crate::analysis::Analysis) {
        let dir = tmp.join("corpus");
        std::fs::create_dir(&dir).unwrap();
        for f in std::fs::read_dir("assets/corpus").unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
        }
        let file = tmp.join("cache/index.sqlite");
        let (a, summary, notes) = crate::analysis::indexed::run(&[dir], &file, &|_| {});
        assert!(notes.is_empty() && summary.saved, "{notes:?} {summary}");
        (file, a)
    }

    use std::path::PathBuf;

    #[test]
    fn a_preview_is_the_analysis_without_its_texts_and_each_text_reads_back() {
        let tmp = tempfile::tempdir().unwrap();
        let (file, a) = indexed_corpus(tmp.path());
        let store = Store::open_read_only(&file).unwrap();
        let p = store.preview().unwrap().expect("a preview");
        let (n, e) = (a.corpus.articles.len(), a.entities.list.len());
        assert_eq!((p.articles.len(), p.entities.len()), (n, e));
        assert!(a.relations.related.iter().any(|r| !r.is_empty()));
        for (i, full) in a.corpus.articles.iter().enumerate() {
            let head = &p.articles[i];
            assert!(head.body.is_empty());
            let with_body = Article {
                body: full.body.clone(),
                ..head.clone()
            };
            assert_eq!(&with_body, full);
            assert_eq!(p.keys[i], article_key(full));
            let mut named: Vec<usize> = a.entities.mentions[i].iter().map(|m| m.entity).collect();
            named.sort_unstable();
            named.dedup();
            assert_eq!(p.entity_counts[i], named.len());
            let text = store.article_text(i, head, n, e).unwrap().expect("current");
            assert_eq!(text.body, full.body);
            assert_eq!(text.mentions, a.entities.mentions[i]);
            assert_eq!(text.related, a.relations.related[i]);
        }
        assert_eq!(p.story, a.relations.story);
        assert_eq!(p.entities, a.entities.list);

        // A preview older than the index: what it shows is not at that place any more.
        let mut retitled = p.articles[0].clone();
        retitled.title.push_str(" (before)");
        assert_eq!(store.article_text(0, &retitled, n, e).unwrap(), None);
        let mut other = p.articles[0].clone();
        other.id = "another".into();
        assert_eq!(store.article_text(0, &other, n, e).unwrap(), None);
        // Mentions of entities the preview does not have would not fit it.
        assert_eq!(store.article_text(0, &p.articles[0], n, 0).unwrap(), None);
    }

    #[test]
    fn a_preview_is_read_only_from_an_index_of_this_version() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = tmp.path().join("none.sqlite");
        assert!(Store::open_read_only(&missing).is_err());
        assert!(!missing.exists(), "nothing is created");
        let foreign = tmp.path().join("notes.sqlite");
        std::fs::write(&foreign, "just some text, not a database at all").unwrap();
        let why = Store::open_read_only(&foreign).err().unwrap();
        assert!(why.contains("notes.sqlite"), "{why}");
        assert_eq!(
            std::fs::read_to_string(&foreign).unwrap(),
            "just some text, not a database at all",
            "left as it was"
        );
    }
}

//! Writing an update: in one transaction, and only if no other process wrote one meanwhile.

use rusqlite::{OptionalExtension, params};

use super::{Analysed, FINGERPRINT, Store, StoreError, Update, db_err};
use crate::nlp::Field;

impl Store {
    /// Writes `update` in one transaction, unless another process updated the index since
    /// generation `read_at` (then its update stands, and this one is dropped: returns false).
    ///
    /// The texts are written first; then `analysed` is asked for the corpus-wide part. A
    /// first index writes its texts on one core while the corpus is analysed on the others
    /// (the full-text index alone is a quarter of its time), so `analysed` may wait for that
    /// analysis; it is handed back, whatever happened. Without it (the analysis stopped) the
    /// transaction is rolled back.
    pub fn write(
        &mut self,
        update: &Update<'_>,
        read_at: u64,
        analysed: impl FnOnce() -> Option<Analysed>,
    ) -> (Result<bool, StoreError>, Option<Analysed>) {
        let mut taken = None;
        let result = self.write_into(update, read_at, analysed, &mut taken);
        (result, taken)
    }

    /// [`Store::write`], the analysis kept in `taken` once asked for.
    fn write_into(
        &mut self,
        update: &Update<'_>,
        read_at: u64,
        analysed: impl FnOnce() -> Option<Analysed>,
        taken: &mut Option<Analysed>,
    ) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| db_err(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let generation: u64 = tx
            .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()
            .map_err(err)?
            .and_then(|g| g.parse().ok())
            .unwrap_or(0);
        if generation != read_at {
            return Ok(false);
        }
        let fingerprint: Option<String> = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'fingerprint'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        if fingerprint.as_deref() != Some(FINGERPRINT) {
            // Made by another build: nothing of it is kept.
            tx.execute_batch("DELETE FROM files; DELETE FROM texts;")
                .map_err(err)?;
        }
        {
            let mut del_file = tx
                .prepare("DELETE FROM files WHERE label = ?1")
                .map_err(err)?;
            let mut del_texts = tx
                .prepare("DELETE FROM texts WHERE label = ?1")
                .map_err(err)?;
            for label in update
                .removed
                .iter()
                .chain(update.written.iter().map(|w| &w.label))
            {
                del_file.execute([label]).map_err(err)?;
                del_texts.execute([label]).map_err(err)?;
            }
            let mut put_file = tx
                .prepare(
                    "INSERT INTO files (label, size, mtime_ns, hash, problems, articles)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            let mut put_text = tx
                .prepare(
                    "INSERT INTO texts (label, n, base_id, source, title, lang, date, url, site, body, found)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )
                .map_err(err)?;
            let mut put_fts = tx
                .prepare("INSERT INTO fts (rowid, title, body) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            // Most of a first index's writing: the full-text index tokenises every text.
            crate::timing::phase("save texts", || -> rusqlite::Result<()> {
                for w in &update.written {
                    let problems = serde_json::to_string(w.problems).expect("strings");
                    put_file.execute(params![
                        w.label,
                        w.state.size as i64,
                        w.state.mtime_ns,
                        w.state.hash,
                        problems,
                        w.articles.len() as i64
                    ])?;
                    for (n, ((a, id), f)) in
                        w.articles.iter().zip(w.base_ids).zip(w.found).enumerate()
                    {
                        put_text.execute(params![
                            w.label, n as i64, id, a.source, a.title, a.lang, a.date, a.url,
                            a.site, a.body, f
                        ])?;
                        put_fts.execute(params![tx.last_insert_rowid(), a.title, a.body])?;
                    }
                }
                Ok(())
            })
            .map_err(err)?;
            let mut touch = tx
                .prepare("UPDATE files SET size = ?2, mtime_ns = ?3 WHERE label = ?1")
                .map_err(err)?;
            for (label, state) in &update.touched {
                touch
                    .execute(params![label, state.size as i64, state.mtime_ns])
                    .map_err(err)?;
            }
            if std::env::var_os("DOSSIER_FAILPOINT").is_some_and(|v| v == "index-commit") {
                // The integration tests' crash in the middle of an update (tests/index.rs).
                std::process::abort();
            }
            *taken = analysed();
            let Some(analysed) = taken.as_ref() else {
                return Err(format!(
                    "{}: the analysis stopped before it was written",
                    path.display()
                ));
            };
            crate::timing::phase("save corpus-wide tables", || {
                write_derived(&tx, update, analysed)
            })
            .map_err(err)?;
            let mut meta = tx
                .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
                .map_err(err)?;
            meta.execute(["fingerprint", FINGERPRINT]).map_err(err)?;
            meta.execute(["generation", &(generation + 1).to_string()])
                .map_err(err)?;
        }
        crate::timing::phase("save commit", || tx.commit()).map_err(err)?;
        Ok(true)
    }
}

fn write_derived(
    tx: &rusqlite::Transaction<'_>,
    d: &Update<'_>,
    analysed: &Analysed,
) -> rusqlite::Result<()> {
    let Analysed {
        entities,
        relations,
    } = analysed;
    tx.execute_batch("DELETE FROM corpus; DELETE FROM entities; DELETE FROM heads;")?;
    let mut head = tx.prepare(
        "INSERT INTO heads (ord, label, n, id, source, title, lang, date, url, site, akey, story, entities)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (i, ((label, n), a)) in d.order.iter().zip(d.corpus).enumerate() {
        head.execute(params![
            i as i64,
            label,
            *n as i64,
            a.id,
            a.source,
            a.title,
            a.lang,
            a.date,
            a.url,
            a.site,
            crate::corpus::ids::article_key(a),
            relations.story[i] as i64,
            crate::nlp::named(&entities.mentions[i]).len() as i64,
        ])?;
    }
    let mut put = tx.prepare(
        "INSERT INTO corpus (ord, label, n, id, story, hub, mentions, related, near)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, ((label, n), a)) in d.order.iter().zip(d.corpus).enumerate() {
        let mentions: Vec<(usize, u8, usize, usize)> = entities.mentions[i]
            .iter()
            .map(|m| (m.entity, u8::from(m.field == Field::Body), m.start, m.end))
            .collect();
        // (article, score, relatedness, shared entities, shared words)
        type Stored<'a> = (usize, f32, f32, &'a [usize], &'a [String]);
        let related: Vec<Stored> = relations.related[i]
            .iter()
            .map(|l| {
                (
                    l.article,
                    l.score,
                    l.relatedness,
                    &l.shared[..],
                    &l.words[..],
                )
            })
            .collect();
        put.execute(params![
            i as i64,
            label,
            *n as i64,
            a.id,
            relations.story[i] as i64,
            f64::from(relations.hub[i]),
            serde_json::to_string(&mentions).expect("numbers"),
            serde_json::to_string(&related).expect("numbers and strings"),
            serde_json::to_string(&relations.near[i]).expect("numbers"),
        ])?;
    }
    let mut put = tx.prepare(
        "INSERT INTO entities (ord, id, name, kind, aliases, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, e) in entities.list.iter().enumerate() {
        put.execute(params![
            i as i64,
            e.id,
            e.name,
            e.kind.as_str(),
            serde_json::to_string(&e.aliases).expect("strings"),
            serde_json::to_string(&e.articles).expect("numbers"),
        ])?;
    }
    Ok(())
}

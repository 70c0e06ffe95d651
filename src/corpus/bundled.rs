//! The bundled corpus, `assets/corpus/`, embedded in the binary by `build.rs` so that an
//! installed `dossier` works from any directory.

use std::path::Path;

use super::formats::Format;
use super::walk::{Source, SourceData};

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The embedded files as sources, labelled with their path in the repository.
pub fn sources() -> Vec<Source> {
    BUNDLED
        .iter()
        .map(|&(label, bytes)| Source {
            label: label.to_owned(),
            format: Format::of(Path::new(label)),
            data: SourceData::Embedded(bytes),
        })
        .collect()
}

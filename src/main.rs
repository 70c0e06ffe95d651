//! The `dossier` binary: everything lives in the library.

// Recognition and linking allocate many small strings; mimalloc makes that markedly cheaper
// than the system allocator (about a fifth of extraction time, see benches/throughput.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dossier::run(std::env::args_os().skip(1))
}

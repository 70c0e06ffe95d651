//! The `dossier` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    dossier::run(std::env::args_os().skip(1))
}

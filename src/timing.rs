//! Where the wall time of an analysis goes: with `DOSSIER_TIMING=1`, each [`phase`] prints
//! its name, its wall time and the CPU time of the process meanwhile (so that a phase that
//! keeps one core of two busy shows it), and the memory resident after it and at the peak so
//! far, to stderr. Off, a phase costs one cached check.

use std::sync::OnceLock;
use std::time::Instant;

fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DOSSIER_TIMING").is_some_and(|v| v != "0"))
}

/// CPU seconds of this process so far (user and system, all threads).
fn cpu_seconds() -> f64 {
    // /proc/self/stat fields 14 and 15 (utime, stime) in clock ticks, after the name's ')'.
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields counted from 3 (state) after the name: utime is field 14, so index 11.
    (ticks(11) + ticks(12)) / 100.0
}

/// This process's resident memory now and at its peak, in MB (VmRSS, VmHWM).
fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Runs `f`, printing how long it took when timing is on.
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !on() {
        return f();
    }
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let out = f();
    let wall = t.elapsed().as_secs_f64();
    let used = cpu_seconds() - cpu;
    let (rss, peak) = memory_mb();
    eprintln!(
        "timing: {name:<26} {wall:7.3} s wall {used:7.2} s cpu ({:.1} cores) {rss:6.0} MB after, peak {peak:6.0} MB",
        if wall > 0.0 { used / wall } else { 0.0 }
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phase_gives_back_what_it_ran_and_the_process_figures_read() {
        assert_eq!(phase("answer", || 42), 42);
        // Some work, so that the clock-tick CPU count has moved.
        let mut x = 0u64;
        let t = Instant::now();
        while t.elapsed().as_millis() < 50 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
        assert!(cpu_seconds() > 0.0);
        let (rss, peak) = memory_mb();
        assert!(rss > 0.0 && peak >= rss, "{rss} {peak}");
    }
}

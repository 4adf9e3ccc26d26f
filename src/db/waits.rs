//! How long requests waited for a pooled connection: r2d2 reports every checkout's time
//! to this handler, which adds it to a few process-wide counters (no lock, no
//! allocation on the request path). Only when `PASAR_POOL_WAITS_FILE` is set (by the
//! benchmarks) does a thread write the totals there once a second, as `key value` lines.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::OnceLock;
use std::time::Duration;

use diesel::r2d2::{event, HandleEvent};

/// A checkout slower than this waited for a connection: a free one is handed out in
/// the time of the check-out test (`SELECT 1`, well under a millisecond).
const WAITED: Duration = Duration::from_millis(1);

static CHECKOUTS: AtomicU64 = AtomicU64::new(0);
static WAITS: AtomicU64 = AtomicU64::new(0);
static WAIT_MICROS: AtomicU64 = AtomicU64::new(0);
static MAX_WAIT_MICROS: AtomicU64 = AtomicU64::new(0);
static TIMEOUTS: AtomicU64 = AtomicU64::new(0);

#[derive(Debug)]
pub struct Counter;

impl Counter {
    pub fn new() -> Box<Counter> {
        static WRITER: OnceLock<()> = OnceLock::new();
        WRITER.get_or_init(|| {
            if let Some(path) = std::env::var_os("PASAR_POOL_WAITS_FILE") {
                std::thread::spawn(move || loop {
                    std::thread::sleep(Duration::from_secs(1));
                    // A temporary file renamed over the old one: a reader never sees half.
                    let tmp = std::path::PathBuf::from(&path).with_extension("tmp");
                    if std::fs::write(&tmp, totals()).is_ok() {
                        let _ = std::fs::rename(&tmp, &path);
                    }
                });
            }
        });
        Box::new(Counter)
    }
}

impl HandleEvent for Counter {
    fn handle_checkout(&self, e: event::CheckoutEvent) {
        CHECKOUTS.fetch_add(1, Relaxed);
        if e.duration() >= WAITED {
            let micros = u64::try_from(e.duration().as_micros()).unwrap_or(u64::MAX);
            WAITS.fetch_add(1, Relaxed);
            WAIT_MICROS.fetch_add(micros, Relaxed);
            MAX_WAIT_MICROS.fetch_max(micros, Relaxed);
        }
    }

    fn handle_timeout(&self, _: event::TimeoutEvent) {
        TIMEOUTS.fetch_add(1, Relaxed);
    }
}

/// The counters since the process started.
pub fn totals() -> String {
    format!(
        "checkouts {}\nwaits {}\nwait_ms {}\nmax_wait_ms {}\ntimeouts {}\n",
        CHECKOUTS.load(Relaxed),
        WAITS.load(Relaxed),
        WAIT_MICROS.load(Relaxed) / 1000,
        MAX_WAIT_MICROS.load(Relaxed) / 1000,
        TIMEOUTS.load(Relaxed)
    )
}

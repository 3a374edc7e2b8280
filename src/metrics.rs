//! The metrics endpoint (`[metrics] address = "127.0.0.1:9464"` in bot.toml; off without it):
//! Prometheus text format over plain HTTP, counts only — never a name, id, case reference or
//! text. The driver thread refreshes the gauges from the store every few seconds; the delivery
//! failures are counted as they happen.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::engine::state::CaseEvent;
use crate::store::{Store, StoreError};

/// The process's metrics.
#[derive(Debug, Default)]
pub struct Metrics {
    open_cases: AtomicU64,
    pending_timers: AtomicU64,
    outbox_backlog: AtomicU64,
    outbox_oldest_seconds: AtomicU64,
    reminders_sent: AtomicU64,
    /// Failed delivery attempts per platform ("matrix", "discord").
    delivery_failures: Mutex<BTreeMap<&'static str, u64>>,
    /// When each platform last handed Fyr an event.
    last_event: Mutex<BTreeMap<&'static str, Instant>>,
}

/// The one set of metrics of this process.
pub fn global() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(Metrics::default)
}

impl Metrics {
    /// Count a failed delivery on a platform.
    pub fn delivery_failed(&self, platform: &'static str) {
        let mut failures = self
            .delivery_failures
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *failures.entry(platform).or_default() += 1;
    }

    /// Note that a platform delivered an event just now.
    pub fn event_from(&self, platform: &'static str) {
        let mut last = self.last_event.lock().unwrap_or_else(|p| p.into_inner());
        last.insert(platform, Instant::now());
    }

    /// Recompute the gauges from the store.
    pub fn refresh(&self, store: &dyn Store, now: DateTime<Utc>) -> Result<(), StoreError> {
        let cases = store.all_cases()?;
        let open = cases.iter().filter(|c| c.closed_at.is_none()).count();
        let reminders: usize = cases
            .iter()
            .map(|c| {
                c.log
                    .iter()
                    .filter(|l| matches!(l.event, CaseEvent::Notified { reminder: true, .. }))
                    .count()
            })
            .sum();
        let timers = store.timers()?.len();
        // Every undelivered notification, due or waiting for its next attempt.
        let backlog = store.pending_outbox(now + chrono::Duration::days(365 * 100))?;
        let oldest = backlog
            .iter()
            .map(|e| e.created_at)
            .min()
            .map_or(0, |at| (now - at).num_seconds().max(0) as u64);
        self.open_cases.store(open as u64, Ordering::Relaxed);
        self.reminders_sent
            .store(reminders as u64, Ordering::Relaxed);
        self.pending_timers.store(timers as u64, Ordering::Relaxed);
        self.outbox_backlog
            .store(backlog.len() as u64, Ordering::Relaxed);
        self.outbox_oldest_seconds.store(oldest, Ordering::Relaxed);
        Ok(())
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut gauge = |name: &str, help: &str, kind: &str, value: u64| {
            out.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
            ));
        };
        gauge(
            "fyr_open_cases",
            "Cases not closed.",
            "gauge",
            self.open_cases.load(Ordering::Relaxed),
        );
        gauge(
            "fyr_pending_timers",
            "Reminders, escalations and check-ins waiting to fire.",
            "gauge",
            self.pending_timers.load(Ordering::Relaxed),
        );
        gauge(
            "fyr_outbox_backlog",
            "Notifications not delivered yet.",
            "gauge",
            self.outbox_backlog.load(Ordering::Relaxed),
        );
        gauge(
            "fyr_outbox_oldest_age_seconds",
            "Age of the oldest undelivered notification (0: none).",
            "gauge",
            self.outbox_oldest_seconds.load(Ordering::Relaxed),
        );
        gauge(
            "fyr_reminders_sent",
            "Reminders sent in the cases kept.",
            "gauge",
            self.reminders_sent.load(Ordering::Relaxed),
        );
        out.push_str("# HELP fyr_delivery_failures_total Failed delivery attempts per platform.\n# TYPE fyr_delivery_failures_total counter\n");
        let failures = self
            .delivery_failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for platform in ["matrix", "discord"] {
            let n = failures.get(platform).copied().unwrap_or(0);
            out.push_str(&format!(
                "fyr_delivery_failures_total{{platform=\"{platform}\"}} {n}\n"
            ));
        }
        out.push_str("# HELP fyr_seconds_since_last_event Seconds since the platform last delivered an event to Fyr (its sync is alive).\n# TYPE fyr_seconds_since_last_event gauge\n");
        let last = self
            .last_event
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for (platform, at) in last {
            out.push_str(&format!(
                "fyr_seconds_since_last_event{{platform=\"{platform}\"}} {}\n",
                at.elapsed().as_secs()
            ));
        }
        out
    }
}

/// Serve `GET /metrics` on `address` on a thread of its own. Anything else gets 404; nothing
/// from the request is logged.
pub fn serve(address: SocketAddr) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(address)?;
    let bound = listener.local_addr()?;
    std::thread::Builder::new()
        .name("fyr-metrics".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
                // The request line, however the client splits its writes.
                let mut request = [0u8; 1024];
                let mut n = 0;
                while n < request.len() && !request[..n].windows(2).any(|w| w == b"\r\n") {
                    match stream.read(&mut request[n..]) {
                        Ok(0) | Err(_) => break,
                        Ok(k) => n += k,
                    }
                }
                let wanted = request[..n].starts_with(b"GET /metrics ")
                    || request[..n].starts_with(b"GET /metrics?");
                let response = if wanted {
                    let body = global().render();
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                } else {
                    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .to_string()
                };
                let _ = stream.write_all(response.as_bytes());
            }
        })?;
    Ok(bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_answers_metrics_and_404() {
        let bound = serve("127.0.0.1:0".parse().unwrap()).unwrap();
        let get = |path: &str| {
            let mut s = std::net::TcpStream::connect(bound).unwrap();
            write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut r = String::new();
            s.read_to_string(&mut r).unwrap();
            r
        };
        let r = get("/metrics");
        assert!(
            r.starts_with("HTTP/1.1 200 OK") && r.contains("fyr_open_cases 0"),
            "{r}"
        );
        assert!(get("/other").starts_with("HTTP/1.1 404"));
    }
}

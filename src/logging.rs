//! The log: Fyr's own lines as `FYR_LOG` asks, and dependencies' lines kept from carrying what
//! people wrote. serenity logs a whole gateway payload (a DM's text included) when it cannot
//! read an event, and serde's errors quote the value they refused; matrix-sdk and the HTTP and
//! WebSocket crates log request bodies and headers at debug. So, whatever `FYR_LOG` says:
//!
//! - every crate but Fyr is capped at WARN (their spans, whose fields hold request bodies, are
//!   never entered into the log);
//! - a dependency's line that does get through has every quoted string in it replaced by
//!   `"…"` and is cut at [`MAX_DEPENDENCY_LINE`] characters: the kind of problem stays, the
//!   text goes.
//!
//! Fyr's own lines carry no message text, names or evidence by construction (STYLE.md).

use tracing::{Event, Subscriber};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::format::{DefaultFields, Format, Full, Writer};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The default filter: warnings, the operator's status lines, and not matrix-sdk's expected
/// 404s (no backup yet, no account data yet), which it logs as errors.
pub const DEFAULT_FILTER: &str = "warn,fyr::status=info,matrix_sdk::http_client=off";

/// The longest a dependency's log line may be.
pub const MAX_DEPENDENCY_LINE: usize = 300;

/// Whether a log target is Fyr's own (the library and the binary are both `fyr`).
fn is_fyr(target: &str) -> bool {
    target == "fyr" || target.starts_with("fyr::")
}

/// The most any crate but Fyr may log, whatever `FYR_LOG` says.
pub fn dependency_cap() -> Targets {
    Targets::new()
        .with_default(LevelFilter::WARN)
        .with_target("fyr", LevelFilter::TRACE)
}

/// Replace every double-quoted string (JSON strings, `Debug` strings, serde's quotes of what it
/// refused) with `"…"`, and cut the line at `max` characters.
pub fn redact(line: &str, max: usize) -> String {
    let mut out = String::with_capacity(line.len().min(max + 8));
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' {
            continue;
        }
        // Read to the closing quote (escaped quotes and backslashes inside are skipped too).
        let mut inner = String::new();
        let mut closed = false;
        while let Some(d) = chars.next() {
            match d {
                '\\' => {
                    inner.push(d);
                    if let Some(e) = chars.next() {
                        inner.push(e);
                    }
                }
                '"' => {
                    closed = true;
                    break;
                }
                _ => inner.push(d),
            }
        }
        // A JSON key (a short identifier followed by ':') says where, not what: kept.
        let key = closed
            && chars.peek() == Some(&':')
            && (1..=32).contains(&inner.len())
            && inner
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_');
        out.push_str(if key { &inner } else { "…" });
        if closed {
            out.push('"');
        }
    }
    if out.chars().count() > max {
        let cut: String = out.chars().take(max).collect();
        return format!("{cut} [cut]");
    }
    out
}

/// Formats Fyr's lines as they are and dependencies' lines redacted (see the module docs).
struct Redacting(Format<Full>);

impl<S, N> FormatEvent<S, N> for Redacting
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> std::fmt::Result {
        if is_fyr(event.metadata().target()) {
            return self.0.format_event(ctx, writer, event);
        }
        let mut line = String::new();
        self.0.format_event(ctx, Writer::new(&mut line), event)?;
        let redacted = redact(line.trim_end(), MAX_DEPENDENCY_LINE);
        writeln!(writer, "{redacted}")
    }
}

/// Log to stderr: `FYR_LOG` (an EnvFilter) or [`DEFAULT_FILTER`], under the dependency cap,
/// with dependencies' lines redacted.
pub fn init() {
    let filter =
        EnvFilter::try_from_env("FYR_LOG").unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .fmt_fields(DefaultFields::new())
        .event_format(Redacting(Format::default()))
        .with_filter(filter)
        .with_filter(dependency_cap());
    tracing_subscriber::registry().with(layer).init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_redacted_and_long_lines_cut() {
        let ws = r#"Err deserializing text: invalid type; text: {"t":"MESSAGE_CREATE","d":{"content":"mitt \"hemliga\" ord","id":12}}"#;
        let out = redact(ws, 300);
        assert!(!out.contains("hemliga"), "{out}");
        assert!(!out.contains("MESSAGE_CREATE"), "{out}");
        assert!(out.contains(r#"{"t":"…","d":{"#), "{out}");
        assert!(out.contains(r#""content":"…""#), "{out}");
        assert!(out.contains("\"id\":12"), "{out}");
        let serde = "invalid type: string \"ring mig\", expected u64 at line 1 column 9";
        assert_eq!(
            redact(serde, 300),
            "invalid type: string \"…\", expected u64 at line 1 column 9"
        );
        // An unterminated quote hides the rest.
        assert_eq!(redact("a \"b c", 300), "a \"…");
        let long = "x".repeat(500);
        assert_eq!(redact(&long, 300).chars().count(), 306);
        assert!(is_fyr("fyr") && is_fyr("fyr::status") && !is_fyr("fyrkant"));
    }
}

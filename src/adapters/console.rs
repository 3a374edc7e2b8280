//! The console adapter, Fyr's embedded default: a chat in the terminal, or — when stdin is not a
//! terminal — the same chat run as a script. `/as ID` switches who is typing, `/advance 3h`
//! moves a simulated clock, `/quit` ends. Bot messages print as `→ ID: text` with numbered
//! options; in script mode each input line is echoed as `ID> line` so the output reads as a
//! transcript.
//!
//! With a [`DeliveryLog`] (`fyr chat --deliveries FILE`) the console keeps a record of the
//! notifications it has shown, by outbox key, and never shows a key twice — what a chat platform
//! does with Matrix transaction ids or Discord nonces. The crash suite counts deliveries there.

use std::collections::HashSet;
use std::io::{BufRead, Read, Seek, Write};
use std::path::Path;

use crate::clock::{parse_duration, Clock, ClockError};
use crate::driver::{Deliver, DeliveryError, Driver, DriverError};
use crate::engine::{Arg, Msg};
use crate::i18n::Rendered;
use crate::model::{Language, PersonId};
use crate::store::Store;

/// Lines longer than this are cut before interpretation (the engine refuses them politely anyway).
const MAX_LINE_BYTES: usize = 1 << 20;

pub struct Console<S: Store> {
    pub driver: Driver<S>,
    pub clock: Clock,
    pub speaker: PersonId,
    /// Interactive: show a prompt. Script: echo each input line.
    pub interactive: bool,
    /// The record of notifications already shown, if kept (see [`DeliveryLog`]).
    pub deliveries: Option<DeliveryLog>,
}

/// The console's record of the notifications it has shown: one outbox key per line, appended
/// and synced to disk *before* the notification is printed. The outbox delivers at least once
/// (a crash after showing a notification and before the outbox heard back offers it again);
/// the record turns that into once, as a chat platform's idempotency keys do. A crash between
/// recording and printing leaves a key recorded whose text did not reach the terminal — the
/// console cannot make the two one atomic step, and it chooses never to show a key twice.
#[derive(Debug)]
pub struct DeliveryLog {
    file: std::fs::File,
    shown: HashSet<String>,
}

impl DeliveryLog {
    /// Open (or create) the record. A last line cut off by a crash is dropped: its notification
    /// was never printed, so it is shown again.
    pub fn open(path: &Path) -> std::io::Result<DeliveryLog> {
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        let whole = text.rfind('\n').map_or(0, |i| i + 1);
        if whole < text.len() {
            file.set_len(whole as u64)?;
            file.seek(std::io::SeekFrom::End(0))?;
        }
        let shown = text[..whole].lines().map(str::to_string).collect();
        Ok(DeliveryLog { file, shown })
    }

    /// Whether the notification with this key was shown already.
    pub fn contains(&self, key: &str) -> bool {
        self.shown.contains(key)
    }

    /// Record a key as shown (one write, then fsync).
    pub fn record(&mut self, key: &str) -> std::io::Result<()> {
        self.file.write_all(format!("{key}\n").as_bytes())?;
        self.file.sync_data()?;
        self.shown.insert(key.to_string());
        Ok(())
    }
}

impl<S: Store> Console<S> {
    /// Run until end of input or `/quit`.
    pub fn run<R: BufRead, W: Write>(&mut self, input: &mut R, out: &mut W) -> anyhow::Result<()> {
        // Everything Fyr says goes through the outbox and is printed from there, once per key
        // (with a delivery record), as the chat platforms get it.
        self.driver.set_replies_via_outbox();
        // Overdue timers fire and undelivered messages go out first (after a restart); then
        // opening the chat shows the greeting, or where the person was.
        self.tick(out)?;
        self.resume(out)?;
        let mut raw = Vec::new();
        loop {
            if self.interactive {
                write!(out, "{}> ", self.speaker)?;
                out.flush()?;
            }
            raw.clear();
            let read = Read::by_ref(input)
                .take(MAX_LINE_BYTES as u64)
                .read_until(b'\n', &mut raw)?;
            if read == 0 {
                break;
            }
            if raw.last() != Some(&b'\n') && read == MAX_LINE_BYTES {
                // Skip the rest of an over-long line.
                let mut rest = Vec::new();
                input.read_until(b'\n', &mut rest)?;
            }
            let line = String::from_utf8_lossy(&raw);
            let line = line.trim_end_matches(['\n', '\r']);
            // SIGHUP (`fyr reload`) since the last line: the new directory applies to this one.
            if crate::signals::take_reload() {
                let now = self.clock.now();
                crate::reload::reload_from_disk(&mut self.driver, now);
            }
            if !self.interactive {
                writeln!(out, "{}> {}", self.speaker, line)?;
            }
            if !self.console_command(line, out)? {
                break;
            }
        }
        Ok(())
    }

    /// Handle console commands; anything else is a message. Returns false on `/quit`.
    fn console_command(&mut self, line: &str, out: &mut dyn Write) -> anyhow::Result<bool> {
        let trimmed = line.trim();
        let mut words = trimmed.split_whitespace();
        match words.next() {
            Some("/quit" | "/exit") => return Ok(false),
            Some("/as") => match words.next() {
                Some(id) if self.driver.config().person(id).is_some() => {
                    self.speaker = PersonId::new(id);
                    self.note(
                        out,
                        Msg::new("console-now-writing").arg("id", Arg::Str(id.into())),
                    )?;
                }
                Some(id) => {
                    self.note(
                        out,
                        Msg::new("console-unknown-person").arg("id", Arg::Str(id.into())),
                    )?;
                }
                None => self.note(out, Msg::new("console-unknown-command"))?,
            },
            Some("/file") => {
                let path = trimmed["/file".len()..].trim();
                if path.is_empty() {
                    self.note(out, Msg::new("console-file-usage"))?;
                } else {
                    self.file(out, std::path::Path::new(path))?;
                }
            }
            Some("/advance") => {
                let by = words.next().map(parse_duration);
                match by.map(|d| d.and_then(|d| self.clock.advance(d))) {
                    Some(Ok(now)) => {
                        let time = self.local_time(now);
                        self.note(
                            out,
                            Msg::new("console-advanced").arg("time", Arg::Str(time.into())),
                        )?;
                        self.tick(out)?;
                    }
                    Some(Err(ClockError::NotSimulated)) => {
                        self.note(out, Msg::new("console-not-simulated"))?
                    }
                    Some(Err(ClockError::BadDuration)) | None => {
                        self.note(out, Msg::new("console-bad-advance"))?
                    }
                }
            }
            _ => self.say(out, line)?,
        }
        Ok(true)
    }

    /// Seal a file from disk as evidence (size checked before reading).
    fn file(&mut self, out: &mut dyn Write, path: &std::path::Path) -> anyhow::Result<()> {
        let max = self.driver.config().max_file_bytes;
        match std::fs::metadata(path) {
            Ok(meta) if meta.len() > max => {
                let mb = (max / (1024 * 1024)) as i64;
                return self.note(
                    out,
                    Msg::new("console-file-too-big").arg("max", Arg::Num(mb)),
                );
            }
            Ok(meta) if meta.is_file() => {}
            _ => return self.note(out, Msg::new("console-file-unreadable")),
        }
        let Ok(bytes) = std::fs::read(path) else {
            return self.note(out, Msg::new("console-file-unreadable"));
        };
        let name = path
            .file_name()
            .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
        let speaker = self.speaker.clone();
        let now = self.clock.now();
        match self.driver.handle_file(&speaker, &name, bytes, now) {
            Ok(messages) => {
                for m in messages {
                    print_message(out, &m)?;
                }
                self.tick(out)
            }
            Err(DriverError::UnknownPerson) => self.note(
                out,
                Msg::new("console-unknown-person").arg("id", Arg::Str(speaker.as_str().into())),
            ),
            Err(DriverError::Store(e)) => Err(e.into()),
        }
    }

    /// Fire due timers and print the notifications they and earlier steps produced.
    fn tick(&mut self, out: &mut dyn Write) -> anyhow::Result<()> {
        let now = self.clock.now();
        let mut printer = Printer {
            out,
            log: self.deliveries.as_mut(),
        };
        self.driver.tick(now, &mut printer)?;
        Ok(())
    }

    /// Show where the speaker is (the greeting, for someone new) without taking a step.
    fn resume(&mut self, out: &mut dyn Write) -> anyhow::Result<()> {
        let now = self.clock.now();
        let speaker = self.speaker.clone();
        match self.driver.resume(&speaker, now) {
            Ok(messages) => {
                for m in messages {
                    print_message(out, &m)?;
                }
                self.tick(out)
            }
            Err(DriverError::UnknownPerson) => {
                let msg =
                    Msg::new("console-unknown-person").arg("id", Arg::Str(speaker.as_str().into()));
                self.note(out, msg)
            }
            Err(DriverError::Store(e)) => Err(e.into()),
        }
    }

    fn say(&mut self, out: &mut dyn Write, text: &str) -> anyhow::Result<()> {
        let now = self.clock.now();
        let speaker = self.speaker.clone();
        match self.driver.handle(&speaker, text, now) {
            Ok(messages) => {
                for m in messages {
                    print_message(out, &m)?;
                }
                self.tick(out)?;
            }
            Err(DriverError::UnknownPerson) => {
                let msg =
                    Msg::new("console-unknown-person").arg("id", Arg::Str(speaker.as_str().into()));
                self.note(out, msg)?;
            }
            Err(DriverError::Store(e)) => return Err(e.into()),
        }
        Ok(())
    }

    /// A console note, in the current speaker's language.
    fn note(&self, out: &mut dyn Write, msg: Msg) -> anyhow::Result<()> {
        let text = self.driver.localizer().text(self.language(), &msg);
        writeln!(out, "   {text}")?;
        Ok(())
    }

    fn language(&self) -> Language {
        self.driver
            .language_of(&self.speaker)
            .unwrap_or(Language::En)
    }

    /// The time in the speaker's unit's time zone.
    fn local_time(&self, now: chrono::DateTime<chrono::Utc>) -> String {
        let config = self.driver.config();
        let tz = config
            .person(self.speaker.as_str())
            .and_then(|p| config.unit(&p.unit))
            .map(|u| u.timezone);
        match tz {
            Some(tz) => format!(
                "{} ({})",
                now.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
                tz
            ),
            None => now.format("%Y-%m-%d %H:%M UTC").to_string(),
        }
    }
}

/// The console as a delivery target: notifications print like any bot message, once per key
/// when a [`DeliveryLog`] is kept.
struct Printer<'a> {
    out: &'a mut dyn Write,
    log: Option<&'a mut DeliveryLog>,
}

impl Deliver for Printer<'_> {
    fn deliver(&mut self, key: &str, message: &Rendered) -> Result<(), DeliveryError> {
        if let Some(log) = self.log.as_deref_mut() {
            if log.contains(key) {
                // Shown before a crash; the outbox is only hearing back now.
                return Ok(());
            }
            log.record(key)
                .map_err(|e| DeliveryError(format!("the delivery record: {e}")))?;
        }
        print_message(self.out, message).map_err(|e| DeliveryError(e.to_string()))
    }
}

/// Print one bot message: `→ ID: first line`, further lines indented, options numbered.
pub fn print_message(out: &mut dyn Write, m: &Rendered) -> std::io::Result<()> {
    let mut lines = m.text.lines();
    writeln!(out, "→ {}: {}", m.to, lines.next().unwrap_or(""))?;
    for line in lines {
        if line.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "  {line}")?;
        }
    }
    for (i, option) in m.options.iter().enumerate() {
        writeln!(out, "  {}) {}", i + 1, option)?;
    }
    Ok(())
}

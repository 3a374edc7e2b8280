//! `SledStore`: the on-disk store with its writes on a second thread. A deferred commit is put
//! into the cache at once (every read sees it) and handed to a writer thread, which seals,
//! encodes and writes it (`SledCore::write_group`) while the caller goes on with the next
//! step; `sync` waits for the writer to have written everything so far and flushed it, and
//! `sync_start` / `sync_wait` split that so the next batch can be stepped during the flush. So
//! a batch of steps uses both cores: the steps on the caller's, their storage on the writer's.
//!
//! Checkpoints (`SledCore::checkpoint`) run on a third thread, asked for when a write makes
//! one due: beside the commits, so neither the caller nor a flush waits for one.
//!
//! Reads the cache cannot answer wait for the writer to catch up first, so they always see
//! every commit before them. Commits that erase something, and the direct writes
//! (`update_outbox`, `append_audit`, `erase_case`), also wait and then run on the caller.
//! If a write fails, the writer drops every commit after it (what is on disk stays a prefix
//! of the commits, each whole), the cache is emptied, and every `sync_wait` (or `sync`, or
//! durable `commit`) for a batch not flushed before the failure returns the error: nothing of
//! those batches may be shown. After that the store goes on with new commits.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use chrono::{DateTime, Utc};

use super::sled_store::SledCore;
use super::{AuditEntry, Commit, OutboxEntry, Store, StoreError};
use crate::engine::evidence::EvidenceItem;
use crate::engine::{Case, Conversation, Timer};
use crate::model::{CaseId, PersonId};

/// What the writer is asked to do.
enum Job {
    /// Write commit number `.0`.
    Commit(u64, Box<Commit>),
    /// Make everything written so far durable.
    Flush(u64),
}

/// The checkpoint thread's bell: rung when a write makes a checkpoint due, once until it ran.
#[derive(Debug)]
struct Checkpoints {
    bell: Mutex<Option<mpsc::Sender<()>>>,
    rung: std::sync::atomic::AtomicBool,
}

impl Checkpoints {
    fn ask_if_due(&self, core: &SledCore) {
        use std::sync::atomic::Ordering;
        if core.checkpoint_due() && !self.rung.swap(true, Ordering::AcqRel) {
            if let Some(bell) = self.bell.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
                let _ = bell.send(());
            }
        }
    }
}

fn checkpoint_loop(core: &SledCore, checkpoints: &Checkpoints, bell: &mpsc::Receiver<()>) {
    while bell.recv().is_ok() {
        checkpoints
            .rung
            .store(false, std::sync::atomic::Ordering::Release);
        core.checkpoint_if_due();
    }
}

/// Progress, shared between the caller and the writer.
#[derive(Debug, Default)]
struct Progress {
    /// Commits handed to the writer (numbered from 1).
    sent: u64,
    /// Commits the writer is done with (written, or dropped after a failure).
    done: u64,
    /// Every commit up to this number is durable.
    flushed: u64,
    /// A failure not yet reported: every commit from this number on (all that were not
    /// flushed when it happened) is not known to be durable, and the writer drops commits
    /// until it is reported.
    failed: Option<(u64, String)>,
    /// Commits lost to failures already reported: waiting for any of them is an error.
    lost: Vec<(u64, u64, String)>,
}

#[derive(Debug, Default)]
struct Shared {
    progress: Mutex<Progress>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Progress> {
        self.progress.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[derive(Debug)]
pub struct SledStore {
    core: Arc<SledCore>,
    shared: Arc<Shared>,
    /// Held while handing a job over, so job numbers reach the writer in order.
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    thread: Option<JoinHandle<()>>,
    checkpoints: Arc<Checkpoints>,
    checkpoint_thread: Option<JoinHandle<()>>,
    /// The key file, if this open created it (the operator must back it up).
    pub created_key: Option<PathBuf>,
}

impl SledStore {
    /// Open (or create) the store in `path`, with its key file beside it (`<path>.key`).
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        SledCore::open(path).map(SledStore::start)
    }

    /// Open (or create) the store in `path`. A new store gets a new key in `key_file` (0600);
    /// an existing store opens only with its own key — never without one.
    pub fn open_with_key_file(path: &Path, key_file: &Path) -> Result<SledStore, StoreError> {
        SledCore::open_with_key_file(path, key_file).map(SledStore::start)
    }

    fn start(core: SledCore) -> SledStore {
        let created_key = core.created_key.clone();
        let core = Arc::new(core);
        let shared = Arc::new(Shared::default());
        let (tx, rx) = mpsc::channel();
        let (bell, rings) = mpsc::channel();
        let checkpoints = Arc::new(Checkpoints {
            bell: Mutex::new(Some(bell)),
            rung: std::sync::atomic::AtomicBool::new(false),
        });
        let thread = {
            let (core, shared) = (Arc::clone(&core), Arc::clone(&shared));
            let checkpoints = Arc::clone(&checkpoints);
            std::thread::Builder::new()
                .name("fyr-store-writer".into())
                .spawn(move || write_loop(&core, &shared, &rx, &checkpoints))
                .expect("the system can start a thread")
        };
        let checkpoint_thread = {
            let (core, checkpoints) = (Arc::clone(&core), Arc::clone(&checkpoints));
            std::thread::Builder::new()
                .name("fyr-store-checkpoint".into())
                .spawn(move || checkpoint_loop(&core, &checkpoints, &rings))
                .expect("the system can start a thread")
        };
        SledStore {
            core,
            shared,
            jobs: Mutex::new(Some(tx)),
            thread: Some(thread),
            checkpoints,
            checkpoint_thread: Some(checkpoint_thread),
            created_key,
        }
    }

    /// Hand a job to the writer; `job` numbers it from the progress (under the same lock as
    /// the send, so numbers and the order of jobs agree). Returns the commits sent so far.
    fn send(&self, job: impl FnOnce(&mut Progress) -> Job) -> Result<u64, StoreError> {
        let jobs = self.jobs.lock().unwrap_or_else(|p| p.into_inner());
        let sender = jobs.as_ref().ok_or_else(stopped)?;
        let (job, sent) = {
            let mut progress = self.shared.lock();
            let job = job(&mut progress);
            (job, progress.sent)
        };
        sender.send(job).map_err(|_| stopped())?;
        Ok(sent)
    }

    /// Wait until `check` says the progress is enough; fails if the writer has stopped.
    fn wait_for(
        &self,
        mut check: impl FnMut(&mut Progress) -> Option<Result<(), StoreError>>,
    ) -> Result<(), StoreError> {
        let mut progress = self.shared.lock();
        loop {
            if let Some(outcome) = check(&mut progress) {
                return outcome;
            }
            if self.thread.as_ref().is_none_or(|t| t.is_finished()) {
                return Err(stopped());
            }
            // With a timeout, so a writer that died without a word is noticed too.
            progress = self
                .shared
                .changed
                .wait_timeout(progress, std::time::Duration::from_millis(200))
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }

    /// Wait for the writer to be done with every commit handed over so far (reads that go to
    /// disk, direct writes). Failures are left for the next `sync_wait` to report.
    fn caught_up(&self) -> Result<(), StoreError> {
        self.wait_for(|p| (p.done >= p.sent).then_some(Ok(())))
    }
}

fn stopped() -> StoreError {
    StoreError::Backend("the store's writer thread has stopped".into())
}

/// At most this many commits are written as one group.
const MAX_GROUP: usize = 256;

fn write_loop(
    core: &SledCore,
    shared: &Shared,
    jobs: &mpsc::Receiver<Job>,
    checkpoints: &Checkpoints,
) {
    let mut next = jobs.recv().ok();
    while let Some(job) = next.take() {
        // Whatever has queued up behind this job is written with it, as one group.
        let (mut group, mut last, mut flush) = (Vec::new(), None, None);
        let mut job = Some(job);
        while let Some(taken) = job.take() {
            match taken {
                Job::Commit(n, c) => {
                    group.push(*c);
                    last = Some(n);
                }
                Job::Flush(n) => flush = Some(n),
            }
            if flush.is_none() && group.len() < MAX_GROUP {
                job = jobs.try_recv().ok();
            }
        }
        let failed = shared.lock().failed.is_some();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if failed {
                return Ok(());
            }
            if !group.is_empty() {
                core.write_group(&group, false)?;
            }
            if flush.is_some() {
                core.flush()?;
            }
            Ok::<(), StoreError>(())
        }));
        let error = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e.to_string()),
            Err(_) => Some("a write panicked".to_string()),
        };
        if let Some(e) = &error {
            tracing::error!("storage write failed: {e}");
            core.forget_cached();
        }
        let mut progress = shared.lock();
        if let Some(e) = error {
            if progress.failed.is_none() {
                progress.failed = Some((progress.flushed + 1, e));
            }
        }
        if let Some(n) = last {
            progress.done = n;
        }
        if let (Some(n), None) = (flush, &progress.failed) {
            progress.flushed = progress.flushed.max(n);
        }
        drop(progress);
        shared.changed.notify_all();
        checkpoints.ask_if_due(core);
        next = jobs.recv().ok();
    }
}

impl SledStore {
    /// A 32-byte key derived from the data folder's master key with a fixed label, for data
    /// kept beside the store (the Matrix crypto store): it opens with the same key file.
    pub fn derived_key(&self, label: &str) -> [u8; 32] {
        self.core.derived_key(label)
    }

    /// Close the store: the writer finishes what it was given, the last checkpoint writes
    /// everything logged to the trees and it is flushed, so the next start has no log to
    /// apply. Dropping the store does the same but can only log a failure; this returns it.
    /// After it, writes fail; dropping the store then releases sled's handles.
    pub fn close(&mut self) -> Result<(), StoreError> {
        self.shut_down()
    }

    /// Stop the threads and checkpoint, once (`close`, then `drop`, do it once).
    fn shut_down(&mut self) -> Result<(), StoreError> {
        // Closing the channel lets the writer finish what it has, then stop.
        let running = self.jobs.lock().unwrap_or_else(|p| p.into_inner()).take();
        if running.is_none() {
            return Ok(());
        }
        drop(running);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.checkpoints
            .bell
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(thread) = self.checkpoint_thread.take() {
            let _ = thread.join();
        }
        self.core.close()
    }
}

impl Drop for SledStore {
    fn drop(&mut self) {
        if let Err(e) = self.shut_down() {
            tracing::warn!("closing the store: {e}");
        }
    }
}

impl Store for SledStore {
    fn load_conversation(&self, person: &PersonId) -> Result<Option<Conversation>, StoreError> {
        if let Some(known) = self.core.cached_conversation(person) {
            return Ok(known);
        }
        self.caught_up()?;
        self.core.load_conversation(person)
    }

    fn load_case(&self, id: &CaseId) -> Result<Option<Case>, StoreError> {
        if let Some(known) = self.core.cached_case(id) {
            return Ok(known);
        }
        self.caught_up()?;
        self.core.load_case(id)
    }

    fn cases_of(&self, owner: &PersonId) -> Result<Vec<Case>, StoreError> {
        self.caught_up()?;
        self.core.cases_of(owner)
    }

    fn commit(&self, commit: Commit) -> Result<(), StoreError> {
        {
            // With nothing in flight, write here: handing one commit over and waiting for it
            // would only add two thread wake-ups to its latency.
            let jobs = self.jobs.lock().unwrap_or_else(|p| p.into_inner());
            let mut p = self.shared.lock();
            if p.done >= p.sent && p.flushed >= p.sent && p.failed.is_none() && jobs.is_some() {
                // Numbered like any commit, so tickets stay in order.
                let written = self.core.write_commit(commit, true);
                if written.is_ok() {
                    p.sent += 1;
                    (p.done, p.flushed) = (p.sent, p.sent);
                    self.checkpoints.ask_if_due(&self.core);
                }
                return written;
            }
        }
        self.commit_deferred(commit)?;
        self.sync()
    }

    fn commit_deferred(&self, commit: Commit) -> Result<(), StoreError> {
        if !commit.erase_owners.is_empty() || !commit.erase_cases.is_empty() {
            // Rare: erasure reads and deletes across the store; done here, in order.
            self.caught_up()?;
            if self.shared.lock().failed.is_some() {
                return Err(StoreError::Backend("an earlier write failed".into()));
            }
            return self.core.write_commit(commit, false);
        }
        if self.shared.lock().failed.is_some() {
            return Err(StoreError::Backend("an earlier write failed".into()));
        }
        // Visible to every read at once; written by the writer.
        self.core.remember_copies(&commit);
        self.send(|p| {
            p.sent += 1;
            Job::Commit(p.sent, Box::new(commit))
        })?;
        Ok(())
    }

    fn sync(&self) -> Result<(), StoreError> {
        let ticket = self.sync_start()?;
        self.sync_wait(ticket)
    }

    fn sync_start(&self) -> Result<u64, StoreError> {
        self.send(|p| Job::Flush(p.sent))
    }

    fn sync_wait(&self, ticket: u64) -> Result<(), StoreError> {
        let core = &self.core;
        self.wait_for(|p| {
            if let Some((_, _, failure)) =
                p.lost.iter().find(|(a, b, _)| (*a..=*b).contains(&ticket))
            {
                return Some(Err(StoreError::Backend(failure.clone())));
            }
            match &p.failed {
                Some((from, _)) if *from <= ticket => {
                    if p.done < p.sent {
                        return None; // let the writer drop what is in flight first
                    }
                    let (from, failure) = p.failed.take().expect("matched above");
                    p.lost.push((from, p.sent, failure.clone()));
                    // Commits dropped after the failure may have reached the cache after the
                    // writer emptied it: empty it again, now that none is in flight.
                    core.forget_cached();
                    Some(Err(StoreError::Backend(failure)))
                }
                _ if p.flushed >= ticket => Some(Ok(())),
                _ => None,
            }
        })
    }

    fn due_timers(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<Timer>, StoreError> {
        self.caught_up()?;
        self.core.due_timers(now, limit)
    }

    fn timers(&self) -> Result<Vec<Timer>, StoreError> {
        self.caught_up()?;
        self.core.timers()
    }

    fn next_timer_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.caught_up()?;
        self.core.next_timer_at()
    }

    fn pending_outbox(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        self.caught_up()?;
        self.core.pending_outbox(now)
    }

    fn outbox_entry(&self, key: &str) -> Result<Option<OutboxEntry>, StoreError> {
        self.caught_up()?;
        self.core.outbox_entry(key)
    }

    fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        self.caught_up()?;
        self.core.update_outbox(entry)
    }

    fn all_cases(&self) -> Result<Vec<Case>, StoreError> {
        self.caught_up()?;
        self.core.all_cases()
    }

    fn evidence_of(&self, case: &CaseId) -> Result<Vec<EvidenceItem>, StoreError> {
        self.caught_up()?;
        self.core.evidence_of(case)
    }

    fn evidence_content(&self, case: &CaseId, seq: u32) -> Result<Option<Vec<u8>>, StoreError> {
        self.caught_up()?;
        self.core.evidence_content(case, seq)
    }

    fn erase_case(&self, case: &CaseId) -> Result<bool, StoreError> {
        self.caught_up()?;
        self.core.erase_case(case)
    }

    fn pseudonym(&self, case: &CaseId, person: &str) -> String {
        self.core.pseudonym(case, person)
    }

    fn audit_log(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.caught_up()?;
        self.core.audit_log()
    }

    fn append_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        self.caught_up()?;
        self.core.append_audit(entries)
    }
}

//! Delivery you can trust (issue 22): everything Fyr says goes through the outbox and one
//! delivery queue per person. A send that fails is retried, never dropped; what a person types
//! while a message to them has not arrived is not acted on; one person's slow chat never holds
//! up anyone else's reply.

use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use fyr::adapters::{Envelope, Outlet, Sender, What};
use fyr::config::Person;
use fyr::i18n::Rendered;
use fyr::model::PersonId;
use fyr::service::{driver_loop_with, LoopOptions};

/// What reached whom: person, text, idempotency key.
type Shown = Arc<Mutex<Vec<(String, String, Option<String>)>>>;

/// A chat platform that records what reaches each person, can fail a person's next sends, and
/// can hold a person's sends until released.
#[derive(Clone, Default)]
pub(crate) struct Platform {
    shown: Shown,
    /// Person id → how many of their next sends fail.
    failures: Arc<Mutex<std::collections::HashMap<String, u32>>>,
    /// Person whose sends wait until `released` is set.
    blocked: Arc<Mutex<Option<String>>>,
    released: Arc<(Mutex<bool>, Condvar)>,
    /// Plain texts sent to strangers' channels.
    to_strangers: Arc<Mutex<usize>>,
}

impl Platform {
    /// Everything shown, in order: person and text.
    pub(crate) fn sent(&self) -> Vec<(String, String)> {
        self.shown
            .lock()
            .unwrap()
            .iter()
            .map(|(p, t, _)| (p.clone(), t.clone()))
            .collect()
    }

    fn to(&self, person: &str) -> Vec<String> {
        self.shown
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _, _)| p == person)
            .map(|(_, t, _)| t.clone())
            .collect()
    }

    fn keys_to(&self, person: &str) -> Vec<Option<String>> {
        self.shown
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _, _)| p == person)
            .map(|(_, _, k)| k.clone())
            .collect()
    }

    fn release(&self) {
        let (lock, wake) = &*self.released;
        *lock.lock().unwrap() = true;
        wake.notify_all();
    }

    /// Wait (up to 20 s) until `person` has been shown `n` messages.
    fn wait_for(&self, person: &str, n: usize) -> bool {
        let until = Instant::now() + Duration::from_secs(20);
        while Instant::now() < until {
            if self.to(person).len() >= n {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }
}

impl Outlet for Platform {
    fn reaches(&self, _: &Person) -> bool {
        true
    }

    fn send(
        &self,
        to: &Person,
        _: Option<&str>,
        m: &Rendered,
        key: Option<&str>,
        _: Option<&str>,
    ) -> Result<(), String> {
        let id = to.id.to_string();
        if self.blocked.lock().unwrap().as_deref() == Some(id.as_str()) {
            let (lock, wake) = &*self.released;
            let mut released = lock.lock().unwrap();
            while !*released {
                released = wake.wait(released).unwrap();
            }
        }
        if let Some(left) = self.failures.lock().unwrap().get_mut(&id) {
            if *left > 0 {
                *left -= 1;
                return Err("HTTP 500 from the platform".into());
            }
        }
        self.shown
            .lock()
            .unwrap()
            .push((id, m.text.clone(), key.map(str::to_string)));
        Ok(())
    }

    fn send_text(&self, _: &str, _: &str) -> Result<(), String> {
        *self.to_strangers.lock().unwrap() += 1;
        Ok(())
    }
}

fn says(person: &str, text: &str) -> Envelope {
    Envelope {
        adapter: 0,
        via: format!("room-{person}"),
        from: Sender::Person(PersonId::new(person)),
        what: What::Text(text.to_string()),
    }
}

fn start(
    platform: &Platform,
    data: &std::path::Path,
) -> (
    mpsc::Sender<Envelope>,
    std::thread::JoinHandle<Result<(), fyr::service::ServiceError>>,
) {
    let store = fyr::store::SledStore::open(data).unwrap();
    let config = Arc::new(crate::support::sample_config());
    let (tx, rx) = mpsc::channel();
    let outlet = platform.clone();
    let options = LoopOptions {
        first_retry: Duration::from_millis(200),
        drain: Duration::from_millis(800),
    };
    let service = std::thread::spawn(move || {
        driver_loop_with(config, store, vec![Box::new(outlet)], rx, options)
    });
    (tx, service)
}

/// A reply that fails is retried with the same key until it arrives, once; an answer typed
/// meanwhile (the person has not seen the question) is not acted on, and they hear why once
/// the message has reached them.
#[test]
fn a_reply_that_fails_is_retried_and_an_answer_to_what_was_not_seen_is_not_acted_on() {
    let dir = tempfile::tempdir().unwrap();
    let platform = Platform::default();
    platform
        .failures
        .lock()
        .unwrap()
        .insert("se-employee".into(), 2);
    let (tx, service) = start(&platform, &dir.path().join("data"));
    tx.send(says("se-employee", "hej")).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    // "1" to a greeting she never saw.
    tx.send(says("se-employee", "1")).unwrap();
    drop(tx);
    service.join().unwrap().unwrap();
    let shown = platform.to("se-employee");
    assert_eq!(
        shown.len(),
        2,
        "the greeting, then why '1' waited: {shown:#?}"
    );
    assert!(shown[0].contains("Hej Sara"), "{shown:#?}");
    assert!(
        shown[1].contains("har inte kommit fram"),
        "she hears her answer was not acted on: {shown:#?}"
    );
    let keys = platform.keys_to("se-employee");
    assert!(
        keys.iter().all(Option::is_some),
        "every message has its key"
    );
    // Nothing was stepped by the "1": her conversation is still at the greeting.
    let store = crate::support::reopen(&dir.path().join("data"));
    let conversation = fyr::store::Store::load_conversation(&store, &PersonId::new("se-employee"))
        .unwrap()
        .unwrap();
    assert!(
        conversation.case.is_none(),
        "no case was opened by the unseen answer"
    );
    // And nothing is left to deliver.
    assert!(
        fyr::store::Store::pending_outbox(&store, chrono::DateTime::<chrono::Utc>::MAX_UTC)
            .unwrap()
            .is_empty()
    );
}

/// One person's chat that does not answer (a rate limit, a slow homeserver) never delays
/// another person's reply; their own message goes out once it answers again, in order.
#[test]
fn one_blocked_chat_does_not_hold_up_anyone_else() {
    let dir = tempfile::tempdir().unwrap();
    let platform = Platform::default();
    *platform.blocked.lock().unwrap() = Some("se-employee".into());
    let (tx, service) = start(&platform, &dir.path().join("data"));
    tx.send(says("se-employee", "hej")).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    tx.send(says("dk-employee", "hej")).unwrap();
    let answered = platform.wait_for("dk-employee", 1);
    let se_meanwhile = platform.to("se-employee").len();
    platform.release();
    drop(tx);
    service.join().unwrap().unwrap();
    assert!(
        answered,
        "Dorthe was answered while Sara's chat was blocked"
    );
    assert_eq!(se_meanwhile, 0, "Sara's chat was blocked meanwhile");
    let sara = platform.to("se-employee");
    assert_eq!(sara.len(), 1, "{sara:#?}");
    assert!(sara[0].contains("Hej Sara"));
}

/// A reply committed but not delivered when Fyr stopped is delivered at the next start (it was
/// in the outbox), exactly once.
#[test]
fn a_reply_not_delivered_before_a_stop_goes_out_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let platform = Platform::default();
    platform
        .failures
        .lock()
        .unwrap()
        .insert("se-employee".into(), u32::MAX);
    {
        let (tx, service) = start(&platform, &data);
        tx.send(says("se-employee", "hej")).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        // Every adapter gone while the reply cannot be delivered: the loop gives up waiting
        // after `drain` and stops; the reply stays in the outbox.
        drop(tx);
        service.join().unwrap().unwrap();
    }
    assert!(platform.to("se-employee").is_empty());
    platform.failures.lock().unwrap().clear();
    let (tx, service) = start(&platform, &data);
    assert!(
        platform.wait_for("se-employee", 1),
        "delivered after the restart"
    );
    drop(tx);
    service.join().unwrap().unwrap();
    let sara = platform.to("se-employee");
    assert_eq!(sara.len(), 1, "{sara:#?}");
    assert!(sara[0].contains("Hej Sara"));
}

/// Someone not in bot.toml gets a short answer, but a flood from their channel does not make
/// Fyr send a thousand (nor start a thousand sends at once).
#[test]
fn a_flood_from_a_stranger_is_cut_like_anyone_else_s() {
    let dir = tempfile::tempdir().unwrap();
    let platform = Platform::default();
    let (tx, service) = start(&platform, &dir.path().join("data"));
    for _ in 0..1000 {
        tx.send(Envelope {
            adapter: 0,
            via: "room-stranger".into(),
            from: Sender::Stranger,
            what: What::Text("hej".into()),
        })
        .unwrap();
    }
    tx.send(says("dk-employee", "hej")).unwrap();
    drop(tx);
    service.join().unwrap().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let sent = *platform.to_strangers.lock().unwrap();
    assert!(
        (1..=16).contains(&sent),
        "{sent} answers to one stranger's flood"
    );
    assert_eq!(platform.to("dk-employee").len(), 1, "Dorthe was answered");
}

/// A notification to someone who has left the directory is not retried for ever: it is given
/// up at once, and the audit log says so (without content or name).
#[test]
fn a_message_to_someone_who_left_is_given_up_and_audited() {
    use fyr::store::{Commit, OutboxEntry, Store};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let case = crate::support::a_case_on_disk(&data);
    let key = format!("{case}/99/left-person");
    {
        let store = crate::support::reopen(&data);
        let now = chrono::Utc::now();
        store
            .commit(Commit {
                outbox: vec![OutboxEntry {
                    key: key.clone(),
                    message: fyr::engine::Outgoing {
                        to: PersonId::new("left-person"),
                        body: vec![fyr::engine::Msg::new("button-stale")],
                        options: Vec::new(),
                    },
                    created_at: now,
                    attempts: 0,
                    next_attempt_at: now,
                    delivered_at: None,
                }],
                ..Commit::default()
            })
            .unwrap();
    }
    let platform = Platform::default();
    let (tx, service) = start(&platform, &data);
    std::thread::sleep(Duration::from_millis(300));
    drop(tx);
    service.join().unwrap().unwrap();
    let store = crate::support::reopen(&data);
    let pending = store
        .pending_outbox(chrono::DateTime::<chrono::Utc>::MAX_UTC)
        .unwrap();
    assert!(
        pending.iter().all(|e| e.key != key),
        "still waiting to be retried"
    );
    let audit = store.audit_log().unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == "not-delivered-recipient-left" && a.case.as_ref() == Some(&case)));
}

/// A store whose disk fills up after a number of commits.
struct FillingDisk {
    inner: fyr::store::MemoryStore,
    commits_left: std::sync::atomic::AtomicUsize,
}

impl fyr::store::Store for FillingDisk {
    fn load_conversation(
        &self,
        person: &PersonId,
    ) -> Result<Option<fyr::engine::Conversation>, fyr::store::StoreError> {
        self.inner.load_conversation(person)
    }
    fn load_case(
        &self,
        id: &fyr::model::CaseId,
    ) -> Result<Option<fyr::engine::Case>, fyr::store::StoreError> {
        self.inner.load_case(id)
    }
    fn cases_of(&self, owner: &PersonId) -> Result<Vec<fyr::engine::Case>, fyr::store::StoreError> {
        self.inner.cases_of(owner)
    }
    fn commit(&self, commit: fyr::store::Commit) -> Result<(), fyr::store::StoreError> {
        use std::sync::atomic::Ordering;
        let left = self.commits_left.load(Ordering::SeqCst);
        if left == 0 {
            return Err(fyr::store::StoreError::Disk {
                detail: "No space left on device (os error 28)".into(),
            });
        }
        self.commits_left.store(left - 1, Ordering::SeqCst);
        self.inner.commit(commit)
    }
    fn due_timers(
        &self,
        now: chrono::DateTime<chrono::Utc>,
        limit: usize,
    ) -> Result<Vec<fyr::engine::Timer>, fyr::store::StoreError> {
        self.inner.due_timers(now, limit)
    }
    fn timers(&self) -> Result<Vec<fyr::engine::Timer>, fyr::store::StoreError> {
        self.inner.timers()
    }
    fn next_timer_at(
        &self,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, fyr::store::StoreError> {
        self.inner.next_timer_at()
    }
    fn pending_outbox(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<fyr::store::OutboxEntry>, fyr::store::StoreError> {
        self.inner.pending_outbox(now)
    }
    fn outbox_entry(
        &self,
        key: &str,
    ) -> Result<Option<fyr::store::OutboxEntry>, fyr::store::StoreError> {
        self.inner.outbox_entry(key)
    }
    fn update_outbox(&self, entry: &fyr::store::OutboxEntry) -> Result<(), fyr::store::StoreError> {
        self.inner.update_outbox(entry)
    }
    fn all_cases(&self) -> Result<Vec<fyr::engine::Case>, fyr::store::StoreError> {
        self.inner.all_cases()
    }
    fn evidence_of(
        &self,
        case: &fyr::model::CaseId,
    ) -> Result<Vec<fyr::engine::evidence::EvidenceItem>, fyr::store::StoreError> {
        self.inner.evidence_of(case)
    }
    fn evidence_content(
        &self,
        case: &fyr::model::CaseId,
        seq: u32,
    ) -> Result<Option<Vec<u8>>, fyr::store::StoreError> {
        self.inner.evidence_content(case, seq)
    }
    fn erase_case(&self, case: &fyr::model::CaseId) -> Result<bool, fyr::store::StoreError> {
        self.inner.erase_case(case)
    }
    fn pseudonym(&self, case: &fyr::model::CaseId, person: &str) -> String {
        self.inner.pseudonym(case, person)
    }
    fn audit_log(&self) -> Result<Vec<fyr::store::AuditEntry>, fyr::store::StoreError> {
        self.inner.audit_log()
    }
    fn append_audit(
        &self,
        entries: &[fyr::store::AuditEntry],
    ) -> Result<(), fyr::store::StoreError> {
        self.inner.append_audit(entries)
    }
}

/// A disk that fills up ends the service loop by itself with the disk error (`fyr run` exits
/// 3 with it), instead of going on failing every step in silence; nothing is said that was not
/// kept.
#[test]
fn a_full_disk_ends_the_service_loop_with_the_disk_error() {
    let platform = Platform::default();
    let store = FillingDisk {
        inner: fyr::store::MemoryStore::new(),
        commits_left: std::sync::atomic::AtomicUsize::new(2),
    };
    let config = Arc::new(crate::support::sample_config());
    let (tx, rx) = mpsc::channel();
    let outlet = platform.clone();
    let service = std::thread::spawn(move || {
        fyr::service::driver_loop(config, store, vec![Box::new(outlet)], rx)
    });
    for text in ["hej", "2", "1", "2", "2"] {
        // The loop may have ended already.
        let _ = tx.send(says("se-employee", text));
        std::thread::sleep(Duration::from_millis(50));
    }
    let until = Instant::now() + Duration::from_secs(20);
    while !service.is_finished() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        service.is_finished(),
        "the loop goes on although the disk is full"
    );
    let ended = service.join().unwrap();
    match ended {
        Err(fyr::service::ServiceError::Disk(why)) => {
            assert!(
                why.contains("No space left") && why.contains("help:"),
                "{why}"
            )
        }
        other => panic!("ended with {other:?}"),
    }
    drop(tx);
}

//! A flood from one person never blocks others: the service's flood control drops the excess
//! before the engine, tells the flooder once, and answers everyone else.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use fyr::config::Person;
use fyr::i18n::Rendered;
use fyr::model::PersonId;
use fyr::service::{driver_loop, Envelope, From, Outlet, What};

#[derive(Clone, Default)]
struct Recording(Arc<Mutex<Vec<(String, String)>>>);

impl Outlet for Recording {
    fn reaches(&self, _: &Person) -> bool {
        true
    }
    fn send(
        &mut self,
        to: &Person,
        _: Option<&str>,
        m: &Rendered,
        _: Option<&str>,
    ) -> Result<(), String> {
        self.0
            .lock()
            .unwrap()
            .push((to.id.to_string(), m.text.clone()));
        Ok(())
    }
    fn send_text(&mut self, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
}

fn envelope(person: &str, text: &str) -> Envelope {
    Envelope {
        adapter: 0,
        via: format!("room-{person}"),
        from: From::Person(PersonId::new(person)),
        what: What::Text(text.to_string()),
    }
}

#[test]
fn ten_thousand_messages_from_one_person_do_not_block_another() {
    let dir = tempfile::tempdir().unwrap();
    let store = fyr::store::SledStore::open(&dir.path().join("data")).unwrap();
    let config = Arc::new(crate::support::sample_config());
    let sent = Recording::default();
    let (tx, rx) = mpsc::channel();
    for _ in 0..10_000 {
        tx.send(envelope("se-employee", "hjälp")).unwrap();
    }
    tx.send(envelope("dk-employee", "hej")).unwrap();
    drop(tx);
    let outlet = sent.clone();
    std::thread::spawn(move || driver_loop(config, store, vec![Box::new(outlet)], rx))
        .join()
        .unwrap();
    let sent = sent.0.lock().unwrap();
    let to = |who: &str| {
        sent.iter()
            .filter(|(p, _)| p == who)
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
    };
    let flooder = to("se-employee");
    assert!(
        flooder.len() <= 12,
        "the flood was cut: {} replies",
        flooder.len()
    );
    assert_eq!(
        flooder
            .iter()
            .filter(|t| t.contains("snabbare än jag hinner svara"))
            .count(),
        1,
        "told once"
    );
    let other = to("dk-employee");
    assert_eq!(other.len(), 1, "the other person was answered");
    assert!(other[0].contains("Hej Dorthe"), "{other:?}");
}

//! Property: any interleaving of writes (with mentions), links, state changes, pins and bundle
//! exchanges across three homes converges, once every home has everything, to the same
//! (number, uuid, text) list, links and states in every home; and every mention still names
//! the entry it named when it was written.

use std::collections::{BTreeMap, HashMap};

use casefile::home::Home;
use casefile::model::{ChangeOp, Context, Kind, LinkType, State};
use casefile::store::entries::{self, NewEntry};
use casefile::store::{changes, merge, CaseStore, NewCase};
use proptest::prelude::*;

const CASE_UUID: &str = "0190a5e4-0000-7000-8000-00000000c0de";
const SLUG: &str = "converge";

/// Links as (source uuid, type, target uuid), and each entry's state by UUID.
type Graph = (Vec<(String, String, String)>, BTreeMap<String, String>);

#[derive(Debug, Clone)]
enum Op {
    /// Home `home` writes an entry (a hypothesis when `hypo`), mentioning the `mention`-th
    /// entry it holds (modulo), if any.
    Write {
        home: usize,
        hypo: bool,
        mention: Option<usize>,
    },
    /// Home `home` links a new piece of evidence to, and refutes, one of its hypotheses.
    Refute { home: usize, which: usize },
    /// Home `home` pins or unpins the `which`-th entry it holds (modulo).
    Pin {
        home: usize,
        which: usize,
        pin: bool,
    },
    /// `to` imports `from`'s bundle.
    Exchange { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, any::<bool>(), proptest::option::of(0..50usize))
            .prop_map(|(home, hypo, mention)| Op::Write { home, hypo, mention }),
        1 => (0..3usize, 0..50usize).prop_map(|(home, which)| Op::Refute { home, which }),
        1 => (0..3usize, 0..50usize, any::<bool>())
            .prop_map(|(home, which, pin)| Op::Pin { home, which, pin }),
        3 => (0..3usize, 0..3usize)
            .prop_filter("two homes", |(a, b)| a != b)
            .prop_map(|(from, to)| Op::Exchange { from, to }),
    ]
}

struct World {
    _dirs: Vec<tempfile::TempDir>,
    stores: Vec<CaseStore>,
    /// Entry UUID → the UUID its mention named when written.
    mentions: HashMap<String, String>,
    counter: usize,
}

impl World {
    fn new() -> World {
        let mut dirs = Vec::new();
        let mut stores = Vec::new();
        for _ in 0..3 {
            let dir = tempfile::tempdir().unwrap();
            let home = Home::at(dir.path().join("home"));
            let store = CaseStore::create(
                &home,
                &NewCase {
                    uuid: CASE_UUID,
                    slug: SLUG,
                    title: "converge",
                    opened_at: "2026-01-01T00:00:00+00:00",
                    tickets: &[],
                    tags: &[],
                },
            )
            .unwrap();
            dirs.push(dir);
            stores.push(store);
        }
        World {
            _dirs: dirs,
            stores,
            mentions: HashMap::new(),
            counter: 0,
        }
    }

    /// (number, uuid, text, kind) by number.
    fn entries(&self, home: usize) -> Vec<(i64, String, String, String)> {
        let conn = self.stores[home].conn();
        let mut stmt = conn
            .prepare("SELECT number, uuid, text, kind FROM entry ORDER BY number")
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap();
        rows.map(Result::unwrap).collect()
    }

    fn write(&mut self, home: usize, hypo: bool, mention: Option<usize>) {
        let held = self.entries(home);
        let target = mention.and_then(|i| (!held.is_empty()).then(|| held[i % held.len()].clone()));
        self.counter += 1;
        let mut text = format!("h{home} w{}", self.counter);
        if let Some((number, _, _, _)) = &target {
            text.push_str(&format!(" about #{number}"));
        }
        let uuid = uuid::Uuid::now_v7().to_string();
        let kind = if hypo { Kind::Hypothesis } else { Kind::Note };
        self.stores[home]
            .write(|tx| {
                entries::insert_entry(
                    tx,
                    &NewEntry {
                        uuid: &uuid,
                        kind,
                        text: &text,
                        author: "prop",
                        recorded_at: "2026-01-01T00:00:00+00:00",
                        occurred_at: None,
                        at_ms: 1_767_225_600_000,
                        state: kind.initial_state(),
                        context: &Context::default(),
                        tags: &[],
                        command: None,
                        output: None,
                        facts: Default::default(),
                    },
                )
            })
            .unwrap();
        if let Some((_, target_uuid, _, _)) = target {
            self.mentions.insert(uuid, target_uuid);
        }
    }

    fn refute(&mut self, home: usize, which: usize) {
        let hypotheses: Vec<_> = self
            .entries(home)
            .into_iter()
            .filter(|e| e.3 == "hypothesis")
            .collect();
        if hypotheses.is_empty() {
            return;
        }
        let target = hypotheses[which % hypotheses.len()].0;
        self.counter += 1;
        let text = format!("h{home} evidence {}", self.counter);
        self.stores[home]
            .write(|tx| {
                let ev = entries::insert_entry(
                    tx,
                    &NewEntry {
                        uuid: &uuid::Uuid::now_v7().to_string(),
                        kind: Kind::Evidence,
                        text: &text,
                        author: "prop",
                        recorded_at: "2026-01-01T00:00:00+00:00",
                        occurred_at: None,
                        at_ms: 1_767_225_600_000,
                        state: None,
                        context: &Context::default(),
                        tags: &[],
                        command: None,
                        output: None,
                        facts: Default::default(),
                    },
                )?;
                entries::insert_link(
                    tx,
                    &uuid::Uuid::now_v7().to_string(),
                    ev,
                    LinkType::Refutes,
                    target,
                )?;
                entries::insert_state_change(
                    tx,
                    &uuid::Uuid::now_v7().to_string(),
                    target,
                    State::Refuted,
                    "2026-01-01T00:00:00+00:00",
                    1_767_225_600_000 + self.counter as i64,
                    "prop",
                )
            })
            .unwrap();
    }

    fn pin(&mut self, home: usize, which: usize, pin: bool) {
        let held = self.entries(home);
        if held.is_empty() {
            return;
        }
        let entry = held[which % held.len()].0;
        self.counter += 1;
        let at_ms = 1_767_225_600_000 + self.counter as i64;
        self.stores[home]
            .write(|tx| {
                changes::insert_change(
                    tx,
                    &changes::NewChange {
                        uuid: &uuid::Uuid::now_v7().to_string(),
                        entry,
                        op: if pin { ChangeOp::Pin } else { ChangeOp::Unpin },
                        value: None,
                        previous: None,
                        at: "2026-01-01T00:00:00+00:00",
                        at_ms,
                        author: "prop",
                    },
                )
            })
            .unwrap();
    }

    fn exchange(&mut self, from: usize, to: usize) {
        let bundle =
            casefile::export::load_bundle(&self.stores[from], "2026-01-01T00:00:00Z").unwrap();
        // Through JSON, as a bundle travels.
        let bytes = serde_json::to_vec(&bundle).unwrap();
        let bundle = casefile::bundle::parse(&bytes).unwrap();
        self.stores[to]
            .write(|tx| merge::merge(tx, &bundle, false))
            .unwrap();
    }

    /// Links as (source uuid, type, target uuid) and states by uuid.
    fn links_and_states(&self, home: usize) -> Graph {
        let conn = self.stores[home].conn();
        let mut links: Vec<(String, String, String)> = conn
            .prepare(
                "SELECT s.uuid, l.type, t.uuid FROM link l JOIN entry s ON s.number = l.source
                 JOIN entry t ON t.number = l.target",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        links.sort();
        let states = conn
            .prepare("SELECT uuid, coalesce(state, '') || ' pinned=' || pinned FROM entry")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (links, states)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_interleaving_converges(ops in proptest::collection::vec(op(), 1..30)) {
        let mut world = World::new();
        for op in &ops {
            match *op {
                Op::Write { home, hypo, mention } => world.write(home, hypo, mention),
                Op::Refute { home, which } => world.refute(home, which),
                Op::Pin { home, which, pin } => world.pin(home, which, pin),
                Op::Exchange { from, to } => world.exchange(from, to),
            }
        }
        // Everyone gets everything: 0 → 1 → 2 holds all, then 2 → 0 and 2 → 1.
        for (from, to) in [(0, 1), (1, 2), (2, 0), (2, 1)] {
            world.exchange(from, to);
        }
        let first = world.entries(0);
        let written = ops
            .iter()
            .filter(|o| matches!(o, Op::Write { .. } | Op::Refute { .. }))
            .count();
        prop_assert!(first.len() <= 2 * written);
        for home in 1..3 {
            prop_assert_eq!(&world.entries(home), &first, "home {} differs", home);
            prop_assert_eq!(world.links_and_states(home), world.links_and_states(0));
        }
        // Numbers are 1..n, in (seq, uuid) order.
        let conn = world.stores[0].conn();
        let order: Vec<i64> = conn
            .prepare("SELECT number FROM entry ORDER BY seq, uuid")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        prop_assert_eq!(order, (1..=first.len() as i64).collect::<Vec<_>>());
        // Every mention names the entry it named when written, in every home.
        for home in 0..3 {
            let entries = world.entries(home);
            let by_number: HashMap<i64, &str> =
                entries.iter().map(|(n, u, _, _)| (*n, u.as_str())).collect();
            for (_, uuid, text, _) in &entries {
                let Some(expected) = world.mentions.get(uuid) else { continue };
                let n: i64 = text.rsplit_once(" about #").unwrap().1.parse().unwrap();
                prop_assert_eq!(by_number[&n], expected.as_str(), "home {}: {}", home, text);
            }
        }
    }
}

//! The hand-over briefing behind `status`: what is suspected, what is confirmed, what is
//! ruled out, what was about to be tried, and what happened last.
//!
//! Each list is an indexed probe, bounded when the caller asks for a bound (the text view
//! shows only the newest few of each list plus counts), so `status` costs the same on a case
//! of 10,000 entries as on one of 10; the `EXPLAIN QUERY PLAN` test below keeps every probe
//! off a full table scan. `--json` asks for whole lists (but `recent` is always bounded).
//! Compiling SQL costs more than running these probes, so they share a handful of statements
//! (see [`briefing`]).

use anyhow::Result;
use rusqlite::Connection;
use serde::Serialize;

use crate::model::{CaseInfo, Entry, Kind, LinkType, State};
use crate::store::case_info;
use crate::store::entries::{self, ENTRY_COLUMNS};

/// A hypothesis with the evidence for and against it.
#[derive(Debug, Clone, Serialize)]
pub struct HypothesisView {
    #[serde(flatten)]
    pub entry: Entry,
    pub supported_by: Vec<Entry>,
    pub refuted_by: Vec<Entry>,
    /// How many entries support / refute it in all (the lists may be cut).
    pub supported_count: i64,
    pub refuted_count: i64,
}

/// Why a hypothesis was refuted: the entry that says so, and how it is linked.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// `rules-out` (a dead end written with `dead --of`), `because` (`refute N --because M`)
    /// or `refutes` (the newest evidence against it), in that order of preference.
    pub via: LinkType,
    pub number: i64,
    pub kind: Kind,
    pub text: String,
}

/// A dead end or refuted hypothesis, with the briefing's pairing: a refuted hypothesis has its
/// reason; a dead end that rules out a hypothesis names it.
#[derive(Debug, Clone, Serialize)]
pub struct DeadEndView {
    #[serde(flatten)]
    pub entry: Entry,
    /// For a refuted hypothesis: why (null when nothing in the case says).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// For a dead end: the hypothesis it rules out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules_out: Option<i64>,
}

/// Someone who wrote in the case.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub author: String,
    pub entries: i64,
    /// When they last wrote (RFC 3339, UTC).
    pub last_seen: Option<String>,
    #[serde(skip)]
    pub last_seen_ms: i64,
}

/// How many entries each list holds in all.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub entries: i64,
    pub open_hypotheses: i64,
    pub confirmed: i64,
    pub dead_ends: i64,
    /// How many items "Ruled out" lists: every refuted hypothesis, and every dead end but
    /// those shown as a refuted hypothesis's reason (one that rules it out, or its
    /// `because`).
    pub ruled_out: i64,
    pub open_actions: i64,
    pub events: i64,
    pub evidence: i64,
}

/// The window in which the fault began, from events marked `--good` and `--bad`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Window {
    /// The last moment known good before the first bad one (else the last good one).
    pub last_good: Option<Entry>,
    /// The first moment known bad.
    pub first_bad: Option<Entry>,
    /// Milliseconds between them, when both are known and in order.
    pub span_ms: Option<i64>,
    /// A moment marked good after the first bad one: one of the two marks is wrong.
    pub contradiction: Option<Entry>,
}

/// Someone at work on a hypothesis or action now (`claim`).
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub number: i64,
    pub kind: Kind,
    pub author: String,
    pub since: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    pub case: CaseInfo,
    pub counts: Counts,
    /// Who wrote, how much, last seen; the most active first.
    pub people: Vec<Person>,
    /// Pinned entries (the problem statement, a hand-over note), oldest first.
    pub pinned: Vec<Entry>,
    /// How many entries are pinned in all.
    pub pinned_count: i64,
    /// Open hypotheses and actions someone has claimed, from the lists below.
    pub claims: Vec<ClaimView>,
    pub window: Window,
    /// The first event by when it happened: when the incident began, as far as the case knows.
    pub first_event: Option<Entry>,
    pub open_hypotheses: Vec<HypothesisView>,
    pub confirmed: Vec<HypothesisView>,
    pub dead_ends: Vec<DeadEndView>,
    /// The dead ends that are a refuted hypothesis's reason (they rule it out, or are its
    /// `because`): "Ruled out" shows them with it, not again.
    #[serde(skip)]
    pub paired_dead_ends: std::collections::HashSet<i64>,
    /// The newest evidence linked to no hypothesis, oldest first.
    pub unlinked_evidence: Vec<Entry>,
    pub open_actions: Vec<Entry>,
    /// The latest events by when they happened, oldest first.
    pub events: Vec<Entry>,
    pub recent: Vec<Entry>,
}

/// How much of each list to load.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The newest this many of each list; `None` for all.
    pub per_list: Option<u32>,
    /// How many open hypotheses, confirmed ones, open actions and pinned entries a view shows:
    /// only those are loaded (their totals come from the counts). Dead ends keep `per_list`,
    /// for the view hides those shown as a reason.
    pub shown: Option<Shown>,
    /// The newest this many pieces of evidence for and against each hypothesis.
    pub evidence: Option<u32>,
    /// The latest this many entries of the timeline.
    pub recent: u32,
    /// The newest this many pieces of unlinked evidence.
    pub unlinked: u32,
    /// The latest this many events by occurrence.
    pub events: u32,
    /// How long a claim holds, and now (Unix ms): a lapsed claim is not shown.
    pub claim_expiry: std::time::Duration,
    pub now_ms: i64,
    /// Load each entry whole (tags, links, attachments) and the evidence of confirmed
    /// hypotheses too; the text view needs only headlines.
    pub whole_entries: bool,
}

/// How many items of some lists a view shows (see [`Bounds::shown`]).
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    pub open_hypotheses: u32,
    pub confirmed: u32,
    pub open_actions: u32,
    pub pinned: u32,
}

/// How far back (in evidence entries) unlinked evidence is looked for: the section is about
/// what was seen lately, and the bound keeps `status` from walking every piece of evidence of
/// a large case whose evidence is all linked.
const UNLINKED_WINDOW: u32 = 200;

/// The sections [`picks_sql`] picks entries for.
mod section {
    pub const OPEN: i64 = 0;
    pub const CONFIRMED: i64 = 1;
    pub const DEAD_END: i64 = 2;
    pub const ACTION: i64 = 3;
    pub const UNLINKED: i64 = 4;
    pub const FIRST_EVENT: i64 = 5;
    pub const EVENT: i64 = 6;
    pub const PINNED: i64 = 7;
    pub const FIRST_BAD: i64 = 8;
    pub const LAST_GOOD: i64 = 9;
    pub const RECENT: i64 = 10;
    pub const PAIRED: i64 = 11;
}

/// The limits written into [`picks_sql`] (`-1`: no limit). They are written into the SQL
/// rather than bound: a bound `LIMIT ?` is another parameter the STAT4 planner re-prepares the
/// statement for on every run.
#[derive(Debug, Clone, Copy)]
struct Limits {
    per_list: i64,
    /// Open hypotheses, confirmed ones, open actions, pinned entries.
    open: i64,
    confirmed: i64,
    actions: i64,
    pinned: i64,
    unlinked: u32,
    events: u32,
    recent: u32,
    /// Leave out the sections the counts say are empty.
    events_exist: bool,
    marks_exist: bool,
    evidence_exists: bool,
    pinned_exist: bool,
    dead_ends_exist: bool,
}

/// Assemble the briefing. Lists come oldest first (of the newest ones loaded).
///
/// Compiling a statement costs more than running these bounded ones (~60,000 instructions
/// for each table a statement reads, ~100,000 more for an entry's 25 columns), so a handful
/// of statements serve every section whatever the case's size: the counts; the numbers each
/// section shows ([`picks_sql`]); the links of the hypotheses and dead ends picked (ranked
/// and counted here); and one read of every entry needed.
pub fn briefing(conn: &Connection, bounds: Bounds) -> Result<Briefing> {
    let case = case_info(conn)?;
    let (mut counts, people, pinned_count, marks_exist) = counts(conn)?;
    let whole = bounds.whole_entries;
    let evidence_limit = bounds.evidence.map(|e| e as usize);
    // The text view lists confirmed hypotheses without their evidence.
    let confirmed_limit = if whole { evidence_limit } else { Some(0) };
    let shown = |f: fn(&Shown) -> u32| match (&bounds.shown, bounds.per_list) {
        (Some(s), _) => i64::from(f(s)),
        (None, per) => per.map_or(-1, i64::from),
    };
    let limits = Limits {
        per_list: bounds.per_list.map_or(-1, i64::from),
        open: shown(|s| s.open_hypotheses),
        confirmed: shown(|s| s.confirmed),
        actions: shown(|s| s.open_actions),
        pinned: shown(|s| s.pinned),
        unlinked: bounds.unlinked,
        events: bounds.events,
        recent: bounds.recent,
        events_exist: counts.events > 0,
        marks_exist: marks_exist && counts.events > 0,
        evidence_exists: counts.evidence > 0,
        pinned_exist: pinned_count > 0,
        dead_ends_exist: counts.dead_ends > 0,
    };
    let picks: Vec<(i64, i64, Option<i64>)> = if counts.entries > 0 {
        conn.prepare_cached(&picks_sql(&limits))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?
    } else {
        Vec::new()
    };
    // Oldest first (events and the timeline are put in order of time below).
    let numbers = |section: i64| -> Vec<i64> {
        let mut list: Vec<i64> = picks
            .iter()
            .filter(|(s, ..)| *s == section)
            .map(|(_, n, _)| *n)
            .collect();
        list.sort_unstable();
        list
    };
    let (open, confirmed, dead) = (
        numbers(section::OPEN),
        numbers(section::CONFIRMED),
        numbers(section::DEAD_END),
    );
    let links = Links::load(
        conn,
        &[&open[..], &confirmed[..], &dead[..]].concat(),
        &dead,
    )?;

    // Every entry the sections show, read at once.
    let mut wanted: Vec<i64> = picks
        .iter()
        .flat_map(|(_, n, aux)| std::iter::once(*n).chain(*aux))
        .collect();
    let evidence_of = |h: i64, limit: Option<usize>| {
        let (f, a) = (
            links.evidence(h, "supports", limit),
            links.evidence(h, "refutes", limit),
        );
        (f, a)
    };
    for &h in &open {
        let (f, a) = evidence_of(h, evidence_limit);
        wanted.extend(f.1.iter().chain(&a.1));
    }
    for &h in &confirmed {
        let (f, a) = evidence_of(h, confirmed_limit);
        wanted.extend(f.1.iter().chain(&a.1));
    }
    wanted.extend(dead.iter().filter_map(|&d| links.reason(d).map(|r| r.1)));
    let loaded = load(conn, &mut wanted, whole)?;
    // A dead end linked to a hypothesis (`rules-out`, `because`) is that hypothesis's reason
    // when both are live, the one a dead end and the other refuted.
    let live = |n: i64, kind: Kind, state: Option<State>| {
        loaded
            .by_number
            .get(&n)
            .is_some_and(|(_, e)| e.kind == kind && e.state == state && !e.retracted)
    };
    let paired_dead_ends: std::collections::HashSet<i64> = picks
        .iter()
        .filter(|(s, ..)| *s == section::PAIRED)
        .filter_map(|(_, d, h)| Some((*d, (*h)?)))
        .filter(|&(d, h)| {
            live(d, Kind::DeadEnd, None) && live(h, Kind::Hypothesis, Some(State::Refuted))
        })
        .map(|(d, _)| d)
        .collect();
    counts.ruled_out = counts.dead_ends - paired_dead_ends.len() as i64;

    let hypotheses = |list: &[i64], limit: Option<usize>| -> Vec<HypothesisView> {
        list.iter()
            .filter_map(|&h| {
                let ((supported_count, f), (refuted_count, a)) = evidence_of(h, limit);
                Some(HypothesisView {
                    entry: loaded.get(h)?,
                    supported_by: f.iter().filter_map(|&n| loaded.get(n)).collect(),
                    refuted_by: a.iter().filter_map(|&n| loaded.get(n)).collect(),
                    supported_count,
                    refuted_count,
                })
            })
            .collect()
    };
    let mut open_hypotheses = hypotheses(&open, evidence_limit);
    let confirmed = hypotheses(&confirmed, confirmed_limit);
    let dead_ends = dead
        .iter()
        .filter_map(|&d| {
            let entry = loaded.get(d)?;
            let (reason, rules_out) = if entry.kind == Kind::Hypothesis {
                let reason = links.reason(d).and_then(|(via, n)| {
                    let e = loaded.get(n)?;
                    Some(Reason {
                        via,
                        number: n,
                        kind: e.kind,
                        text: e.text,
                    })
                });
                (reason, None)
            } else {
                (None, links.rules_out(d))
            };
            Some(DeadEndView {
                entry,
                reason,
                rules_out,
            })
        })
        .collect();
    let list = |section: i64| -> Vec<Entry> {
        numbers(section)
            .into_iter()
            .filter_map(|n| loaded.get(n))
            .collect()
    };
    let mut open_actions = list(section::ACTION);
    let unlinked_evidence = list(section::UNLINKED);
    let first_event = list(section::FIRST_EVENT).pop();
    let events = loaded.by_time(list(section::EVENT));
    let pinned = list(section::PINNED);
    let recent = loaded.by_time(list(section::RECENT));
    let first_bad = list(section::FIRST_BAD).pop();
    let newest_good = list(section::LAST_GOOD).pop();
    let window = window(conn, &loaded, first_bad, newest_good, whole)?;
    for e in open_hypotheses
        .iter_mut()
        .map(|h| &mut h.entry)
        .chain(open_actions.iter_mut())
    {
        e.drop_lapsed_claim(bounds.now_ms, bounds.claim_expiry);
    }
    let claims = open_hypotheses
        .iter()
        .map(|h| &h.entry)
        .chain(open_actions.iter())
        .filter_map(|e| {
            let c = e.claim.as_ref()?;
            Some(ClaimView {
                number: e.number,
                kind: e.kind,
                author: c.author.clone(),
                since: c.since.clone(),
            })
        })
        .collect();
    Ok(Briefing {
        case,
        counts,
        people,
        pinned,
        pinned_count,
        claims,
        window,
        first_event,
        open_hypotheses,
        confirmed,
        dead_ends,
        paired_dead_ends,
        unlinked_evidence,
        open_actions,
        events,
        recent,
    })
}

/// The window from the first bad moment and the newest good one. Only when that good moment
/// is not before the bad one (a contradiction, or a tie) is the last good one before it
/// looked for.
fn window(
    conn: &Connection,
    loaded: &Loaded,
    first_bad: Option<Entry>,
    newest_good: Option<Entry>,
    whole: bool,
) -> Result<Window> {
    let bad_ms = first_bad.as_ref().and_then(|e| loaded.at_ms(e.number));
    let good_ms = newest_good.as_ref().and_then(|e| loaded.at_ms(e.number));
    let (last_good, contradiction) = match (good_ms, bad_ms) {
        (Some(g), Some(b)) if g >= b => {
            let before = entries::query_entries_with(
                conn,
                &format!(
                    "SELECT {} FROM entry WHERE mark = 'good' AND NOT retracted \
                     AND at_ms < ?1 ORDER BY at_ms DESC, number DESC LIMIT 1",
                    columns(whole)
                ),
                [b],
                whole,
            )?
            .pop();
            (before, newest_good.filter(|_| g > b))
        }
        _ => (newest_good, None),
    };
    let span_ms = match (&last_good, bad_ms) {
        (Some(g), Some(b)) => at_ms(g).map(|g| b - g),
        _ => None,
    };
    Ok(Window {
        last_good,
        first_bad,
        span_ms,
        contradiction,
    })
}

/// The instant an entry is about, in Unix ms.
fn at_ms(e: &Entry) -> Option<i64> {
    crate::time::parse_stored(e.when())
        .ok()
        .map(|t| crate::time::unix_ms(&t))
}

/// The entries the briefing shows, read in one statement, by number.
struct Loaded {
    by_number: std::collections::HashMap<i64, (i64, Entry)>,
}

impl Loaded {
    fn get(&self, n: i64) -> Option<Entry> {
        self.by_number.get(&n).map(|(_, e)| e.clone())
    }

    fn at_ms(&self, n: i64) -> Option<i64> {
        self.by_number.get(&n).map(|(ms, _)| *ms)
    }

    /// Oldest first by when they happened, then by number.
    fn by_time(&self, mut list: Vec<Entry>) -> Vec<Entry> {
        list.sort_by_key(|e| (self.at_ms(e.number).unwrap_or(0), e.number));
        list
    }
}

/// Read `numbers` (sorted and deduplicated here) whole or as headlines. The numbers are
/// written into the statement: they are integers the case itself gave.
fn load(conn: &Connection, numbers: &mut Vec<i64>, whole: bool) -> Result<Loaded> {
    numbers.sort_unstable();
    numbers.dedup();
    let mut by_number = std::collections::HashMap::with_capacity(numbers.len());
    if numbers.is_empty() {
        return Ok(Loaded { by_number });
    }
    let list: Vec<String> = numbers.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT {}, at_ms FROM entry WHERE number IN ({})",
        columns(whole),
        list.join(",")
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let mut entry = entries::entry_from_row(row)?;
        let ms: i64 = row.get(entries::ENTRY_COLUMN_COUNT)?;
        if whole {
            entries::hydrate(conn, &mut entry)?;
        }
        by_number.insert(entry.number, (ms, entry));
    }
    Ok(Loaded { by_number })
}

/// The links of the hypotheses and dead ends picked: evidence for and against, the dead ends
/// that rule a hypothesis out, `because` entries. Ranked and counted here rather than by a
/// statement per hypothesis.
struct Links {
    /// `(source, type, target, source retracted, target retracted)`, newest source first.
    rows: Vec<(i64, String, i64, bool, bool)>,
}

impl Links {
    fn load(conn: &Connection, targets: &[i64], sources: &[i64]) -> Result<Links> {
        if targets.is_empty() && sources.is_empty() {
            return Ok(Links { rows: Vec::new() });
        }
        let mut rows: Vec<(i64, String, i64, bool, bool)> = conn
            .prepare(&links_sql(targets, sources))?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
        Ok(Links { rows })
    }

    /// How many entries (not retracted) link to `h` as `link`, and the newest `limit` of them.
    fn evidence(&self, h: i64, link: &str, limit: Option<usize>) -> (i64, Vec<i64>) {
        let all: Vec<i64> = self
            .rows
            .iter()
            .filter(|(_, t, target, gone, _)| *target == h && t == link && !gone)
            .map(|(source, ..)| *source)
            .collect();
        let count = all.len() as i64;
        let mut shown: Vec<i64> = all.into_iter().take(limit.unwrap_or(usize::MAX)).collect();
        shown.reverse();
        (count, shown)
    }

    /// Why hypothesis `h` was refuted: the dead end that rules it out, else its `because`
    /// entry, else the newest evidence against it (each kind newest first). Retracted
    /// entries give no reason.
    fn reason(&self, h: i64) -> Option<(LinkType, i64)> {
        let ruled_out = self
            .rows
            .iter()
            .find(|(_, t, target, gone, _)| *target == h && t == "rules-out" && !gone)
            .map(|r| (LinkType::RulesOut, r.0));
        let because = || {
            self.rows
                .iter()
                .filter(|(source, t, _, _, gone)| *source == h && t == "because" && !gone)
                .map(|r| r.2)
                .max()
                .map(|n| (LinkType::Because, n))
        };
        let refuted = || {
            self.rows
                .iter()
                .find(|(_, t, target, gone, _)| *target == h && t == "refutes" && !gone)
                .map(|r| (LinkType::Refutes, r.0))
        };
        ruled_out.or_else(because).or_else(refuted)
    }

    /// The hypothesis dead end `d` rules out (the lowest number, if several).
    fn rules_out(&self, d: i64) -> Option<i64> {
        self.rows
            .iter()
            .filter(|(source, t, ..)| *source == d && t == "rules-out")
            .map(|r| r.2)
            .min()
    }
}

/// The retracted entries (the partial index `entry_retracted`): testing a number against it
/// reads no row.
const RETRACTED: &str = "SELECT number FROM entry WHERE retracted = 1";

/// The links to `targets` and the `because` and `rules-out` links from `sources`, with
/// whether each end is retracted. The numbers are written into the statement: they are
/// integers the case itself gave.
fn links_sql(targets: &[i64], sources: &[i64]) -> String {
    let list = |l: &[i64]| l.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    format!(
        "SELECT source, type, target, source IN ({RETRACTED}), target IN ({RETRACTED}) \
         FROM link WHERE target IN ({}) OR (source IN ({}) AND type IN ('because', 'rules-out'))",
        list(targets),
        list(sources)
    )
}

/// The columns to read: whole entries, or (for the text view) what a headline shows, the
/// rest left empty so that fewer values are copied out of SQLite.
fn columns(whole: bool) -> &'static str {
    if whole {
        ENTRY_COLUMNS
    } else {
        entries::HEADLINE_COLUMNS
    }
}

/// The bounded subqueries that pick each section's entries, as `(section, number, aux)`
/// (`aux`: for a pair, the hypothesis). Each is
/// an index probe that stops after its limit (the `EXPLAIN QUERY PLAN` test below keeps them
/// so); ordered subqueries are wrapped, as a compound requires.
fn pick_arms(l: &Limits) -> Vec<String> {
    use section as s;
    let per = l.per_list;
    let pick = |section: i64, query: String| format!("SELECT {section}, n, NULL FROM ({query})");
    let newest = |kind: &str, state: &str, limit: i64| {
        format!(
            "SELECT number AS n FROM entry WHERE kind = '{kind}' AND state = '{state}' \
             AND NOT retracted ORDER BY number DESC LIMIT {limit}"
        )
    };
    let mut arms = vec![
        pick(s::OPEN, newest("hypothesis", "open", l.open)),
        pick(s::CONFIRMED, newest("hypothesis", "confirmed", l.confirmed)),
        // Dead ends and refuted hypotheses (a refuted hypothesis is a dead end in every view).
        pick(
            s::DEAD_END,
            format!(
                "SELECT number AS n FROM entry WHERE kind = 'dead-end' AND state IS NULL \
                 AND NOT retracted \
                 UNION ALL SELECT number FROM entry WHERE kind = 'hypothesis' \
                 AND state = 'refuted' AND NOT retracted ORDER BY 1 DESC LIMIT {per}"
            ),
        ),
        pick(s::ACTION, newest("action", "open", l.actions)),
        // The latest entries of the timeline (as `log --limit`).
        pick(
            s::RECENT,
            format!(
                "SELECT number AS n FROM entry WHERE NOT retracted \
                 ORDER BY at_ms DESC, number DESC LIMIT {}",
                l.recent
            ),
        ),
    ];
    if l.evidence_exists {
        // The newest pieces of evidence (among the newest UNLINKED_WINDOW) that support,
        // refute and explain nothing. Only indexes are read: `retracted` lies past an
        // entry's text and output in its row, often on overflow pages. `NOT IN (SELECT source
        // FROM link)` probes the link index directly, at a third of the cost of a correlated
        // `NOT EXISTS` (200 probes when all recent evidence is linked).
        arms.push(pick(
            s::UNLINKED,
            format!(
                "SELECT n FROM (SELECT number AS n FROM entry WHERE kind = 'evidence' \
                   AND state IS NULL ORDER BY number DESC LIMIT {UNLINKED_WINDOW}) \
                 WHERE n NOT IN (SELECT source FROM link) \
                 AND NOT EXISTS (SELECT 1 FROM link WHERE target = n AND type = 'because') \
                 AND n NOT IN ({RETRACTED}) ORDER BY n DESC LIMIT {}",
                l.unlinked
            ),
        ));
    }
    if l.events_exist {
        // Events by when they happened: `INDEXED BY` the partial index of events by
        // occurrence, which the planner without statistics passes over for
        // `entry_kind_state` and a sort of every event.
        let events = |order: &str, limit: u32| {
            format!(
                "SELECT number AS n FROM entry INDEXED BY entry_event_at \
                 WHERE kind = 'event' AND NOT retracted \
                 ORDER BY at_ms {order}, number {order} LIMIT {limit}"
            )
        };
        arms.push(pick(s::FIRST_EVENT, events("ASC", 1)));
        arms.push(pick(s::EVENT, events("DESC", l.events)));
        // The window (the partial index `entry_mark_at`): the first bad moment and the
        // newest good one.
        let mark = |mark: &str, order: &str| {
            format!(
                "SELECT number AS n FROM entry WHERE mark = '{mark}' AND NOT retracted \
                 ORDER BY at_ms {order}, number {order} LIMIT 1"
            )
        };
        if l.marks_exist {
            arms.push(pick(s::FIRST_BAD, mark("bad", "ASC")));
            arms.push(pick(s::LAST_GOOD, mark("good", "DESC")));
        }
    }
    if l.dead_ends_exist {
        // The pairs of a dead end and the hypothesis it rules out or explains (checked once
        // loaded), through the partial indexes of `rules-out` and `because` links: a few rows
        // however large the case.
        arms.push(format!(
            "SELECT {}, source, target FROM link INDEXED BY link_rules_out \
             WHERE type = 'rules-out'",
            s::PAIRED
        ));
        arms.push(format!(
            "SELECT {}, target, source FROM link INDEXED BY link_because \
             WHERE type = 'because'",
            s::PAIRED
        ));
    }
    if l.pinned_exist {
        // The partial index `entry_pinned`.
        arms.push(pick(
            s::PINNED,
            format!(
                "SELECT number AS n FROM entry WHERE pinned = 1 AND NOT retracted \
                 ORDER BY number DESC LIMIT {}",
                l.pinned
            ),
        ));
    }
    arms
}

/// The statement that picks the numbers of every section's entries.
fn picks_sql(l: &Limits) -> String {
    pick_arms(l).join(" UNION ALL ")
}

/// The counts kept with every write (schema v3, per author since `entry_count_by_author`): a
/// few rows, whatever the case's size. Also the people line, and how many entries are pinned.
/// The first row carries the totals: numbers are contiguous from 1 and entries are never
/// deleted, so the highest number is the count (one index probe instead of a scan); and
/// whether any moment is marked good or bad (the partial index `entry_mark_at`).
const COUNTS_SQL: &str = "SELECT EXISTS (SELECT 1 FROM entry WHERE mark IS NOT NULL), NULL, NULL, \
       (SELECT coalesce(max(number), 0) FROM entry), \
       (SELECT count(*) FROM entry WHERE pinned = 1 AND NOT retracted) \
     UNION ALL SELECT kind, state, author, n, last_ms FROM entry_count";

fn counts(conn: &Connection) -> Result<(Counts, Vec<Person>, i64, bool)> {
    let mut counts = Counts::default();
    let mut pinned = 0;
    let mut marks = false;
    let mut people: Vec<Person> = Vec::new();
    let mut stmt = conn.prepare_cached(COUNTS_SQL)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let n: i64 = row.get(3)?;
        let last_ms: i64 = row.get(4)?;
        let Some(author) = row.get_ref(2)?.as_str_or_null()? else {
            counts.entries = n;
            pinned = last_ms;
            marks = row.get(0)?;
            continue;
        };
        match people.iter_mut().find(|p| p.author == author) {
            Some(p) => {
                p.entries += n;
                p.last_seen_ms = p.last_seen_ms.max(last_ms);
            }
            None => people.push(Person {
                author: author.to_string(),
                entries: n,
                last_seen: None,
                last_seen_ms: last_ms,
            }),
        }
        let slot = match (row.get_ref(0)?.as_str()?, row.get_ref(1)?.as_str()?) {
            ("hypothesis", "open") => &mut counts.open_hypotheses,
            ("hypothesis", "confirmed") => &mut counts.confirmed,
            // A refuted hypothesis is a dead end in every view.
            ("hypothesis", "refuted") | ("dead-end", _) => &mut counts.dead_ends,
            ("action", "open") => &mut counts.open_actions,
            ("event", _) => &mut counts.events,
            ("evidence", _) => &mut counts.evidence,
            _ => continue,
        };
        *slot += n;
    }
    people.retain(|p| p.entries > 0);
    for p in &mut people {
        p.last_seen = chrono::DateTime::from_timestamp_millis(p.last_seen_ms)
            .filter(|_| p.last_seen_ms > 0)
            .map(|t| crate::time::format_rfc3339(&t.fixed_offset()));
    }
    people.sort_by(|a, b| {
        b.entries
            .cmp(&a.entries)
            .then(b.last_seen_ms.cmp(&a.last_seen_ms))
            .then(a.author.cmp(&b.author))
    });
    Ok((counts, people, pinned, marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let n = stmt.parameter_count();
        let params: Vec<rusqlite::types::Value> = (0..n)
            .map(|_| rusqlite::types::Value::Text("x".into()))
            .collect();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                r.get::<_, String>(3)
            })
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    }

    fn limits() -> Limits {
        Limits {
            per_list: 5,
            open: 3,
            confirmed: 2,
            actions: 3,
            pinned: 3,
            unlinked: 3,
            events: 5,
            recent: 10,
            events_exist: true,
            marks_exist: true,
            evidence_exists: true,
            pinned_exist: true,
            dead_ends_exist: true,
        }
    }

    /// A plan line that reads a whole table (`SCAN entry`, or a scan of a table by alias).
    fn full_scan(line: &str) -> bool {
        let Some(rest) = line.strip_prefix("SCAN ") else {
            return false;
        };
        let table = rest.split(' ').next().unwrap_or("");
        ["entry", "link", "l", "s", "e"].contains(&table) && !rest.contains("USING")
    }

    #[test]
    fn no_status_query_scans_the_entry_table() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn, "mem").unwrap();
        let l = limits();
        // Each section's pick on its own (so that a sort in one is not excused by another's
        // subquery), then the whole statement.
        let mut queries = pick_arms(&l);
        queries.push(picks_sql(&l));
        queries.push(picks_sql(&Limits {
            per_list: -1,
            open: -1,
            confirmed: -1,
            actions: -1,
            pinned: -1,
            ..l
        }));
        queries.push(COUNTS_SQL.to_string());
        queries.push(format!(
            "SELECT {ENTRY_COLUMNS}, at_ms FROM entry WHERE number IN (1,2,3)"
        ));
        queries.push(links_sql(&[1, 2], &[3]));
        queries.push(links_sql(&[1, 2], &[]));
        for sql in queries {
            let plan = plan(&conn, &sql);
            for line in plan.lines() {
                assert!(!full_scan(line), "full scan in\n{sql}\nplan:\n{plan}");
                // Sorting the few rows a bounded subquery returned is fine; sorting the
                // table is not.
                let sorts_table = line.contains("USE TEMP B-TREE FOR ORDER BY")
                    && !plan.contains("subquery")
                    && !plan.contains("COMPOUND");
                assert!(!sorts_table, "sort without index in\n{sql}\nplan:\n{plan}");
            }
        }
    }

    #[test]
    fn the_full_scan_check_sees_one() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::schema::migrate(&mut conn, "mem").unwrap();
        let plan = plan(&conn, "SELECT number FROM entry AS e WHERE text = 'x'");
        assert!(plan.lines().any(full_scan), "{plan}");
    }
}

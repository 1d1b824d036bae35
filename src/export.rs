//! Writing a case out: the postmortem (Markdown) and the JSON bundle.
//!
//! Both stream: rows go from SQLite through the renderer into the output as they are read, so
//! memory does not grow with the case (the postmortem holds only the case's links, see
//! [`LinkTable`]). [`Output`] writes a temporary sibling for `-o` and renames it into place
//! only when everything was written, so a failed export never leaves a half-written file.

use std::cell::RefCell;
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{Context as _, Result};

use crate::bundle::{Bundle, BundleCase, BundleWriter, FORMAT, VERSION};
use crate::error::invalid;
use crate::model::{Kind, LinkType, State};
use crate::render::postmortem::{
    self, Clock, DocZone, Participants, Postmortem, INCIDENT_LIMIT, MENTION_LEN,
};
use crate::store::dump::{self, IncidentEvent, LinkTable, RelatedReader, StateTable};
use crate::store::{lifecycle, CaseStore};

/// The whole case as a bundle, in memory (for templates).
pub fn load_bundle(store: &CaseStore, exported_at: &str) -> Result<Bundle> {
    let mut entries = Vec::new();
    dump::each_bundle_entry(store.conn(), |e| {
        entries.push(e.clone());
        Ok(())
    })?;
    Ok(Bundle {
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at: Some(exported_at.to_string()),
        case: bundle_case(store)?,
        entries,
    })
}

fn bundle_case(store: &CaseStore) -> Result<BundleCase> {
    Ok(BundleCase {
        info: store.case_info()?,
        events: lifecycle::events(store.conn())?,
    })
}

/// The JSON bundle, entry by entry.
pub fn write_bundle(store: &CaseStore, out: &mut impl Write, exported_at: &str) -> Result<()> {
    let mut writer = BundleWriter::begin(out, &bundle_case(store)?, exported_at)?;
    dump::each_bundle_entry(store.conn(), |e| writer.entry(e))?;
    writer.finish()?;
    Ok(())
}

/// What the default postmortem and the templates need besides the case.
pub struct MarkdownOptions {
    /// Config `timezone`, if set: the document's zone.
    pub zone: Option<chrono_tz::Tz>,
    /// Config `export.run_lines`.
    pub run_lines: usize,
    pub now_ms: i64,
}

/// The document's zone (and where it came from) and the incident's first event.
fn zone_and_first(
    store: &CaseStore,
    opts: &MarkdownOptions,
) -> Result<(DocZone, &'static str, Option<IncidentEvent>)> {
    let first = dump::incident_events(store.conn(), 1, false)?;
    let first = first.into_iter().next();
    let source = match (&opts.zone, &first) {
        (Some(_), _) => "the configured time zone",
        (None, Some(_)) => "the offset of the first event",
        (None, None) => "no zone configured and no events",
    };
    let zone = DocZone::choose(opts.zone, first.as_ref().map(|e| e.when.as_str()));
    Ok((zone, source, first))
}

/// The postmortem in one pass over the timeline. Sections that follow the timeline are
/// rendered, as their entries go by, into [`Spill`]s (memory, then anonymous files inside
/// `spill_dir`, the private home) and copied out after it: one read of each row instead of one
/// pass per section, in constant memory.
pub fn write_markdown(
    store: &CaseStore,
    spill_dir: &Path,
    out: &mut Output,
    opts: &MarkdownOptions,
) -> Result<()> {
    let conn = store.conn();
    // The entries linked to each hypothesis are read ahead of the timeline, across the
    // table, while it streams through: with SQLite's default 2 MiB page cache many pages of a
    // 10,000-entry case were read twice (2,826 reads); 3 MiB, still a fixed amount whatever
    // the case's size, brings that to 2,077 (1,433 pages in all).
    conn.execute_batch("PRAGMA cache_size = -3072")?;
    let info = store.case_info()?;
    let (zone, zone_source, first) = zone_and_first(store, opts)?;
    let mut pm = Postmortem::new(out, zone.clone());
    pm.header(&info, zone_source)?;
    pm.clock(&info, &Clock::new(&info, first.as_ref()), opts.now_ms)?;
    pm.close_texts(&info)?;
    let half = (INCIDENT_LIMIT / 2) as u32;
    let head = dump::incident_events(conn, half, false)?;
    let (tail, total) = if head.len() as u32 == half {
        (
            dump::incident_events(conn, half, true)?,
            dump::event_count(conn)?,
        )
    } else {
        (Vec::new(), head.len() as i64)
    };
    pm.incident(&head, &tail, total, &dump::window(conn)?)?;
    drop((head, tail));

    let spill_file = SpillFile::new(spill_dir);
    let spill = || Postmortem::new(Spill::new(&spill_file), zone.clone());
    let (mut confirmed, mut refuted, mut open) = (spill(), spill(), spill());
    let (mut dead_ends, mut runs, mut done, mut todo) = (spill(), spill(), spill(), spill());
    let mut in_full = spill();
    let links = LinkTable::load(conn)?;
    let states = StateTable::load(conn)?;
    let mut reader = RelatedReader::new(conn, MENTION_LEN)?;
    let mut related = Vec::new();
    let mut holds = Vec::new();
    let mut people = Participants::default();
    pm.timeline_begin()?;
    dump::each_timeline_row(conn, |e| {
        holds.clear();
        holds.extend(links.outgoing(e.number));
        let holds = holds.as_slice();
        let cut = pm.timeline_row(e, holds)?;
        people.add(e);
        match e.kind {
            Kind::Hypothesis => {
                reader.related(&links, e.number, &mut related)?;
                match e.state {
                    Some(State::Confirmed) => confirmed.hypothesis(e, &related, &states)?,
                    Some(State::Refuted) => refuted.hypothesis(e, &related, &states)?,
                    _ => open.hypothesis(e, &related, &states)?,
                }
            }
            // A dead end that rules out a hypothesis is listed under it, as its reason.
            Kind::DeadEnd if !holds.iter().any(|l| l.link_type == LinkType::RulesOut) => {
                dead_ends.dead_end(e)?
            }
            Kind::DeadEnd => {}
            Kind::Evidence => {
                if let Some(run) = &e.run {
                    runs.run(e, run, holds, opts.run_lines)?;
                }
                if cut {
                    in_full.in_full(e)?;
                }
            }
            Kind::Action if e.state == Some(State::Done) => done.action(e, &states)?,
            Kind::Action => todo.action(e, &states)?,
            Kind::Note | Kind::Event if cut => in_full.in_full(e)?,
            Kind::Note | Kind::Event => {}
        }
        Ok(())
    })?;
    pm.timeline_end()?;

    let append = |pm: &mut Postmortem<&mut Output>,
                  parts: Vec<Postmortem<Spill>>,
                  empty: &str|
     -> Result<()> {
        let mut any = false;
        for part in parts {
            if part.items() == 0 {
                continue;
            }
            any = true;
            part.into_inner()?.copy_to(pm.get_mut()?)?;
        }
        if !any {
            pm.empty_note(empty)?;
        }
        Ok(())
    };
    pm.section(2, "Hypotheses")?;
    pm.section(3, "Confirmed")?;
    append(&mut pm, vec![confirmed], "None confirmed.")?;
    pm.section(3, "Ruled out")?;
    append(&mut pm, vec![refuted], "None ruled out.")?;
    pm.section(3, "Still open")?;
    append(&mut pm, vec![open], "None left open.")?;
    pm.section(2, "Dead ends")?;
    append(
        &mut pm,
        vec![dead_ends],
        "None besides the reasons under Ruled out.",
    )?;
    pm.section(2, "Actions")?;
    append(&mut pm, vec![done, todo], "None recorded.")?;
    pm.participants(&people)?;
    pm.attachments(&dump::attachments(conn)?)?;
    pm.section(2, "Evidence appendix")?;
    append(&mut pm, vec![runs], "No command output recorded.")?;
    if in_full.items() > 0 {
        pm.section(2, "Entries in full")?;
        append(&mut pm, vec![in_full], "")?;
    }
    pm.finish()
}

/// What a template sees: the bundle (`case`, `entries`), and what the postmortem derives.
#[derive(serde::Serialize)]
pub struct TemplateContext<'a> {
    #[serde(flatten)]
    pub bundle: &'a Bundle,
    /// The document's zone, named (`America/New_York`, `UTC-04:00`).
    pub zone: String,
    /// The incident's clock: stored times (format them with `when`).
    pub clock: ClockContext,
    /// Everyone who wrote, with what they did.
    pub participants: Vec<ParticipantContext>,
}

#[derive(serde::Serialize)]
pub struct ClockContext {
    pub started: Option<String>,
    /// Where the start came from (`given at close`, `the first event, #1`).
    pub started_from: Option<String>,
    pub detected: Option<String>,
    pub mitigated: Option<String>,
    pub resolved: Option<String>,
}

#[derive(serde::Serialize)]
pub struct ParticipantContext {
    pub name: String,
    pub entries: u32,
    pub did: String,
}

/// Render a template (built-in or read from a file) over the case.
pub fn render_template(
    store: &CaseStore,
    template: &str,
    name: &str,
    exported_at: &str,
    opts: &MarkdownOptions,
) -> Result<String> {
    let mut bundle = load_bundle(store, exported_at)?;
    // Retracted entries are in no view: nor are they in a template's context.
    let retracted: Vec<i64> = store
        .conn()
        .prepare("SELECT number FROM entry WHERE retracted = 1")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !retracted.is_empty() {
        bundle.entries.retain(|e| !retracted.contains(&e.number));
        for e in &mut bundle.entries {
            e.links.retain(|l| !retracted.contains(&l.target));
        }
    }
    let (zone, _, first) = zone_and_first(store, opts)?;
    let clock = Clock::new(&bundle.case.info, first.as_ref());
    let mut people = Participants::default();
    dump::each_timeline_row(store.conn(), |e| {
        people.add(e);
        Ok(())
    })?;
    let context = TemplateContext {
        bundle: &bundle,
        zone: zone.name(),
        clock: ClockContext {
            started: clock.started.as_ref().map(|s| s.0.clone()),
            started_from: clock.started.map(|s| s.1),
            detected: clock.detected,
            mitigated: clock.mitigated,
            resolved: clock.resolved,
        },
        participants: people
            .summary()
            .into_iter()
            .map(|(name, entries, did)| ParticipantContext { name, entries, did })
            .collect(),
    };
    postmortem::render_template(template, name, &context, zone, opts.run_lines)
}

/// Sections of the postmortem rendered ahead of their place. Each [`Spill`] keeps up to
/// [`SPILL_IN_MEMORY`] bytes in memory and appends what is beyond, chunk by chunk, to one
/// anonymous temporary file shared by all sections (created on first need): a small case never
/// touches the disk, a large one stays in constant memory, and one file is created at most.
pub struct SpillFile {
    file: Option<fs::File>,
    len: u64,
    dir: PathBuf,
}

impl SpillFile {
    pub fn new(dir: &Path) -> Rc<RefCell<SpillFile>> {
        Rc::new(RefCell::new(SpillFile {
            file: None,
            len: 0,
            dir: dir.to_path_buf(),
        }))
    }

    /// Append `data`; where it starts in the file.
    fn append(&mut self, data: &[u8]) -> std::io::Result<u64> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self
                .file
                .insert(tempfile::tempfile_in(&self.dir).map_err(|e| {
                    std::io::Error::new(
                        e.kind(),
                        format!(
                            "cannot create a temporary file in {}: {e}",
                            self.dir.display()
                        ),
                    )
                })?),
        };
        // At the end, wherever the last copy out left the file's position: a section can
        // still spill (its renderer's buffer) after another was copied out.
        file.seek(SeekFrom::Start(self.len))?;
        file.write_all(data)?;
        let at = self.len;
        self.len += data.len() as u64;
        Ok(at)
    }
}

/// One section being spilled; see [`SpillFile`].
pub struct Spill {
    buf: Vec<u8>,
    /// (offset, length) of the chunks already in the file, in order.
    chunks: Vec<(u64, u64)>,
    file: Rc<RefCell<SpillFile>>,
}

/// How much of a section a [`Spill`] holds before it moves to the file.
pub const SPILL_IN_MEMORY: usize = 32 * 1024;

impl Spill {
    pub fn new(file: &Rc<RefCell<SpillFile>>) -> Spill {
        Spill {
            buf: Vec::new(),
            chunks: Vec::new(),
            file: Rc::clone(file),
        }
    }

    /// Everything written, to `out`: chunks from the file (copied by the kernel), then what
    /// is still in memory.
    pub fn copy_to(self, out: &mut Output) -> std::io::Result<()> {
        if !self.chunks.is_empty() {
            let mut spill = self.file.borrow_mut();
            if let Some(file) = &mut spill.file {
                for &(at, len) in &self.chunks {
                    file.seek(SeekFrom::Start(at))?;
                    out.append_file(&mut Read::by_ref(file).take(len))?;
                }
            }
        }
        out.write_all(&self.buf)
    }
}

impl Spill {
    fn append_chunk(&mut self, data: &[u8]) -> std::io::Result<()> {
        let at = self.file.borrow_mut().append(data)?;
        self.chunks.push((at, data.len() as u64));
        Ok(())
    }
}

impl Write for Spill {
    #[inline]
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + data.len() > SPILL_IN_MEMORY {
            // The buffer never grows past its size: a long item (a big `run` output) goes
            // to the file in one piece.
            let buf = std::mem::take(&mut self.buf);
            if !buf.is_empty() {
                self.append_chunk(&buf)?;
            }
            self.buf = buf;
            self.buf.clear();
            if data.len() > SPILL_IN_MEMORY {
                self.append_chunk(data)?;
                return Ok(data.len());
            }
        }
        if self.buf.capacity() == 0 {
            self.buf.reserve_exact(SPILL_IN_MEMORY);
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    #[inline]
    fn write_all(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.write(data).map(|_| ())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where the export goes: stdout, or a temporary file renamed over `-o PATH` at the end.
/// It buffers itself (a plain `Vec`, drained in 64 KiB writes): the renderers make many small
/// writes, and this keeps each one a `memcpy`.
pub struct Output {
    buf: Vec<u8>,
    sink: Option<Sink>,
    /// (temporary file, target) while a file export is not yet committed.
    file: Option<(PathBuf, PathBuf)>,
}

enum Sink {
    Stdout(std::io::StdoutLock<'static>),
    File(fs::File),
}

const CHUNK: usize = 64 * 1024;

impl Output {
    /// Stdout, or (with a path) a temporary file beside it.
    pub fn open(path: Option<&Path>) -> Result<Output> {
        let Some(path) = path else {
            return Ok(Output {
                buf: Vec::with_capacity(CHUNK * 2),
                sink: Some(Sink::Stdout(std::io::stdout().lock())),
                file: None,
            });
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| invalid(format!("-o {}: not a file name", path.display())))?;
        let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
        let file =
            fs::File::create(&tmp).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Output {
            buf: Vec::with_capacity(CHUNK * 2),
            sink: Some(Sink::File(file)),
            file: Some((tmp, path.to_path_buf())),
        })
    }

    fn drain(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        match &mut self.sink {
            Some(Sink::Stdout(w)) => w.write_all(&self.buf)?,
            Some(Sink::File(w)) => w.write_all(&self.buf)?,
            None => {}
        }
        self.buf.clear();
        Ok(())
    }

    /// Copy the rest of `file` to the output. What was buffered goes first; then the kernel
    /// copies file to file (or to a pipe) without passing the bytes through this process.
    pub fn append_file(&mut self, file: &mut std::io::Take<&mut fs::File>) -> std::io::Result<()> {
        self.drain()?;
        match &mut self.sink {
            Some(Sink::Stdout(w)) => std::io::copy(file, w)?,
            Some(Sink::File(w)) => std::io::copy(file, w)?,
            None => 0,
        };
        Ok(())
    }

    /// Flush, and for a file sync it and rename it into place.
    pub fn commit(mut self) -> Result<()> {
        self.drain()?;
        match self.sink.take() {
            Some(Sink::Stdout(mut w)) => w.flush()?,
            Some(Sink::File(file)) => {
                if let Some((tmp, path)) = self.file.take() {
                    let result = file.sync_all().and_then(|()| fs::rename(&tmp, &path));
                    if let Err(e) = result {
                        fs::remove_file(&tmp).ok();
                        return Err(e).with_context(|| format!("cannot write {}", path.display()));
                    }
                }
            }
            None => {}
        }
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // An export that failed half-way leaves no temporary file behind.
        self.sink = None;
        if let Some((tmp, _)) = self.file.take() {
            fs::remove_file(tmp).ok();
        }
    }
}

impl Write for Output {
    #[inline]
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.drain()?;
        }
        Ok(data.len())
    }

    #[inline]
    fn write_all(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.write(data).map(|_| ())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.drain()?;
        match &mut self.sink {
            Some(Sink::Stdout(w)) => w.flush(),
            Some(Sink::File(w)) => w.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_spilled_after_another_was_copied_out_is_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = SpillFile::new(dir.path());
        let (mut first, mut second) = (Spill::new(&file), Spill::new(&file));
        let a = "a".repeat(SPILL_IN_MEMORY + 10);
        let b = "b".repeat(SPILL_IN_MEMORY + 20);
        let c = "c".repeat(SPILL_IN_MEMORY + 30);
        first.write_all(a.as_bytes()).unwrap();
        second.write_all(b.as_bytes()).unwrap();
        let path = dir.path().join("out.md");
        let mut out = Output::open(Some(&path)).unwrap();
        // Reading the first section back leaves the file's position inside it...
        first.copy_to(&mut out).unwrap();
        // ... and the second one spills more only then (its renderer's buffer, at the end).
        second.write_all(c.as_bytes()).unwrap();
        second.write_all(b"!").unwrap();
        second.copy_to(&mut out).unwrap();
        out.commit().unwrap();
        assert!(fs::read_to_string(&path).unwrap() == format!("{a}{b}{c}!"));
    }
}

//! `casefile export`: the postmortem (Markdown) or the JSON bundle.
//!
//! Both default paths stream: rows go from SQLite through the renderer into a `BufWriter` as
//! they are read, so memory does not grow with the case. `-o` writes a temporary sibling and
//! renames it into place only when everything was written, so a failed export never leaves a
//! half-written file. `--template` (or config `[export] template`) renders a MiniJinja
//! template over the whole bundle, which it holds in memory.

use std::fs;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::Ctx;
use crate::bundle::{Bundle, BundleCase, BundleWriter, FORMAT, VERSION};
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::invalid;
use crate::model::{Kind, State};
use crate::render::postmortem::{self, Postmortem, DIAGRAM_LIMIT};
use crate::store::dump::{self, Selection};
use crate::store::{lifecycle, CaseStore};

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let store = ctx.open_case()?;
    // One read transaction: a consistent case, and one lock instead of one per statement.
    let _snapshot = store.snapshot()?;
    let template = match (&args.template, args.format) {
        (Some(_), ExportFormat::Json) => {
            return Err(invalid(
                "--template renders Markdown; leave out --format json (or --template)",
            ))
        }
        (Some(path), _) => Some(path.clone()),
        (None, ExportFormat::Markdown) => ctx.config()?.export.template.clone(),
        (None, ExportFormat::Json) => None,
    };
    let now = crate::time::Zone::Local.now();
    let exported_at = crate::time::format_rfc3339(&now);
    let mut out = Output::open(args.output.as_deref())?;
    match (args.format, template) {
        (ExportFormat::Json, _) => write_bundle(&store, &mut out, &exported_at)?,
        (ExportFormat::Markdown, Some(path)) => {
            let text = fs::read_to_string(&path)
                .with_context(|| format!("cannot read the template {}", path.display()))?;
            let bundle = load_bundle(&store, &exported_at)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "template".into());
            let rendered = postmortem::render_template(&text, &name, &bundle)?;
            out.write_all(rendered.as_bytes())?;
        }
        (ExportFormat::Markdown, None) => write_markdown(
            &store,
            ctx.home.root(),
            &mut out,
            crate::time::unix_ms(&now),
        )?,
    }
    out.commit()
}

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

fn write_bundle(store: &CaseStore, out: &mut impl Write, exported_at: &str) -> Result<()> {
    let mut writer = BundleWriter::begin(out, &bundle_case(store)?, exported_at)?;
    dump::each_bundle_entry(store.conn(), |e| writer.entry(e))?;
    writer.finish()?;
    Ok(())
}

/// The postmortem in one pass over the timeline. Sections that follow the timeline are
/// rendered, as their entries go by, into anonymous spill files inside the (private) home and
/// copied out after it: one read of each row instead of one pass per section, in constant
/// memory.
fn write_markdown(
    store: &CaseStore,
    spill_dir: &Path,
    out: &mut impl Write,
    now_ms: i64,
) -> Result<()> {
    let conn = store.conn();
    let mut pm = Postmortem::new(out);
    pm.header(&store.case_info()?, now_ms)?;

    let mut story = Vec::new();
    dump::each_entry(conn, Selection::Story, Some(DIAGRAM_LIMIT as u32), |e| {
        story.push(e);
        Ok(())
    })?;
    let more = dump::count(conn, Selection::Story)? - story.len() as i64;
    pm.diagram(&story, more)?;
    drop(story);

    let spill = || -> Result<Postmortem<BufWriter<fs::File>>> {
        let file = tempfile::tempfile_in(spill_dir).with_context(|| {
            format!("cannot create a temporary file in {}", spill_dir.display())
        })?;
        Ok(Postmortem::new(BufWriter::with_capacity(64 * 1024, file)))
    };
    let (mut confirmed, mut refuted, mut open) = (spill()?, spill()?, spill()?);
    let (mut dead_ends, mut runs, mut done, mut todo) = (spill()?, spill()?, spill()?, spill()?);
    pm.timeline_begin()?;
    dump::each_entry(conn, Selection::Timeline, None, |e| {
        pm.timeline_row(&e)?;
        match e.kind {
            Kind::Hypothesis => {
                let related = dump::related_to(conn, e.number)?;
                match e.state {
                    Some(State::Confirmed) => confirmed.hypothesis(&e, &related)?,
                    Some(State::Refuted) => {
                        refuted.hypothesis(&e, &related)?;
                        dead_ends.dead_end(&e)?;
                    }
                    _ => open.hypothesis(&e, &related)?,
                }
            }
            Kind::DeadEnd => dead_ends.dead_end(&e)?,
            Kind::Evidence if e.command.is_some() => runs.run(&e)?,
            Kind::Action if e.state == Some(State::Done) => done.action(&e)?,
            Kind::Action => todo.action(&e)?,
            _ => {}
        }
        Ok(())
    })?;
    pm.timeline_end()?;

    let append = |pm: &mut Postmortem<&mut _>,
                  parts: Vec<Postmortem<BufWriter<fs::File>>>,
                  empty: &str|
     -> Result<()> {
        let mut any = false;
        for part in parts {
            if part.items() == 0 {
                continue;
            }
            any = true;
            let mut file = part.into_inner().into_inner().map_err(|e| e.into_error())?;
            file.seek(SeekFrom::Start(0))?;
            pm.raw(&mut file)?;
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
    append(&mut pm, vec![dead_ends], "None recorded.")?;
    pm.section(2, "Evidence appendix")?;
    append(&mut pm, vec![runs], "No command output recorded.")?;
    pm.section(2, "Actions")?;
    append(&mut pm, vec![done, todo], "None recorded.")?;
    pm.finish()
}

/// Where the export goes: stdout, or a temporary file renamed over `-o PATH` at the end.
/// It buffers itself (a plain `Vec`, drained in 64 KiB writes): the renderers make many small
/// writes, and this keeps each one a `memcpy`.
struct Output {
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
    fn open(path: Option<&Path>) -> Result<Output> {
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

    /// Flush, and for a file sync it and rename it into place.
    fn commit(mut self) -> Result<()> {
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

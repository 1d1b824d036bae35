//! Running a child process for `casefile run`: live tee, bounded capture, signals.
//!
//! The child's stdout and stderr are pipes read by two threads. Each chunk is written to our
//! own stdout/stderr at once (so a user watching a slow test sees each line as it comes). The
//! record is kept by line: each stream's partial line waits until its newline arrives, and a
//! completed line joins one shared record at once, so lines are whole (never `tickerr 0\n 0`)
//! and in the order they were completed. A line from stderr is marked with [`STDERR_MARK`].
//! The record keeps a head and a tail of at most `cap` bytes together, so a command that
//! prints gigabytes costs bounded memory. It drops colour codes and progress-bar redraws
//! ([`terminal_text`], line by line); the live output is passed on untouched.
//!
//! With `--pty` the child's stdout and stderr are one pseudo-terminal, for programs that buffer
//! or drop colour when writing to a pipe. A terminal has one output, so the two streams are
//! merged there and the record cannot tell them apart.
//!
//! Ctrl-C goes to the whole foreground process group, so the child receives it directly.
//! While the child runs, casefile catches SIGINT, SIGTERM, SIGQUIT and SIGHUP with a handler
//! that does nothing: it survives to record what ran so far, and because `exec` resets caught
//! signals to their defaults, the child still reacts to them normally (a handler, unlike
//! `SIG_IGN`, is not inherited). A signal that was already ignored when casefile started
//! (`nohup`) stays ignored for both.
//!
//! Nothing here prints except the tee of the child's own output.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The start of a line the command wrote to stderr, in the record.
pub const STDERR_MARK: &str = "[stderr] ";

/// A partial line longer than this is recorded as it is (a progress bar without newlines, or
/// binary output), rather than held without bound.
const MAX_PENDING_LINE: usize = 64 * 1024;

/// How long to keep reading after the child exited while its pipes are still open (a
/// background grandchild may hold them) and nothing arrives.
const DRAIN_GRACE: Duration = Duration::from_millis(300);

/// How a finished child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// It exited with this status.
    Exited(i32),
    /// A signal ended it.
    Signaled(i32),
}

impl Ending {
    fn from_status(status: ExitStatus) -> Ending {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(signal) = status.signal() {
                return Ending::Signaled(signal);
            }
        }
        Ending::Exited(status.code().unwrap_or(1))
    }

    /// The status casefile exits with: the child's own, or 128 + the signal.
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Exited(code) => (code & 0xff) as u8,
            Ending::Signaled(signal) => (128 + signal).clamp(0, 255) as u8,
        }
    }

    /// The exit code as recorded (`null` in JSON when a signal ended the command).
    pub fn recorded_code(self) -> Option<i32> {
        match self {
            Ending::Exited(code) => Some(code),
            Ending::Signaled(_) => None,
        }
    }
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub ending: Ending,
    pub duration: Duration,
    /// Both streams in arrival order, capped (head, marker, tail), as text.
    pub output: String,
    /// How many bytes the command wrote in all.
    pub total_bytes: u64,
}

/// Why the program could not be started.
#[derive(Debug)]
pub struct SpawnError {
    pub program: String,
    pub source: std::io::Error,
}

impl std::fmt::Display for SpawnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.source.kind() {
            std::io::ErrorKind::NotFound => write!(
                f,
                "cannot run `{}`: no such program; check the name and $PATH",
                self.program
            ),
            std::io::ErrorKind::PermissionDenied => write!(
                f,
                "cannot run `{}`: permission denied; is it executable?",
                self.program
            ),
            _ => write!(f, "cannot run `{}`: {}", self.program, self.source),
        }
    }
}

impl std::error::Error for SpawnError {}

/// Run `argv` with stdin inherited and its output teed live and captured (at most `cap`
/// bytes kept); with `pty`, stdout and stderr are a pseudo-terminal. The caller holds a
/// [`SignalGuard`] around this so that Ctrl-C ends only the child.
pub fn run(argv: &[OsString], cap: u64, pty: bool) -> Result<Outcome, SpawnError> {
    let program = argv.first().cloned().unwrap_or_default();
    let spawn_error = |source| SpawnError {
        program: program.to_string_lossy().into_owned(),
        source,
    };
    let start = Instant::now();
    let mut command = Command::new(&program);
    command.args(&argv[1..]).stdin(Stdio::inherit());
    let mut terminal = None;
    if pty {
        let (master, slave) = open_pty().map_err(spawn_error)?;
        let slave_err = slave.try_clone().map_err(spawn_error)?;
        command
            .stdout(Stdio::from(slave))
            .stderr(Stdio::from(slave_err));
        terminal = Some(master);
    } else {
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    let spawned = command.spawn();
    // The command holds our copies of the terminal's child side: close them, so that reading
    // the terminal ends when the child (and whatever inherited it) is gone.
    drop(command);
    let mut child = spawned.map_err(spawn_error)?;

    let capture = Arc::new(Mutex::new(Capture::new(cap)));
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let mut readers = 0;
    if let Some(master) = terminal {
        readers += 1;
        spawn_reader(
            master,
            Sink::Stdout,
            Stream::Terminal,
            &capture,
            done.clone(),
        );
    }
    if let Some(pipe) = child.stdout.take() {
        readers += 1;
        spawn_reader(pipe, Sink::Stdout, Stream::Out, &capture, done.clone());
    }
    if let Some(pipe) = child.stderr.take() {
        readers += 1;
        spawn_reader(pipe, Sink::Stderr, Stream::Err, &capture, done.clone());
    }

    // `wait` retries on EINTR, so a caught Ctrl-C does not end it early.
    let status = child.wait();
    let duration = start.elapsed();
    let exited_at = Instant::now();
    let ending = match status {
        Ok(status) => Ending::from_status(status),
        Err(_) => Ending::Exited(1),
    };

    // Let the readers drain what is still in the pipes. A background grandchild may keep a
    // pipe open for ever: stop waiting once nothing has arrived for a moment.
    drop(done);
    let mut open_readers = readers;
    while open_readers > 0 {
        let idle = lock(&capture).last_data.elapsed().min(exited_at.elapsed());
        let Some(left) = DRAIN_GRACE.checked_sub(idle) else {
            break;
        };
        match finished.recv_timeout(left) {
            Ok(()) => open_readers -= 1,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }

    let mut capture = lock(&capture);
    capture.finish();
    Ok(Outcome {
        ending,
        duration,
        output: capture.render(),
        total_bytes: capture.total,
    })
}

/// A pseudo-terminal: (our side, the child's side), the child's side as wide as our terminal.
#[cfg(unix)]
fn open_pty() -> std::io::Result<(std::fs::File, std::fs::File)> {
    use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};
    use std::os::unix::ffi::OsStrExt as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)?;
    grantpt(&master)?;
    unlockpt(&master)?;
    let name = ptsname(&master, Vec::new())?;
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(std::ffi::OsStr::from_bytes(name.as_bytes()))?;
    if let Ok(size) = rustix::termios::tcgetwinsize(std::io::stdout()) {
        let _ = rustix::termios::tcsetwinsize(&slave, size);
    }
    Ok((std::fs::File::from(master), slave))
}

#[cfg(not(unix))]
fn open_pty() -> std::io::Result<(std::fs::File, std::fs::File)> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "--pty needs a Unix pseudo-terminal",
    ))
}

fn lock(capture: &Mutex<Capture>) -> std::sync::MutexGuard<'_, Capture> {
    // A reader that panicked leaves the buffer usable; take it anyway.
    capture
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[derive(Clone, Copy)]
enum Sink {
    Stdout,
    Stderr,
}

/// Where a piece of output came from (each has its own partial line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Out = 0,
    Err = 1,
    /// stdout and stderr merged on a pseudo-terminal (`--pty`).
    Terminal = 2,
}

fn spawn_reader(
    mut pipe: impl Read + Send + 'static,
    sink: Sink,
    stream: Stream,
    capture: &Arc<Mutex<Capture>>,
    done: std::sync::mpsc::Sender<()>,
) {
    let capture = Arc::clone(capture);
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        let mut tee_ok = true;
        loop {
            let n = match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                // A terminal whose child side is closed reads as EIO: the end.
                Err(_) => break,
            };
            let chunk = &buf[..n];
            // Record first, then show: a chunk that was shown is always recorded.
            lock(&capture).push_from(stream, chunk);
            if tee_ok {
                let written = match sink {
                    Sink::Stdout => {
                        let mut out = std::io::stdout().lock();
                        out.write_all(chunk).and_then(|()| out.flush())
                    }
                    Sink::Stderr => {
                        let mut err = std::io::stderr().lock();
                        err.write_all(chunk).and_then(|()| err.flush())
                    }
                };
                if let Err(e) = written {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        // Our reader went away (`casefile run -- yes | head`): close the
                        // child's pipe too, so it stops the way it would in a plain pipeline.
                        break;
                    }
                    tee_ok = false;
                }
            }
        }
        let _ = done.send(());
    });
}

/// The captured output: the first `cap/2` bytes, the last `cap - cap/2`, and counts.
#[derive(Debug)]
pub struct Capture {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    head_cap: usize,
    tail_cap: usize,
    /// Bytes the command wrote.
    total: u64,
    /// Bytes of record offered to head and tail (marks added, escapes removed).
    stored: u64,
    /// Each stream's line so far (indexed by [`Stream`]).
    pending: [Vec<u8>; 3],
    last_data: Instant,
}

impl Capture {
    pub fn new(cap: u64) -> Capture {
        let cap = usize::try_from(cap).unwrap_or(usize::MAX);
        let head_cap = cap / 2;
        Capture {
            head: Vec::new(),
            tail: VecDeque::new(),
            head_cap,
            tail_cap: cap - head_cap,
            total: 0,
            stored: 0,
            pending: [Vec::new(), Vec::new(), Vec::new()],
            last_data: Instant::now(),
        }
    }

    /// Record raw bytes as they are (no lines, no marks).
    pub fn push(&mut self, chunk: &[u8]) {
        self.total += chunk.len() as u64;
        self.last_data = Instant::now();
        self.keep(chunk);
    }

    /// Output from `stream`: each line it completes is recorded now, whole; the rest waits for
    /// its newline (or [`Capture::finish`]).
    pub fn push_from(&mut self, stream: Stream, chunk: &[u8]) {
        self.total += chunk.len() as u64;
        self.last_data = Instant::now();
        let mut pending = std::mem::take(&mut self.pending[stream as usize]);
        let mut rest = chunk;
        while let Some(i) = memchr::memchr(b'\n', rest) {
            pending.extend_from_slice(&rest[..=i]);
            self.keep_line(stream, &pending);
            pending.clear();
            rest = &rest[i + 1..];
        }
        pending.extend_from_slice(rest);
        if pending.len() > MAX_PENDING_LINE {
            self.keep_line(stream, &pending);
            pending.clear();
        }
        self.pending[stream as usize] = pending;
    }

    /// Record the lines still waiting for a newline (the command ended without one).
    pub fn finish(&mut self) {
        let waiting: Vec<(Stream, Vec<u8>)> = [Stream::Out, Stream::Err, Stream::Terminal]
            .into_iter()
            .map(|stream| (stream, std::mem::take(&mut self.pending[stream as usize])))
            .filter(|(_, line)| !line.is_empty())
            .collect();
        let last = waiting.len().saturating_sub(1);
        for (i, (stream, mut line)) in waiting.into_iter().enumerate() {
            // A line break between two unfinished lines; the very last stays as written.
            if i < last {
                line.push(b'\n');
            }
            self.keep_line(stream, &line);
        }
    }

    /// One line as the record keeps it: as a reader sees it, marked when from stderr.
    fn keep_line(&mut self, stream: Stream, line: &[u8]) {
        let text = terminal_text(&String::from_utf8_lossy(line));
        if stream == Stream::Err {
            let mut marked = String::with_capacity(STDERR_MARK.len() + text.len());
            marked.push_str(STDERR_MARK);
            marked.push_str(&text);
            self.keep(marked.as_bytes());
        } else {
            self.keep(text.as_bytes());
        }
    }

    fn keep(&mut self, mut chunk: &[u8]) {
        self.stored += chunk.len() as u64;
        let room = self.head_cap - self.head.len();
        if room > 0 {
            let take = room.min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
        }
        if chunk.is_empty() || self.tail_cap == 0 {
            return;
        }
        if chunk.len() >= self.tail_cap {
            self.tail.clear();
            self.tail
                .extend(chunk[chunk.len() - self.tail_cap..].iter().copied());
            return;
        }
        let overflow = (self.tail.len() + chunk.len()).saturating_sub(self.tail_cap);
        self.tail.drain(..overflow);
        self.tail.extend(chunk.iter().copied());
    }

    /// Whether some output was dropped.
    pub fn was_cut(&self) -> bool {
        self.stored > (self.head.len() + self.tail.len()) as u64
    }

    /// The output as text (invalid UTF-8 replaced). When output was cut, the head ends and
    /// the tail starts at a line boundary where one is near, so that no line (and no secret in
    /// it) is kept in part, and a marker line says how much was left out.
    pub fn render(&self) -> String {
        let tail: Vec<u8> = self.tail.iter().copied().collect();
        if !self.was_cut() {
            let mut all = self.head.clone();
            all.extend_from_slice(&tail);
            return String::from_utf8_lossy(&all).into_owned();
        }
        let head = match self.head.iter().rposition(|&b| b == b'\n') {
            Some(i) => &self.head[..=i],
            None => &self.head[..],
        };
        let tail = match tail.iter().position(|&b| b == b'\n') {
            Some(i) if i + 1 < tail.len() => &tail[i + 1..],
            _ => &tail[..],
        };
        let kept = (head.len() + tail.len()) as u64;
        let cut = self.stored - kept;
        let mut text = String::from_utf8_lossy(head).into_owned();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "[… casefile cut {cut} bytes of {} here (run output_cap) …]\n",
            self.stored
        ));
        text.push_str(&String::from_utf8_lossy(tail));
        text
    }
}

/// Output as a reader of the record wants it, not as a terminal drew it: colour and other
/// escape sequences removed, a line redrawn after `\r` (a progress bar) kept as its last
/// drawing, and `\r\n` read as `\n`. The live output is not touched.
pub fn terminal_text(raw: &str) -> String {
    if !raw.contains(['\x1b', '\r', '\x07']) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut line_start = 0;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.peek().copied() {
                // CSI: parameter and intermediate bytes, then one final byte.
                Some('[') => {
                    chars.next();
                    while let Some(&n) = chars.peek() {
                        if !(' '..='~').contains(&n) {
                            break;
                        }
                        chars.next();
                        if ('@'..='~').contains(&n) {
                            break;
                        }
                    }
                }
                // OSC (titles, hyperlinks): up to BEL or ESC \.
                Some(']') => {
                    chars.next();
                    while let Some(n) = chars.next() {
                        if n == '\x07' || n == '\n' {
                            if n == '\n' {
                                out.push('\n');
                                line_start = out.len();
                            }
                            break;
                        }
                        if n == '\x1b' {
                            if chars.peek() == Some(&'\\') {
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                Some(n) if (' '..='~').contains(&n) => {
                    chars.next();
                }
                _ => {}
            },
            '\r' => {
                if chars.peek() != Some(&'\n') && chars.peek().is_some() {
                    out.truncate(line_start);
                }
            }
            '\n' => {
                out.push('\n');
                line_start = out.len();
            }
            '\x07' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Catches SIGINT, SIGTERM, SIGQUIT and SIGHUP with a do-nothing handler until dropped.
pub struct SignalGuard {
    #[cfg(unix)]
    saved: Vec<(libc::c_int, libc::sigaction)>,
}

#[cfg(unix)]
extern "C" fn ignore_signal(_: libc::c_int) {}

impl SignalGuard {
    pub fn install() -> SignalGuard {
        #[cfg(unix)]
        {
            let mut saved = Vec::new();
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGQUIT, libc::SIGHUP] {
                // SAFETY: sigaction with a zeroed struct, an empty mask and a handler that
                // touches nothing (it is async-signal-safe by doing nothing).
                unsafe {
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(signal, std::ptr::null(), &mut old) != 0 {
                        continue;
                    }
                    if old.sa_sigaction == libc::SIG_IGN {
                        // Ignored from the start (nohup): the child inherits that; keep it.
                        continue;
                    }
                    let mut new: libc::sigaction = std::mem::zeroed();
                    new.sa_sigaction = ignore_signal as extern "C" fn(libc::c_int) as usize;
                    new.sa_flags = libc::SA_RESTART;
                    libc::sigemptyset(&mut new.sa_mask);
                    if libc::sigaction(signal, &new, std::ptr::null_mut()) == 0 {
                        saved.push((signal, old));
                    }
                }
            }
            SignalGuard { saved }
        }
        #[cfg(not(unix))]
        {
            SignalGuard {}
        }
    }
}

impl Drop for SignalGuard {
    fn drop(&mut self) {
        #[cfg(unix)]
        for (signal, old) in &self.saved {
            // SAFETY: restoring the action saved by `install`.
            unsafe {
                libc::sigaction(*signal, old, std::ptr::null_mut());
            }
        }
    }
}

/// A duration for people: `120 ms`, `2.3 s`, `4 min 5 s`, `1 h 2 min`.
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms < 60_000 {
        format!("{:.1} s", d.as_secs_f64())
    } else if ms < 3_600_000 {
        let s = d.as_secs();
        format!("{} min {} s", s / 60, s % 60)
    } else {
        let s = d.as_secs();
        format!("{} h {} min", s / 3600, (s % 3600) / 60)
    }
}

/// The name of a signal (`SIGTERM`), or its number.
pub fn signal_name(signal: i32) -> String {
    #[cfg(unix)]
    {
        let name = match signal {
            libc::SIGHUP => "SIGHUP",
            libc::SIGINT => "SIGINT",
            libc::SIGQUIT => "SIGQUIT",
            libc::SIGILL => "SIGILL",
            libc::SIGABRT => "SIGABRT",
            libc::SIGFPE => "SIGFPE",
            libc::SIGKILL => "SIGKILL",
            libc::SIGSEGV => "SIGSEGV",
            libc::SIGPIPE => "SIGPIPE",
            libc::SIGALRM => "SIGALRM",
            libc::SIGTERM => "SIGTERM",
            libc::SIGBUS => "SIGBUS",
            libc::SIGUSR1 => "SIGUSR1",
            libc::SIGUSR2 => "SIGUSR2",
            _ => "",
        };
        if !name.is_empty() {
            return name.to_string();
        }
    }
    format!("signal {signal}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_output_is_kept_whole() {
        let mut c = Capture::new(100);
        c.push(b"hello ");
        c.push(b"world\n");
        assert!(!c.was_cut());
        assert_eq!(c.render(), "hello world\n");
    }

    #[test]
    fn lines_are_kept_whole_in_the_order_they_were_completed() {
        let mut c = Capture::new(1000);
        // stdout starts a line, stderr writes a whole one, stdout finishes its line.
        c.push_from(Stream::Out, b"tick");
        c.push_from(Stream::Err, b"err 0\n");
        c.push_from(Stream::Out, b" 0\ntock");
        c.push_from(Stream::Err, b"err");
        c.push_from(Stream::Err, b" 1\n");
        c.push_from(Stream::Out, b" 1\n");
        c.finish();
        assert_eq!(
            c.render(),
            "[stderr] err 0\ntick 0\n[stderr] err 1\ntock 1\n"
        );
        assert_eq!(c.total, 26);
    }

    #[test]
    fn unfinished_lines_are_kept_at_the_end() {
        let mut c = Capture::new(1000);
        c.push_from(Stream::Out, b"done\nwaiting...");
        c.push_from(Stream::Err, b"warn: slow");
        c.finish();
        assert_eq!(c.render(), "done\nwaiting...\n[stderr] warn: slow");
        let mut c = Capture::new(1000);
        c.push_from(Stream::Out, b"no newline");
        c.finish();
        assert_eq!(c.render(), "no newline");
    }

    #[test]
    fn each_line_is_cleaned_before_it_is_marked() {
        let mut c = Capture::new(1000);
        c.push_from(
            Stream::Err,
            b"fetch 10%\rfetch 100%\n\x1b[31merror\x1b[0m: boom\r\n",
        );
        c.push_from(Stream::Terminal, b"on a tty\r\n");
        c.finish();
        assert_eq!(
            c.render(),
            "[stderr] fetch 100%\n[stderr] error: boom\non a tty\n"
        );
    }

    #[test]
    fn a_partial_line_without_end_is_recorded_past_the_limit() {
        let mut c = Capture::new(10 * MAX_PENDING_LINE as u64);
        let bar = vec![b'#'; MAX_PENDING_LINE + 1];
        c.push_from(Stream::Out, &bar);
        assert!(c.pending[0].is_empty());
        assert_eq!(c.head.len(), MAX_PENDING_LINE + 1);
    }

    #[test]
    fn exactly_the_cap_is_kept_whole() {
        let mut c = Capture::new(10);
        c.push(b"0123456789");
        assert!(!c.was_cut());
        assert_eq!(c.render(), "0123456789");
    }

    #[test]
    fn big_output_keeps_head_and_tail_at_line_boundaries() {
        let mut c = Capture::new(40);
        for i in 0..100 {
            c.push(format!("line {i:03}\n").as_bytes());
        }
        assert!(c.was_cut());
        let text = c.render();
        assert!(text.starts_with("line 000\nline 001\n"), "{text}");
        assert!(text.ends_with("line 098\nline 099\n"), "{text}");
        assert!(text.contains("casefile cut"), "{text}");
        // Every kept line is whole.
        for line in text.lines().filter(|l| !l.contains("casefile cut")) {
            assert_eq!(line.len(), 8, "partial line {line:?} in {text}");
        }
        let total = 100 * 9;
        assert!(text.contains(&format!("of {total} here")), "{text}");
    }

    #[test]
    fn one_huge_chunk_is_capped() {
        let mut c = Capture::new(10);
        c.push(&[b'x'; 1000]);
        assert_eq!(c.head.len(), 5);
        assert_eq!(c.tail.len(), 5);
        assert_eq!(c.total, 1000);
    }

    #[test]
    fn a_zero_cap_keeps_only_the_marker() {
        let mut c = Capture::new(0);
        c.push(b"abc\n");
        assert_eq!(
            c.render(),
            "[… casefile cut 4 bytes of 4 here (run output_cap) …]\n"
        );
    }

    #[test]
    fn terminal_text_drops_escapes_and_redrawn_lines() {
        assert_eq!(terminal_text("plain\ntext\n"), "plain\ntext\n");
        assert_eq!(terminal_text("\x1b[1;32mok\x1b[0m test\r\n"), "ok test\n");
        assert_eq!(
            terminal_text("fetch 10%\rfetch 50%\rfetch 100%\ndone\n"),
            "fetch 100%\ndone\n"
        );
        assert_eq!(
            terminal_text("\x1b]8;;http://x\x07link\x1b]8;;\x1b\\ here\n"),
            "link here\n"
        );
        assert_eq!(terminal_text("a\x1b[2Kb\x07c"), "abc");
        assert_eq!(terminal_text("trailing\r"), "trailing");
        assert_eq!(terminal_text("cut \x1b["), "cut ");
        assert_eq!(terminal_text("é\x1b[31mü\n"), "éü\n");
    }

    #[test]
    fn exit_codes() {
        assert_eq!(Ending::Exited(3).exit_code(), 3);
        assert_eq!(Ending::Signaled(15).exit_code(), 143);
        assert_eq!(Ending::Signaled(15).recorded_code(), None);
        assert_eq!(Ending::Exited(0).recorded_code(), Some(0));
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(Duration::from_millis(120)), "120 ms");
        assert_eq!(human_duration(Duration::from_millis(2345)), "2.3 s");
        assert_eq!(human_duration(Duration::from_secs(245)), "4 min 5 s");
        assert_eq!(human_duration(Duration::from_secs(3720)), "1 h 2 min");
    }
}

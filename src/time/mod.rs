//! Time handling for casefile: reading user-written times (`--at`, `--since`),
//! the configured time zone, and the stored / displayed forms of timestamps.
//!
//! * this module: the ISO/RFC 3339 and relative forms, zones, storage formats;
//! * `logs`: times as logs, mail and trackers print them (dtparse), [`abbrev`] their zone
//!   abbreviations;
//! * `find`: the first timestamp in a text (`--at-text`);
//! * [`view`]: the one rule for showing times in views (the viewer's zone, `*` for another
//!   written offset); every view formats times through it.
//!
//! Rules (from the contract):
//! * Every time keeps the offset it was written with; instants are compared in
//!   UTC (see [`unix_ms`]).
//! * A time written without an offset is read in the configured zone ([`Zone`]).
//! * Bad input gets one error line that lists the accepted forms.
//!
//! Why chrono goes first: `interim` (the natural-language parser we use for
//! `10m ago`, `yesterday 14:00`, …) converts every result into the zone of its
//! base time, so `2016-04-06T15:01:11-04:00` parsed with a New York base in
//! winter comes back as `…10:01:11-05:00` — same instant, but the offset the
//! user wrote is lost. It is also lenient in ways we do not want (`25:00` rolls
//! over to 01:00 the next day, a bare `5` is the year 0005). So every absolute
//! form is parsed with chrono format strings first, keeping the written offset
//! and using our own DST rules; interim is only the fallback for relative and
//! English forms (the same order jj uses in `lib/src/time_util.rs`).
//!
//! DST rules for a wall-clock time without an offset:
//! * in a gap (spring forward, e.g. 2026-03-08 02:30 in America/New_York) the
//!   time does not exist: we return [`TimeError::Nonexistent`] rather than
//!   silently shifting it, since a journal time that is an hour off is worse
//!   than asking the user to add an offset;
//! * in an overlap (fall back, e.g. 2026-11-01 01:30 in America/New_York) we
//!   pick the earlier occurrence (-04:00), as interim does; an explicit offset
//!   selects the other one.

use std::fmt;

pub mod abbrev;
mod find;
mod logs;
pub use find::first_timestamp;
pub mod view;

use chrono::{
    DateTime, Datelike, FixedOffset, Local, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    SecondsFormat, TimeZone, Utc,
};

/// The accepted `--at` forms, as listed in error messages (and usable in help).
pub const ACCEPTED_FORMS: &str = "RFC 3339 (2016-04-06T15:01:11.123-04:00), \
     YYYY-MM-DD HH:MM[:SS[.mmm|,mmm]] [±HH:MM|Z|UTC-4|EDT|America/New_York], \
     HH:MM[:SS] [zone] (today), RFC 2822 (Mon, 26 Aug 2019 07:31:18 -0400), \
     ctime (Wed Apr 6 15:01:11 2016), nginx (06/Apr/2016:15:01:11 -0400), \
     syslog (Dec  2 12:31:02), Sep 20 2017, 11:02 AM, epoch seconds or milliseconds, \
     or a relative form (10m ago, 2h ago, yesterday 14:00)";

/// How far ahead of now a time may be before a write warns that it is in the future (clocks
/// of different hosts disagree by a little; a syslog date without a year uses the same slack).
pub const FUTURE_GRACE_MINUTES: i64 = 5;

/// The moment times are read against (`10m ago`, today, a syslog line's year, the future
/// warning): now, or `CASEFILE_NOW` (RFC 3339) when set, so that tests and reproductions can
/// fix it. Only reading a time calls this: a write without `--at` never does.
pub fn reference_now() -> DateTime<Utc> {
    std::env::var("CASEFILE_NOW")
        .ok()
        .and_then(|v| DateTime::parse_from_rfc3339(v.trim()).ok())
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// The warning for a time more than [`FUTURE_GRACE_MINUTES`] after `now` (it is still
/// written: a clock may be wrong, and the user may mean it).
pub fn future_warning(t: &DateTime<FixedOffset>, now: DateTime<Utc>) -> Option<String> {
    let ahead = t.with_timezone(&Utc) - now;
    (ahead > chrono::Duration::minutes(FUTURE_GRACE_MINUTES)).then(|| {
        format!(
            "warning: {} is {} in the future; written anyway (check the date and zone)",
            format_written(t),
            humanize_duration(ahead)
        )
    })
}

/// Errors from reading times and zones. Every message is a single line.
#[derive(Debug, thiserror::Error)]
pub enum TimeError {
    /// The input matched none of the accepted forms (or was empty).
    #[error("cannot read {input:?} as a time; use {}", ACCEPTED_FORMS)]
    Unreadable {
        /// The trimmed input.
        input: String,
    },
    /// A wall-clock time that the zone skips (DST gap).
    #[error(
        "{input:?} does not exist in {zone} (the clocks skip it for daylight saving time); \
         use another time or give an offset such as -05:00"
    )]
    Nonexistent {
        /// The trimmed input.
        input: String,
        /// The zone's name (see [`Zone::name`]).
        zone: String,
    },
    /// A zone abbreviation used for more than one offset.
    #[error(
        "{abbreviation} in {input:?} is ambiguous ({choices}); write the offset (-05:00) \
         or a zone name (America/Chicago) instead"
    )]
    AmbiguousZone {
        /// The trimmed input.
        input: String,
        /// The abbreviation (`IST`).
        abbreviation: String,
        /// Its meanings, `+05:30 India Standard Time, …`.
        choices: String,
    },
    /// The configured `timezone` is not an IANA zone name.
    #[error("unknown time zone {name:?}: timezone must be an IANA zone name such as America/New_York or UTC")]
    UnknownZone {
        /// The configured value.
        name: String,
    },
    /// A time that RFC 3339 cannot store (outside the years 0000 to 9999).
    #[error("{input:?} is outside the years 0000 to 9999")]
    OutOfRange {
        /// The trimmed input.
        input: String,
    },
    /// A stored timestamp that is not RFC 3339 (corrupt data, not user input).
    #[error("stored time {value:?} is not RFC 3339: {reason}")]
    BadStored {
        /// The stored text.
        value: String,
        /// What chrono objected to.
        reason: chrono::ParseError,
    },
}

/// The zone in which times without an offset are read.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Zone {
    /// The system's local zone via `chrono::Local` (honours the `TZ` variable).
    #[default]
    Local,
    /// An IANA zone from the configuration.
    Named(chrono_tz::Tz),
}

impl Zone {
    /// Parse an IANA name (`America/New_York`, `UTC`); error names the value and
    /// says it must be an IANA zone name.
    pub fn parse(name: &str) -> Result<Zone, TimeError> {
        name.trim()
            .parse::<chrono_tz::Tz>()
            .map(Zone::Named)
            .map_err(|_| TimeError::UnknownZone {
                name: name.to_string(),
            })
    }

    /// The current time in this zone, with its offset.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.from_utc(Utc::now())
    }

    /// Convert an instant to this zone's wall clock, keeping the offset.
    pub fn from_utc(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self {
            Zone::Local => t.with_timezone(&Local).fixed_offset(),
            Zone::Named(tz) => t.with_timezone(tz).fixed_offset(),
        }
    }

    /// A label for messages: the IANA name, or for `Local` the `TZ` variable or
    /// the system zone name when they can be found (best effort, display only).
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_string(),
            Zone::Local => std::env::var("TZ")
                .ok()
                .map(|v| v.trim_start_matches(':').to_string())
                .filter(|v| !v.is_empty())
                .or_else(|| iana_time_zone::get_timezone().ok())
                .unwrap_or_else(|| "the local time zone".to_string()),
        }
    }

    /// Read a wall-clock time in this zone (see the DST rules in the header).
    pub(crate) fn resolve(
        &self,
        naive: NaiveDateTime,
        input: &str,
    ) -> Result<DateTime<FixedOffset>, TimeError> {
        let found = match self {
            Zone::Local => map_local(Local.from_local_datetime(&naive)),
            Zone::Named(tz) => map_local(tz.from_local_datetime(&naive)),
        };
        found.ok_or_else(|| TimeError::Nonexistent {
            input: input.to_string(),
            zone: self.name(),
        })
    }

    /// The calendar date of `now` in this zone (what "today" means).
    pub(crate) fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        self.from_utc(now).date_naive()
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// Earliest match of a local-time lookup, as a fixed offset; `None` in a gap.
fn map_local<Tz: TimeZone>(r: LocalResult<DateTime<Tz>>) -> Option<DateTime<FixedOffset>> {
    r.earliest().map(|t| t.fixed_offset())
}

/// Date-time layouts tried with chrono, each with an explicit offset appended
/// (`%#z` takes `Z`, `+02:00`, `-0400`, `+05`, with or without a space before)
/// or without one (then read in the zone). `%.f` takes optional fractions.
pub(crate) const DATE_TIME_FORMATS: [&str; 4] = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
];

/// Parse a user-written time (`--at`, `--since`) relative to `now`, in `zone`.
///
/// Order: RFC 3339, then `YYYY-MM-DD[ T]HH:MM[:SS]` with an offset (kept as
/// written), then the same without an offset, `YYYY-MM-DD` (midnight) and
/// `HH:MM[:SS]` (today) read in `zone`, then interim for relative/English
/// forms (`now`, `10m ago`, `3 days ago`, `yesterday 14:00`, `last friday`…).
/// Times in the future are allowed.
pub fn parse_time(
    input: &str,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<DateTime<FixedOffset>, TimeError> {
    let t = parse_any(input.trim(), now, zone)?;
    // RFC 3339 (our storage form) has four-digit years; `9999 years ago` does not fit.
    if (0..=9999).contains(&t.year()) && (0..=9999).contains(&t.with_timezone(&Utc).year()) {
        Ok(t)
    } else {
        Err(TimeError::OutOfRange {
            input: input.trim().to_string(),
        })
    }
}

/// [`parse_time`] without the range check; `s` is already trimmed.
fn parse_any(s: &str, now: DateTime<Utc>, zone: &Zone) -> Result<DateTime<FixedOffset>, TimeError> {
    let unreadable = || TimeError::Unreadable {
        input: s.to_string(),
    };
    if s.is_empty() {
        return Err(unreadable());
    }

    // Absolute forms with a written offset: keep it exactly.
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    for f in DATE_TIME_FORMATS {
        if let Ok(t) = DateTime::parse_from_str(s, &format!("{f}%#z")) {
            return Ok(t);
        }
    }

    // Absolute forms without an offset: wall clock in the configured zone.
    for f in DATE_TIME_FORMATS {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, f) {
            return zone.resolve(naive, s);
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return zone.resolve(date.and_time(NaiveTime::MIN), s);
    }
    for f in ["%H:%M", "%H:%M:%S"] {
        if let Ok(time) = NaiveTime::parse_from_str(s, f) {
            return zone.resolve(zone.today(now).and_time(time), s);
        }
    }

    // Times as logs, mail and trackers print them.
    if let Some(t) = logs::parse(s, now, zone)? {
        return Ok(t);
    }

    // Relative and English forms.
    parse_interim(s, now, zone).ok_or_else(unreadable)
}

/// interim's dialect: only matters for slash dates (`04/06/16` is April 6) and
/// `next friday` (the coming Friday). Same choice as jj.
const DIALECT: interim::Dialect = interim::Dialect::Us;

/// The interim fallback, behind guards for its leniencies and a panic.
fn parse_interim(s: &str, now: DateTime<Utc>, zone: &Zone) -> Option<DateTime<FixedOffset>> {
    // interim 0.2.2 panics (`Lowercase::literal` assert in `parse_time`) when
    // the word after an hour has an uppercase letter (`9PM`) or is 16+ letters
    // long. It matches words case-insensitively anyway, so lowercase the input,
    // and refuse long words (no word it knows is longer than 9 letters).
    let s = s.to_ascii_lowercase();
    let long_word = s
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 16);
    // It would also read a bare number as a year ("5" -> 0005-01-01) and roll
    // hours past 23 over to the next day ("25:00", "13pm"); refuse those too.
    if long_word || s.chars().all(|c| c.is_ascii_digit()) || has_bad_clock(&s) {
        return None;
    }
    let parsed = match zone {
        Zone::Local => interim::parse_date_string(&s, now.with_timezone(&Local), DIALECT)
            .map(|t| t.fixed_offset()),
        Zone::Named(tz) => {
            interim::parse_date_string(&s, now.with_timezone(tz), DIALECT).map(|t| t.fixed_offset())
        }
    };
    parsed.ok()
}

/// True if lowercased `s` has a clock-like token interim would roll over: an
/// `H:MM[:SS]` or `H.MM` hour above 23, minutes/seconds above 59, or a 12-hour
/// `Ham`/`H:MM pm` hour outside 1..=12.
pub(crate) fn has_bad_clock(s: &str) -> bool {
    let bytes = s.as_bytes();
    let clockish = |b: u8| b.is_ascii_digit() || b == b':' || b == b'.';
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && clockish(bytes[i]) {
            i += 1;
        }
        // Both ends are at ASCII bytes, so these are char boundaries.
        let tok = s.get(start..i).unwrap_or("");
        let rest = s.get(i..).unwrap_or("").trim_start();
        let twelve_hour = rest.starts_with("am") || rest.starts_with("pm");
        if !(twelve_hour || tok.contains([':', '.'])) {
            continue; // a plain number: a count, a year, a day
        }
        let bad = tok.split([':', '.']).enumerate().any(|(k, part)| {
            let ok = match (k, twelve_hour) {
                (0, true) => 1..=12,
                (0, false) => 0..=23,
                _ => 0..=59,
            };
            // Too many digits to parse is out of range too; empty is interim's call.
            !part.is_empty() && !part.parse::<u64>().is_ok_and(|n| ok.contains(&n))
        });
        if bad {
            return true;
        }
    }
    false
}

/// RFC 3339 with seconds and the original offset (`2016-04-06T15:01:11-04:00`;
/// UTC as `+00:00`). Sub-second precision is dropped (use [`unix_ms`] for
/// ordering within a second). RFC 3339 offsets are whole minutes; an offset
/// with seconds (tz database local mean time before ~1900, e.g. New York's
/// -04:56:02) is written as UTC so the instant survives the round trip.
pub fn format_rfc3339(t: &DateTime<FixedOffset>) -> String {
    if t.offset().local_minus_utc() % 60 != 0 {
        return t
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, false);
    }
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A time as the user wrote it, for storage: RFC 3339 with the written offset, and with
/// milliseconds when it has any (two log lines in the same second stay ordered; `unix_ms`
/// orders them in SQL). Offsets with seconds are written as UTC, as in [`format_rfc3339`].
pub fn format_written(t: &DateTime<FixedOffset>) -> String {
    if t.timestamp_subsec_millis() == 0 {
        return format_rfc3339(t);
    }
    if t.offset().local_minus_utc() % 60 != 0 {
        return t
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Millis, false);
    }
    t.to_rfc3339_opts(SecondsFormat::Millis, false)
}

/// Parse what [`format_rfc3339`] wrote (stored values) back. Any RFC 3339
/// string is accepted, including fractional seconds and `Z`.
pub fn parse_stored(s: &str) -> Result<DateTime<FixedOffset>, TimeError> {
    DateTime::parse_from_rfc3339(s.trim()).map_err(|reason| TimeError::BadStored {
        value: s.to_string(),
        reason,
    })
}

/// Short human form for tables/status: `2026-11-24 14:03 -05:00`.
pub fn format_short(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// Human age/duration, the two largest units at most: `45s`, `12m`, `3h 5m`,
/// `2d 4h`, `3w`, `3w 2d`, `1y 6w`. A zero lower unit is left out (`3h`, not
/// `3h 0m`); negative durations get a leading `-`.
pub fn humanize_duration(d: chrono::Duration) -> String {
    const MIN: u64 = 60;
    const HOUR: u64 = 60 * MIN;
    const DAY: u64 = 24 * HOUR;
    const WEEK: u64 = 7 * DAY;
    const YEAR: u64 = 365 * DAY;
    let secs = d.num_seconds();
    let sign = if secs < 0 { "-" } else { "" };
    let n = secs.unsigned_abs();
    let two = |big: u64, big_unit: &str, small: u64, small_unit: &str| {
        let (a, b) = (n / big, (n % big) / small);
        if b == 0 {
            format!("{sign}{a}{big_unit}")
        } else {
            format!("{sign}{a}{big_unit} {b}{small_unit}")
        }
    };
    match n {
        n if n < MIN => format!("{sign}{n}s"),
        n if n < HOUR => format!("{sign}{}m", n / MIN),
        n if n < DAY => two(HOUR, "h", MIN, "m"),
        n if n < WEEK => two(DAY, "d", HOUR, "h"),
        n if n < YEAR => two(WEEK, "w", DAY, "d"),
        _ => two(YEAR, "y", WEEK, "w"),
    }
}

/// A stored time with date, seconds and its written offset: `2026-11-18 09:12:04 -05:00`.
pub fn format_full(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

/// The span between two moments, for a window: `between 09:12:04 and 09:40:51 -05:00 (28m)`
/// when both are on the same day in the same offset, else each in full.
pub fn format_span(from: &DateTime<FixedOffset>, to: &DateTime<FixedOffset>) -> String {
    let length = humanize_duration((*to - *from).abs());
    if from.offset() == to.offset() && from.date_naive() == to.date_naive() {
        format!(
            "between {} and {} on {} ({length})",
            from.format("%H:%M:%S"),
            to.format("%H:%M:%S %:z"),
            to.format("%Y-%m-%d")
        )
    } else {
        format!(
            "between {} and {} ({length})",
            format_full(from),
            format_full(to)
        )
    }
}

/// Unix milliseconds of the instant (for ordering in SQL).
pub fn unix_ms(t: &DateTime<FixedOffset>) -> i64 {
    t.timestamp_millis()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ny() -> Zone {
        Zone::parse("America/New_York").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// A fixed "now": 2026-01-15 12:00 in New York (-05:00).
    fn now() -> DateTime<Utc> {
        utc("2026-01-15T17:00:00Z")
    }

    /// Parse in New York at the fixed now, and render as RFC 3339.
    fn p(s: &str) -> String {
        format_rfc3339(&parse_time(s, now(), &ny()).unwrap())
    }

    fn assert_unreadable(s: &str) {
        let err = parse_time(s, now(), &ny()).unwrap_err();
        assert!(
            matches!(err, TimeError::Unreadable { .. }),
            "{s:?}: {err:?}"
        );
        let msg = err.to_string();
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.contains(&format!("{:?}", s.trim())), "{msg}");
        assert!(msg.contains(ACCEPTED_FORMS), "{msg}");
    }

    #[test]
    fn rfc3339_keeps_offset_and_instant() {
        for (s, want_utc) in [
            ("2016-04-06T15:01:11-04:00", "2016-04-06T19:01:11Z"),
            ("2016-04-06T15:01:11+05:30", "2016-04-06T09:31:11Z"),
            ("2016-04-06T15:01:11Z", "2016-04-06T15:01:11Z"),
            ("2016-04-06T15:01:11.250+02:00", "2016-04-06T13:01:11.250Z"),
        ] {
            let t = parse_time(s, now(), &ny()).unwrap();
            assert_eq!(t, DateTime::parse_from_rfc3339(s).unwrap());
            assert_eq!(
                t.offset(),
                DateTime::parse_from_rfc3339(s).unwrap().offset()
            );
            assert_eq!(t.with_timezone(&Utc), utc(want_utc), "{s}");
        }
        // Written offset kept even though New York is -05:00 in January.
        assert_eq!(p("2016-04-06T15:01:11-04:00"), "2016-04-06T15:01:11-04:00");
        assert_eq!(p("2016-04-06T15:01:11Z"), "2016-04-06T15:01:11+00:00");
        assert_eq!(
            p("  2016-04-06T15:01:11+05:30 \n"),
            "2016-04-06T15:01:11+05:30"
        );
    }

    #[test]
    fn date_time_with_offset() {
        for (s, want) in [
            ("2026-01-05 10:00Z", "2026-01-05T10:00:00+00:00"),
            ("2026-01-05 10:00 Z", "2026-01-05T10:00:00+00:00"),
            ("2026-01-05 10:00+02:00", "2026-01-05T10:00:00+02:00"),
            ("2026-01-05 10:00 +02:00", "2026-01-05T10:00:00+02:00"),
            ("2026-01-05 10:00:30-04:00", "2026-01-05T10:00:30-04:00"),
            ("2026-01-05 10:00:30 -04:00", "2026-01-05T10:00:30-04:00"),
            ("2026-01-05 10:00-0400", "2026-01-05T10:00:00-04:00"),
            ("2026-01-05 10:00 +0530", "2026-01-05T10:00:00+05:30"),
            ("2026-01-05T10:00+02:00", "2026-01-05T10:00:00+02:00"),
            ("2026-01-05T10:00:30Z", "2026-01-05T10:00:30+00:00"),
            ("2026-01-05 10:00:30 Z", "2026-01-05T10:00:30+00:00"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
    }

    #[test]
    fn naive_forms_read_in_zone() {
        // New York: winter -05:00, summer -04:00.
        assert_eq!(p("2026-01-05 10:00"), "2026-01-05T10:00:00-05:00");
        assert_eq!(p("2026-07-05 10:00:30"), "2026-07-05T10:00:30-04:00");
        assert_eq!(p("2026-07-05T10:00"), "2026-07-05T10:00:00-04:00");
        assert_eq!(p("2026-07-05"), "2026-07-05T00:00:00-04:00");
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        let t = parse_time("2026-07-05 10:00", now(), &kolkata).unwrap();
        assert_eq!(format_rfc3339(&t), "2026-07-05T10:00:00+05:30");
        assert_eq!(t.with_timezone(&Utc), utc("2026-07-05T04:30:00Z"));
        let z = Zone::parse("UTC").unwrap();
        assert_eq!(
            format_rfc3339(&parse_time("2026-07-05 10:00", now(), &z).unwrap()),
            "2026-07-05T10:00:00+00:00"
        );
    }

    #[test]
    fn dst_gap_is_an_error() {
        let err = parse_time("2026-03-08 02:30", now(), &ny()).unwrap_err();
        assert!(matches!(err, TimeError::Nonexistent { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(msg.contains("does not exist in America/New_York"), "{msg}");
        assert!(!msg.contains('\n'));
        // With an offset it is fine.
        assert_eq!(p("2026-03-08 02:30-05:00"), "2026-03-08T02:30:00-05:00");
        // Either side of the gap.
        assert_eq!(p("2026-03-08 01:59"), "2026-03-08T01:59:00-05:00");
        assert_eq!(p("2026-03-08 03:00"), "2026-03-08T03:00:00-04:00");
    }

    #[test]
    fn dst_overlap_picks_earlier() {
        let t = parse_time("2026-11-01 01:30", now(), &ny()).unwrap();
        assert_eq!(format_rfc3339(&t), "2026-11-01T01:30:00-04:00");
        assert_eq!(t.with_timezone(&Utc), utc("2026-11-01T05:30:00Z"));
        // The later occurrence is reachable with an explicit offset.
        assert_eq!(p("2026-11-01 01:30 -05:00"), "2026-11-01T01:30:00-05:00");
    }

    #[test]
    fn clock_time_is_today_in_zone() {
        assert_eq!(p("14:00"), "2026-01-15T14:00:00-05:00");
        assert_eq!(p("09:05:07"), "2026-01-15T09:05:07-05:00");
        // 03:00Z on the 15th is still the 14th in New York.
        let late = utc("2026-01-15T03:00:00Z");
        let t = parse_time("14:00", late, &ny()).unwrap();
        assert_eq!(format_rfc3339(&t), "2026-01-14T14:00:00-05:00");
        // ...but already the 15th in Kolkata.
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        let t = parse_time("14:00", late, &kolkata).unwrap();
        assert_eq!(format_rfc3339(&t), "2026-01-15T14:00:00+05:30");
        // Future times are allowed.
        assert_eq!(p("23:59"), "2026-01-15T23:59:00-05:00");
    }

    #[test]
    fn relative_forms() {
        assert_eq!(p("now"), "2026-01-15T12:00:00-05:00");
        assert_eq!(p("10m ago"), "2026-01-15T11:50:00-05:00");
        assert_eq!(p("10 minutes ago"), "2026-01-15T11:50:00-05:00");
        assert_eq!(p("2h ago"), "2026-01-15T10:00:00-05:00");
        assert_eq!(p("3d ago"), "2026-01-12T12:00:00-05:00");
        assert_eq!(p("3 days ago"), "2026-01-12T12:00:00-05:00");
        assert_eq!(p("yesterday 14:00"), "2026-01-14T14:00:00-05:00");
        assert_eq!(p("  Yesterday 14:00  "), "2026-01-14T14:00:00-05:00");
        // Across the spring-forward change: 2h before 03:30 EDT is 00:30 EST.
        let after = utc("2026-03-08T07:30:00Z");
        let t = parse_time("2h ago", after, &ny()).unwrap();
        assert_eq!(format_rfc3339(&t), "2026-03-08T00:30:00-05:00");
        // `yesterday` is in the zone: New York's yesterday at 03:00Z on the 15th
        // is the 13th.
        let t = parse_time("yesterday 14:00", utc("2026-01-15T03:00:00Z"), &ny()).unwrap();
        assert_eq!(format_rfc3339(&t), "2026-01-13T14:00:00-05:00");
    }

    #[test]
    fn bad_input_lists_forms() {
        for s in [
            "",
            "   ",
            "abc",
            "tomorrowish",
            "25:00",
            "24:00",
            "yesterday 25:00",
            "14:75",
            "2026-13-01 10:00",
            "2026-01-05 25:00",
            "5",
            "2016",
            "2026-01-05 10:00 +25:00",
            "2026-01-05 10:00+05:30x",
            // interim would roll these over to another hour or day
            "13pm",
            "yesterday 0am",
            "25.00",
        ] {
            assert_unreadable(s);
        }
        let msg = parse_time("tomorrowish", now(), &ny())
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            format!("cannot read \"tomorrowish\" as a time; use {ACCEPTED_FORMS}")
        );
        for form in [
            "RFC 3339",
            "RFC 2822",
            "ctime",
            "nginx",
            "syslog",
            "Sep 20 2017, 11:02 AM",
            "epoch",
            "America/New_York",
            "10m ago",
        ] {
            assert!(msg.contains(form), "{form}: {msg}");
        }
        // Control characters are escaped, so the message stays on one line.
        assert_unreadable("a\nb");
    }

    #[test]
    fn interim_workarounds() {
        // Uppercase or very long words after an hour panic inside interim 0.2.2.
        assert_eq!(p("yesterday 9PM"), "2026-01-14T21:00:00-05:00");
        assert_eq!(p("9Pm"), "2026-01-15T21:00:00-05:00");
        assert_unreadable("9abcdefghijklmnopq");
        assert_unreadable("s0T");
        assert_eq!(p("yesterday 9.30pm"), "2026-01-14T21:30:00-05:00");
        // Years RFC 3339 cannot hold.
        let err = parse_time("9999 years ago", now(), &ny()).unwrap_err();
        assert!(matches!(err, TimeError::OutOfRange { .. }), "{err:?}");
        // Local mean time offsets have seconds: stored as UTC, same instant.
        let t = parse_time("1800-01-01 00:00", now(), &ny()).unwrap();
        assert_eq!(t.offset().local_minus_utc(), -(4 * 3600 + 56 * 60 + 2));
        assert_eq!(parse_stored(&format_rfc3339(&t)).unwrap(), t);
    }

    #[test]
    fn zone_parse() {
        assert_eq!(ny(), Zone::Named(chrono_tz::America::New_York));
        assert_eq!(Zone::parse("UTC").unwrap(), Zone::Named(chrono_tz::UTC));
        let err = Zone::parse("Mars/Olympus").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("\"Mars/Olympus\""), "{msg}");
        assert!(msg.contains("IANA zone name"), "{msg}");
        assert!(Zone::parse("").is_err());
        assert_eq!(ny().name(), "America/New_York");
        assert_eq!(Zone::default(), Zone::Local);
    }

    #[test]
    fn zone_from_utc_and_now() {
        let t = ny().from_utc(utc("2026-07-01T16:00:00Z"));
        assert_eq!(format_rfc3339(&t), "2026-07-01T12:00:00-04:00");
        let t = ny().from_utc(utc("2026-01-01T16:00:00Z"));
        assert_eq!(format_rfc3339(&t), "2026-01-01T11:00:00-05:00");
        // now() is in the zone's offset for the current instant.
        let n = ny().now();
        assert_eq!(
            *n.offset(),
            ny().from_utc(n.with_timezone(&Utc)).offset().to_owned()
        );
        // Local still parses offset forms without touching the local zone.
        let t = parse_time("2016-04-06T15:01:11-04:00", now(), &Zone::Local).unwrap();
        assert_eq!(format_rfc3339(&t), "2016-04-06T15:01:11-04:00");
    }

    #[test]
    fn stored_round_trip() {
        for s in [
            "2016-04-06T15:01:11-04:00",
            "2016-04-06T15:01:11+00:00",
            "2026-11-24T14:03:00+05:30",
        ] {
            let t = parse_stored(s).unwrap();
            assert_eq!(format_rfc3339(&t), s);
            assert_eq!(parse_stored(&format_rfc3339(&t)).unwrap(), t);
        }
        // Z and fractions are read; fractions are dropped on write.
        let t = parse_stored("2016-04-06T15:01:11.999Z").unwrap();
        assert_eq!(format_rfc3339(&t), "2016-04-06T15:01:11+00:00");
        assert_eq!(unix_ms(&t), 1_459_954_871_999);
        let err = parse_stored("2016-04-06 15:01").unwrap_err();
        assert!(matches!(err, TimeError::BadStored { .. }));
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn short_format_and_unix_ms() {
        let t = parse_stored("2026-11-24T14:03:59-05:00").unwrap();
        assert_eq!(format_short(&t), "2026-11-24 14:03 -05:00");
        let u = parse_stored("2026-11-24T14:03:59+00:00").unwrap();
        assert_eq!(format_short(&u), "2026-11-24 14:03 +00:00");
        // Same instant, different offsets: same ms.
        let a = parse_stored("2016-04-06T15:01:11-04:00").unwrap();
        let b = parse_stored("2016-04-06T19:01:11+00:00").unwrap();
        assert_eq!(unix_ms(&a), unix_ms(&b));
        assert_eq!(unix_ms(&b), 1_459_969_271_000);
        assert_eq!(unix_ms(&parse_stored("1970-01-01T00:00:00Z").unwrap()), 0);
    }

    #[test]
    fn humanize() {
        let h = |s: i64| humanize_duration(chrono::Duration::seconds(s));
        assert_eq!(h(0), "0s");
        assert_eq!(h(45), "45s");
        assert_eq!(h(59), "59s");
        assert_eq!(h(60), "1m");
        assert_eq!(h(12 * 60 + 30), "12m");
        assert_eq!(h(3 * 3600), "3h");
        assert_eq!(h(3 * 3600 + 5 * 60 + 9), "3h 5m");
        assert_eq!(h(2 * 86400 + 4 * 3600), "2d 4h");
        assert_eq!(h(6 * 86400), "6d");
        assert_eq!(h(21 * 86400), "3w");
        assert_eq!(h(23 * 86400 + 3600), "3w 2d");
        assert_eq!(h(365 * 86400 + 14 * 86400), "1y 2w");
        assert_eq!(h(-90), "-1m");
        assert_eq!(
            humanize_duration(chrono::Duration::MIN).chars().next(),
            Some('-')
        );
        assert!(!humanize_duration(chrono::Duration::MAX).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn parse_time_never_panics(s in "\\PC{0,40}") {
            let _ = parse_time(&s, now(), &ny());
        }

        #[test]
        fn parse_time_never_panics_on_timeish(s in "[0-9 :+\\-./TZtz.agoydhmswAPMapm]{0,30}|(yesterday |today |last |next )?[0-9]{1,3}[a-zA-Z]{0,20}( ago)?") {
            let _ = parse_time(&s, now(), &ny());
            if let Ok(t) = parse_time(&s, now(), &Zone::Named(chrono_tz::Asia::Kolkata)) {
                // Whatever parses can be stored and read back as the same instant.
                let back = parse_stored(&format_rfc3339(&t)).unwrap();
                prop_assert_eq!(back.timestamp(), t.timestamp());
            }
        }

        #[test]
        fn stored_round_trips(secs in -62_000_000_000i64..250_000_000_000i64,
                              off_min in -1439i32..1440) {
            // RFC 3339 offsets have minute precision.
            let offset = FixedOffset::east_opt(off_min * 60).unwrap();
            let t = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset);
            let back = parse_stored(&format_rfc3339(&t)).unwrap();
            prop_assert_eq!(back, t);
            prop_assert_eq!(back.offset(), t.offset());
        }
    }
}

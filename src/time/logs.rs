//! Times as logs, mail and trackers print them: epoch numbers, nginx/Apache access logs, RFC
//! 2822, ctime, syslog (no year), `Sep 20 2017, 11:02 AM`, Python logging's `,123` fractions,
//! and a zone written after the time (`EDT`, `UTC-4`, `America/New_York`).
//!
//! The free-form dates go to `dtparse` (a port of Python's dateutil parser) rather than to more
//! hand-written formats. Around it, this module does what dtparse leaves to its caller:
//! * zone abbreviations: dtparse takes a name→offset map; ours is [`super::abbrev`], and an
//!   ambiguous name (`IST`) is an error before anything is parsed. An uppercase word that is
//!   not a known zone is lowercased first, because dtparse prints (to stdout!) a line for a
//!   zone name it cannot place;
//! * a missing year or date: dtparse fills them from a default date. Parsing with two different
//!   defaults tells which parts were written; a date without a year is the latest such moment
//!   not in the future (syslog), a time without a date is today;
//! * a zone after the time (`UTC-4`, an IANA name) is split off here: dateutil reads `UTC-4`
//!   as POSIX does (four hours *ahead*), which is not what a person means;
//! * dtparse indexes past its tokens on some malformed input (`Jan-`); a panic there is caught
//!   and read as "not this form", without a message.
//!
//! None of this runs unless a time is being read: a write without `--at` never gets here.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike, Utc,
};

use super::{abbrev, TimeError, Zone, DATE_TIME_FORMATS, FUTURE_GRACE_MINUTES};

/// A zone written after the time.
#[derive(Debug, Clone)]
enum Written {
    Offset(FixedOffset),
    Zone(chrono_tz::Tz),
}

/// Read `s` (trimmed, not empty) as one of the log forms. `Ok(None)`: not one of them (the
/// caller tries relative forms next); `Err`: one of them, but wrong (ambiguous zone, a
/// wall-clock time the zone skips).
pub(super) fn parse(
    s: &str,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<Option<DateTime<FixedOffset>>, TimeError> {
    if let Some(t) = epoch(s) {
        return Ok(Some(t));
    }
    let tzinfos = zone_words(s)?;
    let unbracketed = s.trim_start_matches('[').trim_end_matches(']');
    // nginx/Apache `%t`, and RFC 2822 (mail `Date:`), both with numeric offsets or
    // abbreviations checked above: chrono reads them exactly.
    if let Ok(t) = DateTime::parse_from_str(unbracketed, "%d/%b/%Y:%H:%M:%S %z") {
        return Ok(Some(t));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Ok(Some(t));
    }
    if let Some(t) = clock_with_offset(s, now) {
        return Ok(Some(t));
    }

    let (body, written) = split_zone(s);
    let body = comma_fraction(body);
    let body = body.trim();
    if let Some(t) = iso_or_clock(body, written.as_ref(), now, zone, s)? {
        return Ok(Some(t));
    }
    // An ISO date that chrono did not take is malformed (`2026-13-01`): do not let dtparse
    // guess at it (it would swap day and month).
    if starts_with_iso_date(body) || !body.bytes().any(|b| b.is_ascii_alphabetic() || b == b'/') {
        return Ok(None);
    }
    free_form(body, written.as_ref(), &tzinfos, now, zone, s)
}

/// `1459969271` (seconds) or `1459969271123` (milliseconds), optionally after `@` as `date`
/// writes it. An epoch time is a UTC instant, stored as +00:00.
fn epoch(s: &str) -> Option<DateTime<FixedOffset>> {
    let digits = s.strip_prefix('@').unwrap_or(s);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    let t = match digits.len() {
        9 | 10 => DateTime::from_timestamp(n, 0)?,
        12 | 13 => DateTime::from_timestamp_millis(n)?,
        _ => return None,
    };
    Some(t.fixed_offset())
}

/// The offsets of the zone abbreviations in `s` (for dtparse), or an error naming the choices
/// for an ambiguous one.
fn zone_words(s: &str) -> Result<HashMap<String, i32>, TimeError> {
    let mut found = HashMap::new();
    for word in s.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        match abbrev::lookup(word) {
            Some([one]) => {
                found.insert(word.to_string(), one.offset_secs);
            }
            Some(many) => {
                let choices = many
                    .iter()
                    .map(|m| format!("{} {}", abbrev::offset_text(m.offset_secs), m.used_in))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(TimeError::AmbiguousZone {
                    input: s.to_string(),
                    abbreviation: word.to_string(),
                    choices,
                });
            }
            None => {}
        }
    }
    Ok(found)
}

/// `07:31Z`, `07:31 -05:00`, `15:01:11.123+02:00`: a clock time with an offset is today in
/// that offset (not in the configured zone), and keeps the offset.
fn clock_with_offset(s: &str, now: DateTime<Utc>) -> Option<DateTime<FixedOffset>> {
    if !s.starts_with(|c: char| c.is_ascii_digit()) || s.len() > 24 {
        return None;
    }
    let dated = format!("2000-01-01 {s}");
    let t = ["%Y-%m-%d %H:%M%#z", "%Y-%m-%d %H:%M:%S%.f%#z"]
        .iter()
        .find_map(|f| DateTime::parse_from_str(&dated, f).ok())?;
    let offset = *t.offset();
    let today = now.with_timezone(&offset).date_naive();
    offset
        .from_local_datetime(&today.and_time(t.time()))
        .single()
}

/// Split a zone written after the time: an IANA name (`America/New_York`), `UTC-4` /
/// `GMT+5:30`, or a known abbreviation (`EDT`). Returns the rest and the zone.
fn split_zone(s: &str) -> (&str, Option<Written>) {
    let Some((rest, last)) = s.trim_end().rsplit_once(char::is_whitespace) else {
        return (s, None);
    };
    if last.contains('/') {
        if let Ok(tz) = last.parse::<chrono_tz::Tz>() {
            return (rest, Some(Written::Zone(tz)));
        }
    }
    if let Some(offset) = utc_plus(last) {
        return (rest, Some(Written::Offset(offset)));
    }
    if let Some([one]) = abbrev::lookup(last) {
        if let Some(offset) = FixedOffset::east_opt(one.offset_secs) {
            return (rest, Some(Written::Offset(offset)));
        }
    }
    (s, None)
}

/// `UTC-4`, `UTC+05:30`, `GMT+0530`, `UTC+5`: an offset from UTC as people write it (four
/// hours behind UTC for `UTC-4`, unlike POSIX `TZ` strings).
fn utc_plus(word: &str) -> Option<FixedOffset> {
    let rest = word
        .strip_prefix("UTC")
        .or_else(|| word.strip_prefix("GMT"))?;
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    let all_digits =
        |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || !all_digits(m) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Python logging writes `15:01:11,123`: read the comma after seconds as a decimal point.
fn comma_fraction(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let is_clock_end = |i: usize| {
        i >= 8
            && b[i - 3] == b':'
            && b[i - 6] == b':'
            && [1, 2, 4, 5, 7, 8]
                .iter()
                .all(|&k| b[i - k].is_ascii_digit())
    };
    let commas: Vec<usize> = (0..b.len())
        .filter(|&i| {
            b[i] == b',' && is_clock_end(i) && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        })
        .collect();
    if commas.is_empty() {
        return s.into();
    }
    let mut out = s.as_bytes().to_vec();
    for i in commas {
        out[i] = b'.';
    }
    // Only an ASCII byte was replaced by another.
    String::from_utf8(out).map_or(s.into(), Into::into)
}

fn starts_with_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}

/// The ISO and clock forms again, after a zone was split off or a comma fraction fixed.
fn iso_or_clock(
    body: &str,
    written: Option<&Written>,
    now: DateTime<Utc>,
    zone: &Zone,
    input: &str,
) -> Result<Option<DateTime<FixedOffset>>, TimeError> {
    for f in DATE_TIME_FORMATS {
        if let Ok(naive) = NaiveDateTime::parse_from_str(body, f) {
            return resolve(naive, written, zone, input).map(Some);
        }
    }
    if written.is_some() {
        if let Ok(date) = NaiveDate::parse_from_str(body, "%Y-%m-%d") {
            return resolve(date.and_time(NaiveTime::MIN), written, zone, input).map(Some);
        }
    }
    for f in ["%H:%M", "%H:%M:%S%.f"] {
        if let Ok(time) = NaiveTime::parse_from_str(body, f) {
            let day = today(written, now, zone);
            return resolve(day.and_time(time), written, zone, input).map(Some);
        }
    }
    Ok(None)
}

/// A wall-clock time in the written zone, else the configured one.
fn resolve(
    naive: NaiveDateTime,
    written: Option<&Written>,
    zone: &Zone,
    input: &str,
) -> Result<DateTime<FixedOffset>, TimeError> {
    match written {
        Some(Written::Offset(o)) => {
            o.from_local_datetime(&naive)
                .single()
                .ok_or_else(|| TimeError::Unreadable {
                    input: input.to_string(),
                })
        }
        Some(Written::Zone(tz)) => Zone::Named(*tz).resolve(naive, input),
        None => zone.resolve(naive, input),
    }
}

fn today(written: Option<&Written>, now: DateTime<Utc>, zone: &Zone) -> NaiveDate {
    match written {
        Some(Written::Offset(o)) => now.with_timezone(o).date_naive(),
        Some(Written::Zone(tz)) => now.with_timezone(tz).date_naive(),
        None => zone.today(now),
    }
}

/// Everything else: dtparse, with the missing parts worked out (see the module header).
fn free_form(
    body: &str,
    written: Option<&Written>,
    tzinfos: &HashMap<String, i32>,
    now: DateTime<Utc>,
    zone: &Zone,
    input: &str,
) -> Result<Option<DateTime<FixedOffset>>, TimeError> {
    if body.len() > 100 {
        return Ok(None);
    }
    // Uppercase words dtparse would take for zone names it then cannot place: lowercase them
    // (it matches month and day names in any case); known abbreviations stay.
    let text: String = body
        .split_inclusive(|c: char| !c.is_ascii_alphabetic())
        .map(|piece| {
            let word = piece.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
            if word.bytes().all(|b| b.is_ascii_uppercase()) && !tzinfos.contains_key(word) {
                piece.to_ascii_lowercase()
            } else {
                piece.to_string()
            }
        })
        .collect();
    // interim's guard applies here too: dtparse reads `13pm` as 13:00.
    if super::has_bad_clock(&text.to_ascii_lowercase()) {
        return Ok(None);
    }
    // Two leap years that dtparse also counts as leap (it thinks 2000 is not), so that a
    // 29 February without a year is not cut to the 28th.
    let (Some(d1), Some(d2)) = (
        NaiveDate::from_ymd_opt(2004, 1, 1),
        NaiveDate::from_ymd_opt(2008, 3, 2),
    ) else {
        return Ok(None);
    };
    let (Some(a), Some(b)) = (
        dtparse_quietly(&text, d1, tzinfos),
        dtparse_quietly(&text, d2, tzinfos),
    ) else {
        return Ok(None);
    };
    let ((na, offset), (nb, _)) = (a, b);
    if !day_was_written(&text, na) {
        return Ok(None);
    }
    let written = match offset {
        Some(o) => Some(Written::Offset(o)),
        None => written.cloned(),
    };
    let written = written.as_ref();
    if na == nb {
        return resolve(na, written, zone, input).map(Some);
    }
    let same_day = na.month() == nb.month() && na.day() == nb.day() && na.time() == nb.time();
    if same_day && na.year() == d1.year() && nb.year() == d2.year() {
        return latest_not_future(na, written, now, zone, input).map(Some);
    }
    if na.date() == d1 && nb.date() == d2 && na.time() == nb.time() {
        let day = today(written, now, zone);
        return resolve(day.and_time(na.time()), written, zone, input).map(Some);
    }
    Ok(None)
}

/// dtparse cuts a day past the month's end to its last day (`Feb 29 2025` becomes the 28th,
/// `Apr 31` the 30th): a result on a month's last day must show that day in the text.
fn day_was_written(text: &str, t: NaiveDateTime) -> bool {
    let next_day = t.date().succ_opt().map(|d| d.month());
    if t.day() < 28 || next_day == Some(t.month()) {
        return true;
    }
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|run| run.parse::<u32>().ok())
        .any(|n| n == t.day())
}

/// A date written without a year (syslog's `Dec  2 12:31:02`): the latest such moment that is
/// not in the future. "Future" allows the same few minutes as the future warning, so a line
/// from a host whose clock runs a little ahead is not pushed back a whole year.
fn latest_not_future(
    naive: NaiveDateTime,
    written: Option<&Written>,
    now: DateTime<Utc>,
    zone: &Zone,
    input: &str,
) -> Result<DateTime<FixedOffset>, TimeError> {
    let limit = now + Duration::minutes(FUTURE_GRACE_MINUTES);
    let this_year = today(written, now, zone).year();
    // Eight years back reaches the previous 29 February from any year.
    for year in (this_year - 8..=this_year).rev() {
        let Some(date) = NaiveDate::from_ymd_opt(year, naive.month(), naive.day()) else {
            continue;
        };
        let Some(day) = date.and_hms_nano_opt(
            naive.hour(),
            naive.minute(),
            naive.second(),
            naive.nanosecond(),
        ) else {
            continue;
        };
        // A time the zone skips (DST gap) is an error, not a reason to go back a year: the
        // line was probably written in another zone.
        let t = resolve(day, written, zone, input)?;
        if t <= limit {
            return Ok(t);
        }
    }
    Err(TimeError::Unreadable {
        input: input.to_string(),
    })
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// dtparse with `default` for missing date parts; a panic inside it is "no result", with the
/// panic message suppressed (for this thread only: other threads' panics still print).
fn dtparse_quietly(
    text: &str,
    default: NaiveDate,
    tzinfos: &HashMap<String, i32>,
) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let default = default.and_time(NaiveTime::MIN);
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        dtparse::Parser::new(dtparse::ParserInfo::default()).parse(
            text,
            None,
            None,
            false,
            false,
            Some(&default),
            false,
            tzinfos,
        )
    }));
    QUIET.with(|q| q.set(false));
    let (naive, offset, _) = result.ok()?.ok()?;
    Some((naive, offset))
}

#[cfg(test)]
mod tests {
    use super::super::{format_written, parse_time, TimeError, Zone};
    use chrono::{DateTime, Utc};

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn ny() -> Zone {
        Zone::parse("America/New_York").unwrap()
    }

    /// Read `s` in New York at `now`, stored form.
    fn at(s: &str, now: &str) -> String {
        match parse_time(s, utc(now), &ny()) {
            Ok(t) => format_written(&t),
            Err(e) => panic!("{s:?}: {e}"),
        }
    }

    /// Read at 2026-01-15 12:00 New York (-05:00).
    fn p(s: &str) -> String {
        at(s, "2026-01-15T17:00:00Z")
    }

    #[test]
    fn forms_from_real_material() {
        for (s, want) in [
            // A tracker comment.
            ("Sep 20 2017, 11:02 AM", "2017-09-20T11:02:00-04:00"),
            // An application log (ctime), read in the configured zone.
            ("Wed Apr 6 15:01:11 2016", "2016-04-06T15:01:11-04:00"),
            ("Wed Apr  6 15:01:11 2016", "2016-04-06T15:01:11-04:00"),
            // date(1) output on a mailing list.
            ("Mon Aug 26 07:31:18 EDT 2019", "2019-08-26T07:31:18-04:00"),
            ("Mon Aug 26 07:31:18 PDT 2019", "2019-08-26T07:31:18-07:00"),
            // RFC 2822 mail Date: headers.
            (
                "Mon, 26 Aug 2019 07:31:18 -0400",
                "2019-08-26T07:31:18-04:00",
            ),
            (
                "Tue, 1 Jul 2003 10:52:37 +0200",
                "2003-07-01T10:52:37+02:00",
            ),
            (
                "Thu, 13 Feb 1969 23:32:54 -0330",
                "1969-02-13T23:32:54-03:30",
            ),
            ("Fri, 21 Nov 1997 09:55:06 GMT", "1997-11-21T09:55:06+00:00"),
            // nginx / Apache access logs, with or without the brackets.
            ("06/Apr/2016:15:01:11 -0400", "2016-04-06T15:01:11-04:00"),
            ("[10/Oct/2000:13:55:36 -0700]", "2000-10-10T13:55:36-07:00"),
            // UTC-4 means four hours behind UTC (not POSIX's reading).
            ("2016-04-06 17:00 UTC-4", "2016-04-06T17:00:00-04:00"),
            ("2016-04-06 17:00 UTC+05:30", "2016-04-06T17:00:00+05:30"),
            ("2016-04-06 17:00 GMT+0530", "2016-04-06T17:00:00+05:30"),
            ("2016-04-06 17:00 UTC", "2016-04-06T17:00:00+00:00"),
            // Python logging's default asctime, and its fractions kept.
            ("2016-04-06 15:01:11,123", "2016-04-06T15:01:11.123-04:00"),
            ("2016-04-06 15:01:11.123", "2016-04-06T15:01:11.123-04:00"),
            ("2016-04-06T19:01:11.123Z", "2016-04-06T19:01:11.123+00:00"),
            // Epoch seconds and milliseconds: UTC instants.
            ("1459969271", "2016-04-06T19:01:11+00:00"),
            ("1459969271123", "2016-04-06T19:01:11.123+00:00"),
            ("@1459969271", "2016-04-06T19:01:11+00:00"),
            // A zone after the time.
            (
                "2016-04-06 15:01 America/New_York",
                "2016-04-06T15:01:00-04:00",
            ),
            (
                "2016-04-06 15:01 Europe/London",
                "2016-04-06T15:01:00+01:00",
            ),
            ("2016-04-06 15:01:11 EDT", "2016-04-06T15:01:11-04:00"),
            ("2016-04-06 15:01:11 CEST", "2016-04-06T15:01:11+02:00"),
            // Clock times with a zone are today in that zone, offset kept.
            ("15:01:11 EDT", "2026-01-15T15:01:11-04:00"),
            ("07:31 -05:00", "2026-01-15T07:31:00-05:00"),
            ("07:31Z", "2026-01-15T07:31:00+00:00"),
            ("07:31:05.250Z", "2026-01-15T07:31:05.250+00:00"),
            ("23:30 JST", "2026-01-16T23:30:00+09:00"),
        ] {
            assert_eq!(p(s), want, "{s}");
        }
        // The zone written after the time wins over the configured one.
        let kolkata = Zone::parse("Asia/Kolkata").unwrap();
        let t = parse_time(
            "2016-04-06 15:01 America/New_York",
            utc("2026-01-15T17:00:00Z"),
            &kolkata,
        )
        .unwrap();
        assert_eq!(format_written(&t), "2016-04-06T15:01:00-04:00");
        assert_eq!(t.with_timezone(&Utc), utc("2016-04-06T19:01:00Z"));
    }

    #[test]
    fn syslog_takes_the_latest_moment_not_in_the_future() {
        // Last December, read in the configured zone (the offset shows which).
        assert_eq!(p("Dec  2 12:31:02"), "2025-12-02T12:31:02-05:00");
        assert_eq!(p("Jan 15 11:00:00"), "2026-01-15T11:00:00-05:00");
        // Within the few minutes of slack: this year; beyond: last year.
        assert_eq!(p("Jan 15 12:04:00"), "2026-01-15T12:04:00-05:00");
        assert_eq!(p("Jan 15 12:10:00"), "2025-01-15T12:10:00-05:00");
        // Across New Year: half an hour into 2026, the last second of 2025.
        let new_year = "2026-01-01T05:30:00Z";
        assert_eq!(at("Dec 31 23:59:59", new_year), "2025-12-31T23:59:59-05:00");
        assert_eq!(at("Jan  1 00:10:00", new_year), "2026-01-01T00:10:00-05:00");
        // A leap day: the last 29 February.
        assert_eq!(p("Feb 29 12:00:00"), "2024-02-29T12:00:00-05:00");
        assert_eq!(
            at("Feb 29 12:00:00", "2028-03-01T00:00:00Z"),
            "2028-02-29T12:00:00-05:00"
        );
        // Summer lines get summer time.
        assert_eq!(p("Jul  4 09:00:00"), "2025-07-04T09:00:00-04:00");
        // With a zone written after it.
        assert_eq!(p("Dec  2 12:31:02 UTC"), "2025-12-02T12:31:02+00:00");
    }

    #[test]
    fn dst_edges() {
        // Spring forward 2026-03-08 in New York: 02:30 does not exist.
        let err = parse_time("Mar  8 02:30:00", utc("2026-03-10T00:00:00Z"), &ny()).unwrap_err();
        assert!(matches!(err, TimeError::Nonexistent { .. }), "{err:?}");
        assert_eq!(
            at("Mar  8 01:59:59", "2026-03-10T00:00:00Z"),
            "2026-03-08T01:59:59-05:00"
        );
        assert_eq!(
            at("Mar  8 03:00:00", "2026-03-10T00:00:00Z"),
            "2026-03-08T03:00:00-04:00"
        );
        // Fall back 2026-11-01: 01:30 happens twice; the earlier, unless the zone says.
        let after = "2026-11-02T00:00:00Z";
        assert_eq!(at("Nov  1 01:30:00", after), "2026-11-01T01:30:00-04:00");
        assert_eq!(
            at("Sun Nov  1 01:30:00 EST 2026", after),
            "2026-11-01T01:30:00-05:00"
        );
        assert_eq!(
            at("Sun Nov  1 01:30:00 EDT 2026", after),
            "2026-11-01T01:30:00-04:00"
        );
        assert_eq!(
            at("2026-11-01 01:30 America/New_York", after),
            "2026-11-01T01:30:00-04:00"
        );
        // A leap day with its year.
        assert_eq!(p("Feb 29 2024, 11:02 PM"), "2024-02-29T23:02:00-05:00");
        assert!(parse_time("Feb 29 2025, 11:02 PM", utc("2026-01-15T17:00:00Z"), &ny()).is_err());
    }

    #[test]
    fn ambiguous_abbreviations_list_the_choices() {
        for (s, abbr, choice) in [
            ("15:01 IST", "IST", "+05:30 India Standard Time"),
            (
                "Mon Aug 26 07:31:18 CST 2019",
                "CST",
                "+08:00 China Standard Time",
            ),
            ("2019-08-26 07:31 BST", "BST", "+01:00 British Summer Time"),
            (
                "Mon, 26 Aug 2019 07:31:18 CST",
                "CST",
                "-06:00 Central Standard Time",
            ),
        ] {
            let err = parse_time(s, utc("2026-01-15T17:00:00Z"), &ny()).unwrap_err();
            let msg = err.to_string();
            assert!(
                matches!(err, TimeError::AmbiguousZone { .. }),
                "{s}: {err:?}"
            );
            assert!(msg.contains(&format!("{abbr} in")), "{msg}");
            assert!(msg.contains(choice), "{msg}");
            assert!(msg.contains("America/Chicago"), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }

    #[test]
    fn not_log_forms() {
        for s in [
            "FOO 12:00",
            "Aug 26 2019 07:31 FOO",
            "12345678901234567890123456789012 Jan",
            "2016-04-06 15:01 Mars/Olympus",
            "2016-04-06 17:00 UTC-15",
            "Aug 2019",
            "06/Apr/2016:25:01:11 -0400",
        ] {
            let err = parse_time(s, utc("2026-01-15T17:00:00Z"), &ny()).unwrap_err();
            assert!(matches!(err, TimeError::Unreadable { .. }), "{s}: {err:?}");
        }
        // dtparse indexes past its tokens here; the panic is caught (interim reads January).
        for s in ["Jan-", "Jan/", "Jan-5-", "Sep of"] {
            let _ = parse_time(s, utc("2026-01-15T17:00:00Z"), &ny());
        }
    }
}

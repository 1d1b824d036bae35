//! `--at-text`: the occurrence time from the first timestamp in the entry's own text (a pasted
//! log line, a mail quote), read with the same parser as `--at`.
//!
//! Candidates are found by shape (ISO with an optional zone, RFC 2822, ctime and date(1),
//! nginx/Apache, syslog, `Sep 20 2017, 11:02 AM`), then each is read by [`super::parse_time`]
//! in order of position; the first that reads is the time. A bare clock time or number is not
//! looked for: in free text, `15:01` or `1459969271` is too often something else (a duration,
//! a port, an id).

use chrono::{DateTime, FixedOffset, Utc};
use regex::Regex;

use super::{abbrev, parse_time, TimeError, Zone};

/// The shapes, longest first where two start alike. The zone after a time is optional and in a
/// group of its own, so that a match whose "zone" is not one (`… 15:01:11 ERROR`) is read
/// again without it.
fn shapes() -> Result<Regex, regex::Error> {
    let mon = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
    let day = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*";
    let abbreviations = abbrev::names().collect::<Vec<_>>().join("|");
    let zone = format!(
        "(?:Z|[+-]\\d{{2}}:?\\d{{2}}|(?:UTC|GMT)[+-]\\d{{1,2}}(?::?\\d{{2}})?|(?:{abbreviations})\\b|[A-Z][A-Za-z_]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)"
    );
    let shapes = [
        // RFC 2822: Fri, 21 Nov 1997 09:55:06 -0600
        format!("(?:{day},\\s+)?\\d{{1,2}}\\s+{mon}\\s+\\d{{4}}\\s+\\d{{2}}:\\d{{2}}(?::\\d{{2}})?(?P<z1>\\s+{zone})?"),
        // ctime / date(1): Mon Aug 26 07:31:18 EDT 2019, Wed Apr  6 15:01:11 2016
        format!("{day}\\s+{mon}\\s+\\d{{1,2}}\\s+\\d{{2}}:\\d{{2}}:\\d{{2}}(?:\\s+(?:{abbreviations}))?\\s+\\d{{4}}"),
        // ISO 8601 / RFC 3339 / Python logging, with a zone: 2016-04-06 15:01:11,123
        format!("\\d{{4}}-\\d{{2}}-\\d{{2}}[T ]\\d{{2}}:\\d{{2}}(?::\\d{{2}}(?:[.,]\\d{{1,9}})?)?(?P<z2>\\s?{zone})?"),
        // nginx / Apache: 06/Apr/2016:15:01:11 -0400
        format!("\\d{{2}}/{mon}/\\d{{4}}:\\d{{2}}:\\d{{2}}:\\d{{2}}\\s[+-]\\d{{4}}"),
        // A tracker: Sep 20 2017, 11:02 AM
        format!("{mon}\\s+\\d{{1,2}},?\\s+\\d{{4}},?\\s+\\d{{1,2}}:\\d{{2}}(?::\\d{{2}})?(?:\\s?[AaPp][Mm])?(?P<z3>\\s+{zone})?"),
        // syslog: Dec  2 12:31:02
        format!("{mon}\\s+\\d{{1,2}}\\s+\\d{{2}}:\\d{{2}}:\\d{{2}}(?P<z4>\\s+{zone})?"),
    ];
    let joined = shapes
        .iter()
        .map(|s| format!("(?:{s})"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!("\\b(?:{joined})"))
}

/// The first timestamp in `text` that reads as a time, with the text it was read from.
/// `Ok(None)`: no timestamp. An ambiguous zone abbreviation on the first timestamp is an error
/// (guessing would move the time by hours).
pub fn first_timestamp(
    text: &str,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<Option<(DateTime<FixedOffset>, String)>, TimeError> {
    // The shapes are fixed text; the tests compile them, so this cannot fail in practice.
    let Ok(shapes) = shapes() else {
        return Ok(None);
    };
    for caps in shapes.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let found = whole.as_str();
        match parse_time(found, now, zone) {
            Ok(t) => return Ok(Some((t, found.to_string()))),
            Err(e @ TimeError::AmbiguousZone { .. }) => return Err(e),
            Err(_) => {}
        }
        // Read again without what looked like a zone.
        let zone_start = ["z1", "z2", "z3", "z4"]
            .iter()
            .find_map(|name| caps.name(name))
            .map(|m| m.start() - whole.start());
        if let Some(cut) = zone_start {
            let base = &found[..cut];
            if let Ok(t) = parse_time(base, now, zone) {
                return Ok(Some((t, base.to_string())));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::format_written;

    fn find(text: &str) -> Option<(String, String)> {
        let now = DateTime::parse_from_rfc3339("2026-01-15T17:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let zone = Zone::parse("America/New_York").unwrap();
        first_timestamp(text, now, &zone)
            .unwrap()
            .map(|(t, s)| (format_written(&t), s))
    }

    #[test]
    fn finds_the_first_timestamp_in_pasted_lines() {
        let cases = [
            (
                "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
                "2000-10-10T13:55:36-07:00",
                "10/Oct/2000:13:55:36 -0700",
            ),
            (
                "Dec  2 12:31:02 mailhost postfix/smtpd[2189]: connect from unknown[192.0.2.44]",
                "2025-12-02T12:31:02-05:00",
                "Dec  2 12:31:02",
            ),
            (
                "2016-04-06 15:01:11,123 - backup.worker - WARNING - snapshot took 912s",
                "2016-04-06T15:01:11.123-04:00",
                "2016-04-06 15:01:11,123",
            ),
            (
                "2016-04-06 15:01:11 ERROR upload failed at 2016-04-06 16:00:00",
                "2016-04-06T15:01:11-04:00",
                "2016-04-06 15:01:11",
            ),
            (
                "Date: Fri, 21 Nov 1997 09:55:06 -0600\nSubject: Saying Hello",
                "1997-11-21T09:55:06-06:00",
                "Fri, 21 Nov 1997 09:55:06 -0600",
            ),
            (
                "On Mon Aug 26 07:31:18 EDT 2019, the list archive says the mirror stopped.",
                "2019-08-26T07:31:18-04:00",
                "Mon Aug 26 07:31:18 EDT 2019",
            ),
            (
                "jdoe commented Sep 20 2017, 11:02 AM: still failing",
                "2017-09-20T11:02:00-04:00",
                "Sep 20 2017, 11:02 AM",
            ),
            (
                "{\"ts\":\"2016-04-06T19:01:11.123Z\",\"level\":\"error\"}",
                "2016-04-06T19:01:11.123+00:00",
                "2016-04-06T19:01:11.123Z",
            ),
            (
                "deploy finished 2016-04-06 17:00 UTC-4 on all hosts",
                "2016-04-06T17:00:00-04:00",
                "2016-04-06 17:00 UTC-4",
            ),
        ];
        for (text, stored, found) in cases {
            assert_eq!(
                find(text),
                Some((stored.to_string(), found.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn no_timestamp_is_none_and_an_ambiguous_zone_is_an_error() {
        for text in [
            "the pool ran dry after 15:01 on port 8080",
            "request id 1459969271 failed",
            "",
            "Feb 30 12:00:00 is not a date",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
        let now = Utc::now();
        let zone = Zone::Local;
        let err = first_timestamp("Mon Aug 26 07:31:18 IST 2019 crash", now, &zone).unwrap_err();
        assert!(matches!(err, TimeError::AmbiguousZone { .. }), "{err:?}");
    }
}

//! The one rule for showing times in views: `status`, `log` and `list` show every time in the
//! viewer's zone (`--utc`, else `--tz ZONE`, else config `timezone`, else the system's zone),
//! so that one column never mixes offsets, and mark with `*` a time that was written at
//! another offset (a pasted log line from another host, a colleague's entry). `show`, JSON and
//! bundles keep the written offset; they do not come here.
//!
//! Every view formats its times through [`ViewZone`]; none formats a stored time itself.

use chrono::{DateTime, Datelike, FixedOffset, Utc};

use super::{parse_stored, TimeError, Zone};

/// The marker after a time written at another offset than the view's.
pub const OTHER_OFFSET: char = '*';

/// The zone a view shows times in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewZone {
    zone: Zone,
}

impl ViewZone {
    pub fn new(zone: Zone) -> ViewZone {
        ViewZone { zone }
    }

    /// `--utc` wins, then `--tz ZONE` (an IANA name), then the configured zone.
    pub fn choose(tz: Option<&str>, utc: bool, configured: Zone) -> Result<ViewZone, TimeError> {
        if utc {
            return Ok(ViewZone::new(Zone::Named(chrono_tz::UTC)));
        }
        match tz {
            Some(name) => Ok(ViewZone::new(Zone::parse(name)?)),
            None => Ok(ViewZone::new(configured)),
        }
    }

    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// A stored time in this zone, and whether it was written at another offset than the
    /// zone has at that instant. `None` when the stored text is not RFC 3339.
    pub fn convert(&self, stored: &str) -> Option<(DateTime<FixedOffset>, bool)> {
        let written = parse_stored(stored).ok()?;
        let shown = self.zone.from_utc(written.with_timezone(&Utc));
        Some((shown, shown.offset() != written.offset()))
    }

    /// `2026-11-24 14:03 -05:00` in this zone, then `*` if it was written at another offset
    /// (for `log`). A stored value that cannot be read is shown as it is.
    pub fn format_instant(&self, stored: &str) -> String {
        self.format(stored, "%Y-%m-%d %H:%M %:z")
    }

    /// `11-24 14:03` in this zone, then `*` if it was written at another offset (for `status`
    /// and `list`).
    pub fn format_compact(&self, stored: &str) -> String {
        self.format(stored, "%m-%d %H:%M")
    }

    /// [`ViewZone::format_compact`] with the year in front when it is not the year of `now`
    /// in this zone (`2025-11-24 14:03`), for the briefing's lists, which reach back.
    pub fn format_recent(&self, stored: &str, now: DateTime<Utc>) -> String {
        match self.convert(stored) {
            Some((t, _)) if t.year() != self.zone.from_utc(now).year() => {
                self.format(stored, "%Y-%m-%d %H:%M")
            }
            _ => self.format_compact(stored),
        }
    }

    fn format(&self, stored: &str, layout: &str) -> String {
        match self.convert(stored) {
            Some((t, other)) => {
                let mut s = t.format(layout).to_string();
                if other {
                    s.push(OTHER_OFFSET);
                }
                s
            }
            None => stored.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ny() -> ViewZone {
        ViewZone::new(Zone::parse("America/New_York").unwrap())
    }

    #[test]
    fn times_are_shown_in_the_view_zone_and_marked_when_written_elsewhere() {
        let v = ny();
        // Written in New York's own offset: no mark.
        assert_eq!(
            v.format_instant("2026-01-15T12:00:00-05:00"),
            "2026-01-15 12:00 -05:00"
        );
        // Written in Sydney (+11:00) at 04:00 on the 16th: 12:00 the 15th in New York, marked.
        assert_eq!(
            v.format_instant("2026-01-16T04:00:00+11:00"),
            "2026-01-15 12:00 -05:00*"
        );
        assert_eq!(
            v.format_compact("2026-01-16T04:00:00+11:00"),
            "01-15 12:00*"
        );
        // Summer: New York is -04:00; a -04:00 time is its own.
        assert_eq!(v.format_compact("2016-04-06T15:01:11-04:00"), "04-06 15:01");
        // UTC written, viewed in New York.
        assert_eq!(
            v.format_instant("2016-04-06T19:01:11+00:00"),
            "2016-04-06 15:01 -04:00*"
        );
        // Milliseconds do not change the minute shown.
        assert_eq!(
            v.format_compact("2016-04-06T15:01:11.999-04:00"),
            "04-06 15:01"
        );
        // Unreadable stored text is shown as it is.
        assert_eq!(v.format_compact("yesterday"), "yesterday");
    }

    #[test]
    fn recent_times_show_the_year_when_it_is_not_this_one() {
        let v = ny();
        let now: DateTime<Utc> = "2026-11-18T20:00:00Z".parse().unwrap();
        assert_eq!(
            v.format_recent("2026-11-18T09:00:00-05:00", now),
            "11-18 09:00"
        );
        assert_eq!(
            v.format_recent("2025-06-01T10:00:00-04:00", now),
            "2025-06-01 10:00"
        );
        assert_eq!(
            v.format_recent("2026-11-18T16:00:00+01:00", now),
            "11-18 10:00*"
        );
        // The year is the view zone's: 00:30 on Jan 1 in Berlin is still last year here.
        assert_eq!(
            v.format_recent("2026-01-01T00:30:00+01:00", now),
            "2025-12-31 18:30*"
        );
    }

    #[test]
    fn choose_follows_utc_then_tz_then_config() {
        let configured = Zone::parse("Asia/Kolkata").unwrap();
        let v = ViewZone::choose(Some("Europe/Berlin"), true, configured.clone()).unwrap();
        assert_eq!(v.zone(), &Zone::Named(chrono_tz::UTC));
        let v = ViewZone::choose(Some("Europe/Berlin"), false, configured.clone()).unwrap();
        assert_eq!(v.zone().name(), "Europe/Berlin");
        let v = ViewZone::choose(None, false, configured.clone()).unwrap();
        assert_eq!(v.zone(), &configured);
        let err = ViewZone::choose(Some("Mars/Olympus"), false, configured).unwrap_err();
        assert!(err.to_string().contains("Mars/Olympus"));
    }
}

//! Time zone abbreviations as logs and mail print them (`EDT`, `CEST`, `JST`).
//!
//! An abbreviation names an offset, not a zone: `EDT` is -04:00 whatever the date. Several are
//! used for different offsets around the world (`IST` is India, Ireland or Israel); those are
//! an error that lists the choices, since guessing would silently move a time by hours.
//! The table covers the abbreviations in common use in English-language logs and mail; an
//! unknown one is not guessed at either (the input is then unreadable).

/// One meaning of an abbreviation: the offset east of UTC in seconds, and where it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    pub offset_secs: i32,
    pub used_in: &'static str,
}

const fn m(hours: i32, minutes: i32, used_in: &'static str) -> Meaning {
    let sign = if hours < 0 { -1 } else { 1 };
    Meaning {
        offset_secs: hours * 3600 + sign * minutes * 60,
        used_in,
    }
}

/// Abbreviation → its meanings; more than one meaning is ambiguous. Sorted by name.
const TABLE: &[(&str, &[Meaning])] = &[
    ("ACDT", &[m(10, 30, "Australian Central Daylight Time")]),
    ("ACST", &[m(9, 30, "Australian Central Standard Time")]),
    ("ADT", &[m(-3, 0, "Atlantic Daylight Time")]),
    ("AEDT", &[m(11, 0, "Australian Eastern Daylight Time")]),
    ("AEST", &[m(10, 0, "Australian Eastern Standard Time")]),
    ("AKDT", &[m(-8, 0, "Alaska Daylight Time")]),
    ("AKST", &[m(-9, 0, "Alaska Standard Time")]),
    (
        "AST",
        &[
            m(-4, 0, "Atlantic Standard Time"),
            m(3, 0, "Arabia Standard Time"),
        ],
    ),
    ("AWST", &[m(8, 0, "Australian Western Standard Time")]),
    (
        "BST",
        &[
            m(1, 0, "British Summer Time"),
            m(6, 0, "Bangladesh Standard Time"),
        ],
    ),
    ("CAT", &[m(2, 0, "Central Africa Time")]),
    ("CDT", &[m(-5, 0, "Central Daylight Time (North America)")]),
    ("CEST", &[m(2, 0, "Central European Summer Time")]),
    ("CET", &[m(1, 0, "Central European Time")]),
    (
        "CST",
        &[
            m(-6, 0, "Central Standard Time (North America)"),
            m(8, 0, "China Standard Time"),
            m(-5, 0, "Cuba Standard Time"),
        ],
    ),
    ("EAT", &[m(3, 0, "East Africa Time")]),
    ("EDT", &[m(-4, 0, "Eastern Daylight Time (North America)")]),
    ("EEST", &[m(3, 0, "Eastern European Summer Time")]),
    ("EET", &[m(2, 0, "Eastern European Time")]),
    ("EST", &[m(-5, 0, "Eastern Standard Time (North America)")]),
    ("GMT", &[m(0, 0, "Greenwich Mean Time")]),
    (
        "GST",
        &[
            m(4, 0, "Gulf Standard Time"),
            m(-2, 0, "South Georgia Time"),
        ],
    ),
    ("HKT", &[m(8, 0, "Hong Kong Time")]),
    ("HST", &[m(-10, 0, "Hawaii-Aleutian Standard Time")]),
    ("IDT", &[m(3, 0, "Israel Daylight Time")]),
    (
        "IST",
        &[
            m(5, 30, "India Standard Time"),
            m(1, 0, "Irish Standard Time"),
            m(2, 0, "Israel Standard Time"),
        ],
    ),
    ("JST", &[m(9, 0, "Japan Standard Time")]),
    ("KST", &[m(9, 0, "Korea Standard Time")]),
    ("MDT", &[m(-6, 0, "Mountain Daylight Time (North America)")]),
    ("MSK", &[m(3, 0, "Moscow Time")]),
    ("MST", &[m(-7, 0, "Mountain Standard Time (North America)")]),
    ("NDT", &[m(-2, 30, "Newfoundland Daylight Time")]),
    ("NST", &[m(-3, 30, "Newfoundland Standard Time")]),
    ("NZDT", &[m(13, 0, "New Zealand Daylight Time")]),
    ("NZST", &[m(12, 0, "New Zealand Standard Time")]),
    ("PDT", &[m(-7, 0, "Pacific Daylight Time (North America)")]),
    ("PKT", &[m(5, 0, "Pakistan Standard Time")]),
    ("PST", &[m(-8, 0, "Pacific Standard Time (North America)")]),
    ("SAST", &[m(2, 0, "South Africa Standard Time")]),
    ("SGT", &[m(8, 0, "Singapore Time")]),
    (
        "SST",
        &[
            m(-11, 0, "Samoa Standard Time"),
            m(8, 0, "Singapore Standard Time"),
        ],
    ),
    ("UT", &[m(0, 0, "Universal Time")]),
    ("UTC", &[m(0, 0, "Coordinated Universal Time")]),
    ("WAT", &[m(1, 0, "West Africa Time")]),
    ("WEST", &[m(1, 0, "Western European Summer Time")]),
    ("WET", &[m(0, 0, "Western European Time")]),
    ("WIB", &[m(7, 0, "Western Indonesia Time")]),
    ("Z", &[m(0, 0, "UTC")]),
];

/// The meanings of `word` (case-sensitive: logs print zones in capitals, and `may` or `sat`
/// in lower case are words), or `None` when it is not a known abbreviation.
pub fn lookup(word: &str) -> Option<&'static [Meaning]> {
    TABLE
        .binary_search_by(|(name, _)| name.cmp(&word))
        .ok()
        .map(|i| TABLE[i].1)
}

/// Every abbreviation in the table (to find times in text).
pub fn names() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|(name, _)| *name)
}

/// `+05:30`, `-04:00`: an offset as written in RFC 3339.
pub fn offset_text(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup("EDT").unwrap()[0].offset_secs, -4 * 3600);
        assert_eq!(lookup("NST").unwrap()[0].offset_secs, -(3 * 3600 + 1800));
        assert_eq!(lookup("ACDT").unwrap()[0].offset_secs, 10 * 3600 + 1800);
        assert_eq!(lookup("IST").unwrap().len(), 3);
        assert_eq!(lookup("CST").unwrap().len(), 3);
        assert_eq!(lookup("BST").unwrap().len(), 2);
        assert!(lookup("edt").is_none());
        assert!(lookup("FOO").is_none());
        assert_eq!(offset_text(-4 * 3600), "-04:00");
        assert_eq!(offset_text(5 * 3600 + 1800), "+05:30");
        assert_eq!(offset_text(-(3 * 3600 + 1800)), "-03:30");
        assert_eq!(offset_text(0), "+00:00");
    }
}

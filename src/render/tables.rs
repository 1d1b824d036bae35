//! Tables: the case list.

use comfy_table::presets::NOTHING;
use comfy_table::{Cell, ContentArrangement, Table};

use crate::model::CaseSummary;
use crate::time::view::ViewZone;

/// The `list` table: slug, title, state, open hypotheses, entries, last activity.
/// Times in the view's zone (see `time::view`).
pub fn case_list(rows: &[CaseSummary], view: &ViewZone, color: bool) -> String {
    let mut table = Table::new();
    table
        .load_style(NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header([
            "",
            "slug",
            "title",
            "state",
            "open hyp.",
            "entries",
            "last activity",
        ]);
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    for row in rows {
        table.add_row(vec![
            Cell::new(if row.current { "*" } else { "" }),
            Cell::new(&row.case.slug),
            Cell::new(super::fit(&row.case.title, 48)),
            Cell::new(row.case.state),
            Cell::new(row.open_hypotheses),
            Cell::new(row.entries),
            Cell::new(view.format_compact(&row.last_activity)),
        ]);
    }
    format!("{table}\n")
}

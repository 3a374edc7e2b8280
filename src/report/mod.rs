//! Reports people read outside the chat: the case report for the police, a court or an insurer
//! (built in `export`), and the statistics for the work environment committee (`stats`). Both
//! are PDF/A-2b, tagged for PDF/UA-1 (`pdf`), set in embedded Unicode fonts (`fonts`), with
//! dates in the reader's language and the unit's time zone (`dates`); the statistics are also a
//! self-contained HTML page with charts Fyr draws itself (`chart`).

pub mod chart;
pub mod dates;
pub mod fonts;
pub mod pdf;
pub mod stats;

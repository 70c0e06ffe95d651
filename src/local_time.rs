//! Article dates as the reader shows them: in the local time zone. Feeds give their dates in
//! UTC and pages keep their own offset, so two tellings of one evening could show two days;
//! shown in one zone they compare. The stored and exported dates stay as read (ISO 8601).

use chrono::{DateTime, FixedOffset, Local, TimeZone};

/// The day of `iso` in the local zone ("2024-03-19"); a date without a time is that day.
pub fn day(iso: &str) -> String {
    day_in(iso, &Local)
}

/// `iso` in the local zone to the minute ("2024-03-19 15:00"), or the day when it has no time.
pub fn moment(iso: &str) -> String {
    moment_in(iso, &Local)
}

fn parse(iso: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(iso.trim()).ok()
}

fn day_in<Tz: TimeZone>(iso: &str, zone: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    match parse(iso) {
        Some(t) => t.with_timezone(zone).format("%Y-%m-%d").to_string(),
        None => iso.get(..10).unwrap_or(iso).to_owned(),
    }
}

fn moment_in<Tz: TimeZone>(iso: &str, zone: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    match parse(iso) {
        Some(t) => t.with_timezone(zone).format("%Y-%m-%d %H:%M").to_string(),
        None => iso.get(..10).unwrap_or(iso).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A feed's UTC evening and a page's offset are the same local day and hour.
    #[test]
    fn dates_are_shown_in_one_zone() {
        let berlin = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(day_in("2024-03-19T23:30:00Z", &berlin), "2024-03-20");
        assert_eq!(day_in("2024-03-20T00:30:00+01:00", &berlin), "2024-03-20");
        assert_eq!(
            moment_in("2024-03-19T23:30:00Z", &berlin),
            "2024-03-20 00:30"
        );
        // Without a time: the day as written.
        assert_eq!(day_in("2024-03-19", &berlin), "2024-03-19");
        assert_eq!(moment_in("2024-03-19", &berlin), "2024-03-19");
        assert_eq!(day_in("garbage", &berlin), "garbage");
    }
}

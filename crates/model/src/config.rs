//! Site configuration: the clinic's facts, loaded once from `site.json` and shared through context.

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[cfg(not(target_arch = "wasm32"))]
use crate::hours::Deferred;
use crate::hours::{Schedule, SpecialDay, WeeklyHours};
use crate::lang::{Lang, Translated};

/// How long a read may take when `site.json` does not say (and for `site.json` itself).
pub const DEFAULT_READ_TIMEOUT_MS: u32 = 10_000;

/// The clinic's facts as the site shows them. Nothing here is hard-coded in views.
///
/// Read leniently ([`SiteConfig::parse`]: a field this version does not know is ignored, so a
/// tab opened before a deploy that adds one keeps working) and checked strictly at build time
/// ([`SiteConfig::parse_strict`]). That check finds unknown fields by re-serializing, so no field
/// here or in the structs inside may use `skip_serializing_if`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// The clinic's name, shown in the header and in every page title.
    pub clinic_name: String,
    /// The name under the site's icon on a phone's home screen (the web app manifest's
    /// `short_name`, written by the build crate): at most 12 characters, which is
    /// what a home screen shows whole. Absent means the clinic's name.
    #[serde(default)]
    pub short_name: Option<String>,
    /// One short sentence under the name, in every language.
    pub tagline: Translated,
    pub phone: Phone,
    /// Public email address of the front desk.
    pub email: String,
    pub address: Address,
    /// Local emergency number, dialled from the symptom checklist's emergency alert.
    pub emergency_number: String,
    /// Form endpoint (Formspree-compatible). Empty or absent means "not configured".
    #[serde(default)]
    pub contact_endpoint: Option<String>,
    /// How long the contact form waits for the endpoint, in milliseconds (default 15000).
    /// Tests shorten it; values are kept between 1000 and 60000.
    #[serde(default)]
    pub contact_timeout_ms: Option<u32>,
    /// How long a read (the article list, an article) may take before the page says it is
    /// taking too long, in milliseconds (default 10000). Values are kept between 1000 and 60000.
    #[serde(default)]
    pub fetch_timeout_ms: Option<u32>,
    /// `false` retires the service worker; absent means offline support is on. Read by the
    /// build (`crates/build`), never by the browser, whose lenient read skips it: so
    /// the wasm carries no code for it.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(default)]
    pub offline_support: Option<bool>,
    /// Canonical origin of the deployed site, used for share links and metadata.
    pub base_url: String,
    /// What the home, Visit and contact pages show: the hours, closures, booking, getting here.
    /// Those pages load it themselves (`api::fetch_visit`); the build checks it and keeps it out
    /// of the configuration every page carries (a [`Deferred`] left empty writes `null`). The
    /// browser's copy of this type has no such field: its lenient parse skips the section.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(default)]
    pub visit: Deferred<Visit>,
}

/// The `visit` section of `site.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    /// The clinic's time zone, an IANA name ("America/Los_Angeles"): its hours are in it, and
    /// "open now" is worked out on its clock, wherever the patient is.
    #[serde(default)]
    pub time_zone: String,
    /// The weekly hours: per day, zero or more "08:00-12:00" ranges (a lunch break is two).
    #[serde(default)]
    pub hours: WeeklyHours,
    /// Closures and days of special hours; past ones are ignored, the next 60 days shown.
    #[serde(default)]
    pub closures: Vec<SpecialDay>,
    /// Online booking; absent means booking is by phone (and the home page offers writing).
    #[serde(default)]
    pub booking_url: Option<String>,
    /// Where to park, in a sentence or two (in every language, as are the texts below).
    #[serde(default)]
    pub parking: Option<Translated>,
    /// Buses, trains and bicycles.
    #[serde(default)]
    pub transport: Option<Translated>,
    /// Step-free access, lifts, accessible toilets.
    #[serde(default)]
    pub access: Option<Translated>,
    /// Where the clinic is, for search engines and maps (the build's JSON-LD). Read by the build
    /// only, like `offline_support`: the browser's copy of the float parser costs its wasm.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(default)]
    pub geo: Option<Geo>,
    /// A short introduction to the clinic for the home page.
    #[serde(default)]
    pub intro: Option<Translated>,
    /// Written by the build into the pages it renders, never in `site.json`: the day (the
    /// build's) the Visit page's list of closures starts from until the clinic's clock is read,
    /// so the HTML, as a reader without script gets it, lists the next 60 days too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_from: Option<String>,
}

impl Visit {
    /// The hours, checked (the build refuses hours it cannot use; a tab holding a configuration
    /// from another version shows what it can use of them).
    pub fn schedule(&self) -> Schedule {
        Schedule::from_config(&self.hours, &self.closures).unwrap_or_default()
    }

    /// The booking link, if one is configured.
    pub fn booking(&self) -> Option<&str> {
        self.booking_url
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Written back as read, `{"en": …, "es": …}`: the strict check compares what it writes with
/// what was given, and a page carries its `visit` section to the browser as JSON. (It belongs
/// beside the type, in `lang.rs`; a derive there replaces it.)
impl Serialize for Translated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut texts = serializer.serialize_struct("Translated", Lang::ALL.len())?;
        texts.serialize_field("en", &self.en)?;
        texts.serialize_field("es", &self.es)?;
        texts.end()
    }
}

/// The fields of `site.json` written in every language, by path (`[]`: each item of a list),
/// and whether each must be given (the others may be absent or null).
#[cfg(not(target_arch = "wasm32"))]
const TRANSLATED_FIELDS: [(&[&str], bool); 6] = [
    (&["tagline"], true),
    (&["visit", "intro"], false),
    (&["visit", "parking"], false),
    (&["visit", "transport"], false),
    (&["visit", "access"], false),
    (&["visit", "closures", "[]", "reason"], true),
];

/// The first text of `given` (`site.json` as written) not given in every language, named by
/// its path and language ("visit.closures[1].reason.es"). Optional texts may be absent or null.
#[cfg(not(target_arch = "wasm32"))]
fn untranslated(given: &serde_json::Value) -> Option<ConfigError> {
    fn find(
        value: &serde_json::Value,
        path: &[&str],
        required: bool,
        at: String,
    ) -> Option<ConfigError> {
        let invalid = |field: String, problem: &str| {
            Some(ConfigError::InvalidAt {
                field,
                problem: problem.to_string(),
            })
        };
        let Some((first, rest)) = path.split_first() else {
            let Some(texts) = value.as_object() else {
                return invalid(
                    at,
                    "must be given in every language, like {\"en\": \"…\", \"es\": \"…\"}",
                );
            };
            for lang in Lang::ALL {
                let field = format!("{at}.{}", lang.code());
                match texts.get(lang.code()) {
                    None => {
                        return invalid(
                            field,
                            "is missing (every text is given in English and Spanish)",
                        )
                    }
                    Some(serde_json::Value::String(text)) if !text.trim().is_empty() => {}
                    Some(serde_json::Value::String(_)) => return invalid(field, "is empty"),
                    Some(_) => return invalid(field, "must be a text"),
                }
            }
            let other = texts.keys().find(|key| Lang::parse(key).is_none())?;
            return invalid(
                format!("{at}.{other}"),
                "is not a language the site has (\"en\", \"es\")",
            );
        };
        if *first == "[]" {
            let items = value.as_array()?;
            return items
                .iter()
                .enumerate()
                .find_map(|(i, item)| find(item, rest, required, format!("{at}[{i}]")));
        }
        let at = if at.is_empty() {
            first.to_string()
        } else {
            format!("{at}.{first}")
        };
        match value.get(first).filter(|v| !v.is_null()) {
            Some(next) => find(next, rest, required, at),
            // A section that is absent is another check's to name (`visit.time_zone`).
            None if required && rest.is_empty() && value.is_object() => invalid(
                at,
                "is missing (every text is given in English and Spanish)",
            ),
            None => None,
        }
    }
    TRANSLATED_FIELDS
        .iter()
        .find_map(|(path, required)| find(given, path, *required, String::new()))
}

/// A point on the map, in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub latitude: f64,
    pub longitude: f64,
}

/// A phone number as shown and as dialled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// How people read it, e.g. "(503) 555-0142".
    pub display: String,
    /// What a `tel:` link dials, e.g. "+15035550142".
    pub tel: String,
}

/// A postal address.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub locality: String,
    pub region: String,
    pub postal_code: String,
}

/// Why a configuration could not be used.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ConfigError {
    #[error("the configuration is not valid JSON or lacks a field: {0}")]
    Malformed(String),
    #[error("the configuration field `{field}` {problem}")]
    Invalid {
        field: &'static str,
        problem: &'static str,
    },
    /// As `Invalid`, for a field inside a section or a list ("visit.hours.monday[1]").
    #[error("the configuration field `{field}` {problem}")]
    InvalidAt { field: String, problem: String },
    /// Fields the site does not know, by path ("phone.dispaly"); only [`SiteConfig::parse_strict`]
    /// refuses them.
    #[error("{}", unknown_fields_message(.0))]
    UnknownFields(Vec<String>),
}

fn unknown_fields_message(paths: &[String]) -> String {
    let named: Vec<String> = paths.iter().map(|path| format!("`{path}`")).collect();
    match named.as_slice() {
        [one] => {
            format!("the configuration has a field {one} that the site does not know (a typo?)")
        }
        _ => format!(
            "the configuration has fields {} that the site does not know (typos?)",
            named.join(", ")
        ),
    }
}

impl SiteConfig {
    /// Parses and checks `site.json`, ignoring fields this version does not know: what the
    /// browser uses, since a tab may outlive the deploy it was opened on.
    pub fn parse(json: &str) -> Result<Self, ConfigError> {
        let config: SiteConfig =
            serde_json::from_str(json).map_err(|e| ConfigError::Malformed(e.to_string()))?;
        config.check()?;
        Ok(config)
    }

    /// As [`SiteConfig::parse`], and refuses any field the site does not know, naming each by
    /// its path: what the build uses, so a typo in `site.json` stops the deploy instead of
    /// being silently ignored.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse_strict(json: &str) -> Result<Self, ConfigError> {
        let given: serde_json::Value =
            serde_json::from_str(json).map_err(|e| ConfigError::Malformed(e.to_string()))?;
        // Before reading it as a configuration, which would say only "missing field `es`".
        if let Some(problem) = untranslated(&given) {
            return Err(problem);
        }
        let config = Self::parse(json)?;
        config.check_for_build()?;
        // Every field is written back, absent ones as null (see the type's doc), so a key
        // given but not written back is one serde ignored. The deferred parts are written back
        // as read, not as given.
        let mut known = serde_json::to_value(&config).expect("a configuration serializes");
        known["visit"] = serde_json::to_value(config.visit_as_given()?).expect("it serializes");
        let mut unknown = Vec::new();
        unknown_paths(&given, &known, "", &mut unknown);
        if unknown.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::UnknownFields(unknown))
        }
    }

    fn check(&self) -> Result<(), ConfigError> {
        let invalid = |field, problem| Err(ConfigError::Invalid { field, problem });
        if self.clinic_name.trim().is_empty() {
            return invalid("clinic_name", "is empty");
        }
        if let Some(short) = &self.short_name {
            if short.trim().is_empty() || short.chars().count() > 12 {
                return invalid(
                    "short_name",
                    "must be 1 to 12 characters (a home screen cuts longer names)",
                );
            }
        }
        if !is_dialable(&self.phone.tel) {
            return invalid("phone.tel", "must be digits with an optional leading +");
        }
        if !is_dialable(&self.emergency_number) {
            return invalid("emergency_number", "must be digits, e.g. 911");
        }
        if !is_http_url(&self.base_url) {
            return invalid("base_url", "must start with https:// or http://");
        }
        if let Some(endpoint) = self.endpoint() {
            if !is_http_url(endpoint) {
                return invalid("contact_endpoint", "must start with https:// or http://");
            }
        }
        Ok(())
    }

    /// The checks only the build makes: the `visit` section, which the browser reads only in
    /// the pages that show it (a page's copy was checked when it was built; a tab holding one
    /// from another version shows what it can), so their code stays out of the app's first load.
    #[cfg(not(target_arch = "wasm32"))]
    fn check_for_build(&self) -> Result<(), ConfigError> {
        let visit = self.visit_as_given()?;
        let invalid = |field: &str, problem: &str| {
            Err(ConfigError::InvalidAt {
                field: format!("visit.{field}"),
                problem: problem.to_string(),
            })
        };
        if !is_time_zone(&visit.time_zone) {
            return invalid(
                "time_zone",
                "must be a time zone's IANA name, like \"America/Los_Angeles\"",
            );
        }
        if let Err(p) = Schedule::from_config(&visit.hours, &visit.closures) {
            return invalid(&p.field, p.problem);
        }
        if visit.listed_from.is_some() {
            return invalid("listed_from", "is written by the build; remove it");
        }
        if let Some(url) = visit.booking() {
            if !is_http_url(url) {
                return invalid("booking_url", "must start with https:// or http://");
            }
        }
        if let Some(geo) = visit.geo {
            if !(-90.0..=90.0).contains(&geo.latitude) {
                return invalid("geo.latitude", "must be between -90 and 90");
            }
            if !(-180.0..=180.0).contains(&geo.longitude) {
                return invalid("geo.longitude", "must be between -180 and 180");
            }
        }
        Ok(())
    }

    /// The `visit` section as written, or why it cannot be read.
    #[cfg(not(target_arch = "wasm32"))]
    fn visit_as_given(&self) -> Result<Visit, ConfigError> {
        self.visit.read().map_err(|e| ConfigError::InvalidAt {
            field: "visit".into(),
            problem: format!("cannot be read: {e}"),
        })
    }

    /// The `visit` section, as much of it as can be used.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn visit(&self) -> Visit {
        self.visit.read().unwrap_or_default()
    }

    /// A maps link to the clinic's address: on a phone it opens the patient's own maps app.
    pub fn directions_url(&self) -> String {
        let destination: String = self
            .address_line()
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                other => format!("%{other:02X}"),
            })
            .collect();
        format!("https://www.google.com/maps/dir/?api=1&destination={destination}")
    }

    /// The form endpoint, if one is configured.
    pub fn endpoint(&self) -> Option<&str> {
        self.contact_endpoint
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// How long a contact form submission may take before it counts as timed out.
    pub fn contact_timeout_ms(&self) -> u32 {
        self.contact_timeout_ms
            .map(|ms| ms.clamp(1_000, 60_000))
            .unwrap_or(15_000)
    }

    /// How long a read of the site's data may take before it counts as timed out.
    pub fn fetch_timeout_ms(&self) -> u32 {
        self.fetch_timeout_ms
            .map(|ms| ms.clamp(1_000, 60_000))
            .unwrap_or(DEFAULT_READ_TIMEOUT_MS)
    }

    /// The `tel:` URL for the clinic.
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.phone.tel)
    }

    /// The `tel:` URL for the emergency number.
    pub fn emergency_href(&self) -> String {
        format!("tel:{}", self.emergency_number)
    }

    /// The address on one line.
    pub fn address_line(&self) -> String {
        let a = &self.address;
        format!(
            "{}, {}, {} {}",
            a.street, a.locality, a.region, a.postal_code
        )
    }

    /// A canonical absolute URL for a path of the site ("/blog/x").
    pub fn canonical(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }
}

/// Pushes the path of every key of `given` that `known` lacks, at any depth.
#[cfg(not(target_arch = "wasm32"))]
fn unknown_paths(
    given: &serde_json::Value,
    known: &serde_json::Value,
    prefix: &str,
    out: &mut Vec<String>,
) {
    if let (Some(given), Some(known)) = (given.as_array(), known.as_array()) {
        for (i, (given, known)) in given.iter().zip(known).enumerate() {
            unknown_paths(given, known, &format!("{prefix}[{i}]"), out);
        }
        return;
    }
    let (Some(given), Some(known)) = (given.as_object(), known.as_object()) else {
        return;
    };
    for (key, value) in given {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match known.get(key) {
            Some(known) => unknown_paths(value, known, &path, out),
            None => out.push(path),
        }
    }
}

fn is_dialable(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether `name` is a time zone of the IANA database this build knows (the browser's `Intl`
/// would refuse another, and the status would never show).
#[cfg(not(target_arch = "wasm32"))]
fn is_time_zone(name: &str) -> bool {
    include_str!("time_zones.txt")
        .lines()
        .any(|zone| zone == name)
}

fn is_http_url(s: &str) -> bool {
    crate::paths::is_web_url(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../../public/site.json");

    fn demo_with(field: &str, value: serde_json::Value) -> String {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v[field] = value;
        v.to_string()
    }

    #[test]
    fn demo_configuration_parses_and_describes_a_fictional_clinic() {
        let c = SiteConfig::parse(DEMO).expect("demo site.json is valid");
        assert!(
            c.phone.display.contains("555-01"),
            "demo phone must be a 555-01xx number"
        );
        assert!(c.phone.tel.contains("55501"));
        assert_eq!(c.tel_href(), format!("tel:{}", c.phone.tel));
        assert!(c.address_line().contains(&c.address.postal_code));
    }

    #[test]
    fn malformed_json_is_reported_as_malformed() {
        assert!(matches!(
            SiteConfig::parse("{ not json"),
            Err(ConfigError::Malformed(_))
        ));
    }

    #[test]
    fn a_missing_field_is_named() {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v.as_object_mut().unwrap().remove("phone");
        let err = SiteConfig::parse(&v.to_string()).unwrap_err();
        assert!(err.to_string().contains("phone"), "{err}");
    }

    #[test]
    fn an_unknown_field_is_refused_by_the_strict_check_so_typos_surface() {
        let err = SiteConfig::parse_strict(&demo_with("clinic_nmae", "x".into())).unwrap_err();
        assert_eq!(err, ConfigError::UnknownFields(vec!["clinic_nmae".into()]));
        assert_eq!(
            err.to_string(),
            "the configuration has a field `clinic_nmae` that the site does not know (a typo?)"
        );
    }

    #[test]
    fn a_nested_unknown_field_is_refused_by_the_strict_check_naming_its_path() {
        let json = demo_with(
            "phone",
            serde_json::json!({"display": "x", "tel": "+15035550142", "dispaly": "x"}),
        );
        assert_eq!(
            SiteConfig::parse_strict(&json).unwrap_err().to_string(),
            "the configuration has a field `phone.dispaly` that the site does not know (a typo?)"
        );
    }

    #[test]
    fn every_unknown_field_is_named_at_once() {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v["clinic_nmae"] = "x".into();
        v["address"]["zip"] = "97000".into();
        assert_eq!(
            SiteConfig::parse_strict(&v.to_string())
                .unwrap_err()
                .to_string(),
            "the configuration has fields `address.zip`, `clinic_nmae` that the site does not \
             know (typos?)"
        );
    }

    #[test]
    fn fields_added_by_a_later_deploy_are_ignored_by_the_lenient_parse() {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v["loyalty_url"] = "https://clinic.example/points".into();
        v["phone"]["sms"] = "+15035550142".into();
        v["address"]["country"] = "US".into();
        // Written out the same way: the deferred parts (the hours) compare as text.
        let demo: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        assert_eq!(
            SiteConfig::parse(&v.to_string()),
            Ok(SiteConfig::parse(&demo.to_string()).unwrap())
        );
        assert_eq!(
            SiteConfig::parse_strict(&v.to_string()).unwrap_err(),
            ConfigError::UnknownFields(vec![
                "address.country".into(),
                "loyalty_url".into(),
                "phone.sms".into()
            ])
        );
    }

    #[test]
    fn the_strict_check_accepts_the_demo_and_every_optional_field_given_or_null() {
        assert_eq!(SiteConfig::parse_strict(DEMO), SiteConfig::parse(DEMO));
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        for (field, value) in [
            ("short_name", serde_json::Value::Null),
            ("contact_endpoint", serde_json::Value::Null),
            ("contact_timeout_ms", serde_json::Value::Null),
            ("fetch_timeout_ms", serde_json::Value::Null),
            ("offline_support", false.into()),
        ] {
            v[field] = value;
        }
        assert!(SiteConfig::parse_strict(&v.to_string()).is_ok());
    }

    /// The strict check counts a key as known when the parsed configuration writes it back; a
    /// field skipped when empty (`skip_serializing_if`) would be refused whenever it is given
    /// as empty. The struct literals list every field (the compiler insists), optional ones
    /// absent in one and present in the other.
    #[test]
    fn every_field_is_written_back_even_when_absent() {
        let text = || Translated {
            en: String::new(),
            es: String::new(),
        };
        let phone = Phone {
            display: String::new(),
            tel: String::new(),
        };
        let address = Address {
            street: String::new(),
            locality: String::new(),
            region: String::new(),
            postal_code: String::new(),
        };
        let none = SiteConfig {
            clinic_name: String::new(),
            short_name: None,
            tagline: text(),
            phone: phone.clone(),
            email: String::new(),
            address: address.clone(),
            emergency_number: String::new(),
            contact_endpoint: None,
            contact_timeout_ms: None,
            fetch_timeout_ms: None,
            offline_support: None,
            base_url: String::new(),
            visit: Deferred::default(),
        };
        let every = SiteConfig {
            clinic_name: String::new(),
            short_name: Some(String::new()),
            tagline: text(),
            phone,
            email: String::new(),
            address,
            emergency_number: String::new(),
            contact_endpoint: Some(String::new()),
            contact_timeout_ms: Some(0),
            fetch_timeout_ms: Some(0),
            offline_support: Some(false),
            base_url: String::new(),
            visit: Deferred::of(&Visit::default()),
        };
        let (none, every) = (
            serde_json::to_value(&none).unwrap(),
            serde_json::to_value(&every).unwrap(),
        );
        let mut missing = Vec::new();
        unknown_paths(&every, &none, "", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
        // And the visit section's, read at build time.
        let none = serde_json::to_value(Visit::default()).unwrap();
        let every = serde_json::to_value(Visit {
            time_zone: String::new(),
            hours: WeeklyHours::default(),
            closures: vec![SpecialDay {
                date: String::new(),
                hours: Some(vec![]),
                reason: text(),
            }],
            booking_url: Some(String::new()),
            parking: Some(text()),
            transport: Some(text()),
            access: Some(text()),
            geo: Some(Geo {
                latitude: 0.0,
                longitude: 0.0,
            }),
            intro: Some(text()),
            listed_from: None,
        })
        .unwrap();
        unknown_paths(&every, &none, "", &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn a_short_name_fits_under_a_home_screen_icon() {
        let with = |short: &str| SiteConfig::parse(&demo_with("short_name", short.into()));
        assert!(with("Alder Creek").is_ok());
        for bad in ["", "  ", "Alder Creek Chiro"] {
            assert_eq!(
                with(bad).map(|_| ()),
                Err(ConfigError::Invalid {
                    field: "short_name",
                    problem: "must be 1 to 12 characters (a home screen cuts longer names)"
                }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_phone_that_cannot_be_dialled_is_invalid() {
        let json = demo_with(
            "phone",
            serde_json::json!({"display": "x", "tel": "call us"}),
        );
        assert_eq!(
            SiteConfig::parse(&json).unwrap_err(),
            ConfigError::Invalid {
                field: "phone.tel",
                problem: "must be digits with an optional leading +"
            }
        );
    }

    #[test]
    fn an_empty_emergency_number_is_invalid() {
        let err = SiteConfig::parse(&demo_with("emergency_number", "".into())).unwrap_err();
        assert!(matches!(
            err,
            ConfigError::Invalid {
                field: "emergency_number",
                ..
            }
        ));
    }

    #[test]
    fn an_empty_or_absent_endpoint_means_not_configured() {
        let c = SiteConfig::parse(&demo_with("contact_endpoint", "  ".into())).unwrap();
        assert_eq!(c.endpoint(), None);
        let c = SiteConfig::parse(&demo_with("contact_endpoint", serde_json::Value::Null)).unwrap();
        assert_eq!(c.endpoint(), None);
    }

    #[test]
    fn an_endpoint_that_is_not_a_url_is_invalid() {
        let err =
            SiteConfig::parse(&demo_with("contact_endpoint", "formspree".into())).unwrap_err();
        assert!(matches!(
            err,
            ConfigError::Invalid {
                field: "contact_endpoint",
                ..
            }
        ));
    }

    #[test]
    fn the_read_timeout_defaults_to_10_seconds_and_stays_within_bounds() {
        let c = SiteConfig::parse(DEMO).unwrap();
        assert_eq!(c.fetch_timeout_ms(), 10_000);
        let c = SiteConfig::parse(&demo_with("fetch_timeout_ms", 3000.into())).unwrap();
        assert_eq!(c.fetch_timeout_ms(), 3_000);
        let c = SiteConfig::parse(&demo_with("fetch_timeout_ms", 5.into())).unwrap();
        assert_eq!(c.fetch_timeout_ms(), 1_000);
        let c = SiteConfig::parse(&demo_with("fetch_timeout_ms", 600_000.into())).unwrap();
        assert_eq!(c.fetch_timeout_ms(), 60_000);
        assert!(SiteConfig::parse(&demo_with("fetch_timeout_ms", "slow".into())).is_err());
    }

    #[test]
    fn the_contact_timeout_defaults_to_15_seconds_and_stays_within_bounds() {
        let c = SiteConfig::parse(DEMO).unwrap();
        assert_eq!(c.contact_timeout_ms(), 15_000);
        let c = SiteConfig::parse(&demo_with("contact_timeout_ms", 2500.into())).unwrap();
        assert_eq!(c.contact_timeout_ms(), 2_500);
        let c = SiteConfig::parse(&demo_with("contact_timeout_ms", 1.into())).unwrap();
        assert_eq!(c.contact_timeout_ms(), 1_000);
        let c = SiteConfig::parse(&demo_with("contact_timeout_ms", 9_999_999.into())).unwrap();
        assert_eq!(c.contact_timeout_ms(), 60_000);
        assert!(SiteConfig::parse(&demo_with("contact_timeout_ms", "soon".into())).is_err());
    }

    /// The demo's configuration with `field` of its `visit` section set to `value`.
    fn visit_with(field: &str, value: serde_json::Value) -> String {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v["visit"][field] = value;
        v.to_string()
    }

    /// What the build says of the demo's configuration with `visit.<field>` set to `value`.
    fn refused(field: &str, value: serde_json::Value) -> String {
        SiteConfig::parse_strict(&visit_with(field, value))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_typo_inside_the_hours_or_a_closure_is_refused_naming_its_path() {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v["visit"]["hours"]["mondya"] = serde_json::json!(["08:00-12:00"]);
        v["visit"]["closures"][1]["resaon"] = "x".into();
        assert_eq!(
            SiteConfig::parse_strict(&v.to_string()).unwrap_err(),
            ConfigError::UnknownFields(vec![
                "visit.closures[1].resaon".into(),
                "visit.hours.mondya".into()
            ])
        );
    }

    #[test]
    fn hours_that_are_not_lists_of_ranges_are_refused_by_the_build_and_read_as_none_by_a_tab() {
        let json = visit_with("hours", serde_json::json!({"monday": "08:00-18:00"}));
        let err = SiteConfig::parse_strict(&json).unwrap_err();
        assert!(
            matches!(&err, ConfigError::InvalidAt { field, .. } if field == "visit"),
            "{err}"
        );
        let tab = SiteConfig::parse(&json).unwrap();
        assert!(!tab.visit().schedule().has_hours());
    }

    #[test]
    fn the_time_zone_must_be_one_the_browser_knows() {
        for bad in ["", "Pacific", "America/Cedar_Falls", "PST"] {
            assert_eq!(
                refused("time_zone", bad.into()),
                "the configuration field `visit.time_zone` must be a time zone's IANA name, \
                 like \"America/Los_Angeles\"",
                "{bad}"
            );
        }
        for good in [
            "America/Los_Angeles",
            "Europe/Madrid",
            "UTC",
            "America/Indiana/Indianapolis",
        ] {
            assert!(
                SiteConfig::parse_strict(&visit_with("time_zone", good.into())).is_ok(),
                "{good}"
            );
        }
    }

    #[test]
    fn hours_that_cannot_be_used_are_refused_naming_the_range() {
        assert_eq!(
            refused("hours", serde_json::json!({"monday": ["08:00-12:00", "noon-6"]})),
            "the configuration field `visit.hours.monday[1]` must be a range like \"08:00-12:00\" (24-hour clock)"
        );
        assert_eq!(
            refused("hours", serde_json::json!({"friday": ["18:00-08:00"]})),
            "the configuration field `visit.hours.friday[0]` must open before it closes"
        );
        assert_eq!(
            refused(
                "hours",
                serde_json::json!({"tuesday": ["08:00-13:00", "12:00-18:00"]})
            ),
            "the configuration field `visit.hours.tuesday` has ranges that overlap"
        );
        assert!(SiteConfig::parse_strict(&visit_with("hours", serde_json::json!({}))).is_ok());
    }

    #[test]
    fn a_closure_without_a_date_or_reason_is_refused_naming_it() {
        assert_eq!(
            refused(
                "closures",
                serde_json::json!([{"date": "26 November", "reason": thanksgiving()}])
            ),
            "the configuration field `visit.closures[0].date` must be a date written as YYYY-MM-DD"
        );
        assert!(refused(
            "closures",
            serde_json::json!([{"date": "2026-11-26", "reason": {"en": " ", "es": "x"}}])
        )
        .contains("`visit.closures[0].reason.en`"));
        assert!(
            refused("closures", serde_json::json!([{"date": "2026-11-26"}]))
                .contains("`visit.closures[0].reason`")
        );
        assert!(refused(
            "closures",
            serde_json::json!([{"date": "2026-12-24", "hours": ["8-12"], "reason": thanksgiving()}])
        )
        .contains("`visit.closures[0].hours[0]`"));
    }

    fn thanksgiving() -> serde_json::Value {
        serde_json::json!({"en": "Thanksgiving", "es": "Día de Acción de Gracias"})
    }

    /// What the build says of the demo's configuration changed by `change`.
    fn refused_after(change: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        change(&mut v);
        SiteConfig::parse_strict(&v.to_string())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_text_missing_a_language_is_refused_naming_its_path_and_the_language() {
        assert_eq!(
            refused_after(|v| {
                v["visit"]["closures"][1]["reason"]
                    .as_object_mut()
                    .unwrap()
                    .remove("es");
            }),
            "the configuration field `visit.closures[1].reason.es` is missing (every text is \
             given in English and Spanish)"
        );
        assert_eq!(
            refused_after(|v| v["tagline"] = "Gentle care.".into()),
            "the configuration field `tagline` must be given in every language, like \
             {\"en\": \"…\", \"es\": \"…\"}"
        );
        assert_eq!(
            refused_after(|v| v["visit"]["parking"]["en"] = " ".into()),
            "the configuration field `visit.parking.en` is empty"
        );
        assert_eq!(
            refused_after(|v| v["visit"]["intro"]["es"] = 3.into()),
            "the configuration field `visit.intro.es` must be a text"
        );
        assert_eq!(
            refused_after(|v| v["visit"]["access"]["fr"] = "Accès".into()),
            "the configuration field `visit.access.fr` is not a language the site has \
             (\"en\", \"es\")"
        );
    }

    #[test]
    fn the_clinics_texts_are_read_in_both_languages_and_the_optional_ones_may_be_left_out() {
        let c = SiteConfig::parse_strict(DEMO).unwrap();
        assert!(c.tagline.get(Lang::Es).starts_with("Atención"));
        let visit = c.visit();
        for text in [
            &visit.intro,
            &visit.parking,
            &visit.transport,
            &visit.access,
        ] {
            let text = text.as_ref().expect("the demo gives it");
            assert!(!text.has_empty());
            assert_ne!(text.en, text.es);
        }
        assert!(visit
            .schedule()
            .specials
            .iter()
            .all(|day| !day.reason.has_empty()));
        for field in ["intro", "parking", "transport", "access"] {
            assert!(
                SiteConfig::parse_strict(&visit_with(field, serde_json::Value::Null)).is_ok(),
                "{field}"
            );
            let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
            v["visit"].as_object_mut().unwrap().remove(field);
            assert!(SiteConfig::parse_strict(&v.to_string()).is_ok(), "{field}");
        }
    }

    #[test]
    fn a_booking_link_must_be_a_web_address_and_may_be_absent() {
        assert_eq!(
            refused("booking_url", "call us".into()),
            "the configuration field `visit.booking_url` must start with https:// or http://"
        );
        for none in [serde_json::Value::Null, " ".into()] {
            let c = SiteConfig::parse_strict(&visit_with("booking_url", none)).unwrap();
            assert_eq!(c.visit().booking(), None);
        }
        let c = SiteConfig::parse(DEMO).unwrap();
        assert_eq!(c.visit().booking(), Some("https://aldercreek.example/book"));
    }

    #[test]
    fn coordinates_must_be_on_the_globe() {
        assert!(refused(
            "geo",
            serde_json::json!({"latitude": 95.0, "longitude": -123.0})
        )
        .contains("`visit.geo.latitude`"));
        assert!(refused(
            "geo",
            serde_json::json!({"latitude": 45.0, "longitude": -190.0})
        )
        .contains("`visit.geo.longitude`"));
    }

    #[test]
    fn without_a_visit_section_the_build_asks_for_the_time_zone() {
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        v.as_object_mut().unwrap().remove("visit");
        let json = v.to_string();
        assert!(SiteConfig::parse_strict(&json)
            .unwrap_err()
            .to_string()
            .contains("`visit.time_zone`"));
        assert_eq!(SiteConfig::parse(&json).unwrap().visit(), Visit::default());
    }

    #[test]
    fn directions_open_a_maps_search_for_the_address() {
        let c = SiteConfig::parse(DEMO).unwrap();
        let url = c.directions_url();
        assert!(url.starts_with("https://www.google.com/maps/dir/?api=1&destination="));
        assert!(url.contains("Suite+3%2C+Cedar+Falls%2C+OR+97000"), "{url}");
    }

    #[test]
    fn canonical_urls_join_without_double_slashes() {
        let c =
            SiteConfig::parse(&demo_with("base_url", "https://clinic.example/".into())).unwrap();
        assert_eq!(c.canonical("/blog/a"), "https://clinic.example/blog/a");
    }
}

//! How much of gitleaks' rule set the redactor holds to, measured on material we did not
//! write: strings generated from every rule's regex (`rand_regex`), and gitleaks' own
//! literal true- and false-positive samples (`tests/data/gitleaks/samples.json`, extracted
//! by `scripts/gitleaks_samples.py`; MIT, Copyright (c) 2019 Zachary Rice).
//!
//! A secret is what the rule itself reports on the sample (gitleaks' semantics: its secret
//! group, entropy and allowlists); a form passes when no reported secret survives. The bars
//! are the issue's: ≥ 99 % in each form, ≤ 5 % of false positives changed. Every miss is
//! printed (`cargo test --lib redact::coverage -- --nocapture`).

use std::collections::BTreeMap;

use rand::{RngExt as _, SeedableRng as _};

use super::{gitleaks, Redactor};

/// The forms a secret is tried in: as given, after `export X=`, as a YAML value, as a JSON
/// string and inside a log line.
const FORMS: [&str; 5] = ["alone", "export", "yaml", "json", "log line"];

/// `unit` in form `form` (JSON: as an encoded string value).
fn in_form(form: &str, unit: &str) -> String {
    match form {
        "export" => format!("export X={unit}"),
        "yaml" => format!("credentials:\n  value: {unit}\n"),
        // A JSON string value, exactly as serde_json encodes it (control characters too).
        "json" => format!(
            "{{\"value\": {}}}",
            serde_json::to_string(unit).unwrap_or_default()
        ),
        "log line" => format!("2025-03-04T10:11:12Z INFO worker[7]: loaded {unit} from cache\n"),
        _ => unit.to_owned(),
    }
}

/// What rule `rule` reports in `text`: `(unit, secret)` pairs. The unit is what the forms
/// wrap: the secret itself when the rule recognises it alone (a token with its own prefix),
/// else the rule's whole match, whose context is what makes it a secret (`heroku_key =
/// "<uuid>"`: the UUID alone is no secret to anyone).
fn secrets_of(rule: usize, text: &str) -> Vec<(String, String)> {
    // gitleaks reports a finding only when one of the rule's keywords occurs.
    let reports = |t: &str| -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        if !gitleaks::is_candidate(&gitleaks::candidates(t.as_bytes()), rule) {
            return Vec::new();
        }
        let mut found = Vec::new();
        gitleaks::find_with_matches(rule, t.as_bytes(), &mut found);
        found
    };
    reports(text)
        .into_iter()
        .filter_map(|(whole, secret)| {
            let secret = text.get(secret)?.to_owned();
            let whole = text.get(whole)?.to_owned();
            (secret.len() >= 4).then_some((whole, secret))
        })
        .map(|(whole, secret)| {
            let unit = if !reports(&secret).is_empty() {
                secret.clone()
            } else if !reports(&whole).is_empty() {
                whole
            } else {
                text.to_owned() // the keyword is elsewhere in the sample
            };
            (unit, secret)
        })
        .collect()
}

/// `regex` without `^`, `$`, `\\b`, `\\B`, `\\A`, `\\z`, which rand_regex cannot
/// generate; the rule itself then checks each generated string.
fn without_anchors(regex: &str) -> String {
    let mut out = String::with_capacity(regex.len());
    let mut chars = regex.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b' | 'B' | 'A' | 'z') if !in_class => {}
                Some(d) => {
                    out.push(c);
                    out.push(d);
                }
                None => out.push(c),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // `[]…]` and `[^]…]`: a leading `]` is literal.
                let rest = chars.as_str();
                let lead = if rest.starts_with("^]") {
                    2
                } else {
                    usize::from(rest.starts_with(']'))
                };
                for _ in 0..lead {
                    if let Some(d) = chars.next() {
                        out.push(d);
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '^' | '$' if !in_class => {}
            _ => out.push(c),
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    tried: usize,
    missed: Vec<String>,
}

impl Tally {
    fn rate(&self) -> f64 {
        if self.tried == 0 {
            return 1.0;
        }
        1.0 - self.missed.len() as f64 / self.tried as f64
    }
}

fn check(red: &Redactor, tally: &mut Tally, id: &str, text: &str, secrets: &[String]) {
    // A whole match may be the secret; its unit then is the secret too.
    tally.tried += 1;
    let out = red.redact(text);
    if let Some(s) = secrets.iter().find(|s| out.contains(s.as_str())) {
        tally
            .missed
            .push(format!("{id}: {s:?} survived in {:?}", out));
    } else if serde_json::from_str::<serde_json::Value>(text).is_ok()
        && serde_json::from_str::<serde_json::Value>(&out).is_err()
    {
        // Only the secret is replaced: JSON stays JSON.
        tally
            .missed
            .push(format!("{id}: {text:?} is no longer JSON: {out:?}"));
    }
}

/// The bar, in every form.
const BAR: f64 = 0.99;

fn report(name: &str, tallies: &BTreeMap<&str, Tally>) -> Vec<String> {
    let mut failures = Vec::new();
    for (form, t) in tallies {
        println!(
            "{name}, {form}: {}/{} redacted ({:.2} %)",
            t.tried - t.missed.len(),
            t.tried,
            100.0 * t.rate()
        );
        for m in &t.missed {
            println!("  miss {m}");
        }
        if t.rate() < BAR {
            failures.push(format!(
                "{name}, {form}: {:.2} % < {} %",
                100.0 * t.rate(),
                100.0 * BAR
            ));
        }
    }
    failures
}

#[test]
fn secrets_generated_from_every_rule_are_redacted_in_every_form() {
    let red = Redactor::builtin();
    let mut rng = rand::rngs::StdRng::seed_from_u64(13);
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut rules_without_samples = Vec::new();
    for rule in 0..gitleaks::len() {
        let id = gitleaks::id(rule);
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(&without_anchors(gitleaks::regex(rule)))
            .expect("the generator checked every regex");
        let Ok(gen) = rand_regex::Regex::with_hir(hir, 8) else {
            rules_without_samples.push(id);
            continue;
        };
        let mut got = 0;
        for _ in 0..2000 {
            if got == 8 {
                break;
            }
            let bytes: Vec<u8> = rng.sample(&gen);
            // Byte classes generate non-UTF-8 too; captured text is UTF-8.
            let Ok(sample) = String::from_utf8(bytes) else {
                continue;
            };
            let mut found = secrets_of(rule, &sample);
            if found.is_empty() {
                // The rule's keyword may lie outside its regex (`airtable` for `pat…`).
                let keyword = gitleaks::keywords_of(rule).first().copied().unwrap_or("");
                found = secrets_of(rule, &format!("{keyword} {sample}"));
            }
            if found.is_empty() {
                continue; // below the entropy threshold or allowed: not a secret to gitleaks
            }
            got += 1;
            for (unit, secret) in &found {
                for form in FORMS {
                    let text = in_form(form, unit);
                    let secret = [secret.clone()];
                    check(&red, tallies.entry(form).or_default(), id, &text, &secret);
                }
            }
        }
        if got == 0 {
            rules_without_samples.push(id);
        }
    }
    println!("rules without a generated secret: {rules_without_samples:?}");
    let failures = report("generated", &tallies);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[derive(serde::Deserialize)]
struct Samples {
    rules: BTreeMap<String, RuleSamples>,
}

#[derive(serde::Deserialize)]
struct RuleSamples {
    tps: Vec<String>,
    fps: Vec<String>,
}

fn samples() -> Samples {
    serde_json::from_str(include_str!("../../tests/data/gitleaks/samples.json"))
        .expect("samples.json parses")
}

fn rule_index(id: &str) -> Option<usize> {
    (0..gitleaks::len()).find(|&i| gitleaks::id(i) == id)
}

#[test]
fn gitleaks_true_positive_samples_are_redacted() {
    let red = Redactor::builtin();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for (id, s) in &samples().rules {
        let Some(rule) = rule_index(id) else {
            continue; // pkcs12-file: a path-only rule
        };
        for tp in &s.tps {
            let found = secrets_of(rule, tp);
            let written = tallies.entry("as written").or_default();
            if found.is_empty() {
                // gitleaks reports it; our conversion of the rule does not.
                written.tried += 1;
                written
                    .missed
                    .push(format!("{id}: the rule finds nothing in {tp:?}"));
                continue;
            }
            let secrets: Vec<String> = found.iter().map(|(_, s)| s.clone()).collect();
            check(&red, written, id, tp, &secrets);
            for (unit, secret) in &found {
                for form in FORMS {
                    let text = in_form(form, unit);
                    let secret = [secret.clone()];
                    check(&red, tallies.entry(form).or_default(), id, &text, &secret);
                }
            }
        }
    }
    let failures = report("gitleaks true positives", &tallies);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn few_gitleaks_false_positive_samples_are_redacted() {
    let red = Redactor::builtin();
    // As written, and inside a JSON string (where the rules also read the string unescaped:
    // that view must not over-redact either).
    for form in ["as written", "json"] {
        let (mut tried, mut changed) = (0, Vec::new());
        for (id, s) in &samples().rules {
            for fp in &s.fps {
                tried += 1;
                let text = if form == "json" {
                    in_form("json", fp)
                } else {
                    fp.clone()
                };
                let out = red.redact(&text);
                if out != text.as_str() {
                    changed.push(format!("{id}: {text:?} -> {out:?}"));
                }
            }
        }
        let rate = changed.len() as f64 / tried as f64;
        println!(
            "gitleaks false positives redacted, {form}: {}/{tried} ({:.2} %)",
            changed.len(),
            100.0 * rate
        );
        for c in &changed {
            println!("  {c}");
        }
        assert!(
            rate <= 0.05,
            "{form}: {:.2} % of false positives redacted",
            100.0 * rate
        );
    }
}

#[test]
fn hashes_uuids_paths_and_prose_are_never_redacted() {
    let red = Redactor::builtin();
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let hex = |rng: &mut rand::rngs::StdRng, n: usize| -> String {
        (0..n)
            .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
            .collect()
    };
    let mut texts = Vec::new();
    for _ in 0..200 {
        let uuid = format!(
            "{}-{}-4{}-a{}-{}",
            hex(&mut rng, 8),
            hex(&mut rng, 4),
            hex(&mut rng, 3),
            hex(&mut rng, 3),
            hex(&mut rng, 12)
        );
        let sha1 = hex(&mut rng, 40);
        let sha256 = hex(&mut rng, 64);
        texts.push(uuid.clone());
        texts.push(sha1.clone());
        texts.push(sha256.clone());
        texts.push(format!("request_id={uuid} status=200"));
        texts.push(format!("commit {sha1}\nMerge: {}", hex(&mut rng, 7)));
        texts.push(format!("sha256:{sha256}  casefile-x86_64.tar.gz"));
        texts.push(format!("image: registry.example.com/app@sha256:{sha256}"));
        texts.push(format!("  {} refs/heads/main", sha1));
    }
    texts.extend(
        [
            "/home/jane/.config/casefile/config.toml",
            "C:\\Users\\Jane\\AppData\\Local\\Temp\\token-cache.lock",
            "./target/release/build/casefile-0f3b2a1c9d8e7f6a/out/keys.rs",
            "/usr/lib/x86_64-linux-gnu/libssl.so.3",
            "~/.ssh/id_ed25519.pub",
            "The token expired at noon, so the login failed and we rotated the API key.",
            "Passwords must be at least 12 characters; the secret is to use a manager.",
            "auth: token refresh failed: upstream timeout (attempt 2/5)",
            "Primary key violation on table users (key: id=42)",
        ]
        .map(str::to_owned),
    );
    for t in &texts {
        let out = red.redact(t);
        assert_eq!(out, t.as_str(), "changed: {t:?}");
        // And inside a JSON string, escaped (`C:\\Users`, `\n`).
        let json = in_form("json", t);
        assert_eq!(red.redact(&json), json.as_str(), "changed: {json:?}");
    }
}

#[test]
fn secret_named_assignments_in_every_syntax() {
    let red = Redactor::builtin();
    let s = "Zq81mVx0Lp3Tn6RbW2";
    let cases = [
        format!("API_TOKEN={s}"),
        format!("token := \"{s}\""),
        format!("SNYK_KEY ::= {s}"),
        format!("MAILCHIMP_KEY :::= {s}"),
        format!("ACCESS_KEY ?= {s}"),
        format!("$password .= \"{s}\";"),
        format!("secret += \"{s}\""),
        format!("  client_secret: {s}"),
        format!("'api_key' => '{s}',"),
        format!("{{\"accessKey\": \"{s}\"}}"),
        format!("[server]\ntoken = \"{s}\""),
        format!("[db]\npassword={s}"),
        format!("SONAR_LOGIN={s}"),
        format!("<add key=\"x\" password=\"{s}\"/>"),
        format!("<secretKey>{s}</secretKey>"),
        format!("var apiToken string = \"{s}\""),
        format!("apiToken := `{s}`"),
        format!("System.setProperty(\"X_TOKEN\", \"{s}\");"),
        format!("os.Setenv(\"GITHUB_TOKEN\", \"{s}\")"),
        format!("ENV[\"DB_PASSWORD\"] = \"{s}\""),
        format!("mysql --password={s} app"),
        format!("gh auth login --token {s}"),
        format!("curl -u admin:{s} https://example.com"),
        format!("curl -H \"Authorization: Bearer {s}\" https://example.com"),
        format!("git clone https://jane:{s}@example.com/r.git"),
        format!("access_key: {s}"),
        format!("ACCESSKEY={s}"),
        format!("secretKey: \"{s}\""),
        format!("auth={s}"),
        format!("vault write --client-secret {s}"),
        format!("Credentials = '{s}'"),
        format!("DB_PWD={s}"),
        format!("passwd: {s}"),
        format!("x_api_key: {s}"),
    ];
    for text in &cases {
        let out = red.redact(text);
        assert!(!out.contains(s), "{text:?} -> {out:?}");
        assert!(out.contains("[REDACTED:"), "{text:?} -> {out:?}");
        // The key and the syntax stay.
        let before = &text[..text.find(s).unwrap_or(0)];
        let keep = before.split_whitespace().next().unwrap_or("");
        assert!(out.contains(keep), "{text:?} -> {out:?}");
    }
    // Ordinary values stay.
    for text in [
        "token: expired",
        "fn f(password: &str) -> bool",
        "primary_key: id",
        "PWD=/home/jane/src",
        "auth: required",
        "login: jane",
        "SECRET_NAME=db-credentials",
        "cache key=user:42:profile",
        "public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx1",
        "<token>${TOKEN}</token>",
        "api_key = \"<your-api-key-here>\"",
    ] {
        assert_eq!(red.redact(text), text, "changed: {text:?}");
    }
}

#[test]
fn exactly_the_secret_is_replaced() {
    let red = Redactor::builtin();
    let fly = "fm2_lJPECAAAAAAAAyZtxBD1hSZ7L5leXsj64ZbDlkm/wrVodHRwczovL2FwaS5mbHkuaW8vdjGWAJLOAAwMDB8Lk7lodHRwczovL2FwaS5mbHkuaW8vYWFhL3YxxDwDnhgJj/ML/nRKMiAYgnvXfNacrGWffj5TdfgGY2LU0ZetT7WzTLQQMO8cN2nRTztl";
    assert_eq!(
        red.redact(&format!("FLY_API_TOKEN: FlyV1 {fly}")),
        "FLY_API_TOKEN: [REDACTED:flyio-access-token]"
    );
    // Overlapping matches merge into one marker; a marker is never redacted again.
    let gh = "ghp_R8kq2Vx0LmT4nB7wZ1yQ5sJ9dH3fC6gP0aEu";
    let text = format!("GITHUB_TOKEN={gh} token={gh}");
    let once = red.redact(&text);
    assert_eq!(
        once,
        "GITHUB_TOKEN=[REDACTED:github-pat] token=[REDACTED:github-pat]"
    );
    assert_eq!(red.redact(&once), once);
}

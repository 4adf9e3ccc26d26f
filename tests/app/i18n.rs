//! Every locale has every message, and every message the code or a template asks for
//! exists.

use std::collections::BTreeSet;
use std::path::Path;

fn keys_of(path: &Path) -> BTreeSet<String> {
    let src = std::fs::read_to_string(path).expect("ftl file");
    let resource = fluent_syntax::parser::parse(src.as_str())
        .unwrap_or_else(|(_, errs)| panic!("{} does not parse: {errs:?}", path.display()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Every message of one language: the union of all `.ftl` files in its folder (each
/// area of the code keeps its own file, so parallel work does not collide in one file).
fn keys_of_lang(lang: &str) -> BTreeSet<String> {
    let dir = root().join("locales").join(lang);
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    let mut keys = BTreeSet::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "ftl"))
    {
        let these = keys_of(f);
        for k in &these {
            assert!(!keys.contains(k), "{k} is defined twice in locales/{lang}");
        }
        keys.extend(these);
    }
    keys
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_locale_has_exactly_the_english_keys() {
    let en = keys_of_lang("en");
    assert!(en.len() > 50);
    for lang in ["id", "el", "fr"] {
        let other = keys_of_lang(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "{lang} misses {missing:?}");
        assert!(extra.is_empty(), "{lang} has unknown keys {extra:?}");
    }
}

#[test]
fn every_key_used_in_code_and_templates_exists() {
    let en = keys_of_lang("en");
    let patterns = [
        r#"\.t\("([a-z0-9-]+)"\)"#,
        r#"\.t1\("([a-z0-9-]+)""#,
        r#"\.tn\("([a-z0-9-]+)""#,
        r#"t_args\(\s*"([a-z0-9-]+)""#,
        r#"\.action\("([a-z0-9-]+)""#,
        r#"Err\("([a-z0-9-]+)"\)"#,
        r#"ok_or\("([a-z0-9-]+)"\)"#,
        r#"errors\.add\("[a-z_]+", "([a-z0-9-]+)"\)"#,
        r#"Email::new\([^;]*?"([a-z0-9-]+-subject)"\)"#,
    ];
    let res: Vec<regex::Regex> = patterns
        .iter()
        .map(|p| regex::Regex::new(p).expect("regex"))
        .collect();
    let mut files = Vec::new();
    files_under(&root().join("src"), &mut files);
    files_under(&root().join("templates"), &mut files);
    let mut used = BTreeSet::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for re in &res {
            for c in re.captures_iter(&text) {
                used.insert((c[1].to_string(), f.display().to_string()));
            }
        }
    }
    assert!(used.len() > 50, "the scan finds the keys ({})", used.len());
    // Keys built at run time: the error pages.
    for code in [400, 403, 404, 405, 409, 413, 429, 500, 503] {
        for part in ["title", "text"] {
            used.insert((format!("error-{code}-{part}"), "web/error_pages.rs".into()));
        }
    }
    let unknown: Vec<_> = used.iter().filter(|(k, _)| !en.contains(k)).collect();
    assert!(unknown.is_empty(), "unknown message keys: {unknown:?}");
}

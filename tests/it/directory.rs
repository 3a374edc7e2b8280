//! The staff directory: HR and AD exports as Swedish and Danish systems write them, each broken
//! export in tests/corpus/directory/ with its located error, `fyr import-directory --dry-run`,
//! and the size a municipality has.

use std::path::Path;

use fyr::config::Config;
use fyr::model::PersonId;

use crate::support::{root, FyrCmd};

fn corpus() -> std::path::PathBuf {
    root().join("tests/corpus/directory")
}

#[test]
fn a_swedish_hr_export_with_bom_semicolons_and_quotes_loads() {
    let config = Config::load(&corpus().join("bot.toml")).unwrap();
    let sara = config.person("e100").expect("ids are read in lower case");
    assert_eq!(
        sara.name, "Lind, Sara",
        "a quoted field keeps its delimiter"
    );
    assert_eq!(sara.unit.as_str(), "soc", "a unit named by its name");
    assert_eq!(sara.matrix.as_deref(), Some("@sara:example.org"));
    assert_eq!(sara.manager, Some(PersonId::new("e101")));
    assert_eq!(
        config
            .person_by_matrix("@sara:example.org")
            .map(|p| p.id.as_str()),
        Some("e100")
    );
    let soc = config.unit(&fyr::model::UnitId::new("soc")).unwrap();
    assert_eq!(
        soc.manager.as_str(),
        "e101",
        "the role column names the manager"
    );
    assert_eq!(soc.safety_reps, vec![PersonId::new("e103")]);
    let chain: Vec<&str> = soc
        .policy
        .manager_chain
        .iter()
        .map(|p| p.as_str())
        .collect();
    assert_eq!(chain, ["e101", "e102"], "the manager's own manager is next");
}

#[test]
fn every_broken_directory_in_the_corpus_gets_its_located_error() {
    let mut checked = 0;
    let mut files: Vec<_> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "expect"))
        .collect();
    files.sort();
    for expect_file in files {
        let csv = expect_file.with_extension("csv");
        let expect = std::fs::read_to_string(&expect_file).unwrap();
        let expect = expect.trim();
        let err = Config::load_with_directory(&corpus().join("bot.toml"), &csv)
            .expect_err("a corpus directory is broken");
        let shown = err.to_string();
        assert!(
            shown.contains(expect),
            "{}: expected `{expect}` in:\n{shown}",
            csv.display()
        );
        for problem in err.problems() {
            assert!(problem.line >= 1 && problem.column >= 1);
            assert!(!problem.help.is_empty(), "every problem says what to do");
        }
        checked += 1;
    }
    assert!(checked >= 7, "the corpus has its cases ({checked})");
}

#[test]
fn a_comma_export_without_bom_and_with_danish_headers_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(corpus().join("bot.toml"), dir.path().join("bot.toml")).unwrap();
    std::fs::write(
        dir.path().join("staff.csv"),
        "Medarbejdernummer,Fornavn,Efternavn,Enhed,Leder,Sprog,Rolle,E-mail\n\
         1,Mette,Holm,soc,2,da,,mette@example.dk\n\
         2,Jens,Lund,soc,,dansk,leder|vagthavende,\n\
         3,Pia,Juhl,soc,2,,arbejdsmiljørepræsentant,\n\
         4,Bo,Bok,bib,,,manager\n\
         e200,Ea,Ege,bib,4,,\n",
    )
    .unwrap();
    let config = Config::load(&dir.path().join("bot.toml")).unwrap();
    let mette = config.person("1").unwrap();
    assert_eq!(mette.name, "Mette Holm");
    assert_eq!(mette.language, fyr::model::Language::Da);
    assert_eq!(mette.email.as_deref(), Some("mette@example.dk"));
    let soc = config.unit(&fyr::model::UnitId::new("soc")).unwrap();
    assert_eq!(soc.manager.as_str(), "2");
    assert_eq!(soc.policy.out_of_hours, Some(PersonId::new("2")));
    assert_eq!(soc.safety_reps, vec![PersonId::new("3")]);
}

fn write_case(dir: &Path, staff: &str) -> std::path::PathBuf {
    std::fs::copy(corpus().join("bot.toml"), dir.join("bot.toml")).unwrap();
    std::fs::write(dir.join("staff.csv"), staff).unwrap();
    dir.join("bot.toml")
}

const STAFF: &str = "person_id;name;unit;manager_id;role\n\
    e100;Sara Lind;soc;e101;\n\
    e101;Omar Berg;soc;;manager\n\
    e103;Rut Ek;soc;e101;safety rep\n\
    e200;Bo Bok;bib;;manager\n";

#[test]
fn import_directory_dry_run_prints_added_removed_and_moved_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_case(dir.path(), STAFF);
    let new = dir.path().join("export.csv");
    std::fs::write(
        &new,
        "person_id;name;unit;manager_id;role\n\
         e100;Sara Lind;bib;e200;\n\
         e101;Omar Berg;soc;;manager\n\
         e103;Rut Ek;soc;e101;safety rep\n\
         e104;Nils Ny;soc;e101;\n\
         e201;Ann Bok;bib;;manager\n\
         e200;Bo Bok;bib;e201;\n",
    )
    .unwrap();
    let out = FyrCmd::new()
        .arg("import-directory")
        .arg(&new)
        .arg("--config")
        .arg(&config)
        .arg("--dry-run")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("added   e104 (soc)"), "{stdout}");
    assert!(stdout.contains("added   e201 (bib)"), "{stdout}");
    assert!(stdout.contains("moved   e100 (soc → bib)"), "{stdout}");
    assert!(stdout.contains("1 moved"), "{stdout}");
    assert!(stdout.contains("nothing was changed"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("staff.csv")).unwrap(),
        STAFF
    );

    // Without --dry-run the export replaces the directory bot.toml names.
    let out = FyrCmd::new()
        .arg("import-directory")
        .arg(&new)
        .arg("--config")
        .arg(&config)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(dir.path().join("staff.csv")).unwrap(),
        std::fs::read(&new).unwrap()
    );
}

#[test]
fn import_directory_refuses_a_broken_export_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_case(dir.path(), STAFF);
    let out = FyrCmd::new()
        .arg("import-directory")
        .arg(corpus().join("manager-cycle.csv"))
        .arg("--config")
        .arg(&config)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("manager-cycle.csv:3:20: error: the managers go round in a circle"),
        "{stderr}"
    );
    assert!(stderr.contains("help:"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("staff.csv")).unwrap(),
        STAFF
    );
}

/// 50 000 persons in 500 units' worth of rows (one unit per bot.toml unit here), loaded and
/// validated; the bench `cargo bench --bench directory` measures it in release.
pub fn big_directory(persons: usize) -> String {
    let mut csv = String::from("person_id;name;unit;manager_id;language;matrix_id;role\n");
    for i in 0..persons {
        let unit = if i % 2 == 0 { "soc" } else { "bib" };
        let (manager, role) = match i {
            0 | 1 => (String::new(), "manager"),
            2 => ("p0".to_string(), "safety rep"),
            3 => ("p1".to_string(), "safety rep"),
            _ => (format!("p{}", i % 2), ""),
        };
        csv.push_str(&format!(
            "p{i};\"Person {i}\";{unit};{manager};sv;@p{i}:example.org;{role}\n"
        ));
    }
    csv
}

#[test]
fn fifty_thousand_persons_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bot.toml"),
        std::fs::read_to_string(corpus().join("bot.toml"))
            .unwrap()
            .replace("safety_reps = [\"e200\"]\n", ""),
    )
    .unwrap();
    std::fs::write(dir.path().join("staff.csv"), big_directory(50_000)).unwrap();
    let config = Config::load(&dir.path().join("bot.toml")).unwrap();
    assert_eq!(config.persons.len(), 50_000);
    assert_eq!(
        config
            .person_by_matrix("@p49999:example.org")
            .map(|p| p.id.as_str()),
        Some("p49999")
    );
}

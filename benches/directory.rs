//! How long a municipality's staff directory takes to load: 50 000 persons (a CSV of about
//! 3 MB, `;`-separated, quoted names, Matrix ids, roles) read, checked and indexed with
//! bot.toml, as at start and at every reload. Target: under 2 s. A plain bench binary:
//! `cargo bench --no-default-features --bench directory` (optionally `-- 100000`).

use std::time::Instant;

use fyr::config::Config;

fn big_directory(persons: usize) -> String {
    let mut csv = String::from("person_id;name;unit;manager_id;language;matrix_id;role\n");
    for i in 0..persons {
        let unit = if i % 2 == 0 { "soc" } else { "bib" };
        let (manager, role) = match i {
            0 | 1 => (String::new(), "manager"),
            2 => ("p0".to_string(), "safety rep"),
            3 => ("p1".to_string(), "safety rep"),
            // Chains three levels deep: most report to a team lead, who reports to the manager.
            _ if i < 200 => (format!("p{}", i % 2), ""),
            _ => (format!("p{}", 4 + i % 196), ""),
        };
        csv.push_str(&format!(
            "p{i};\"Efternamn{i}, Förnamn\";{unit};{manager};sv;@p{i}:example.org;{role}\n"
        ));
    }
    csv
}

fn main() {
    let persons: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(50_000);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("fyr-directory-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let toml = std::fs::read_to_string(root.join("tests/corpus/directory/bot.toml"))
        .unwrap()
        .replace("safety_reps = [\"e200\"]\n", "");
    std::fs::write(dir.join("bot.toml"), toml).unwrap();
    let csv = big_directory(persons);
    std::fs::write(dir.join("staff.csv"), &csv).unwrap();
    println!(
        "## directory: {persons} persons, {:.1} MB CSV, Config::load (bot.toml + directory)",
        csv.len() as f64 / 1e6
    );
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        let config = Config::load(&dir.join("bot.toml")).unwrap();
        times.push(start.elapsed());
        assert_eq!(config.persons.len(), persons);
    }
    times.sort();
    println!(
        "load: min {:.0} ms, median {:.0} ms, max {:.0} ms (target < 2000 ms)",
        times[0].as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
    let _ = std::fs::remove_dir_all(&dir);
}

//! Installing Fyr: the stated minimum Rust is the real one, the systemd unit is hardened and
//! passes `systemd-analyze verify`, and the Debian package's metadata names files that exist.

use std::path::PathBuf;

use crate::support::root;

fn version(text: &str) -> Vec<u32> {
    text.split('.').filter_map(|p| p.parse().ok()).collect()
}

/// The `rust-version` a Cargo.toml states, if any.
fn rust_version(manifest: &str) -> Option<Vec<u32>> {
    let value: toml::Value = toml::from_str(manifest).ok()?;
    let package = value.get("package")?;
    package.get("rust-version")?.as_str().map(version)
}

fn registry_sources() -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"));
    std::fs::read_dir(home.join("registry/src"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn rust_version_is_the_highest_in_the_lock_file() {
    let ours = rust_version(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap())
        .expect("Cargo.toml states a rust-version");
    let lock: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.lock")).unwrap()).unwrap();
    let sources = registry_sources();
    assert!(
        !sources.is_empty(),
        "no registry sources under CARGO_HOME (run cargo fetch)"
    );
    let (mut highest, mut by, mut read, mut locked) = (Vec::new(), String::new(), 0, 0);
    for package in lock["package"].as_array().unwrap() {
        if !package
            .get("source")
            .and_then(|s| s.as_str())
            .is_some_and(|s| s.starts_with("registry+"))
        {
            continue;
        }
        locked += 1;
        let name = format!(
            "{}-{}",
            package["name"].as_str().unwrap(),
            package["version"].as_str().unwrap()
        );
        let Some(manifest) = sources
            .iter()
            .find_map(|s| std::fs::read_to_string(s.join(&name).join("Cargo.toml")).ok())
        else {
            continue;
        };
        read += 1;
        if let Some(v) = rust_version(&manifest) {
            if v > highest {
                highest = v;
                by = name;
            }
        }
    }
    assert!(
        read * 10 >= locked * 9,
        "only {read} of {locked} locked crates found"
    );
    assert_eq!(
        ours, highest,
        "Cargo.toml's rust-version must be the highest a dependency needs ({by})"
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let stated = format!(
        "{}.{} or newer",
        highest[0],
        highest.get(1).copied().unwrap_or(0)
    );
    assert!(readme.contains(&stated), "README states `{stated}`");
}

/// The unit with ExecStart pointing at the binary under test (verify wants it to exist).
fn unit_for_test(dir: &std::path::Path) -> PathBuf {
    let unit = std::fs::read_to_string(root().join("deploy/fyr.service"))
        .unwrap()
        .replace("/usr/bin/fyr", crate::support::fyr_bin().to_str().unwrap());
    let path = dir.join("fyr.service");
    std::fs::write(&path, unit).unwrap();
    path
}

fn systemd_analyze() -> std::process::Command {
    let found = std::process::Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok();
    assert!(
        found,
        "systemd-analyze is not installed: apt-get install systemd (.ci/run does it)"
    );
    std::process::Command::new("systemd-analyze")
}

#[test]
fn the_service_unit_is_hardened_and_systemd_accepts_it() {
    let unit = std::fs::read_to_string(root().join("deploy/fyr.service")).unwrap();
    for line in [
        "User=fyr",
        "StateDirectory=fyr",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "SystemCallFilter=@system-service",
        "CapabilityBoundingSet=\n",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "KillSignal=SIGTERM",
        "UMask=0077",
    ] {
        assert!(
            unit.contains(line),
            "deploy/fyr.service lacks `{}`",
            line.trim()
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = unit_for_test(dir.path());
    let out = systemd_analyze().arg("verify").arg(&path).output().unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "systemd-analyze verify: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = systemd_analyze()
        .args(["security", "--offline=yes", "--threshold=20"])
        .arg(&path)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let score: f64 = report
        .lines()
        .find_map(|l| l.split("exposure level for fyr.service: ").nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no exposure level in:\n{report}"));
    assert!(
        score <= 2.0,
        "exposure {score} (README states the figure):\n{report}"
    );
}

#[test]
fn the_debian_package_metadata_names_files_that_exist() {
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let deb = &manifest["package"]["metadata"]["deb"];
    let assets = deb["assets"].as_array().unwrap();
    let targets: Vec<&str> = assets.iter().map(|a| a[1].as_str().unwrap()).collect();
    for wanted in ["usr/bin/", "lib/systemd/system/", "etc/fyr/bot.toml"] {
        assert!(targets.contains(&wanted), "the package installs {wanted}");
    }
    for asset in assets {
        let source = asset[0].as_str().unwrap();
        if !source.starts_with("target/") {
            assert!(root().join(source).exists(), "{source} is missing");
        }
    }
    let scripts = root().join(deb["maintainer-scripts"].as_str().unwrap());
    assert!(scripts.join("postinst").exists());
    // The sample configuration the package installs is a valid one, apart from its directory
    // (an example with only a header) and its secrets.
    let sample = std::fs::read_to_string(root().join("deploy/bot.toml")).unwrap();
    assert!(
        sample.contains("store = \"/var/lib/fyr/"),
        "the Matrix store is writable under the unit"
    );
}

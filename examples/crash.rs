//! The crash suite at full length (issue 9): `fyr chat` killed with SIGKILL at random points
//! and restarted, checking after every cycle that nothing confirmed is lost and nothing is
//! shown twice. The harness is `tests/it/crash.rs`, shared with the short run in `cargo test`.
//!
//! ```sh
//! cargo build --bin fyr && cargo run --example crash -- --cycles 200 [--seed N] [--verbose]
//! ```
//!
//! It runs the `fyr` binary next to this example (`target/<profile>/fyr`, or `--fyr PATH`).

#[allow(dead_code)]
#[path = "../tests/it/crash.rs"]
mod crash;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut cycles = 200;
    let mut seed = crash::fresh_seed();
    let mut verbose = false;
    let mut fyr = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("fyr")))
        .unwrap_or_else(|| PathBuf::from("target/debug/fyr"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| {
            args.next().unwrap_or_else(|| {
                eprintln!("error: {arg} needs a value");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--cycles" => cycles = value(&mut args).parse().unwrap_or(cycles),
            "--seed" => seed = value(&mut args).parse().unwrap_or(seed),
            "--fyr" => fyr = PathBuf::from(value(&mut args)),
            "--verbose" => verbose = true,
            other => {
                eprintln!(
                    "error: unknown argument {other}\n  usage: crash [--cycles N] [--seed N] [--fyr PATH] [--verbose]"
                );
                return ExitCode::from(2);
            }
        }
    }
    if !fyr.is_file() {
        eprintln!(
            "error: {} does not exist\n  help: build it first: cargo build --bin fyr",
            fyr.display()
        );
        return ExitCode::from(2);
    }
    let options = crash::Options {
        cycles,
        seed,
        fyr,
        config: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bot.toml"),
        verbose,
    };
    match crash::run(&options) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

//! Fyr's integration tests, in one binary (one link, fast to run).

mod architecture;
mod backup;
mod catchup;
mod config;
mod corpus;
mod crash;
mod danger;
mod delivery;
mod deploy;
mod directory;
#[cfg(feature = "discord")]
mod discord;
mod doctor;
mod engine;
mod erasure;
mod escalation;
mod evidence;
#[cfg(feature = "discord")]
mod fake_discord;
mod flood;
mod helpers;
mod locales;
#[cfg(feature = "matrix")]
mod matrix;
mod operator;
mod playbook;
mod process;
mod props;
mod reload;
mod report;
mod roles;
mod store;
mod support;
mod transcripts;

//! Fyr: a chat-bot that guides public-sector staff in Sweden and Denmark who are targeted by
//! threats, harassment, hate or online exposure — one question at a time, in their language,
//! with their country's law and channels. See ARCHITECTURE.md for the map.

// matrix-sdk's futures are deep.
#![recursion_limit = "256"]

pub mod adapters;
pub mod backup;
pub mod clock;
pub mod config;
pub mod doctor;
pub mod driver;
pub mod engine;
pub mod erasure;
pub mod export;
pub mod flood;
pub mod i18n;
pub mod logging;
pub mod metrics;
pub mod model;
pub mod ops;
pub mod reload;
pub mod report;
pub mod service;
pub mod signals;
pub mod store;

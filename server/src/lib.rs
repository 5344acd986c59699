//! The Mizon server: configuration, start-up, the command line and the
//! HTTP edge (the Leptos pages and the public JSON API). Every action they
//! take is a method of `services::Services`; `main.rs` is only the command
//! line, and tests build the same [`startup::Application`] on a random port.

pub mod api;
pub mod audit_commands;
pub mod cli;
pub mod config;
pub mod instrument_diff;
pub mod startup;
pub mod web;

//! The Mizon server: configuration, start-up, storage, services and the
//! HTTP edge. `main.rs` is only the command line; tests build the same
//! [`startup::Application`] on a random port.

pub mod cli;
pub mod config;
pub mod db;
pub mod definition_check;
pub mod library;
pub mod password;
pub mod services;
pub mod startup;
pub mod store;
pub mod time;
pub mod web;

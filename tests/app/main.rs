//! Integration tests: the real app on a random port, a fresh database per test, real
//! SMTP where mail delivery is the point.

mod helpers;

mod accounts;
mod cache;
mod crash;
mod i18n;
mod listings;
mod mail;
mod ops;
mod orders;
mod photos;
mod search;
mod security;
mod seed;
mod shell;

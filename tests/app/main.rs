//! Integration tests: the real app on a random port, a fresh database per test, real
//! SMTP where mail delivery is the point.

mod helpers;

mod accounts;
mod admin;
mod audit;
mod cache;
mod cards;
mod crash;
mod disconnect;
mod hygiene;
mod i18n;
mod integrity;
mod listings;
mod mail;
mod moderation;
mod money;
mod ops;
mod orders;
mod pages;
mod photos;
mod plans;
mod production;
mod profile;
mod reviews;
mod search;
mod security;
mod seed;
mod shell;
mod signals;
mod timezones;

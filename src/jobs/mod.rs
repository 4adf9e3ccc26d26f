//! Background work: a Postgres job queue (`queue`), typed jobs and their registry
//! (`registry`), and the worker loop that runs inside every `serve` process (`worker`).

pub mod queue;
pub mod registry;
pub mod worker;

pub use registry::{Db, Job, Meta, Periodic, Registry};

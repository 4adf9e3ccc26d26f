//! Background work: a Postgres job queue (`queue`) and the worker loop that runs inside
//! every `serve` process (`worker`).

pub mod queue;
pub mod worker;

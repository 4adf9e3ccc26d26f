//! Email: messages are composed in the recipient's language, rendered to text + HTML and
//! written to the outbox in the same transaction as the change that causes them; the job
//! worker delivers them through a lettre transport.

pub mod compose;
pub mod delivery;
pub mod dev;
pub mod outbox;
pub mod transport;

pub use compose::{Action, Email};

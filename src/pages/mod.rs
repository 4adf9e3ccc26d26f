//! Pages built from several features, each read through that feature's functions: the
//! home page today (the public profile is still in `listings::routes`, see
//! docs/decisions.md).

pub mod home;

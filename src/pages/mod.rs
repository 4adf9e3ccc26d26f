//! Pages built from several features, each read through that feature's functions: the
//! home page and the public profile.

pub mod home;
pub mod profile;

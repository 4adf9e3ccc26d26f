//! `--name value` options; a handful, so no parser crate.

use std::collections::HashMap;
use std::str::FromStr;

use anyhow::{anyhow, Context};

pub struct Args {
    pub command: Option<String>,
    options: HashMap<String, String>,
}

impl Args {
    pub fn from_env() -> Args {
        let mut it = std::env::args().skip(1);
        let command = it.next();
        let mut options = HashMap::new();
        while let Some(name) = it.next() {
            let value = it.next().unwrap_or_default();
            options.insert(name.trim_start_matches('-').to_string(), value);
        }
        Args { command, options }
    }

    pub fn required(&mut self, name: &str) -> anyhow::Result<String> {
        self.options
            .remove(name)
            .ok_or_else(|| anyhow!("--{name} is required"))
    }

    pub fn get<T: FromStr>(&mut self, name: &str, default: T) -> anyhow::Result<T>
    where
        T::Err: std::error::Error + Send + Sync + 'static,
    {
        match self.options.remove(name) {
            Some(v) => v.parse().with_context(|| format!("--{name} {v}")),
            None => Ok(default),
        }
    }

    pub fn optional(&mut self, name: &str) -> Option<String> {
        self.options.remove(name)
    }
}

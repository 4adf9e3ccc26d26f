//! At most so many expensive requests (searches) per client address at once, so that one
//! client cannot take every database connection. Counted in this process only: the
//! server keeps no other state between requests, and with several processes each one
//! protects its own pool, which is what runs out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug)]
pub struct Gate {
    per_client: usize,
    running: Mutex<HashMap<String, usize>>,
}

/// One admitted request; leaving frees its place (also when the request is dropped
/// because the visitor went away).
#[derive(Debug)]
pub struct Pass {
    gate: Arc<Gate>,
    client: String,
}

impl Gate {
    pub fn new(per_client: usize) -> Arc<Gate> {
        Arc::new(Gate {
            per_client: per_client.max(1),
            running: Mutex::new(HashMap::new()),
        })
    }

    /// A place for `client`, or `None` when it already has `per_client` running.
    pub fn enter(self: &Arc<Gate>, client: &str) -> Option<Pass> {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        let n = running.entry(client.to_string()).or_insert(0);
        if *n >= self.per_client {
            return None;
        }
        *n += 1;
        Some(Pass {
            gate: self.clone(),
            client: client.to_string(),
        })
    }

    /// Requests running for `client` now.
    pub fn running(&self, client: &str) -> usize {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        running.get(client).copied().unwrap_or(0)
    }
}

impl Drop for Pass {
    fn drop(&mut self) {
        let mut running = self.gate.running.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = running.get_mut(&self.client) {
            *n -= 1;
            // Forget idle clients, so the map only holds those with requests running.
            if *n == 0 {
                running.remove(&self.client);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_client_and_frees_places() {
        let gate = Gate::new(2);
        let a = gate.enter("1.2.3.4").expect("first");
        let _b = gate.enter("1.2.3.4").expect("second");
        assert!(gate.enter("1.2.3.4").is_none());
        assert!(gate.enter("5.6.7.8").is_some());
        drop(a);
        assert_eq!(gate.running("1.2.3.4"), 1);
        assert!(gate.enter("1.2.3.4").is_some());
    }
}

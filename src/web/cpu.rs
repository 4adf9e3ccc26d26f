//! A bounded pool for CPU-heavy work (bcrypt, photo decoding and encoding). It has its
//! own threads, at most one per core, so such work can never take the blocking threads
//! that database calls run on; and a short queue, past which a request is told at once
//! that the site is busy instead of waiting behind a flood.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use super::AppError;

type Job = Box<dyn FnOnce() + Send>;

pub struct CpuPool {
    jobs: mpsc::Sender<Job>,
    /// Running plus waiting jobs.
    slots: Arc<Semaphore>,
}

impl CpuPool {
    /// `threads` workers (capped at the number of cores) and room for `queue` more jobs.
    pub fn new(threads: usize, queue: usize) -> anyhow::Result<CpuPool> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = threads.clamp(1, cores);
        let (jobs, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads {
            let rx = rx.clone();
            std::thread::Builder::new()
                .name(format!("pasar-cpu-{i}"))
                .spawn(move || loop {
                    let job = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        // The pool was dropped.
                        Err(_) => return,
                    }
                })?;
        }
        Ok(CpuPool {
            jobs,
            slots: Arc::new(Semaphore::new(threads + queue)),
        })
    }

    /// Runs `f` on the pool; `Busy` when the queue is full.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let Ok(slot) = self.slots.clone().try_acquire_owned() else {
            tracing::warn!("CPU pool full, request refused");
            return Err(AppError::Busy);
        };
        let (done, result) = tokio::sync::oneshot::channel();
        let span = tracing::Span::current();
        let job: Job = Box::new(move || {
            let _entered = span.enter();
            let out = std::panic::catch_unwind(AssertUnwindSafe(f));
            drop(slot);
            let _ = done.send(out);
        });
        self.jobs
            .send(job)
            .map_err(|_| AppError::Internal(anyhow::anyhow!("CPU pool stopped")))?;
        match result.await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(_)) => Err(AppError::Internal(anyhow::anyhow!("CPU job panicked"))),
            Err(_) => Err(AppError::Internal(anyhow::anyhow!("CPU job lost"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_answers_busy_at_once() {
        let pool = Arc::new(CpuPool::new(1, 1).expect("pool"));
        let (release, gate) = std::sync::mpsc::channel::<()>();
        let gate = Arc::new(Mutex::new(gate));
        let mut running = Vec::new();
        for _ in 0..2 {
            let (pool, gate) = (pool.clone(), gate.clone());
            running.push(tokio::spawn(async move {
                pool.run(move || {
                    let _ = gate.lock().map(|g| g.recv());
                })
                .await
            }));
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        assert!(matches!(pool.run(|| 1).await, Err(AppError::Busy)));
        release.send(()).expect("release");
        release.send(()).expect("release");
        for r in running {
            assert!(r.await.expect("join").is_ok());
        }
        assert_eq!(pool.run(|| 2).await.expect("room again"), 2);
    }
}

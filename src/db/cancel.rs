//! Statements of visitors who left are cancelled. Dropping the future of `db::run`
//! (`web::disconnect` drops a request's future when its client hangs up; actix alone
//! does not) does not stop its closure on the blocking pool: without this, a search the visitor gave up on would keep its pooled
//! connection until the statement budget ran out, and a crowd pressing reload would hold
//! every connection. So `run` watches its closure: dropped before the closure started,
//! the closure does not run; dropped while it runs, one canceller thread sends
//! `pg_cancel_backend` to its backend from a connection of its own (the pool may have
//! none to spare right then) until the closure has let the connection go.
//!
//! Each pooled connection remembers its backend's pid in r2d2's per-connection
//! extensions; which server a pid lives on is noted when the pool opens the connection.

use std::collections::HashMap;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::Integer;

use super::DbConn;

/// How often a watched backend is cancelled again: a closure between two statements
/// ignores a cancel (PostgreSQL drops one that arrives while the backend is idle) and
/// would start its next statement.
const AGAIN: Duration = Duration::from_millis(20);
/// After this the canceller gives up on a closure (it ends with its statement budget).
const GIVE_UP: Duration = Duration::from_secs(30);

/// The server of each backend pid the pools opened (written when a connection is made).
fn servers() -> &'static Mutex<HashMap<i32, Arc<str>>> {
    static SERVERS: OnceLock<Mutex<HashMap<i32, Arc<str>>>> = OnceLock::new();
    SERVERS.get_or_init(Default::default)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding one of these locks leaves plain data behind: keep going.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut PgConnection) -> QueryResult<i32> {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(conn)
        .map(|p| p.pid)
}

/// Notes which server a new pooled connection's backend is on (from the pool's
/// connection customizer).
pub(super) fn note_server(conn: &mut PgConnection, url: &Arc<str>) -> QueryResult<()> {
    let pid = backend_pid(conn)?;
    lock(servers()).insert(pid, url.clone());
    Ok(())
}

/// The backend pid of a pooled connection, cached with the connection.
#[derive(Clone, Copy)]
struct Backend(i32);

fn pid_of(conn: &mut DbConn) -> QueryResult<i32> {
    if let Some(b) = DbConn::extensions(conn).get::<Backend>() {
        return Ok(b.0);
    }
    let pid = backend_pid(conn)?;
    DbConn::extensions_mut(conn).insert(Backend(pid));
    Ok(pid)
}

enum State {
    /// The closure has not started; `abandoned`: its future was dropped meanwhile.
    Waiting {
        abandoned: bool,
    },
    Running {
        pid: i32,
        server: Arc<str>,
    },
    Done,
}

/// One `run`'s closure as its future sees it.
pub(super) struct Watch(Mutex<State>);

impl Watch {
    pub(super) fn new() -> Arc<Watch> {
        Arc::new(Watch(Mutex::new(State::Waiting { abandoned: false })))
    }

    /// Called by the closure with its connection: `None` when the future was dropped
    /// already (the work is not wanted). While the guard lives, the backend may be
    /// cancelled; it must drop before the connection goes back to the pool.
    pub(super) fn start(self: &Arc<Watch>, conn: &mut DbConn) -> QueryResult<Option<Running>> {
        let pid = pid_of(conn)?;
        let server = lock(servers()).get(&pid).cloned();
        let mut state = lock(&self.0);
        if matches!(*state, State::Waiting { abandoned: true }) {
            *state = State::Done;
            return Ok(None);
        }
        *state = match server {
            Some(server) => State::Running { pid, server },
            // A connection opened by another pool than ours: nothing to cancel it with.
            None => State::Done,
        };
        Ok(Some(Running(self.clone())))
    }

    /// Called when the future is dropped before the closure finished.
    pub(super) fn abandon(self: &Arc<Watch>) {
        let mut state = lock(&self.0);
        match &*state {
            State::Waiting { .. } => *state = State::Waiting { abandoned: true },
            State::Running { .. } => {
                drop(state);
                canceller(self.clone());
            }
            State::Done => {}
        }
    }
}

/// The closure is running; dropping this ends the watch (under the lock, so a cancel
/// being sent finishes before the connection can serve anyone else).
pub(super) struct Running(Arc<Watch>);

impl Drop for Running {
    fn drop(&mut self) {
        *lock(&self.0 .0) = State::Done;
    }
}

/// Held by `run`'s future; abandons the watch if dropped before `finish`.
pub(super) struct OnDrop(Option<Arc<Watch>>);

impl OnDrop {
    pub(super) fn new(watch: &Arc<Watch>) -> OnDrop {
        OnDrop(Some(watch.clone()))
    }

    pub(super) fn finish(mut self) {
        self.0 = None;
    }
}

impl Drop for OnDrop {
    fn drop(&mut self) {
        if let Some(w) = self.0.take() {
            w.abandon();
        }
    }
}

/// Hands the watch to the canceller thread (started on first use).
fn canceller(watch: Arc<Watch>) {
    static TX: OnceLock<Mutex<Sender<Arc<Watch>>>> = OnceLock::new();
    let tx = TX.get_or_init(|| {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("pasar-cancel".into())
            .spawn(move || cancel_loop(rx));
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "cannot start the statement canceller");
        }
        Mutex::new(tx)
    });
    // A send fails only if the thread could not start; the statement then ends with
    // its budget.
    let _ = lock(tx).send(watch);
}

/// One connection per server, kept between cancels (there is one canceller thread).
fn cancel_loop(rx: Receiver<Arc<Watch>>) {
    let mut conns: HashMap<Arc<str>, PgConnection> = HashMap::new();
    let mut pending: Vec<(Arc<Watch>, Instant)> = Vec::new();
    loop {
        let wait = if pending.is_empty() {
            Duration::from_secs(3600)
        } else {
            AGAIN
        };
        match rx.recv_timeout(wait) {
            Ok(w) => pending.push((w, Instant::now())),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        while let Ok(w) = rx.try_recv() {
            pending.push((w, Instant::now()));
        }
        pending.retain(|(w, since)| {
            // Held while cancelling: `Running::drop` waits for it.
            let state = lock(&w.0);
            let State::Running { pid, server } = &*state else {
                return false;
            };
            if since.elapsed() > GIVE_UP {
                return false;
            }
            if let Err(e) = cancel(&mut conns, server, *pid) {
                tracing::warn!(error = %e, pid, "cannot cancel a statement");
                conns.remove(server);
            }
            true
        });
    }
}

fn cancel(
    conns: &mut HashMap<Arc<str>, PgConnection>,
    server: &Arc<str>,
    pid: i32,
) -> anyhow::Result<()> {
    if !conns.contains_key(server) {
        let mut conn = PgConnection::establish(server)?;
        conn.batch_execute("SET application_name = 'pasar canceller'")?;
        conns.insert(server.clone(), conn);
    }
    if let Some(conn) = conns.get_mut(server) {
        diesel::sql_query(format!("SELECT pg_cancel_backend({pid})")).execute(conn)?;
        tracing::debug!(
            pid,
            "cancelled the statement of a request whose client left"
        );
    }
    Ok(())
}

//! A request whose client hung up is dropped, so that its database work stops. actix-web
//! keeps polling a handler after the peer closed its connection (actix-web issue 3462;
//! actix-http allows half-closed connections and waits for the answer), and `db::run`
//! cancels its statement only when its future is dropped: without this a visitor who
//! gave up on a slow search held a pooled connection until the statement budget ran out.
//!
//! Each TCP connection gets a duplicate of its socket (`on_connect`), owned, so the
//! number cannot be reused for another connection while a request watches it; it is
//! registered once with the worker's reactor. The middleware races the handler against
//! that socket turning readable with nothing to read: the peer's FIN (a read of 0) or
//! RST (an error). Bytes waiting to be read (a pipelined request) are not a close, and
//! the watch waits for the next readiness edge rather than looking again.
//!
//! A client that half-closes (shuts down its sending side and still waits for the
//! answer) is taken as gone too: browsers and load balancers do not do that, and nginx
//! (499) and Go's net/http read it the same way.

use std::any::Any;
use std::io::{self, ErrorKind};
use std::mem::MaybeUninit;
use std::os::fd::AsFd;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Extensions, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::rt::net::TcpStream;
use actix_web::{Error, HttpResponse};
use socket2::SockRef;
use tokio::io::Interest;

/// The status of a request dropped this way: nginx's "client closed request".
const CLIENT_LEFT: u16 = 499;

/// Requests dropped because their client left, since the process started (in the log
/// line, to tell one from a crowd).
static LEFT: AtomicU64 = AtomicU64::new(0);

/// The watched duplicate socket of one connection (in its `conn_data`).
#[derive(Clone)]
struct Peer(Rc<TcpStream>);

/// For `HttpServer::on_connect`: keeps a watchable duplicate of a plain TCP
/// connection's socket. Without one (another kind of stream, no descriptor left) the
/// connection's requests are simply not watched.
pub fn on_connect(conn: &dyn Any, ext: &mut Extensions) {
    let Some(tcp) = conn.downcast_ref::<TcpStream>() else {
        return;
    };
    match watchable(tcp) {
        Ok(peer) => {
            ext.insert(peer);
        }
        Err(e) => tracing::debug!(error = %e, "connection not watched for a disconnect"),
    }
}

fn watchable(tcp: &TcpStream) -> io::Result<Peer> {
    // `F_DUPFD_CLOEXEC`: the duplicate shares the socket and its O_NONBLOCK flag, and
    // registers with the reactor of this worker, the one serving the connection.
    let dup = std::net::TcpStream::from(tcp.as_fd().try_clone_to_owned()?);
    Ok(Peer(Rc::new(TcpStream::from_std(dup)?)))
}

impl Peer {
    /// Resolves when the peer has closed (or reset) the connection.
    async fn gone(&self) {
        loop {
            let Ok(ready) = self.0.ready(Interest::READABLE).await else {
                // The reactor cannot watch it: never report a close.
                return std::future::pending().await;
            };
            if ready.is_read_closed() {
                return;
            }
            let peeked = self.0.try_io(Interest::READABLE, || {
                let mut byte = [MaybeUninit::uninit()];
                match SockRef::from(&*self.0).peek(&mut byte) {
                    Ok(0) => Ok(()),
                    // Data waits (a pipelined request, read when actix wants it): not a
                    // close. Told as WouldBlock so that this registration's readiness
                    // clears and the watch sleeps until the next edge (more data, FIN
                    // or RST) instead of looking again at once. No one else reads
                    // through this duplicate.
                    Ok(_) => Err(ErrorKind::WouldBlock.into()),
                    Err(e) => Err(e),
                }
            });
            match peeked {
                Ok(()) => return,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {}
                Err(_) => return,
            }
        }
    }
}

/// Runs the rest of the chain until it answers or the client leaves; then the chain's
/// future is dropped, which cancels its database statement (`db::run`).
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    // Only reads are dropped: a form sent (a checkout, a payment, a photo) finishes even
    // if its sender left, rather than stopping between a provider's call and the row
    // that records it.
    let method = req.method().clone();
    let watched = matches!(method, Method::GET | Method::HEAD);
    let Some(peer) = req.conn_data::<Peer>().cloned().filter(|_| watched) else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    tokio::select! {
        biased;
        res = next.call(req) => res.map(ServiceResponse::map_into_boxed_body),
        () = peer.gone() => {
            let left = LEFT.fetch_add(1, Relaxed) + 1;
            tracing::debug!(left, method = %method, "the client closed its connection: request dropped");
            // Outside the request log (whose span ends with the dropped chain, without
            // a status), so the error below is not logged as a warning; an error, not
            // a response, because a response needs the request, and a clone of it taken
            // before the router matched it makes the router panic.
            Err(ClientLeft.into())
        }
    }
}

/// The answer nobody receives, with nginx's status for it.
#[derive(Debug, thiserror::Error)]
#[error("the client closed its connection")]
struct ClientLeft;

impl actix_web::ResponseError for ClientLeft {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(CLIENT_LEFT).unwrap_or(StatusCode::BAD_REQUEST)
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::new(self.status_code())
    }
}

//! The read crowd: `connections` keep-alive connections, each asking for one path after
//! the other as wrk does (closed loop), every path drawn afresh. Each connection sends
//! its own `X-Forwarded-For` address, as visitors behind one proxy would, so per-client
//! limits see a crowd rather than one client. Beside it, the write stream (`writes`).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper_util::rt::TokioIo;
use rand::rngs::StdRng;
use rand::SeedableRng;
use tokio::net::TcpStream;

use crate::args::Args;
use crate::paths::{Class, Lists, Plan};
use crate::stats::{self, ByName, Samples};
use crate::writes;

/// A request unanswered after this long counts as a timeout (wrk's default).
const TIMEOUT: Duration = Duration::from_secs(2);

pub fn main(args: &mut Args) -> anyhow::Result<()> {
    let addr = args.required("addr")?;
    let dir = PathBuf::from(args.required("lists")?);
    let reference = args.get("mix", "crowd".to_string())? == "ref";
    let connections: usize = args.get("connections", 64)?;
    let duration: u64 = args.get("duration", 20)?;
    let warmup: u64 = args.get("warmup", 5)?;
    let write_rate: f64 = args.get("writes", 0.0)?;
    let ref_rps: f64 = args.get("ref-rps", 0.0)?;
    let report = args.optional("report").map(PathBuf::from);
    let threads: usize = args.get("threads", 2)?;

    let lists = Arc::new(Lists::read(&dir)?);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()?;
    let (reads, writes) = rt.block_on(async {
        // Sessions of the write stream sign in before the clock starts: a bcrypt check
        // per buyer is not part of the steady stream.
        let stream = if write_rate > 0.0 {
            Some(writes::Stream::prepare(&addr, &dir).await?)
        } else {
            None
        };
        let start = Instant::now();
        let plan = Arc::new(Plan {
            addr: addr.clone(),
            lists,
            reference,
            measure_from: start + Duration::from_secs(warmup),
            until: start + Duration::from_secs(warmup + duration),
        });
        let mut tasks = Vec::new();
        for n in 0..connections {
            tasks.push(tokio::spawn(connection(plan.clone(), n)));
        }
        let writer = stream.map(|s| tokio::spawn(s.run(plan.clone(), write_rate)));
        let mut reads = ByName::new();
        for t in tasks {
            stats::merge_into(&mut reads, t.await?);
        }
        let writes = match writer {
            Some(w) => w.await?,
            None => ByName::new(),
        };
        anyhow::Ok((reads, writes))
    })?;

    let text = table(reads, duration as f64, ref_rps, !writes.is_empty())
        + &writes::table(writes, duration as f64);
    print!("{text}");
    if let Some(path) = report {
        std::fs::write(path, text)?;
    }
    Ok(())
}

async fn connection(plan: Arc<Plan>, n: usize) -> ByName {
    let mut out = ByName::new();
    let mut rng = StdRng::from_entropy();
    // 10.x.y.z: a private address per connection.
    let client = format!(
        "10.{}.{}.{}",
        1 + n / 62500 % 250,
        n / 250 % 250,
        1 + n % 250
    );
    while Instant::now() < plan.until {
        let Ok(Ok(stream)) = tokio::time::timeout(TIMEOUT, TcpStream::connect(&plan.addr)).await
        else {
            socket_error(&mut out, &plan, Class::Home);
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, conn)) =
            hyper::client::conn::http1::handshake::<_, Empty<Bytes>>(TokioIo::new(stream)).await
        else {
            socket_error(&mut out, &plan, Class::Home);
            continue;
        };
        tokio::spawn(conn);
        while Instant::now() < plan.until {
            let (class, path) = if plan.reference {
                (
                    Class::Reference,
                    plan.lists.path(Class::Reference, &mut rng),
                )
            } else {
                plan.lists.crowd(&mut rng)
            };
            if sender.ready().await.is_err() {
                break; // the server closed the connection: a new one
            }
            let Ok(req) = Request::get(path)
                .header(hyper::header::HOST, plan.addr.as_str())
                .header("x-forwarded-for", client.as_str())
                .body(Empty::new())
            else {
                continue;
            };
            let started = Instant::now();
            let answer = tokio::time::timeout(TIMEOUT, async {
                let resp = sender.send_request(req).await?;
                let status = resp.status();
                resp.into_body().collect().await?;
                Ok::<_, hyper::Error>(status)
            })
            .await;
            let took = started.elapsed();
            let measured = started >= plan.measure_from && Instant::now() < plan.until;
            match answer {
                Ok(Ok(status)) => {
                    if measured {
                        let s = out.entry(class.name()).or_default();
                        s.add(took);
                        if !(status.is_success() || status.is_redirection()) {
                            s.http_errors += 1;
                        }
                    }
                }
                _ => {
                    socket_error(&mut out, &plan, class);
                    break;
                }
            }
        }
    }
    out
}

fn socket_error(out: &mut ByName, plan: &Plan, class: Class) {
    let now = Instant::now();
    if now >= plan.measure_from && now < plan.until {
        out.entry(class.name()).or_default().socket_errors += 1;
    }
}

fn table(mut reads: ByName, seconds: f64, ref_rps: f64, with_writes: bool) -> String {
    let mut all = Samples::default();
    for s in reads.values() {
        all.merge(s.clone());
    }
    let mut t = String::new();
    let ratio = |rps: f64| {
        if ref_rps > 0.0 {
            format!("{:.1} %", 100.0 * rps / ref_rps)
        } else {
            "–".into()
        }
    };
    let _ = writeln!(
        t,
        "| class | requests | req/s | of reference | p50 ms | p99 ms | p99.9 ms | max ms | errors |"
    );
    let _ = writeln!(t, "|---|---|---|---|---|---|---|---|---|");
    let mut row = |name: &str, s: &mut Samples| {
        let errors = s.errors();
        let sum = stats::summary(s);
        let rps = sum.count as f64 / seconds;
        let _ = writeln!(
            t,
            "| {name} | {} | {rps:.0} | {} | {:.1} | {:.1} | {:.1} | {:.0} | {errors} |",
            sum.count,
            ratio(rps),
            sum.p50,
            sum.p99,
            sum.p999,
            sum.max
        );
    };
    let order: Vec<&'static str> = Class::CROWD
        .iter()
        .map(|c| c.name())
        .chain([Class::Reference.name()])
        .collect();
    for name in order {
        if let Some(s) = reads.get_mut(name) {
            row(name, s);
        }
    }
    if reads.len() > 1 {
        row("**all reads**", &mut all);
    }
    if with_writes {
        t.push('\n');
    }
    t
}

//! Settings read once from the environment, with development defaults (docs/architecture.md,
//! "Configuration"). A bad variable stops start-up with its name in the message.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};

/// Where the app runs: development turns on the `/dev` pages and file mail; production
/// turns on Secure cookies and HSTS and requires a real secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

/// A value that must never reach a log line.
#[derive(Clone)]
pub struct Secret(pub Vec<u8>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// SMTP transport settings parsed from `SMTP_URL` (lettre's URL form:
/// `smtp://host:port`, `smtps://user:pass@host` for TLS, `?tls=required` for STARTTLS).
#[derive(Clone)]
pub struct SmtpUrl(pub String);

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL may carry a password: print only scheme and host.
        match url::Url::parse(&self.0) {
            Ok(u) => write!(
                f,
                "{}://{}:{}",
                u.scheme(),
                u.host_str().unwrap_or("?"),
                u.port().unwrap_or(0)
            ),
            Err(_) => f.write_str("SmtpUrl(..)"),
        }
    }
}

/// Seconds in a day.
const DAY: u64 = 86_400;

#[derive(Clone, Debug)]
pub struct Config {
    pub env: Environment,
    pub addr: SocketAddr,
    pub base_url: String,
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
    pub smtp_url: Option<SmtpUrl>,
    pub mail_from: String,
    pub secret: Secret,
    pub pool_size: u32,
    pub workers: usize,
    /// Proxies in front of the app that append to `X-Forwarded-For` (0: ignore it).
    pub trusted_proxies: usize,
    pub job_poll: Duration,
    /// First retry delay of a failed job; doubles with each attempt.
    pub job_backoff: Duration,
    pub job_max_attempts: i32,
    pub email_token_ttl: Duration,
    pub reset_token_ttl: Duration,
    pub deletion_grace: Duration,
    /// A signed-in session ends this long after signing in, whatever happens.
    pub session_lifetime: Duration,
    /// ... or after this long without a request.
    pub session_idle: Duration,
    /// Threads (at most one per core) and queue of the pool for bcrypt and photos.
    pub cpu_threads: usize,
    pub cpu_queue: usize,
    pub run_worker: bool,
    /// How long public page data (home, category tree, search results, listing pages)
    /// is reused by this process; zero turns the caches off.
    pub cache_ttl: Duration,
    /// Longest a page's SQL statement may run (the job worker gets
    /// `worker_statement_timeout`).
    pub statement_timeout: Duration,
    pub worker_statement_timeout: Duration,
    /// Searches one client address may have running at once in this process.
    pub searches_per_client: usize,
    pub orders: OrderRules,
    /// After an order ends, its parties may review each other this long; then what was
    /// written is published (`PASAR_REVIEW_DAYS`).
    pub review_window: Duration,
    pub payments: PaymentSettings,
    pub new_accounts: NewAccounts,
}

/// What a member may do in their first days (issue 11): a scammer's fresh account
/// cannot flood the site with listings before anyone notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewAccounts {
    /// A member is new for this many days after signing up (0: nobody is).
    pub days: u32,
    /// Listings a new member may publish in any 24 hours.
    pub listings_per_day: u32,
}

/// Fees and deadlines of orders.
#[derive(Clone, Debug)]
pub struct OrderRules {
    /// Buyer-protection fee in basis points of the item and shipping (500 = 5%).
    pub protection_fee_bps: i64,
    /// Platform fee taken from the seller's proceeds, in basis points.
    pub seller_fee_bps: i64,
    /// An unpaid order releases its stock after this.
    pub pay_within: Duration,
    /// The seller ships (or hands over) within this of the payment.
    pub ship_within: Duration,
    /// After the ship-by date, this long until a late order is cancelled and refunded.
    pub ship_grace: Duration,
    /// After shipping or handover, the buyer's receipt is confirmed automatically after this.
    pub confirm_within: Duration,
    /// Both sides of a dispute add evidence within this of its opening.
    pub evidence_within: Duration,
    /// An admin's decision on a dispute becomes final after this unless appealed.
    pub appeal_within: Duration,
}

/// Which payment provider takes the money.
#[derive(Clone, Debug)]
pub enum PaymentSettings {
    /// A hosted payment page inside the app with test cards (the default).
    Sandbox,
    /// Stripe Checkout; `api_base` is https://api.stripe.com unless testing.
    Stripe {
        secret_key: Secret,
        webhook_secret: Secret,
        api_base: String,
    },
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> anyhow::Result<Config> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Reads settings through `get`, so tests can build a config without touching the
    /// process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Config> {
        let named_env = get("PASAR_ENV").filter(|s| !s.is_empty());
        let env = match named_env.as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => bail!("PASAR_ENV must be development or production, not {other:?}"),
        };
        let addr: SocketAddr = get("PASAR_ADDR")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .context("PASAR_ADDR must look like 127.0.0.1:8080")?;
        // Development mode opens /dev/mailbox (reset links) and allows the demo admin: a
        // server reachable from outside must say which mode it means.
        if named_env.is_none() && !addr.ip().is_loopback() {
            bail!(
                "PASAR_ADDR={addr} is reachable from other machines but PASAR_ENV is not set: \
                 set PASAR_ENV=production for a real site, or PASAR_ENV=development to \
                 serve the development pages (/dev/mailbox) on this address anyway"
            );
        }
        let base_url = get("PASAR_BASE_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        url::Url::parse(&base_url).context("PASAR_BASE_URL must be an absolute URL")?;
        let data_dir = PathBuf::from(get("PASAR_DATA").unwrap_or_else(|| "./var".into()));
        let database_url = get("DATABASE_URL").filter(|s| !s.is_empty());
        let smtp_url = get("SMTP_URL").filter(|s| !s.is_empty()).map(SmtpUrl);
        let mail_from =
            get("PASAR_MAIL_FROM").unwrap_or_else(|| "Pasar <no-reply@pasar.test>".into());
        let secret = match get("PASAR_SECRET").filter(|s| !s.is_empty()) {
            Some(s) if s.len() >= 64 => Secret(s.into_bytes()),
            Some(_) => bail!("PASAR_SECRET must be at least 64 characters"),
            None if env == Environment::Production => {
                bail!("PASAR_SECRET is required when PASAR_ENV=production")
            }
            None => Secret(load_or_create_secret(&data_dir)?),
        };
        let num = |name: &str, default: u64| -> anyhow::Result<u64> {
            match get(name).filter(|s| !s.is_empty()) {
                None => Ok(default),
                Some(v) => v
                    .parse()
                    .with_context(|| format!("{name} must be a whole number")),
            }
        };
        let pool_size = num("PASAR_DB_POOL", 8)?.max(4) as u32;
        let workers = num("PASAR_WORKERS", 2)?.max(1) as usize;
        Ok(Config {
            env,
            addr,
            base_url,
            data_dir,
            database_url,
            smtp_url,
            mail_from,
            secret,
            pool_size,
            workers,
            // PASAR_TRUST_PROXY=1 was the old way to say "one load balancer".
            trusted_proxies: match get("PASAR_TRUSTED_PROXIES").filter(|v| !v.is_empty()) {
                Some(_) => num("PASAR_TRUSTED_PROXIES", 0)?.min(16) as usize,
                None => usize::from(get("PASAR_TRUST_PROXY").is_some_and(|v| v == "1" || v == "true")),
            },
            job_poll: Duration::from_millis(num("PASAR_JOB_POLL_MS", 1000)?),
            job_backoff: Duration::from_millis(num("PASAR_JOB_BACKOFF_MS", 30_000)?),
            job_max_attempts: num("PASAR_JOB_MAX_ATTEMPTS", 8)?.clamp(1, 100) as i32,
            email_token_ttl: Duration::from_secs(num("PASAR_VERIFY_TTL_HOURS", 48)? * 3600),
            reset_token_ttl: Duration::from_secs(num("PASAR_RESET_TTL_MINUTES", 60)? * 60),
            deletion_grace: Duration::from_secs(num("PASAR_DELETION_GRACE_DAYS", 14)? * 86_400),
            session_lifetime: duration(&get, "PASAR_SESSION_LIFETIME", "30d")?,
            session_idle: duration(&get, "PASAR_SESSION_IDLE", "3d")?,
            cpu_threads: num(
                "PASAR_CPU_THREADS",
                std::thread::available_parallelism().map_or(1, |n| n.get() as u64),
            )?
            .max(1) as usize,
            cpu_queue: num("PASAR_CPU_QUEUE", 16)? as usize,
            run_worker: get("PASAR_WORKER").is_none_or(|v| v != "0"),
            cache_ttl: Duration::from_millis(num("PASAR_CACHE_MS", 3000)?),
            statement_timeout: Duration::from_millis(num("PASAR_STATEMENT_TIMEOUT_MS", 2000)?.max(1)),
            worker_statement_timeout: Duration::from_millis(
                num("PASAR_WORKER_STATEMENT_TIMEOUT_MS", 120_000)?.max(1),
            ),
            searches_per_client: num("PASAR_SEARCHES_PER_CLIENT", 4)?.max(1) as usize,
            orders: OrderRules {
                protection_fee_bps: num("PASAR_PROTECTION_FEE_BPS", 500)?.min(5_000) as i64,
                seller_fee_bps: num("PASAR_SELLER_FEE_BPS", 300)?.min(5_000) as i64,
                pay_within: Duration::from_secs(num("PASAR_PAY_WITHIN_MINUTES", 30)? * 60),
                ship_within: Duration::from_secs(num("PASAR_SHIP_WITHIN_DAYS", 3)? * DAY),
                ship_grace: Duration::from_secs(num("PASAR_SHIP_GRACE_DAYS", 2)? * DAY),
                confirm_within: Duration::from_secs(num("PASAR_CONFIRM_WITHIN_DAYS", 7)? * DAY),
                evidence_within: Duration::from_secs(num("PASAR_EVIDENCE_DAYS", 3)? * DAY),
                appeal_within: Duration::from_secs(num("PASAR_APPEAL_DAYS", 3)? * DAY),
            },
            review_window: Duration::from_secs(num("PASAR_REVIEW_DAYS", 14)?.max(1) * DAY),
            payments: match get("PAYMENT_PROVIDER").as_deref().unwrap_or(
                // The sandbox takes no money and lets anyone "pay": a production site
                // says which provider it means.
                if env == Environment::Production {
                    "unset"
                } else {
                    "sandbox"
                },
            ) {
                "unset" => bail!(
                    "PAYMENT_PROVIDER is required when PASAR_ENV=production: stripe, or sandbox for a demo site that takes no money"
                ),
                "sandbox" | "" => PaymentSettings::Sandbox,
                "stripe" => PaymentSettings::Stripe {
                    secret_key: get("STRIPE_SECRET_KEY")
                        .filter(|v| !v.is_empty())
                        .map(|v| Secret(v.into_bytes()))
                        .context("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY")?,
                    webhook_secret: get("STRIPE_WEBHOOK_SECRET")
                        .filter(|v| !v.is_empty())
                        .map(|v| Secret(v.into_bytes()))
                        .context("PAYMENT_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET")?,
                    api_base: get("STRIPE_API_BASE")
                        .filter(|v| !v.is_empty())
                        .unwrap_or_else(|| "https://api.stripe.com".into()),
                },
                other => anyhow::bail!("PAYMENT_PROVIDER must be sandbox or stripe, not {other}"),
            },
            new_accounts: NewAccounts {
                days: num("PASAR_NEW_ACCOUNT_DAYS", 7)?.min(3650) as u32,
                listings_per_day: num("PASAR_NEW_LISTINGS_PER_DAY", 5)?.min(10_000) as u32,
            },
        })
    }

    pub fn is_production(&self) -> bool {
        self.env == Environment::Production
    }

    /// The development mailbox shows the outbox only when mail goes to files: with
    /// `SMTP_URL` the messages reach real inboxes and their links are not ours to show.
    pub fn dev_mailbox(&self) -> bool {
        !self.is_production() && self.smtp_url.is_none()
    }
}

/// A duration such as `90s`, `15m`, `12h` or `30d`.
fn duration(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: &str,
) -> anyhow::Result<Duration> {
    let value = get(name).filter(|s| !s.is_empty());
    let text = value.as_deref().unwrap_or(default).trim();
    let split = text.len().saturating_sub(1);
    let unit = match text.get(split..) {
        Some("s") => 1,
        Some("m") => 60,
        Some("h") => 3600,
        Some("d") => DAY,
        _ => 0,
    };
    match text.get(..split).and_then(|n| n.parse::<u64>().ok()) {
        Some(n) if unit > 0 && n > 0 => Ok(Duration::from_secs(n.saturating_mul(unit))),
        _ => bail!("{name} must be a number and a unit, like 90s, 15m, 12h or 30d"),
    }
}

/// Development keeps one generated cookie key in the data folder, so a restart does not
/// log everyone out (a fresh `Key::generate()` would).
fn load_or_create_secret(data_dir: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    use rand::RngCore;
    let path = data_dir.join("secret.key");
    if let Ok(bytes) = std::fs::read(&path) {
        if bytes.len() >= 64 {
            return Ok(bytes);
        }
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create PASAR_DATA folder {}", data_dir.display()))?;
    let mut key = vec![0u8; 64];
    rand::thread_rng().fill_bytes(&mut key);
    std::fs::write(&path, &key).with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(vars: &[(&str, &str)]) -> anyhow::Result<Config> {
        let dir = std::env::temp_dir().join(format!("pasar-cfg-{}", std::process::id()));
        let mut map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        map.entry("PASAR_DATA".into())
            .or_insert(dir.display().to_string());
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_for_development() {
        let c = cfg(&[]).expect("config");
        assert_eq!(c.env, Environment::Development);
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert!(c.database_url.is_none());
        assert_eq!(c.secret.0.len(), 64);
    }

    #[test]
    fn production_needs_a_secret() {
        let err = cfg(&[("PASAR_ENV", "production")]).expect_err("must fail");
        assert!(err.to_string().contains("PASAR_SECRET"));
    }

    #[test]
    fn production_names_its_payment_provider() {
        let secret = "s".repeat(64);
        let base = [
            ("PASAR_ENV", "production"),
            ("PASAR_SECRET", secret.as_str()),
        ];
        let err = cfg(&base).expect_err("must fail");
        assert!(err.to_string().contains("PAYMENT_PROVIDER"));
        let mut with = base.to_vec();
        with.push(("PAYMENT_PROVIDER", "sandbox"));
        assert!(cfg(&with).is_ok());
        with.pop();
        with.push(("PAYMENT_PROVIDER", "stripe"));
        let err = cfg(&with).expect_err("stripe needs keys");
        assert!(err.to_string().contains("STRIPE_SECRET_KEY"));
    }

    #[test]
    fn a_public_address_needs_a_named_environment() {
        for addr in ["0.0.0.0:8080", "192.0.2.10:80", "[::]:8080"] {
            let err = cfg(&[("PASAR_ADDR", addr)]).expect_err("must refuse");
            assert!(err.to_string().contains("PASAR_ENV"), "{err}");
            assert!(cfg(&[("PASAR_ADDR", addr), ("PASAR_ENV", "development")]).is_ok());
        }
        for addr in ["127.0.0.1:9000", "[::1]:8080"] {
            assert!(cfg(&[("PASAR_ADDR", addr)]).is_ok(), "{addr}");
        }
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = cfg(&[("PASAR_ADDR", "nope")]).expect_err("must fail");
        assert!(err.to_string().contains("PASAR_ADDR"));
        let err = cfg(&[("PASAR_DB_POOL", "x")]).expect_err("must fail");
        assert!(err.to_string().contains("PASAR_DB_POOL"));
    }

    #[test]
    fn session_limits_take_a_unit() {
        let c = cfg(&[
            ("PASAR_SESSION_LIFETIME", "12h"),
            ("PASAR_SESSION_IDLE", "90s"),
        ])
        .expect("config");
        assert_eq!(c.session_lifetime, Duration::from_secs(12 * 3600));
        assert_eq!(c.session_idle, Duration::from_secs(90));
        assert_eq!(
            cfg(&[]).expect("config").session_lifetime.as_secs(),
            30 * DAY
        );
        for bad in ["12", "h", "0d", "-1h", "1w"] {
            let err = cfg(&[("PASAR_SESSION_IDLE", bad)]).expect_err(bad);
            assert!(err.to_string().contains("PASAR_SESSION_IDLE"), "{bad}");
        }
    }

    #[test]
    fn new_account_limits_have_defaults() {
        let c = cfg(&[]).expect("config");
        assert_eq!(
            c.new_accounts,
            NewAccounts {
                days: 7,
                listings_per_day: 5
            }
        );
        let c = cfg(&[
            ("PASAR_NEW_ACCOUNT_DAYS", "0"),
            ("PASAR_NEW_LISTINGS_PER_DAY", "2"),
        ])
        .expect("config");
        assert_eq!(c.new_accounts.days, 0);
        assert_eq!(c.new_accounts.listings_per_day, 2);
        let err = cfg(&[("PASAR_NEW_LISTINGS_PER_DAY", "many")]).expect_err("must fail");
        assert!(err.to_string().contains("PASAR_NEW_LISTINGS_PER_DAY"));
    }

    #[test]
    fn smtp_url_debug_hides_password() {
        let s = SmtpUrl("smtps://user:hunter2@mail.example:465".into());
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}

//! Where photo files live: a `Storage` trait with a local-folder implementation (the
//! default). An S3-compatible store can implement the same trait for several servers.

use std::io;
use std::path::PathBuf;

pub trait Storage: Send + Sync {
    /// Stores `bytes` under `name` (a random name chosen by the caller).
    fn put(&self, name: &str, bytes: &[u8]) -> io::Result<()>;
    /// The bytes stored under `name`, or `None`.
    fn get(&self, name: &str) -> io::Result<Option<Vec<u8>>>;
    fn delete(&self, name: &str) -> io::Result<()>;
}

/// Files in one folder (`$PASAR_DATA/photos`), split into subfolders by the first two
/// characters of the name so no folder grows too large.
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    pub fn new(root: PathBuf) -> io::Result<LocalStorage> {
        std::fs::create_dir_all(&root)?;
        Ok(LocalStorage { root })
    }

    fn path(&self, name: &str) -> io::Result<PathBuf> {
        // Names are ours (random, [a-z0-9-.]); anything else never reaches the disk.
        let ok = !name.is_empty()
            && name.len() <= 100
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            && !name.starts_with('.');
        if !ok {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "bad storage name",
            ));
        }
        let shard: String = name.chars().take(2).collect();
        Ok(self.root.join(shard).join(name))
    }
}

impl Storage for LocalStorage {
    fn put(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(name)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Write then rename, so a reader never sees half a file.
        let tmp = path.with_extension("part");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }

    fn get(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        let path = match self.path(name) {
            Ok(p) => p,
            Err(_) => return Ok(None),
        };
        match std::fs::read(path) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn delete(&self, name: &str) -> io::Result<()> {
        match std::fs::remove_file(self.path(name)?) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_refuses_odd_names() {
        let dir = std::env::temp_dir().join(format!("pasar-storage-{}", std::process::id()));
        let s = LocalStorage::new(dir).expect("storage");
        s.put("abc123-320.jpg", b"x").expect("put");
        assert_eq!(s.get("abc123-320.jpg").expect("get"), Some(b"x".to_vec()));
        assert!(s.put("../evil", b"x").is_err());
        assert_eq!(s.get("../../etc/passwd").expect("get"), None);
        s.delete("abc123-320.jpg").expect("delete");
        assert_eq!(s.get("abc123-320.jpg").expect("get"), None);
    }
}

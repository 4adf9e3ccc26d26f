//! Where a photo's sizes are kept: stored under a random key, one file per size
//! (`<key>-<size>.jpg`), and the URLs and `srcset`s that name them.

use std::io;

use rand::RngCore;

use super::reencode::{Processed, SIZES};
use crate::storage::Storage;

/// Stores every size of a processed photo under a new random key and returns the key.
/// Blocking file (or network) I/O: call it on the blocking pool.
pub fn store(storage: &dyn Storage, processed: &Processed) -> io::Result<String> {
    store_as(storage, processed, random_key())
}

/// Stores a photo that only some people may see (dispute evidence) under `ev<32 hex>`:
/// `/media/` serves only `<32 hex>` names, so these are reachable only through a route
/// that checks who asks (`private_file`).
pub fn store_private(storage: &dyn Storage, processed: &Processed) -> io::Result<String> {
    store_as(storage, processed, format!("ev{}", random_key()))
}

/// One stored size of a photo stored by `store_private`, for a route that has checked
/// who may see it; `None` when that size does not exist.
pub fn private_file(
    storage: &dyn Storage,
    key: &str,
    original_width: i32,
    size: u32,
) -> io::Result<Option<Vec<u8>>> {
    if !stored_sizes(original_width).any(|s| s == size) {
        return Ok(None);
    }
    storage.get(&file_name(key, size))
}

fn random_key() -> String {
    let mut raw = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut raw);
    hex::encode(raw)
}

fn store_as(storage: &dyn Storage, processed: &Processed, key: String) -> io::Result<String> {
    for (i, (size, bytes)) in processed.files.iter().enumerate() {
        if let Err(e) = storage.put(&file_name(&key, *size), bytes) {
            // No half-stored photo: remove the sizes already written.
            for (size, _) in &processed.files[..i] {
                let _ = storage.delete(&file_name(&key, *size));
            }
            return Err(e);
        }
    }
    Ok(key)
}

/// Removes every size of a photo (missing files are fine).
pub fn delete(storage: &dyn Storage, key: &str) {
    for size in SIZES {
        if let Err(e) = storage.delete(&file_name(key, size)) {
            tracing::warn!(photo.key = key, error = %e, "photo file not deleted");
        }
    }
}

fn file_name(key: &str, size: u32) -> String {
    format!("{key}-{size}.jpg")
}

/// The URL of one stored size (take it from `best_width` or `SIZES`).
pub fn url(key: &str, width: u32) -> String {
    format!("/media/{}", file_name(key, width))
}

/// The sizes stored for a photo whose upright original is `original_width` wide.
pub fn stored_sizes(original_width: i32) -> impl Iterator<Item = u32> {
    let w = u32::try_from(original_width).unwrap_or(0);
    SIZES
        .into_iter()
        .enumerate()
        .filter(move |&(i, s)| i == 0 || s <= w)
        .map(|(_, s)| s)
}

/// The `srcset` of a photo: only the sizes that exist, each with its real pixel width.
pub fn srcset(key: &str, original_width: i32) -> String {
    let w = u32::try_from(original_width).unwrap_or(0);
    stored_sizes(original_width)
        .map(|s| {
            let real = if w > 0 { s.min(w) } else { s };
            format!("{} {real}w", url(key, s))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The largest stored size not wider than `wanted` (320 when none is).
pub fn best_width(original_width: i32, wanted: u32) -> u32 {
    stored_sizes(original_width)
        .filter(|&s| s <= wanted)
        .last()
        .unwrap_or(SIZES[0])
}

/// Whether `name` is exactly `<32 hex>-<size>.jpg`: only names we create reach storage.
pub(super) fn valid_name(name: &str) -> bool {
    let Some((key, rest)) = name.split_once('-') else {
        return false;
    };
    let Some(size) = rest.strip_suffix(".jpg") else {
        return false;
    };
    key.len() == 32
        && key.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        && SIZES.iter().any(|s| s.to_string() == size)
}

#[cfg(test)]
mod tests {
    use super::super::reencode::process;
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut buf = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 90)
            .encode_image(&img)
            .expect("jpeg encodes");
        buf
    }

    #[test]
    fn urls_and_srcsets_name_only_stored_sizes() {
        let k = "0123456789abcdef0123456789abcdef";
        assert_eq!(url(k, 640), format!("/media/{k}-640.jpg"));
        assert_eq!(
            srcset(k, 1000),
            format!("/media/{k}-320.jpg 320w, /media/{k}-640.jpg 640w")
        );
        assert_eq!(srcset(k, 200), format!("/media/{k}-320.jpg 200w"));
        assert_eq!(best_width(1000, 1280), 640);
        assert_eq!(best_width(4000, 1280), 1280);
        assert_eq!(best_width(4000, 700), 640);
        assert_eq!(best_width(4000, 100), 320);
        assert_eq!(best_width(150, 640), 320);
        assert!(valid_name(&format!("{k}-1280.jpg")));
        assert!(!valid_name(&format!("{k}-100.jpg")));
        assert!(!valid_name(&format!("{}-320.jpg", k.to_uppercase())));
        assert!(!valid_name(&format!("{k}-320.png")));
        assert!(!valid_name(&format!("../{k}-320.jpg")));
        assert!(!valid_name("x-320.jpg"));
    }

    #[test]
    fn store_writes_every_size_and_delete_removes_them() {
        let dir = std::env::temp_dir().join(format!("pasar-photos-{}", std::process::id()));
        let storage = crate::storage::LocalStorage::new(dir).expect("storage");
        let p = process(&jpeg(700, 500)).expect("accepted");
        let key = store(&storage, &p).expect("stored");
        assert_eq!(key.len(), 32);
        assert!(valid_name(&file_name(&key, 320)));
        for (size, bytes) in &p.files {
            assert_eq!(
                storage.get(&file_name(&key, *size)).expect("get").as_ref(),
                Some(bytes)
            );
        }
        delete(&storage, &key);
        for size in SIZES {
            assert_eq!(storage.get(&file_name(&key, size)).expect("get"), None);
        }
        assert_ne!(store(&storage, &p).expect("stored"), key);
    }
}

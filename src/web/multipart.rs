//! Reading `multipart/form-data` bodies with limits: text fields in order, the file parts
//! of one field name, and nothing read past a size the caller chose. A shared layer:
//! the limits come from the feature that owns the form, so this module knows none.

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::web::AppError;

/// Largest text field of a multipart form (the same as urlencoded forms).
pub const FIELD_LIMIT: usize = 64 * 1024;
/// Most text fields in one multipart form.
pub const MAX_FIELDS: usize = 100;
/// Most parts of any kind (fields, files, empty file inputs) in one multipart form.
const MAX_PARTS: usize = 200;
/// Longest file name kept (it is only shown back in error messages).
const MAX_FILENAME: usize = 200;

/// What one form may carry in files.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The field name whose file parts are kept; files under other names are drained.
    pub file_field: &'static str,
    /// Files kept; more set `too_many`.
    pub max_files: usize,
    /// Largest file kept; a bigger one is drained and flagged `too_large`.
    pub max_file_bytes: usize,
    /// The whole body, fields and framing included; past it the request answers 413.
    pub max_request: usize,
}

/// One file part of a form.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// The name the browser sent, shortened; only for showing back in messages.
    pub filename: String,
    /// The file's bytes; empty when `too_large`.
    pub bytes: Vec<u8>,
    /// Over `Limits::max_file_bytes`: the rest was read and thrown away, so the form can
    /// say so.
    pub too_large: bool,
}

/// A form read from a multipart body.
#[derive(Debug, Clone, Default)]
pub struct MultipartForm {
    /// Text fields in order (a name may repeat).
    pub fields: Vec<(String, String)>,
    /// The non-empty file parts of `Limits::file_field`, at most `Limits::max_files`.
    pub files: Vec<Upload>,
    /// More than `Limits::max_files` files were sent; the first ones are in `files`.
    pub too_many: bool,
}

impl MultipartForm {
    /// The first value of a text field.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a text field (checkboxes, repeated inputs).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

/// Reads a multipart form within `limits`. Files are the parts with a file name and the
/// field name `limits.file_field`; browsers send an empty one when no file was chosen,
/// which is skipped. A file over `max_file_bytes` is drained and flagged `too_large` (the
/// form shows the message); more than `max_files` files keep the first ones and set
/// `too_many`. Malformed bodies and text that is not UTF-8 answer 400; a text field over
/// `FIELD_LIMIT`, more than `MAX_FIELDS` fields or a body over `max_request` answer 413.
pub async fn read(mut payload: Multipart, limits: &Limits) -> Result<MultipartForm, AppError> {
    let mut form = MultipartForm::default();
    let mut total = 0usize;
    let mut parts = 0usize;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(bad_multipart)?;
        parts += 1;
        if parts > MAX_PARTS {
            return Err(AppError::TooLarge);
        }
        let name = field.name().unwrap_or_default().to_string();
        let filename = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(short_filename);
        match filename {
            Some(filename) => {
                // Files past the last one kept are drained without being held.
                let full = form.files.len() >= limits.max_files;
                let limit = if full { 0 } else { limits.max_file_bytes };
                let (bytes, too_large) =
                    read_part(&mut field, limit, &mut total, limits.max_request).await?;
                if name != limits.file_field || (bytes.is_empty() && !too_large) {
                    continue;
                }
                if full {
                    form.too_many = true;
                    continue;
                }
                form.files.push(Upload {
                    filename,
                    bytes,
                    too_large,
                });
            }
            None => {
                if form.fields.len() >= MAX_FIELDS {
                    return Err(AppError::TooLarge);
                }
                let (bytes, too_large) =
                    read_part(&mut field, FIELD_LIMIT, &mut total, limits.max_request).await?;
                if too_large {
                    return Err(AppError::TooLarge);
                }
                let value = String::from_utf8(bytes).map_err(|_| AppError::BadRequest)?;
                form.fields.push((name, value));
            }
        }
    }
    Ok(form)
}

/// Reads one part up to `limit` bytes; past it, keeps reading (so the next parts can be
/// read) but drops the data and answers `too_large`. Counts everything against the
/// request's `max_request`.
async fn read_part(
    field: &mut actix_multipart::Field,
    limit: usize,
    total: &mut usize,
    max_request: usize,
) -> Result<(Vec<u8>, bool), AppError> {
    let mut buf = Vec::new();
    let mut too_large = false;
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(bad_multipart)?;
        *total += chunk.len();
        if *total > max_request {
            return Err(AppError::TooLarge);
        }
        if too_large {
            continue;
        }
        if buf.len() + chunk.len() > limit {
            too_large = true;
            buf = Vec::new();
        } else {
            buf.extend_from_slice(&chunk);
        }
    }
    Ok((buf, too_large))
}

fn bad_multipart(e: actix_multipart::MultipartError) -> AppError {
    tracing::info!(error = %e, "malformed multipart body");
    AppError::BadRequest
}

/// The browser's file name without any folder part or control characters (it is shown
/// back in messages), at most `MAX_FILENAME` bytes.
fn short_filename(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    let base = name.rsplit(['/', '\\']).next().unwrap_or(&name);
    let mut end = base.len().min(MAX_FILENAME);
    while !base.is_char_boundary(end) {
        end -= 1;
    }
    base[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header;
    use actix_web::{web, HttpResponse};

    // Through the real extractor and actix's payload handling, with the listing form's
    // limits (ten files of 15 MB).
    const MAX_BYTES: usize = 15 * 1024 * 1024;
    const LIMITS: Limits = Limits {
        file_field: "photos",
        max_files: 10,
        max_file_bytes: MAX_BYTES,
        max_request: 10 * MAX_BYTES + 1024 * 1024,
    };

    const BOUNDARY: &str = "----pasarboundary";

    enum Part<'a> {
        Text(&'a str, &'a [u8]),
        File(&'a str, &'a str, &'a [u8]),
    }

    fn body(parts: &[Part]) -> Vec<u8> {
        let mut b = Vec::new();
        for p in parts {
            b.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match p {
                Part::Text(name, value) => {
                    b.extend_from_slice(
                        format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                            .as_bytes(),
                    );
                    b.extend_from_slice(value);
                }
                Part::File(name, filename, bytes) => {
                    b.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"; \
                             filename=\"{filename}\"\r\nContent-Type: image/jpeg\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    b.extend_from_slice(bytes);
                }
            }
            b.extend_from_slice(b"\r\n");
        }
        b.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        b
    }

    /// Posts `body` to a one-route app that answers with a summary of `read`.
    async fn post(body: Vec<u8>) -> (u16, String) {
        use actix_web::{test, App};
        async fn handler(payload: Multipart) -> Result<HttpResponse, AppError> {
            let form = read(payload, &LIMITS).await?;
            let files: Vec<String> = form
                .files
                .iter()
                .map(|f| format!("{}:{}:{}", f.filename, f.bytes.len(), f.too_large))
                .collect();
            Ok(HttpResponse::Ok().body(format!(
                "fields={:?} files={:?} too_many={}",
                form.fields, files, form.too_many
            )))
        }
        let app = test::init_service(App::new().route("/up", web::post().to(handler))).await;
        let req = test::TestRequest::post()
            .uri("/up")
            .insert_header((
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            ))
            .set_payload(body)
            .to_request();
        let resp = test::call_service(&app, req).await;
        let status = resp.status().as_u16();
        let text = test::read_body(resp).await;
        (status, String::from_utf8_lossy(&text).into_owned())
    }

    #[actix_web::test]
    async fn reads_fields_and_files_and_skips_empty_inputs() {
        let (status, text) = post(body(&[
            Part::Text("title", "Lampu meja ✓".as_bytes()),
            Part::File("photos", "/home/siti/lamp.jpg", b"abc"),
            Part::File("photos", "", b""),
            Part::File("other", "x.jpg", b"ignored"),
            Part::Text("price", b"12.50"),
        ]))
        .await;
        assert_eq!(status, 200, "{text}");
        assert!(
            text.contains(r#"fields=[("title", "Lampu meja ✓"), ("price", "12.50")]"#),
            "{text}"
        );
        assert!(
            text.contains(r#"files=["lamp.jpg:3:false"] too_many=false"#),
            "{text}"
        );
    }

    #[actix_web::test]
    async fn a_15_mb_file_passes_and_a_bigger_one_is_flagged() {
        let exact = vec![7u8; MAX_BYTES];
        let over = vec![7u8; 16 * 1024 * 1024];
        let (status, text) = post(body(&[
            Part::File("photos", "big.jpg", &exact),
            Part::File("photos", "huge.jpg", &over),
            Part::Text("title", b"after"),
        ]))
        .await;
        assert_eq!(status, 200, "{text}");
        assert!(
            text.contains(&format!(
                r#"files=["big.jpg:{MAX_BYTES}:false", "huge.jpg:0:true"]"#
            )),
            "{text}"
        );
        assert!(text.contains(r#"("title", "after")"#), "{text}");
    }

    #[actix_web::test]
    async fn more_than_ten_files_keep_the_first_ten() {
        let names: Vec<String> = (0..12).map(|i| format!("p{i}.jpg")).collect();
        let parts: Vec<Part> = names
            .iter()
            .map(|n| Part::File("photos", n, b"xy"))
            .collect();
        let (status, text) = post(body(&parts)).await;
        assert_eq!(status, 200, "{text}");
        assert!(text.contains("p9.jpg:2:false\"] too_many=true"), "{text}");
        assert!(!text.contains("p10.jpg"), "{text}");
    }

    #[actix_web::test]
    async fn bad_bodies_are_400_and_oversized_fields_413() {
        let (status, _) = post(body(&[Part::Text("title", &[0xFF, 0xFE, 0x41])])).await;
        assert_eq!(status, 400);
        let (status, _) = post(b"--nope\r\ngarbage".to_vec()).await;
        assert_eq!(status, 400);
        let mut cut = body(&[Part::Text("title", b"x")]);
        cut.truncate(cut.len() - 12);
        let (status, _) = post(cut).await;
        assert_eq!(status, 400);
        let long = vec![b'a'; FIELD_LIMIT + 1];
        let (status, _) = post(body(&[Part::Text("description", &long)])).await;
        assert_eq!(status, 413);
        let fields: Vec<Part> = (0..=MAX_FIELDS).map(|_| Part::Text("a", b"b")).collect();
        let (status, _) = post(body(&fields)).await;
        assert_eq!(status, 413);
    }

    #[test]
    fn file_names_lose_folders_and_length() {
        assert_eq!(short_filename("/home/u/a.jpg"), "a.jpg");
        assert_eq!(short_filename("C:\\x\\b.png"), "b.png");
        assert_eq!(short_filename("a\0b\u{1b}.png"), "ab.png");
        let long = "é".repeat(150);
        let s = short_filename(&long);
        assert!(s.len() <= MAX_FILENAME && s.chars().all(|c| c == 'é'));
    }
}

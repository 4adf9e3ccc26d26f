//! Checking an upload by decoding it, and re-encoding it into the stored sizes.
//!
//! Its type is decided by decoding its content (never by its name or Content-Type), its
//! size in bytes and in pixels is limited before any pixel is decoded (so a decompression
//! bomb costs nothing), and only our own re-encoded JPEGs are ever stored. Re-encoding
//! drops every piece of metadata, including EXIF GPS positions, after the EXIF
//! orientation has been applied to the pixels.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

/// Widths stored for every photo (the smallest always, larger ones only when the original
/// is at least that wide), listed in `srcset` so phones fetch the small ones.
pub const SIZES: [u32; 3] = [320, 640, 1280];
/// Largest upload accepted, per file.
pub const MAX_BYTES: usize = 15 * 1024 * 1024;
/// Largest width or height a decoder may even start on.
pub const MAX_SIDE: u32 = 12_000;
/// Largest pixel count decoded: 50 megapixels lets a 48/50 MP phone camera's full-size
/// photo through (8160 x 6120) and stops anything bigger before decoding.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Most memory one decoder may allocate: a 50 MP RGBA image is 200 MB.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// Smallest short side: smaller pictures are icons, not photos of a thing for sale.
pub const MIN_SIDE: u32 = 100;
/// JPEG quality of the stored sizes: visually clean, a third of quality 95's bytes.
pub const JPEG_QUALITY: u8 = 82;

/// Why an upload was refused; `key` names the Fluent message shown next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Not a JPEG, PNG, WebP or GIF, or a truncated or corrupt one.
    #[error("not a supported image")]
    NotImage,
    /// More than `MAX_BYTES`.
    #[error("file too large")]
    TooLarge,
    /// More pixels (or a longer side, or more decoder memory) than we decode.
    #[error("too many pixels")]
    TooManyPixels,
    /// Shorter side below `MIN_SIDE`.
    #[error("image too small")]
    TooSmall,
}

impl PhotoError {
    /// The Fluent message key of this error.
    pub fn key(&self) -> &'static str {
        match self {
            PhotoError::NotImage => "photo-not-image",
            PhotoError::TooLarge => "photo-too-large",
            PhotoError::TooManyPixels => "photo-too-many-pixels",
            PhotoError::TooSmall => "photo-too-small",
        }
    }
}

/// A checked photo, re-encoded as JPEG at each stored width.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Size of the upright original (after the EXIF orientation is applied).
    pub width: u32,
    pub height: u32,
    /// `(size from SIZES, JPEG bytes)`, smallest first. The 320 file is narrower than 320
    /// pixels when the original is.
    pub files: Vec<(u32, Vec<u8>)>,
}

/// Checks an upload and re-encodes it into the stored sizes. CPU-heavy (a 12 MP photo
/// takes a few hundred milliseconds): call it on the blocking pool.
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::NotImage)?;
    // Only the content's magic bytes chose the format; anything else (SVG, HTML, PDF,
    // TIFF, ...) has no decoder here or is refused now.
    let format = reader.format().ok_or(PhotoError::NotImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    ) {
        return Err(PhotoError::NotImage);
    }
    // zune-jpeg (behind `image`) decodes a cut-off JPEG without complaint and fills the
    // rest with grey; a half-uploaded photo must be refused instead.
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(PhotoError::NotImage);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);

    // The decoder reads only the header here; the pixel budget is checked before any
    // pixel data is decompressed, so a 50 000 x 50 000 PNG of a few KB is refused at once.
    let mut decoder = reader.into_decoder().map_err(image_error)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS || decoder.total_bytes() > MAX_ALLOC {
        return Err(PhotoError::TooManyPixels);
    }
    if w.min(h) < MIN_SIDE {
        return Err(PhotoError::TooSmall);
    }
    // A broken EXIF block is no reason to refuse a photo: it is then shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let decoded = DynamicImage::from_decoder(decoder).map_err(image_error)?;
    let mut upright = DynamicImage::ImageRgb8(flatten(decoded));
    upright.apply_orientation(orientation);
    let (width, height) = (upright.width(), upright.height());

    let files = resize_all(&upright.into_rgb8())
        .into_iter()
        .map(|(size, img)| encode_jpeg(&img).map(|jpeg| (size, jpeg)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Processed {
        width,
        height,
        files,
    })
}

fn image_error(e: ImageError) -> PhotoError {
    match e {
        ImageError::Limits(_) => PhotoError::TooManyPixels,
        _ => PhotoError::NotImage,
    }
}

/// 8-bit RGB; transparent pixels are laid on white (JPEG has no alpha, and transparent
/// areas are often black underneath, which would turn a cut-out product into a black box).
fn flatten(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(src.0[3]);
        for c in 0..3 {
            // Integer blend with rounding: c * a + 255 * (255 - a), over 255.
            let v = (u32::from(src.0[c]) * a + 255 * (255 - a) + 127) / 255;
            dst.0[c] = v as u8;
        }
    }
    out
}

/// The stored sizes, largest first computed from the original and each smaller one from
/// the previous (halving keeps the filter cheap and the result sharp).
fn resize_all(img: &RgbImage) -> Vec<(u32, RgbImage)> {
    let (w, h) = img.dimensions();
    let mut wanted: Vec<u32> = SIZES.iter().copied().filter(|&s| s <= w).collect();
    if wanted.is_empty() {
        wanted.push(SIZES[0]);
    }
    let mut out: Vec<(u32, RgbImage)> = Vec::with_capacity(wanted.len());
    for &size in wanted.iter().rev() {
        let target_w = size.min(w);
        let target_h = ((u64::from(h) * u64::from(target_w) + u64::from(w) / 2) / u64::from(w))
            .clamp(1, u64::from(u32::MAX)) as u32;
        let source = out.last().map(|(_, i)| i).unwrap_or(img);
        let resized = if source.dimensions() == (target_w, target_h) {
            source.clone()
        } else if source.width() >= target_w * 3 {
            // A large reduction (a 4000 px photo to 1280): box averaging is several times
            // faster than a filter whose support grows with the factor, and as smooth.
            image::imageops::thumbnail(source, target_w, target_h)
        } else {
            image::imageops::resize(source, target_w, target_h, FilterType::Triangle)
        };
        out.push((size, resized));
    }
    out.reverse();
    out
}

fn encode_jpeg(img: &RgbImage) -> Result<Vec<u8>, PhotoError> {
    let mut buf = Vec::with_capacity(img.as_raw().len() / 8);
    // Encoding our own valid buffer cannot fail but for a bug; then the photo is refused
    // rather than stored broken.
    JpegEncoder::new_with_quality(&mut buf, JPEG_QUALITY)
        .encode_image(img)
        .map_err(|_| PhotoError::NotImage)?;
    Ok(buf)
}

/// Whether a JPEG's main image runs to its End Of Image marker. Walks the marker
/// segments (skipping APPn blocks by their length, so an EXIF thumbnail's own EOI does not
/// count) and the entropy-coded data after each Start Of Scan (where 0xFF is always
/// followed by 0x00 or a restart marker). Data after the EOI (motion photos) is allowed.
fn jpeg_is_complete(b: &[u8]) -> bool {
    if b.len() < 4 || b[0] != 0xFF || b[1] != 0xD8 {
        return false;
    }
    let mut i = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while i < b.len() && b[i] == 0xFF && b.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if i + 1 >= b.len() || b[i] != 0xFF {
            return false;
        }
        let marker = b[i + 1];
        i += 2;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = b
            .get(i..i + 2)
            .map(|l| usize::from(l[0]) << 8 | usize::from(l[1]))
        else {
            return false;
        };
        if len < 2 {
            return false;
        }
        i += len;
        if marker == 0xDA {
            // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a
            // restart marker.
            loop {
                match b.get(i..i + 2) {
                    None => return false,
                    Some([0xFF, m]) if *m != 0x00 && !(0xD0..=0xD7).contains(m) && *m != 0xFF => {
                        break
                    }
                    _ => i += 1,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, Rgba, RgbaImage};
    use std::time::{Duration, Instant};

    fn gradient(w: u32, h: u32) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            Rgb([
                (x * 255 / w) as u8,
                (y * 255 / h) as u8,
                ((x + y) % 256) as u8,
            ])
        })
    }

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let mut buf = Vec::new();
        JpegEncoder::new_with_quality(&mut buf, 90)
            .encode_image(&gradient(w, h))
            .expect("jpeg encodes");
        buf
    }

    fn png_rgba(img: &RgbaImage) -> Vec<u8> {
        let mut buf = Vec::new();
        image::codecs::png::PngEncoder::new(&mut buf)
            .write_image(
                img.as_raw(),
                img.width(),
                img.height(),
                image::ExtendedColorType::Rgba8,
            )
            .expect("png encodes");
        buf
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = DynamicImage::ImageRgb8(gradient(w, h)).into_rgba8();
        png_rgba(&img)
    }

    fn decode_jpeg(bytes: &[u8]) -> DynamicImage {
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .expect("guess");
        assert_eq!(reader.format(), Some(ImageFormat::Jpeg));
        reader.decode().expect("output decodes")
    }

    fn refused(bytes: &[u8]) -> PhotoError {
        process(bytes).expect_err("refused")
    }

    fn sizes(p: &Processed) -> Vec<u32> {
        p.files.iter().map(|(s, _)| *s).collect()
    }

    #[test]
    fn a_jpeg_gets_every_size_up_to_its_width() {
        let p = process(&jpeg(1500, 1000)).expect("accepted");
        assert_eq!((p.width, p.height), (1500, 1000));
        assert_eq!(sizes(&p), vec![320, 640, 1280]);
        for (size, bytes) in &p.files {
            let img = decode_jpeg(bytes);
            assert_eq!(img.width(), *size);
            let expected_h = (1000 * size + 750) / 1500;
            assert_eq!(img.height(), expected_h);
        }
    }

    #[test]
    fn a_png_is_never_upscaled() {
        let p = process(&png(700, 500)).expect("accepted");
        assert_eq!(sizes(&p), vec![320, 640]);
        let p = process(&png(200, 150)).expect("accepted");
        assert_eq!(sizes(&p), vec![320]);
        assert_eq!(decode_jpeg(&p.files[0].1).width(), 200);
    }

    #[test]
    fn webp_and_gif_are_accepted() {
        let img = gradient(400, 300);
        let mut webp = Vec::new();
        image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
            .write_image(img.as_raw(), 400, 300, image::ExtendedColorType::Rgb8)
            .expect("webp encodes");
        assert_eq!(sizes(&process(&webp).expect("webp")), vec![320]);

        let mut gif = Vec::new();
        {
            let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
            let frame = DynamicImage::ImageRgb8(img).into_rgba8();
            enc.encode_frame(image::Frame::new(frame.clone()))
                .expect("frame 1");
            enc.encode_frame(image::Frame::new(frame)).expect("frame 2");
        }
        let p = process(&gif).expect("gif");
        assert_eq!((p.width, p.height), (400, 300));
    }

    #[test]
    fn transparency_becomes_white() {
        let img = RgbaImage::from_pixel(300, 300, Rgba([0, 0, 0, 0]));
        let p = process(&png_rgba(&img)).expect("accepted");
        let out = decode_jpeg(&p.files[0].1).into_rgb8();
        let px = out.get_pixel(150, 150);
        assert!(px.0.iter().all(|&c| c > 245), "{px:?}");
    }

    #[test]
    fn text_named_jpg_and_svg_are_not_images() {
        let text = b"Hello, this is not a photo at all.\n".repeat(100);
        assert_eq!(refused(&text), PhotoError::NotImage);
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="500" height="500"><script>alert(1)</script><rect width="500" height="500"/></svg>"#;
        assert_eq!(refused(svg), PhotoError::NotImage);
        let html = b"<html><body><img src=x onerror=alert(1)></body></html>";
        assert_eq!(refused(html), PhotoError::NotImage);
        assert_eq!(refused(b""), PhotoError::NotImage);
        // A BMP is an image, but not one of ours.
        let mut bmp = b"BM".to_vec();
        bmp.extend_from_slice(&[0; 60]);
        assert_eq!(refused(&bmp), PhotoError::NotImage);
    }

    #[test]
    fn truncated_files_are_not_images() {
        let full = jpeg(800, 600);
        assert!(jpeg_is_complete(&full));
        for cut in [full.len() / 2, full.len() - 2, 600, 20] {
            assert_eq!(
                refused(&full[..cut]),
                PhotoError::NotImage,
                "jpeg cut at {cut}"
            );
        }
        let full = png(800, 600);
        assert_eq!(refused(&full[..full.len() / 2]), PhotoError::NotImage);
    }

    #[test]
    fn trailing_data_after_a_jpeg_is_allowed() {
        // Motion photos append a video after the JPEG's end.
        let mut bytes = jpeg(400, 300);
        bytes.extend_from_slice(b"\0\0\0\x18ftypmp42 trailing video data");
        assert!(process(&bytes).is_ok());
    }

    /// Rewrites a PNG's IHDR size (and its CRC), leaving the tiny pixel data as it is.
    fn png_claiming(w: u32, h: u32) -> Vec<u8> {
        let mut bytes = png_rgba(&RgbaImage::from_pixel(120, 120, Rgba([9, 9, 9, 255])));
        // 8 bytes signature, 4 length, then "IHDR" and its 13 data bytes, then the CRC.
        assert_eq!(&bytes[12..16], b"IHDR");
        bytes[16..20].copy_from_slice(&w.to_be_bytes());
        bytes[20..24].copy_from_slice(&h.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn decompression_bombs_are_refused_before_decoding() {
        let start = Instant::now();
        let huge = png_claiming(50_000, 50_000);
        assert!(huge.len() < 2_000);
        assert_eq!(refused(&huge), PhotoError::TooManyPixels);
        // Within the side limit but over the pixel budget.
        assert_eq!(
            refused(&png_claiming(9_000, 9_000)),
            PhotoError::TooManyPixels
        );
        assert!(start.elapsed() < Duration::from_millis(500));
    }

    #[test]
    fn a_real_single_colour_bomb_is_refused() {
        // 11 000 x 11 000 grey compresses to a few hundred KB and would take 363 MB decoded.
        let img = image::GrayImage::from_pixel(11_000, 11_000, image::Luma([200]));
        let mut bytes = Vec::new();
        image::codecs::png::PngEncoder::new_with_quality(
            &mut bytes,
            image::codecs::png::CompressionType::Best,
            image::codecs::png::FilterType::NoFilter,
        )
        .write_image(img.as_raw(), 11_000, 11_000, image::ExtendedColorType::L8)
        .expect("png encodes");
        drop(img);
        assert!(bytes.len() < MAX_BYTES);
        let start = Instant::now();
        assert_eq!(refused(&bytes), PhotoError::TooManyPixels);
        assert!(start.elapsed() < Duration::from_millis(200));
    }

    #[test]
    fn small_and_oversized_files_are_refused() {
        assert_eq!(refused(&jpeg(99, 400)), PhotoError::TooSmall);
        assert!(process(&jpeg(100, 100)).is_ok());
        let mut big = jpeg(400, 300);
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(refused(&big), PhotoError::TooLarge);
    }

    /// A JPEG with an EXIF block after SOI: orientation 6 (turn 90° clockwise) and a GPS
    /// IFD with a latitude.
    fn jpeg_with_exif(w: u32, h: u32) -> Vec<u8> {
        let mut tiff: Vec<u8> = b"II*\0".to_vec();
        tiff.extend_from_slice(&8u32.to_le_bytes());
        // IFD0 at 8: two entries, then the next-IFD offset; the GPS IFD follows at 38.
        tiff.extend_from_slice(&2u16.to_le_bytes());
        for (tag, kind, count, value) in [(0x0112u16, 3u16, 1u32, 6u32), (0x8825, 4, 1, 38)] {
            tiff.extend_from_slice(&tag.to_le_bytes());
            tiff.extend_from_slice(&kind.to_le_bytes());
            tiff.extend_from_slice(&count.to_le_bytes());
            tiff.extend_from_slice(&value.to_le_bytes());
        }
        tiff.extend_from_slice(&0u32.to_le_bytes());
        assert_eq!(tiff.len(), 38);
        // GPS IFD: GPSLatitudeRef = "N".
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&2u16.to_le_bytes());
        tiff.extend_from_slice(&2u32.to_le_bytes());
        tiff.extend_from_slice(b"N\0\0\0");
        tiff.extend_from_slice(&0u32.to_le_bytes());
        let mut app1 = vec![0xFF, 0xE1];
        let len = (2 + 6 + tiff.len()) as u16;
        app1.extend_from_slice(&len.to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&tiff);
        let plain = jpeg(w, h);
        let mut out = plain[..2].to_vec();
        out.extend_from_slice(&app1);
        out.extend_from_slice(&plain[2..]);
        out
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn exif_is_applied_then_stripped() {
        let input = jpeg_with_exif(800, 400);
        assert!(contains(&input, b"Exif"));
        let p = process(&input).expect("accepted");
        // Orientation 6: the stored photo is upright, so portrait.
        assert_eq!((p.width, p.height), (400, 800));
        assert_eq!(sizes(&p), vec![320]);
        for (_, bytes) in &p.files {
            assert!(!contains(bytes, b"Exif"));
            assert!(!contains(bytes, b"II*\0"));
            let img = decode_jpeg(bytes);
            assert_eq!((img.width(), img.height()), (320, 640));
        }
    }

    /// Processing time of a 12 MP camera photo; run with
    /// `cargo test --release --lib listings::photos::reencode::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timing() {
        let input = jpeg(4000, 3000);
        let runs = 5;
        let start = Instant::now();
        for _ in 0..runs {
            process(&input).expect("accepted");
        }
        println!(
            "4000x3000 JPEG ({} KB): {:?} per photo",
            input.len() / 1024,
            start.elapsed() / runs
        );
        let start = Instant::now();
        let decoded = decode_jpeg(&input).into_rgb8();
        println!("  of which decoding: {:?}", start.elapsed());
        let start = Instant::now();
        let resized = resize_all(&decoded);
        println!("  resizing: {:?}", start.elapsed());
        let start = Instant::now();
        for (_, img) in &resized {
            encode_jpeg(img).expect("encodes");
        }
        println!("  encoding: {:?}", start.elapsed());
        let start = Instant::now();
        image::imageops::resize(&decoded, 1280, 960, FilterType::Triangle);
        println!(
            "  (a Triangle resize to 1280 instead: {:?})",
            start.elapsed()
        );
    }
}

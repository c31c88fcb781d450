// An uploaded logo, checked and made safe to show: it must decode as a PNG, JPEG or WebP image of
// sensible size (a small file claiming 20,000 × 20,000 pixels is refused before decoding), one
// frame, and it is re-encoded as a PNG of at most 400 px a side with no metadata (camera, place).
import sharp from 'sharp';

export const LOGO_LIMITS = {
  bytes: 2 * 1024 * 1024,
  /** Largest side of the stored logo. */
  side: 400,
  /** Most pixels an upload may claim before it is decoded. */
  inputPixels: 5000 * 5000,
} as const;

const FORMATS = new Set(['png', 'jpeg', 'webp']);

export type PreparedLogo = { ok: true; png: Buffer; width: number; height: number } | { ok: false; problem: string };

export async function prepareLogo(upload: Buffer): Promise<PreparedLogo> {
  const refuse = (problem: string): PreparedLogo => ({ ok: false, problem });
  if (upload.length === 0) return refuse('Choose a logo to upload.');
  if (upload.length > LOGO_LIMITS.bytes) return refuse('The logo must be 2 MB or smaller.');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(upload, { limitInputPixels: false }).metadata();
  } catch {
    return refuse('That file is not an image we can read. Upload a PNG, JPEG or WebP file.');
  }
  if (!meta.format || !FORMATS.has(meta.format)) return refuse('Upload a PNG, JPEG or WebP file.');
  if (!meta.width || !meta.height || meta.width * meta.height > LOGO_LIMITS.inputPixels)
    return refuse('The logo is too large in pixels: keep it under 5,000 × 5,000.');
  if ((meta.pages ?? 1) > 1) return refuse('Upload a still image, not an animation.');
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: LOGO_LIMITS.inputPixels, failOn: 'error' })
      .timeout({ seconds: 10 })
      .rotate() // as the camera held it, before the orientation tag is dropped
      .resize(LOGO_LIMITS.side, LOGO_LIMITS.side, { fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, png: data, width: info.width, height: info.height };
  } catch {
    return refuse('That image is damaged or could not be read. Try saving it again as a PNG.');
  }
}

// What a file really is, from its first bytes, never from its name or what the browser said.
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;
export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

const EXTENSIONS: Record<MediaType, string[]> = {
  [MEDIA_TYPES.pdf]: ['pdf'],
  [MEDIA_TYPES.docx]: ['docx'],
  [MEDIA_TYPES.png]: ['png'],
  [MEDIA_TYPES.jpeg]: ['jpg', 'jpeg'],
};

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** The type the bytes say, or undefined when they are none we accept. */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return MEDIA_TYPES.pdf; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  // A Word file is a zip whose entries include word/document.xml (names are stored in clear).
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes).includes('word/document.xml'))
    return MEDIA_TYPES.docx;
  return undefined;
}

export type FileCheck = { ok: true; mediaType: MediaType; fileName: string } | { ok: false; message: string };

/** Checks size, real type, and that the name's extension agrees with the bytes. */
export function checkAttachment(fileName: string, bytes: Uint8Array): FileCheck {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty. Choose the file again.' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: 'The file must be 5 MB or smaller.' };
  const mediaType = sniffMediaType(bytes);
  if (!mediaType)
    return { ok: false, message: 'The file must be a PDF, a Word document (.docx), or a PNG or JPEG picture.' };
  const name = safeFileName(fileName);
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (!EXTENSIONS[mediaType].includes(ext)) {
    return {
      ok: false,
      message: `The file's name says .${ext || '?'} but it is really a ${EXTENSIONS[mediaType][0]!.toUpperCase()} file. Rename it and try again.`,
    };
  }
  return { ok: true, mediaType, fileName: name };
}

/** A file name safe to store and to send in a header: no paths, no control or quote characters. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"<>;]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(-120);
  return clean || 'file';
}

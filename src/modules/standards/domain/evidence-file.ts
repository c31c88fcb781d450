// What an evidence file really is, from its first bytes: a name or a browser's claim is not enough.
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export type EvidenceType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function sniffEvidenceType(bytes: Uint8Array, filename: string): EvidenceType | undefined {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) && ext === 'pdf') return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ext === 'png') return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && (ext === 'jpg' || ext === 'jpeg')) return 'image/jpeg';
  // A DOCX is a zip holding word/document.xml; the name appears uncompressed in the zip directory.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && ext === 'docx' && Buffer.from(bytes).includes('word/')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return undefined;
}

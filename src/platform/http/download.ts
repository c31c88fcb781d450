// The Content-Disposition of a download: an ASCII name every browser reads (quotes, backslashes
// and anything outside printable ASCII replaced) and the real name, UTF-8, for those that can.
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A file name from a title: letters, digits and hyphens, at most 60 characters, then the extension. */
export function fileNameFromTitle(title: string, extension: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${stem || 'download'}.${extension}`;
}

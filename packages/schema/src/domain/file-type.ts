/** A file type caredesk accepts, recognised by the file's first bytes, never by its name. */
export interface FileType {
  mime: string;
  /** Shown inline in a browser (images); everything else downloads as an attachment. */
  inline: boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// ZIP containers: office documents are told apart by the name only once the content is a ZIP.
const zipDocuments: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/**
 * The allowlist of domain.md (images, pdf, office documents, archives). SVG and HTML are
 * never accepted: a browser would run their scripts. Returns null for anything else.
 */
export function detectFileType(bytes: Uint8Array, fileName: string): FileType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', inline: true };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', inline: true };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { mime: 'image/gif', inline: true };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { mime: 'image/webp', inline: true };
  if (startsWith(bytes, ascii('BM')) && bytes.length > 14) return { mime: 'image/bmp', inline: false };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { mime: 'image/tiff', inline: false };
  if (startsWith(bytes, ascii('%PDF-'))) return { mime: 'application/pdf', inline: false };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { mime: 'application/msword', inline: false };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return { mime: 'application/x-7z-compressed', inline: false };
  if (startsWith(bytes, ascii('Rar!\u001a\u0007'))) return { mime: 'application/vnd.rar', inline: false };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const extension = fileName.toLowerCase().split('.').pop() ?? '';
    return { mime: zipDocuments[extension] ?? 'application/zip', inline: false };
  }
  return null;
}

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '"<>|:*?'.includes(c) ? '_' : c))
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

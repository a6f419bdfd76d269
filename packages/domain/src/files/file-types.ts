/** Content families recognised by their first bytes. */
export type ContentKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ole' | 'rar' | '7z' | 'text';

/** Known extensions: the MIME type answered on download, and the content family required. */
export const FILE_TYPES: Record<string, { mime: string; kind: ContentKind }> = {
  pdf: { mime: 'application/pdf', kind: 'pdf' },
  doc: { mime: 'application/msword', kind: 'ole' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'zip' },
  xls: { mime: 'application/vnd.ms-excel', kind: 'ole' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'zip' },
  ppt: { mime: 'application/vnd.ms-powerpoint', kind: 'ole' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', kind: 'zip' },
  png: { mime: 'image/png', kind: 'png' },
  jpg: { mime: 'image/jpeg', kind: 'jpeg' },
  jpeg: { mime: 'image/jpeg', kind: 'jpeg' },
  gif: { mime: 'image/gif', kind: 'gif' },
  webp: { mime: 'image/webp', kind: 'webp' },
  zip: { mime: 'application/zip', kind: 'zip' },
  rar: { mime: 'application/vnd.rar', kind: 'rar' },
  '7z': { mime: 'application/x-7z-compressed', kind: '7z' },
  txt: { mime: 'text/plain', kind: 'text' },
  csv: { mime: 'text/csv', kind: 'text' },
  md: { mime: 'text/markdown', kind: 'text' },
};

/** Bytes to read before deciding: enough for every signature below. */
export const SNIFF_BYTES = 4096;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function isPdf(head: Uint8Array): boolean {
  // The header may follow a little leading junk; readers look in the first KiB.
  const marker = ascii('%PDF-');
  const limit = Math.min(head.length - marker.length, 1024);
  for (let i = 0; i <= limit; i++) if (startsWith(head, marker, i)) return true;
  return false;
}

function isText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true; // UTF-16 with BOM
  return head.length > 0 && !head.includes(0);
}

const MATCHERS: Record<ContentKind, (head: Uint8Array) => boolean> = {
  pdf: isPdf,
  png: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  gif: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')),
  webp: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8),
  zip: (h) => startsWith(h, [0x50, 0x4b, 0x03, 0x04]) || startsWith(h, [0x50, 0x4b, 0x05, 0x06]) || startsWith(h, [0x50, 0x4b, 0x07, 0x08]),
  ole: (h) => startsWith(h, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  rar: (h) => startsWith(h, ascii('Rar!\u001a\u0007')),
  '7z': (h) => startsWith(h, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
  text: isText,
};

export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

export type FileTypeCheck = { ok: true; ext: string; mime: string } | { ok: false; reason: 'type_not_allowed' | 'content_mismatch' };

/**
 * Decides whether a file may be stored: its extension must be allowed, and for known types its
 * first bytes must match (a ".pdf" that is not a PDF is refused). Extensions an administrator
 * allows beyond the known ones are stored as application/octet-stream.
 */
export function checkFileType(name: string, head: Uint8Array, allowed: readonly string[]): FileTypeCheck {
  const ext = extensionOf(name);
  if (!ext || !allowed.includes(ext)) return { ok: false, reason: 'type_not_allowed' };
  const known = FILE_TYPES[ext];
  if (!known) return { ok: true, ext, mime: 'application/octet-stream' };
  if (!MATCHERS[known.kind](head)) return { ok: false, reason: 'content_mismatch' };
  return { ok: true, ext, mime: known.mime };
}

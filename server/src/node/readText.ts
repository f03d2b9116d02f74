import type { Finding } from '../service';
import type { Disk, Place } from './disk';
/** Above this size a file is reported as too large instead of being parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the author is told about a file over MAX_FILE_BYTES (the CLI and the editor alike). */
export function tooLargeReason(size: number): string {
  return `This file is ${(size / 1048576).toFixed(1)} MB, larger than careplan checks (${MAX_FILE_BYTES / 1048576} MB) — split it into one record per file.`;
}

/** How the bytes were written, when not plain UTF-8: a fix writes the file back the same way or not at all. */
export type Encoding = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'other';

export type DecodedText = { ok: true; text: string; note?: string; encoding?: Encoding } | { ok: false; reason: string };

/**
 * Turns file bytes into text the way an editor would: strips a UTF-8 BOM, honours UTF-16
 * BOMs, refuses binary and oversized files with a reason instead of throwing.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, reason: tooLargeReason(bytes.length) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.subarray(start, Math.min(bytes.length, 8192)).includes(0)) {
    // Notepad's "Unicode" saves UTF-16, sometimes with no byte-order mark: every other byte is zero.
    const utf16 = start === 0 ? utf16WithoutBom(bytes) : undefined;
    if (utf16 !== undefined) {
      return { ok: true, text: utf16, note: 'This file is saved as UTF-16 — save it as UTF-8 so every tool reads it the same way.', encoding: 'other' };
    }
    return { ok: false, reason: 'This file is not text (it contains binary bytes) — careplan reads plain-text YAML files, saved as UTF-8.' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    return start ? { ok: true, text, encoding: 'utf-8-bom' } : { ok: true, text };
  } catch {
    // Old Windows exports arrive as Windows-1252; read them so the author still gets findings.
    return {
      ok: true,
      text: decodeWindows1252(bytes.subarray(start)),
      note: 'This file is not UTF-8 (it looks like a Windows export) — save it as UTF-8 so every tool reads it the same way.',
      encoding: 'other',
    };
  }
}

/**
 * The text of UTF-16 with no byte-order mark, when the bytes clearly are that: an even length,
 * mostly ASCII (so one byte of each pair is zero, always the same one) and no NUL once decoded.
 */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 8192);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? zeroEven++ : zeroOdd++;
  const pairs = n / 2;
  const encoding = zeroOdd >= pairs / 2 && zeroEven === 0 ? 'utf-16le' : zeroEven >= pairs / 2 && zeroOdd === 0 ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const text = new TextDecoder(encoding).decode(bytes);
  // Text has no control characters besides tab and line breaks; binary read this way does.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text) ? undefined : text;
}

// 0x80–0x9F of Windows-1252 (the rest is Latin-1). Node's TextDecoder lacks this table on
// builds without full ICU, so it is spelt out here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * A file's text as every tool reads it, or why it cannot be (too large, binary, unreadable, not
 * an ordinary file, outside the workspace); undefined when there is no such file (deleted meanwhile).
 * Read through the workspace's one door to the disk.
 */
export async function readTextFile(disk: Disk, file: string): Promise<DecodedText | undefined> {
  const got = await disk.read(file, MAX_FILE_BYTES);
  if ('bytes' in got) return got.size > MAX_FILE_BYTES ? { ok: false, reason: tooLargeReason(got.size) } : decodeText(got.bytes);
  if (got.error) return { ok: false, reason: `This file cannot be read: ${got.error}.` };
  const reason = unreadablePlaceReason(got.place);
  return reason === undefined ? undefined : { ok: false, reason };
}

/** Why a place that is not a readable file was not read, in the author's words; undefined when there is nothing there. */
export function unreadablePlaceReason(place: Place): string | undefined {
  switch (place.kind) {
    case 'missing':
    case 'file':
      return undefined;
    case 'outside':
      return 'This path leads outside the workspace (through a link or `..`), so careplan did not open it — keep records inside the workspace folder.';
    case 'loop':
      return 'This path is a link that leads round in a loop, so careplan did not open it.';
    case 'special':
      return `This is ${place.what}, not an ordinary file, so careplan did not open it — a record must be a plain-text YAML file.`;
    case 'directory':
      return 'This is a folder, not a file.';
    case 'unreadable':
      return `This file cannot be read: ${place.message}.`;
  }
}

/** A finding about the file as a whole (shown on line 1), the same in the CLI and the editor. */
export function fileFinding(message: string, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'yaml-syntax', severity, message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, pointer: '' };
}

/** The bytes to write a fixed text back as, in the file's own encoding; undefined when careplan does not write that encoding. */
export function encodeLike(text: string, encoding: Encoding | undefined): Uint8Array | undefined {
  if (encoding === undefined) return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return undefined; // UTF-16BE and guessed encodings: left for the author to re-save
}

/**
 * Text from the records reaches the terminal and report files inside messages and paths. Control
 * characters in it could move the cursor, recolour or retitle the terminal (escape sequences), or
 * make an XML report unreadable, so they are shown as visible escapes instead.
 */

/** C0 and C1 controls and DEL, except tab and line feed. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `\u001b` for ESC, and so on: the character named, not obeyed. */
export function visibleControls(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Code points XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF), shown as escapes. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

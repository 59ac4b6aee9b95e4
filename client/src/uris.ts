// A file's name from its URI, without Node's path module: the desktop and the browser
// client share this (a URI's path always has "/" between its parts, on Windows too).
import type { Uri } from 'vscode';

/** The last part of the URI's path ("/a/Dagsorden.pdf" → "Dagsorden.pdf"). */
export function baseName(uri: Uri): string {
  const p = uri.path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * Save `text` as a file through a Blob URL and an `<a download>` click: works in Chrome and
 * Firefox extension pages without the "downloads" permission.
 */
export function downloadText(filename: string, mime: string, text: string, doc: Document = document): void {
  const blob = new Blob([text], { type: mime || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = safeFilename(filename);
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Firefox starts the download asynchronously: revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name without path separators or control characters; a default when nothing is left. */
export function safeFilename(name: string, fallback = 'naqi-export.txt'): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/^[.\s]+/, '').trim();
  return cleaned.slice(0, 150) || fallback;
}

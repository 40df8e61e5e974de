/** Largest import file the page accepts before reading it (the background has its own limits). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFileProblem = 'empty' | 'tooLarge' | 'notUtf8' | 'notJson';

export type ImportFileCheck =
  | { ok: true; text: string }
  | { ok: false; problem: ImportFileProblem; detail?: string };

/** Refuse early what cannot be an export: too big, not UTF-8, not JSON. Pure, so it is tested. */
export function checkImportBytes(bytes: Uint8Array): ImportFileCheck {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  let text: string;
  try {
    // fatal: a single invalid byte refuses the file rather than turning it into U+FFFD.
    // The default ignoreBOM=false drops a leading UTF-8 BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'notUtf8' };
  }
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  try {
    JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'notJson', detail: error instanceof Error ? error.message : undefined };
  }
  return { ok: true, text };
}

/** Size check on the File object itself, so a huge file is refused without being read. */
export function checkImportSize(size: number): ImportFileCheck | undefined {
  if (size === 0) return { ok: false, problem: 'empty' };
  if (size > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  return undefined;
}

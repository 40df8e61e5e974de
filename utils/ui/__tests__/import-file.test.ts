import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, checkImportBytes, checkImportSize } from '../import-file';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkImportBytes', () => {
  it('accepts UTF-8 JSON, with or without BOM', () => {
    expect(checkImportBytes(bytes('{"a":"نقي"}'))).toEqual({ ok: true, text: '{"a":"نقي"}' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"a":1}')]);
    expect(checkImportBytes(withBom)).toEqual({ ok: true, text: '{"a":1}' });
  });
  it('refuses an empty file', () => {
    expect(checkImportBytes(new Uint8Array())).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkImportBytes(bytes('  \n'))).toMatchObject({ ok: false, problem: 'empty' });
  });
  it('refuses bytes that are not UTF-8', () => {
    expect(checkImportBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({ ok: false, problem: 'notUtf8' });
  });
  it('refuses truncated JSON and names the parser error', () => {
    const r = checkImportBytes(bytes('{"format":"naqi-reports","reports":[{"id":'));
    expect(r).toMatchObject({ ok: false, problem: 'notJson' });
    expect(r.ok === false && r.detail).toBeTruthy();
  });
  it('refuses a file over the limit', () => {
    expect(checkImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(checkImportSize(0)).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkImportSize(100)).toBeUndefined();
  });
});

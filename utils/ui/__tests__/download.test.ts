// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { downloadText, safeFilename } from '../download';

describe('safeFilename', () => {
  it('removes separators and control characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFilename('naqi-2025-06-15.csv')).toBe('naqi-2025-06-15.csv');
    expect(safeFilename('a\u0000b\nc.json')).toBe('a_b_c.json');
    expect(safeFilename('')).toBe('naqi-export.txt');
  });
});

describe('downloadText', () => {
  it('clicks a hidden <a download> with a Blob URL and removes it', () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:naqi/1';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let clicked: HTMLAnchorElement | undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this;
    });
    downloadText('naqi.csv', 'text/csv;charset=utf-8', '\uFEFFa,b\n');
    expect(click).toHaveBeenCalledOnce();
    expect(clicked?.download).toBe('naqi.csv');
    expect(clicked?.href).toBe('blob:naqi/1');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    click.mockRestore();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasAtLeastChars, hasText, normaliseSpace } from '../text';
import { isBoilerplateText } from '../cleanup';

/** Text made of words, spaces and the invisible characters these sites put in Arabic text. */
const spacey = fc
  .array(fc.constantFrom('نص', 'a', 'é', ' ', '\n', '\t', '\u00A0', '\u200B', '\u200F', '\u202B', '\uFEFF', 'كلمة طويلة'), { maxLength: 400 })
  .map((parts) => parts.join(''));

describe('the shortcuts agree with normaliseSpace', () => {
  it('hasText(t) is normaliseSpace(t) !== ""', () => {
    fc.assert(fc.property(spacey, (t) => hasText(t) === (normaliseSpace(t) !== '')));
  });

  it('hasAtLeastChars(t, n) is normaliseSpace(t).length >= n', () => {
    fc.assert(
      fc.property(spacey, fc.integer({ min: 0, max: 600 }), (t, n) => hasAtLeastChars(t, n) === normaliseSpace(t).length >= n),
      { numRuns: 2000 },
    );
  });

  it('a long text with a short normal form is still told apart', () => {
    const mostlySpace = `${' \u200B'.repeat(5000)}انقر هنا لقراءة الخبر من مصدره${'\n'.repeat(5000)}`;
    expect(hasAtLeastChars(mostlySpace, 140)).toBe(false);
    expect(isBoilerplateText(mostlySpace)).toBe(true);
    expect(isBoilerplateText(`انقر هنا لقراءة الخبر من مصدره ${'كلمة '.repeat(100)}`)).toBe(false);
  });
});

/** Keyboard shortcuts of the review page. */
export type ReviewAction = 'next' | 'previous' | 'hide' | 'keep' | 'pending' | 'select' | 'search' | 'note';

/**
 * Letter → action. j/k move like in mail readers; keep is "d" (dismiss) so it does not clash
 * with k (previous); "u" undoes a decision (back to pending).
 */
export const REVIEW_SHORTCUTS: Readonly<Record<string, ReviewAction>> = {
  j: 'next',
  k: 'previous',
  h: 'hide',
  d: 'keep',
  u: 'pending',
  x: 'select',
  n: 'note',
  '/': 'search',
};

export interface KeyLike {
  key: string;
  code?: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  target?: EventTarget | null;
}

/** True when the key goes to a text field, a select or an editable element, not to shortcuts. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string } | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el.type ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
}

/**
 * The action of a key press, or undefined. Uses the typed letter (AZERTY types "d" where
 * QWERTY does), and falls back to the physical key when the layout is not Latin (Arabic).
 */
export function reviewActionFor(event: KeyLike): ReviewAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : '';
  if (key === '') return undefined;
  if (key in REVIEW_SHORTCUTS) return REVIEW_SHORTCUTS[key];
  // Only a non-Latin character (Arabic layout) falls back to the key's QWERTY position.
  if (key.charCodeAt(0) < 0x80) return undefined;
  const code = event.code ?? '';
  const letter = /^Key([A-Z])$/.exec(code)?.[1]?.toLowerCase();
  if (letter && letter in REVIEW_SHORTCUTS) return REVIEW_SHORTCUTS[letter];
  if (code === 'Slash') return REVIEW_SHORTCUTS['/'];
  return undefined;
}

// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { Article, Block } from '@/utils/reader/types';
import { ArticleBody } from '../ArticleBody';
import type { Schedule } from '../frames';
import { planSlices } from '../slice-plan';

/** A scheduler the test drives: nothing runs until `next()`; cancelled entries never run. */
function manualSchedule() {
  const queue: { run: () => void; cancelled: boolean }[] = [];
  const schedule: Schedule = vi.fn((run: () => void) => {
    const entry = { run, cancelled: false };
    queue.push(entry);
    return () => {
      entry.cancelled = true;
    };
  });
  const pending = () => queue.filter((e) => !e.cancelled);
  const next = () =>
    act(() => {
      const entry = queue.shift();
      if (entry && !entry.cancelled) entry.run();
    });
  const flush = () => {
    while (queue.length) next();
  };
  return { schedule, pending, next, flush, queue };
}

function article(paragraphs: number, images: number, tag = 'a'): Article {
  const blocks: Block[] = [];
  const every = Math.max(1, Math.floor(paragraphs / Math.max(1, images)));
  const imgs: Article['images'] = [];
  for (let i = 0; i < paragraphs; i++) {
    blocks.push({ type: 'p', content: [`${tag}${i} `, 'وتشير المعطيات المتوفرة إلى تراجع ملموس في حجم الواردات المائية '.repeat(3)] });
    if (imgs.length < images && i % every === every - 1) {
      blocks.push({ type: 'figure', image: imgs.length });
      imgs.push({ src: `https://images.example.ma/${tag}/${imgs.length}.jpg`, caption: '', alt: '' });
    }
  }
  return { url: `https://www.maghress.com/${tag}`, siteId: 'maghress', siteName: 'Maghress', title: tag, source: null, lang: 'ar', dir: 'rtl', blocks, images: imgs };
}

const actions = {} as ReaderActions;
let root: HTMLElement;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

const show = (a: Article, schedule: Schedule, highlight: string | null = null) =>
  act(() => render(<ArticleBody article={a} states={{}} revealed={{}} highlight={highlight} actions={actions} schedule={schedule} />, root));
const body = () => root.querySelector<HTMLElement>('[data-testid="reader-body"]')!;
const texts = () => [...body().querySelectorAll('p')].map((p) => p.textContent?.split(' ')[0]);

describe('ArticleBody slicing', () => {
  it('renders a short article in one pass, with nothing scheduled', () => {
    const s = manualSchedule();
    const short = article(12, 2);
    show(short, s.schedule);
    expect(s.schedule).not.toHaveBeenCalled();
    expect(body().children).toHaveLength(short.blocks.length);
    expect(body().querySelectorAll('[data-testid="report-image"]')).toHaveLength(2);
    expect(body().hasAttribute('aria-busy')).toBe(false);
  });

  it('renders the first slice at once, then every block, in order, each image with its report button', () => {
    const s = manualSchedule();
    const long = article(2000, 150);
    const ends = planSlices(long.blocks);
    expect(ends.length).toBeGreaterThan(3);
    show(long, s.schedule);
    expect(body().children).toHaveLength(ends[0]!);
    expect(body().getAttribute('aria-busy')).toBe('true');
    s.next();
    expect(body().children).toHaveLength(ends[1]!);
    s.flush();
    expect(s.schedule).toHaveBeenCalledTimes(ends.length - 1);
    expect(body().children).toHaveLength(long.blocks.length);
    expect(texts()).toEqual(Array.from({ length: 2000 }, (_, i) => `a${i}`));
    const figures = body().querySelectorAll('[data-testid="article-image"]');
    expect(figures).toHaveLength(150);
    figures.forEach((figure, i) => {
      expect(figure.getAttribute('data-image-url')).toBe(long.images[i]!.src);
      expect(figure.querySelector('[data-testid="report-image"]')?.tagName).toBe('BUTTON');
    });
    expect(body().hasAttribute('aria-busy')).toBe(false);
  });

  it('asks for the next slice right away in the frame after a slice it rendered itself', () => {
    const s = manualSchedule();
    show(article(2000, 10), s.schedule);
    expect(vi.mocked(s.schedule).mock.calls[0]![1]).toBe(false);
    s.next();
    expect(vi.mocked(s.schedule).mock.calls[1]![1]).toBe(true);
  });

  it('cancels an unfinished article when another one comes, and renders only the new one', () => {
    const s = manualSchedule();
    const first = article(2000, 20, 'a');
    show(first, s.schedule);
    s.next();
    s.next();
    const second = article(1500, 20, 'b');
    show(second, s.schedule);
    // What was waiting for the first article will never run.
    expect(s.pending()).toHaveLength(1);
    expect(body().children).toHaveLength(planSlices(second.blocks)[0]!);
    expect(texts().every((t) => t?.startsWith('b'))).toBe(true);
    s.flush();
    expect(texts()).toEqual(Array.from({ length: 1500 }, (_, i) => `b${i}`));
    expect(body().querySelectorAll('[data-testid="report-image"]')).toHaveLength(20);
  });

  it('cancels what is scheduled when the view goes away', () => {
    const s = manualSchedule();
    show(article(2000, 10), s.schedule);
    expect(s.pending()).toHaveLength(1);
    act(() => render(null, root));
    expect(s.pending()).toHaveLength(0);
  });

  it('renders at once up to an image linked from elsewhere, so it can be scrolled to', () => {
    const s = manualSchedule();
    const long = article(2000, 150);
    const deep = long.images[140]!.src;
    show(long, s.schedule, deep);
    expect(body().querySelector(`figure[data-image-url="${deep}"]`)).not.toBeNull();
    expect(body().getAttribute('aria-busy')).toBe('true');
    s.flush();
    expect(body().children).toHaveLength(long.blocks.length);
  });

  it('re-renders slices already shown when an image state changes', () => {
    const s = manualSchedule();
    const long = article(2000, 150);
    show(long, s.schedule);
    s.flush();
    const src = long.images[0]!.src;
    act(() =>
      render(<ArticleBody article={long} states={{ [src]: 'blurred' }} revealed={{}} highlight={null} actions={actions} schedule={s.schedule} />, root),
    );
    expect(body().querySelector(`figure[data-image-url="${src}"]`)?.getAttribute('data-state')).toBe('blurred');
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextFrame } from '../frames';

// Frames the test produces by hand: `frame()` runs the animation-frame callbacks due now.
let callbacks = new Map<number, FrameRequestCallback>();
let id = 0;
const frame = () => {
  const due = callbacks;
  callbacks = new Map();
  for (const cb of due.values()) cb(0);
};
let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    callbacks.set(++id, cb);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (n: number) => callbacks.delete(n));
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  callbacks = new Map();
  visibility = 'visible';
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('nextFrame', () => {
  it('from a frame callback, runs in the next frame', () => {
    const run = vi.fn();
    nextFrame(run, true);
    expect(run).not.toHaveBeenCalled();
    frame();
    expect(run).toHaveBeenCalledOnce();
  });

  it('from anywhere else, lets the coming frame paint first and runs in the one after', () => {
    const run = vi.fn();
    nextFrame(run, false);
    frame();
    expect(run).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
    frame();
    expect(run).toHaveBeenCalledOnce();
  });

  it('in a hidden tab, uses a timer, since no frame comes', () => {
    visibility = 'hidden';
    const run = vi.fn();
    nextFrame(run, true);
    vi.runAllTimers();
    expect(run).toHaveBeenCalledOnce();
    expect(callbacks.size).toBe(0);
  });

  it('switches to a timer when the tab is hidden while waiting for a frame', () => {
    const run = vi.fn();
    nextFrame(run, true);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.runAllTimers();
    expect(run).toHaveBeenCalledOnce();
    frame();
    expect(run).toHaveBeenCalledOnce();
  });

  it('never runs once cancelled, at any stage', () => {
    const run = vi.fn();
    nextFrame(run, true)();
    nextFrame(run, false)();
    const late = nextFrame(run, false);
    frame();
    late();
    frame();
    vi.runAllTimers();
    frame();
    expect(run).not.toHaveBeenCalled();
  });
});

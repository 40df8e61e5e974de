import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextFrame, type Schedule } from './frames';

/**
 * How many of `count` slices to render now: the first at once, then one more per frame until
 * all are there. A new `owner` (another article) starts again from its first slice and cancels
 * what was scheduled for the previous one, as does unmounting.
 *
 * `atLeast` renders that many slices straight away (a link to an image deep in the article
 * must find it rendered); the rest keep coming one frame at a time.
 */
export function useSlices(count: number, owner: object, atLeast = 1, schedule: Schedule = nextFrame): number {
  const [progress, setProgress] = useState({ owner, done: 1 });
  // Whether the render being committed is one the scheduler started at the start of a frame.
  const fromFrame = useRef(false);
  const done = Math.min(count, Math.max(progress.owner === owner ? progress.done : 1, atLeast));
  // A layout effect runs right after the commit, still inside that frame's callbacks when the
  // scheduler started this render: the next slice then goes in the very next frame.
  useLayoutEffect(() => {
    const inFrame = fromFrame.current;
    fromFrame.current = false;
    if (done >= count) return undefined;
    return schedule(() => {
      fromFrame.current = true;
      setProgress({ owner, done: done + 1 });
    }, inFrame);
  }, [owner, done, count, schedule]);
  return done;
}

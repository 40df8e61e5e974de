/**
 * Runs `run` later; returns a function that cancels it if it has not run yet. `fromFrame` says
 * the caller is itself inside a callback this scheduler ran at the start of a frame.
 */
export type Schedule = (run: () => void, fromFrame: boolean) => () => void;

/**
 * Runs `run` at the start of a coming frame (a requestAnimationFrame callback, before style and
 * layout), so what it renders is laid out and painted in that same frame, and the browser
 * handles input between one frame and the next.
 *
 * Called from anywhere else (the first slice, just rendered in an ordinary task), the frame
 * about to come is the one that shows that first slice: it waits until that frame has been
 * painted (a timer set from its requestAnimationFrame runs after it) and runs in the one after.
 *
 * A hidden tab produces no frames: there (or once the tab is hidden while waiting) a plain
 * timer, which the browser slows down to about once a second but does not stop, so a view
 * opened in a background tab still completes.
 */
export const nextFrame: Schedule = (run, fromFrame) => {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watching = false;
  const stop = () => {
    if (watching) document.removeEventListener('visibilitychange', onVisibility);
    watching = false;
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = timer = null;
  };
  const finish = () => {
    stop();
    run();
  };
  const inFrame = () => {
    frame = requestAnimationFrame(finish);
  };
  function onVisibility() {
    if (document.visibilityState !== 'hidden') return;
    stop();
    timer = setTimeout(finish, 0);
  }
  if (document.visibilityState === 'hidden') {
    timer = setTimeout(finish, 0);
    return stop;
  }
  document.addEventListener('visibilitychange', onVisibility);
  watching = true;
  if (fromFrame) inFrame();
  else {
    frame = requestAnimationFrame(() => {
      frame = null;
      timer = setTimeout(() => {
        timer = null;
        inFrame();
      }, 0);
    });
  }
  return stop;
};

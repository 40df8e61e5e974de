import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_HOST_PATTERNS } from '@/utils/sites/host-patterns';
import { ReaderController } from '@/utils/content/controller';

// Thin on purpose: the controller holds the logic. The same file is injected on demand
// (toolbar, shortcut) on other sites, so a second injection must not start twice.
const STARTED = Symbol.for('naqi.started');

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_end',
  main(ctx) {
    const scope = window as unknown as Record<symbol, boolean>;
    if (scope[STARTED]) return;
    scope[STARTED] = true;
    ctx.onInvalidated(() => {
      scope[STARTED] = false;
    });
    void new ReaderController(ctx).start();
  },
});

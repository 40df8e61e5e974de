import { Readability } from '@mozilla/readability';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Injected by the background into a content script's world only on pages whose site rules
// found no article body: most pages never pay for Readability's size.
export default defineUnlistedScript(() => {
  (globalThis as { naqiReadability?: typeof Readability }).naqiReadability = Readability;
});

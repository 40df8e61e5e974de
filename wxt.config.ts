import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SUPPORTED_HOST_PATTERNS } from './utils/sites/host-patterns';

// Firefox-only keys live here so the Chrome manifest never carries them.
const GECKO_ID = 'naqi@naqi.example';

export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  zip: {
    excludeSources: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'bench-results/**'],
  },
  manifest: ({ browser }) => {
    const manifest: Record<string, unknown> = {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
      host_permissions: SUPPORTED_HOST_PATTERNS,
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
      action: {
        default_title: '__MSG_extName__',
        default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' },
      },
      commands: {
        'toggle-reader': {
          suggested_key: { default: 'Alt+Shift+R' },
          description: '__MSG_commandToggleReader__',
        },
      },
    };
    if (browser === 'firefox') {
      manifest.browser_specific_settings = {
        gecko: {
          id: GECKO_ID,
          // data_collection_permissions exists from Firefox 140 (142 on Android).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      };
    } else {
      manifest.minimum_chrome_version = '120';
    }
    return manifest;
  },
});

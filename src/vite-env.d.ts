/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** True in a test build only (vite.config.ts): the lab worker's hooks that break it, and window.__clickcycleLab. */
declare const __TEST_HOOKS__: boolean;

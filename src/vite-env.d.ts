/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** True in a test build only (vite.config.ts): the lab worker's hooks that break it, and window.__clickcycleLab. */
declare const __TEST_HOOKS__: boolean;
/** True in a test build and the bench's (vite.config.ts): the lab worker's bench and inspection methods (workers/lab/seams-api.ts). */
declare const __LAB_SEAMS__: boolean;

import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Svelte 5 with runes mode on for every component. */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};

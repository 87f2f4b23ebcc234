import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// tfjs and comlink are pre-bundled so Vite does not re-optimise (and reload) mid-session.
export const optimizeDepsInclude = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-wasm',
  'comlink',
];

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  optimizeDeps: { include: optimizeDepsInclude },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  preview: { port: 4173 },
});

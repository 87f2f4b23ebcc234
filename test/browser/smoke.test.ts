import { expect, test } from 'vitest';

test('runs inside Chromium with WebGL2 in a worker-capable page', () => {
  expect(navigator.userAgent).toContain('Chrome');
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  expect(gl).not.toBeNull();
});

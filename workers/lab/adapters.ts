// Inspects the GPU adapters without starting tfjs: is WebGPU / WebGL real hardware or software?
import type { BackendProbe } from '../lab-types.ts';

/** Renderer names that mean "a GPU emulated on the CPU". */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(o?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** Is the code running in Node (tests) rather than a browser or worker? */
export const IN_NODE = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** WebGPU: present? and is the adapter the software fallback (SwiftShader)? */
export async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (IN_NODE || !gpu) return { name: 'webgpu', available: false, software: false, note: 'this browser has no WebGPU' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { name: 'webgpu', available: false, software: false, note: 'no WebGPU adapter was offered' };
    const info = adapter.info ?? {};
    const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
    const software = fallback || SOFTWARE_RENDERER.test(text);
    const adapterText = `${text || 'unknown adapter'}${fallback ? ' (fallback adapter)' : ''}`;
    return { name: 'webgpu', available: true, software, adapter: adapterText };
  } catch (err) {
    return { name: 'webgpu', available: false, software: false, note: `WebGPU failed: ${(err as Error).message}` };
  }
}

/** WebGL2 on an OffscreenCanvas: present? and is the renderer SwiftShader / llvmpipe? */
export function probeWebGl(): BackendProbe {
  if (IN_NODE || typeof OffscreenCanvas === 'undefined') return { name: 'webgl', available: false, software: false, note: 'no WebGL here' };
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return { name: 'webgl', available: false, software: false, note: 'WebGL2 is not available' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { name: 'webgl', available: true, software: SOFTWARE_RENDERER.test(renderer), adapter: renderer };
  } catch (err) {
    return { name: 'webgl', available: false, software: false, note: `WebGL failed: ${(err as Error).message}` };
  }
}

// The one tfjs entry point of the worker: core plus the always-available cpu backend.
// Other backends are imported on demand by backends.ts so Node tests never load browser-only code.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-layers registers every gradient (autograd for the MLP); we use no layers API.
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';

export { tf };
export type Tf = typeof tf;

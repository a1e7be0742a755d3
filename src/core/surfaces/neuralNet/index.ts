/** The registered neural-net surface, `neuralNet` (built lazily); any other slice is makeNeuralNetSlice's (slice.ts), and core's API is nn/public.ts. */
import { lazyNeuralNetSlice } from './lazy.ts';
import { DEFAULT_NEURAL_NET_OPTIONS, type NeuralNetSlice } from './slice.ts';

/**
 * surfaces['neural-net']: the default slice, trained on first use (see lazy.ts).
 * Its lesson fields are what makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS)
 * computes; test/core/neuralNet.test.ts checks they still are.
 */
export const neuralNet: NeuralNetSlice = lazyNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS, {
  suggestedStart: [0, -1.5],
  suggestedLr: 0.02,
  lrRange: [0.0002, 0.2],
  logHeight: true,
});

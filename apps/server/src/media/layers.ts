import { CAMERA_LAYER_KBPS } from '@echo-hub/protocol';

/** What each forwarded stream that is not a simulcast camera takes of a receiver's downlink, in kbit/s. */
export const AUDIO_KBPS = 40;
export const SCREEN_KBPS = 400;
/**
 * The layers asked for may add up to this much more than the downlink estimate. The estimate follows what is
 * sent (mediasoup probes for more only while its consumers want more), so layers fitted to the estimate itself
 * would keep it, and them, where they are on a link that has room; mediasoup's own congestion control still
 * drops layers that do not get through.
 */
export const DOWNLINK_HEADROOM = 1.5;

/** Simulcast layer for a tile of this height (CSS px): small tiles get the smallest encoding. */
export function spatialLayerFor(height: number): number {
  if (height >= 360) return 2;
  if (height >= 180) return 1;
  return 0;
}

/**
 * The spatial layer of each camera video a receiver is sent: at most what its tile needs (`wanted`, from
 * spatialLayerFor), and together within the receiver's downlink estimate (`budgetKbps`, what is left after
 * audio and screens; null: no estimate, the tile decides alone). Every video gets the smallest layer; the
 * biggest tiles are raised first, one step at a time, while the sum fits.
 */
export function chooseLayers(wanted: number[], budgetKbps: number | null): number[] {
  if (budgetKbps === null) return [...wanted];
  const layers = wanted.map(() => 0);
  let spent = layers.length * CAMERA_LAYER_KBPS[0];
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[b] - wanted[a]);
  for (let raised = true; raised;) {
    raised = false;
    for (const i of order) {
      if (layers[i] >= wanted[i]) continue;
      const extra = CAMERA_LAYER_KBPS[layers[i] + 1] - CAMERA_LAYER_KBPS[layers[i]];
      if (spent + extra > budgetKbps) continue;
      layers[i]++;
      spent += extra;
      raised = true;
    }
  }
  return layers;
}

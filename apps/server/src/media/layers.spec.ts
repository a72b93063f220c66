import { chooseLayers, spatialLayerFor } from './layers';

describe('spatialLayerFor', () => {
  it('gives small tiles the smallest layer and large ones the full one', () => {
    expect([90, 179, 180, 359, 360, 1080].map(spatialLayerFor)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('chooseLayers', () => {
  it('follows the tiles alone without a downlink estimate', () => {
    expect(chooseLayers([2, 1, 0], null)).toEqual([2, 1, 0]);
  });

  it('keeps what the tiles want when the downlink has room for it', () => {
    expect(chooseLayers([2, 1, 0], 5000)).toEqual([2, 1, 0]);
  });

  it('never goes above what a tile needs, however fast the link', () => {
    expect(chooseLayers([0, 0], 100_000)).toEqual([0, 0]);
  });

  it('lowers a large tile to the layer the downlink can carry', () => {
    // 500 kbit/s: the middle layer (500) fits, the full one (1200) does not.
    expect(chooseLayers([2], 500)).toEqual([1]);
    expect(chooseLayers([2], 499)).toEqual([0]);
    expect(chooseLayers([2], 1200)).toEqual([2]);
  });

  it('raises the biggest tile first when the downlink cannot carry every tile at its size', () => {
    // Three tiles want the full layer; 1700 kbit/s: 3 x 150 = 450, +350 (first to 500) = 800,
    // +350 (second) = 1150, +350 (third) = 1500, +700 (first to 1200) = 2200 > 1700: stop.
    expect(chooseLayers([2, 2, 2], 1700)).toEqual([1, 1, 1]);
    // Both at the smallest (300), the bigger tile raised first (+350 = 650), then the other (+350 = 1000).
    expect(chooseLayers([1, 2], 1000)).toEqual([1, 1]);
    expect(chooseLayers([1, 2], 999)).toEqual([0, 1]);
  });

  it('sends the smallest layer of every video even below their sum (the SFU then drops what does not fit)', () => {
    expect(chooseLayers([2, 2], 100)).toEqual([0, 0]);
  });
});

/**
 * Just enough of the WebM (EBML) and GIF formats to check a recording: the
 * frame size and the number of frames, read from the files' own structure.
 */

/** Element ids whose contents are child elements we walk into: Segment, Tracks, TrackEntry, Video, Cluster, BlockGroup. */
const MASTERS = new Set([0x18538067, 0x1654ae6b, 0xae, 0xe0, 0x1f43b675, 0xa0]);

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } {
  const first = bytes[at];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw new Error(`bad EBML number at ${at}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

export interface WebmInfo {
  readonly docType: string;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
}

/** Parse a WebM file: its DocType, the video track's pixel size and the number of blocks (frames). */
export function parseWebm(bytes: Uint8Array): WebmInfo {
  if (bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) throw new Error('not an EBML file');
  const info = { docType: '', width: 0, height: 0, frames: 0 };
  const walk = (from: number, to: number) => {
    let at = from;
    while (at < to) {
      const id = readVint(bytes, at, true);
      const size = readVint(bytes, at + id.length, false);
      const start = at + id.length + size.length;
      const end = size.unknown ? to : Math.min(to, start + size.value);
      if (id.value === 0x1a45dfa3) walkHeader(start, end);
      else if (MASTERS.has(id.value)) walk(start, end);
      else if (id.value === 0xb0) info.width = readUint(start, end);
      else if (id.value === 0xba) info.height = readUint(start, end);
      else if (id.value === 0xa3 || id.value === 0xa1) info.frames++;
      at = end;
    }
  };
  const readUint = (start: number, end: number) => bytes.subarray(start, end).reduce((value, byte) => value * 256 + byte, 0);
  const walkHeader = (start: number, end: number) => {
    let at = start;
    while (at < end) {
      const id = readVint(bytes, at, true);
      const size = readVint(bytes, at + id.length, false);
      const dataStart = at + id.length + size.length;
      if (id.value === 0x4282) info.docType = new TextDecoder().decode(bytes.subarray(dataStart, dataStart + size.value));
      at = dataStart + size.value;
    }
  };
  walk(0, bytes.length);
  return info;
}

export interface GifInfo {
  readonly width: number;
  readonly height: number;
  readonly frames: number;
}

/** Parse a GIF: its logical screen size and the number of image descriptors (frames). */
export function parseGif(bytes: Uint8Array): GifInfo {
  const signature = new TextDecoder().decode(bytes.subarray(0, 6));
  if (signature !== 'GIF89a' && signature !== 'GIF87a') throw new Error(`not a GIF (${signature})`);
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  let at = 13 + (bytes[10] & 0x80 ? 3 * 2 ** ((bytes[10] & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) at += bytes[at] + 1;
    at++;
  };
  let frames = 0;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) return { width, height, frames };
    if (block === 0x21) {
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const packed = bytes[at + 9];
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
      at++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${block.toString(16)} at ${at}`);
    }
  }
  throw new Error('GIF without a trailer');
}

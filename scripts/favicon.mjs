// The favicon (/favicon.ico, which browsers, feed readers and crawlers ask for by that name): the icon of
// public/static/icon.svg drawn at 32 × 32 pixels and kept in an ICO as a PNG, made here rather than committed
// as a binary. Each pixel samples the icon's shapes 4 × 4 times, so its edges are smooth.
import { deflateSync } from 'node:zlib';

const SIZE = 32;
const BLUE = [0x0a, 0x4f, 0xb4];

/** Whether a point of the 32 × 32 icon is inside its rounded square, and inside its white marks. */
function inSquare(x, y) {
  const r = 6;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
const inMark = (x, y) => (x >= 5 && x <= 27 && Math.abs(y - 16) <= 1.25) || (x - 10) ** 2 + (y - 16) ** 2 <= 3.5 ** 2 || (x - 22) ** 2 + (y - 16) ** 2 <= 3.5 ** 2;

function pixels() {
  const rows = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = [0]; // PNG filter: none
    for (let x = 0; x < SIZE; x += 1) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < 4; sy += 1) {
        for (let sx = 0; sx < 4; sx += 1) {
          const [px, py] = [x + (sx + 0.5) / 4, y + (sy + 0.5) / 4];
          if (inSquare(px, py)) {
            cover += 1;
            if (inMark(px, py)) white += 1;
          }
        }
      }
      const share = cover ? white / cover : 0;
      row.push(...BLUE.map((channel) => Math.round(channel + (255 - channel) * share)), Math.round((255 * cover) / 16));
    }
    rows.push(...row);
  }
  return Buffer.from(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(pixels())), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO of one 32 × 32 image, stored as PNG (which every browser since 2007 reads in an ICO). */
export function faviconIco() {
  const image = png();
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(1, 4); // one image
  header.set([SIZE, SIZE, 0, 0], 6);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}

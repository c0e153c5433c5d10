// Draws the app icon — a plain page on a calm teal square — from one list of
// shapes into assets/icon.svg and a 512×512 assets/icon.png (no browser, no
// image libraries: 4×4 supersampling and a hand-written PNG encoder).
// Run: node scripts/render-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Rounded rectangles, painted in order: [x, y, width, height, radius, colour]. */
const SHAPES = [
  [32, 32, 448, 448, 96, '#2f6f6a'],
  [146, 108, 220, 296, 22, '#f7f6f3'],
  [184, 170, 144, 16, 8, '#9dbdb8'],
  [184, 214, 144, 16, 8, '#9dbdb8'],
  [184, 258, 144, 16, 8, '#9dbdb8'],
  [184, 302, 92, 16, 8, '#9dbdb8'],
];

function svg() {
  const rects = SHAPES.map(([x, y, w, h, r, fill]) => `  <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">\n${rects.join('\n')}\n</svg>\n`;
}

function insideRoundedRect(px, py, [x, y, w, h, r]) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function rasterize() {
  const colours = SHAPES.map((shape) => rgb(shape[5]));
  const samples = 4;
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y += 1) {
    const row = y * (SIZE * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          for (let i = SHAPES.length - 1; i >= 0; i -= 1) {
            if (insideRoundedRect(px, py, SHAPES[i])) {
              const [cr, cg, cb] = colours[i];
              r += cr; g += cg; b += cb; a += 1;
              break;
            }
          }
        }
      }
      const offset = row + 1 + x * 4;
      if (a > 0) {
        rows[offset] = Math.round(r / a);
        rows[offset + 1] = Math.round(g / a);
        rows[offset + 2] = Math.round(b / a);
      }
      rows[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function png(rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'assets', 'icon.svg'), svg());
fs.writeFileSync(path.join(root, 'assets', 'icon.png'), png(rasterize()));

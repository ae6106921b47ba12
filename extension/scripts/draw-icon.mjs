// Draws the extension's icon, images/icon.png (256×256): a loop with an arrowhead, broken by a small bar (a promise
// left hanging), on a dark rounded square. Shapes are signed-distance functions sampled 4×4 per pixel for smooth
// edges; the PNG is written with node:zlib, so the icon needs no image tool. Run `npm run icon -w extension`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SAMPLES = 4;
const BACKGROUND = [22, 33, 48];
const LOOP = [56, 203, 178];
const ACCENT = [255, 176, 59];

const length = (x, y) => Math.hypot(x, y);

/** Distance to a rounded square of half-size `h` and corner radius `r`, centred at the origin (negative inside). */
function roundedSquare(x, y, h, r) {
  const qx = Math.abs(x) - h + r;
  const qy = Math.abs(y) - h + r;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to a ring of radius `radius` and half-width `w`, open between the angles `gapFrom` and `gapTo` (radians). */
function openRing(x, y, radius, w, gapFrom, gapTo) {
  const angle = Math.atan2(y, x);
  if (angle > gapFrom && angle < gapTo) {
    const end = (a) => length(x - radius * Math.cos(a), y - radius * Math.sin(a)) - w;
    return Math.min(end(gapFrom), end(gapTo));
  }
  return Math.abs(length(x, y) - radius) - w;
}

/** Distance to a triangle with corners a, b, c (negative inside). */
function triangle(x, y, a, b, c) {
  const edges = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let distance = Infinity;
  let inside = true;
  for (const [[x1, y1], [x2, y2]] of edges) {
    const ex = x2 - x1;
    const ey = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * ex + (y - y1) * ey) / (ex * ex + ey * ey)));
    distance = Math.min(distance, length(x - x1 - t * ex, y - y1 - t * ey));
    if ((x - x1) * ey - (y - y1) * ex > 0) inside = false;
  }
  return inside ? -distance : distance;
}

/** Distance to a capsule (a thick segment) from a to b with half-width w. */
function capsule(x, y, [x1, y1], [x2, y2], w) {
  const ex = x2 - x1;
  const ey = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * ex + (y - y1) * ey) / (ex * ex + ey * ey)));
  return length(x - x1 - t * ex, y - y1 - t * ey) - w;
}

// Coordinates in units where the icon spans -1..1, y pointing down.
const RADIUS = 0.5;
const GAP_FROM = -Math.PI / 2 - 0.15;
const GAP_TO = -Math.PI / 2 + 0.75;
const tip = [RADIUS * Math.cos(GAP_FROM) + 0.2, RADIUS * Math.sin(GAP_FROM)];
const arrow = [tip, [tip[0] - 0.24, tip[1] - 0.17], [tip[0] - 0.24, tip[1] + 0.17]];
const gapMiddle = (GAP_FROM + GAP_TO) / 2 + 0.12;
const bar = [
  [(RADIUS - 0.16) * Math.cos(gapMiddle), (RADIUS - 0.16) * Math.sin(gapMiddle)],
  [(RADIUS + 0.16) * Math.cos(gapMiddle), (RADIUS + 0.16) * Math.sin(gapMiddle)],
];

/** The colour at a point, or undefined outside the background square. */
function colourAt(x, y) {
  if (roundedSquare(x, y, 0.94, 0.22) > 0) return undefined;
  if (capsule(x, y, bar[0], bar[1], 0.055) < 0) return ACCENT;
  // The arrowhead points clockwise (an SDF triangle wants its corners counter-clockwise on screen).
  if (
    openRing(x, y, RADIUS, 0.1, GAP_FROM, GAP_TO) < 0 ||
    triangle(x, y, arrow[0], arrow[2], arrow[1]) < 0
  )
    return LOOP;
  return BACKGROUND;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = ((px + (sx + 0.5) / SAMPLES) / SIZE) * 2 - 1;
        const y = ((py + (sy + 0.5) / SAMPLES) / SIZE) * 2 - 1;
        const colour = colourAt(x, y);
        if (!colour) continue;
        for (let channel = 0; channel < 3; channel++) sum[channel] += colour[channel];
        sum[3] += 255;
      }
    }
    const count = SAMPLES * SAMPLES;
    const covered = sum[3] / 255;
    for (let channel = 0; channel < 3; channel++)
      row[1 + px * 4 + channel] = covered ? Math.round(sum[channel] / covered) : 0;
    row[1 + px * 4 + 3] = Math.round(sum[3] / count);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);

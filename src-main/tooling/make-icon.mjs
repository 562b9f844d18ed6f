// Draws resources/icons/icon.png (512×512): the app mark, a two-node flow on indigo.
// Pure Node (zlib) so it runs anywhere; rerun after changing the shapes below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const size = 512;
const out = fileURLToPath(new URL('../../resources/icons/icon.png', import.meta.url));

// Signed distances (negative inside), in 64-unit design space like the favicon.
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by, w) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - w / 2;
};
const arc = (x, y, cx, cy, r, w) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;

function colourAt(x, y) {
  if (roundedRect(x, y, 32, 32, 30, 30, 13) > 0) return [0, 0, 0, 0];
  // The link: down, a quarter turn, across, a quarter turn, down.
  const link = Math.min(
    segment(x, y, 22, 20, 22, 28, 4),
    x <= 28 && y >= 28 ? arc(x, y, 28, 28, 6, 4) : Infinity,
    segment(x, y, 28, 34, 36, 34, 4),
    x >= 36 && y <= 40 ? arc(x, y, 36, 40, 6, 4) : Infinity,
    segment(x, y, 42, 40, 42, 44, 4),
  );
  if (circle(x, y, 42, 46, 6.5) <= 0) return [199, 210, 254, 255];
  if (circle(x, y, 22, 18, 6.5) <= 0 || link <= 0) return [255, 255, 255, 255];
  const t = (x + y) / 128; // a soft diagonal gradient
  return [Math.round(99 - 30 * t), Math.round(102 - 40 * t), Math.round(241 - 20 * t), 255];
}

const samples = 4;
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let py = 0; py < size; py++) {
  raw[py * (size * 4 + 1)] = 0;
  for (let px = 0; px < size; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const c = colourAt(((px + (sx + 0.5) / samples) * 64) / size, ((py + (sy + 0.5) / samples) * 64) / size);
        for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
        acc[3] += c[3];
      }
    }
    const offset = py * (size * 4 + 1) + 1 + px * 4;
    const alpha = acc[3] / (samples * samples);
    for (let i = 0; i < 3; i++) raw[offset + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA

mkdirSync(fileURLToPath(new URL('.', `file://${out}`)), { recursive: true });
writeFileSync(out, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
console.log(`icon: wrote ${out}`);

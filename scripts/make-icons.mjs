// Draws the dashboard's icon, a white key on a blue rounded square, as app/icon.svg and as app/favicon.ico (a 32×32
// PNG inside an ICO, which every current browser reads), from one description of the shapes. Run it again after
// changing them: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 32;
const BLUE = [37, 99, 235]; // Tailwind's blue-600, the dashboard's accent
const SQUARE_RADIUS = 7;
const STROKE = 3;
const BOW = { cx: 11, cy: 16, r: 5 };
// The shaft and two teeth, as line segments [x1, y1, x2, y2] with round ends.
const LINES = [
  [16, 16, 27, 16],
  [23, 16, 23, 20],
  [27, 16, 27, 19],
];

const app = path.resolve(import.meta.dirname, '..', 'app');

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">
  <rect width="${SIZE}" height="${SIZE}" rx="${SQUARE_RADIUS}" fill="#${BLUE.map((channel) => channel.toString(16).padStart(2, '0')).join('')}"/>
  <g fill="none" stroke="#fff" stroke-width="${STROKE}" stroke-linecap="round">
    <circle cx="${BOW.cx}" cy="${BOW.cy}" r="${BOW.r}"/>
    <path d="${LINES.map(([x1, y1, x2, y2]) => `M${x1} ${y1}L${x2} ${y2}`).join('')}"/>
  </g>
</svg>
`;
fs.writeFileSync(path.join(app, 'icon.svg'), svg);

function inSquare(x, y) {
  const r = SQUARE_RADIUS;
  const dx = Math.max(r - x, 0, x - (SIZE - r));
  const dy = Math.max(r - y, 0, y - (SIZE - r));
  return dx * dx + dy * dy <= r * r;
}

function onKey(x, y) {
  const half = STROKE / 2;
  if (Math.abs(Math.hypot(x - BOW.cx, y - BOW.cy) - BOW.r) <= half) return true;
  return LINES.some(([x1, y1, x2, y2]) => {
    const t = Math.max(
      0,
      Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)),
    );
    return Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))) <= half;
  });
}

// Each pixel from 4 × 4 samples: the square's coverage is the alpha, the key's share of it turns blue to white.
const SAMPLES = 4;
const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = [0]; // PNG filter type: none
  for (let px = 0; px < SIZE; px++) {
    let square = 0;
    let key = 0;
    for (let sy = 0; sy < SAMPLES; sy++)
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        if (!inSquare(x, y)) continue;
        square++;
        if (onKey(x, y)) key++;
      }
    const white = square === 0 ? 0 : key / square;
    row.push(...BLUE.map((channel) => Math.round(channel + (255 - channel) * white)));
    row.push(Math.round((255 * square) / SAMPLES ** 2));
  }
  rows.push(...row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter set, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.from(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

// ICONDIR (reserved, type 1 = icon, one image), then its ICONDIRENTRY, then the PNG itself.
const ico = Buffer.alloc(6 + 16);
ico.writeUInt16LE(0, 0);
ico.writeUInt16LE(1, 2);
ico.writeUInt16LE(1, 4);
ico.set([SIZE, SIZE, 0, 0], 6); // width, height, no palette, reserved
ico.writeUInt16LE(1, 10); // colour planes
ico.writeUInt16LE(32, 12); // bits per pixel
ico.writeUInt32LE(png.length, 14);
ico.writeUInt32LE(ico.length, 18);
fs.writeFileSync(path.join(app, 'favicon.ico'), Buffer.concat([ico, png]));

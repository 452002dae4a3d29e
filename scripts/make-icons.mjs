// Draws the add-in's icons (assets/icon-{16,32,64,80,128,192}.png): a rounded teal square with a
// white "K" and a ledger line; and the unified manifest's outline icon (assets/icon-outline-32.png):
// the same in white lines on transparent. Pure Node (zlib), anti-aliased by 4x4 supersampling.
// Run once: node scripts/make-icons.mjs (the PNGs are committed).
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Shapes in unit coordinates (0..1).
function sample(x, y) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r),
    cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null; // outside rounded square
  const w = 0.085;
  const k = segDist(x, y, 0.32, 0.2, 0.32, 0.7) < w || segDist(x, y, 0.34, 0.47, 0.68, 0.2) < w || segDist(x, y, 0.45, 0.4, 0.7, 0.7) < w;
  const ledger = y > 0.78 && y < 0.84 && x > 0.24 && x < 0.76;
  return k || ledger ? [255, 255, 255] : [0, 120, 130];
}

// The outline: the K, the ledger line and the square's rim in white; transparent elsewhere.
function sampleOutline(x, y) {
  const c = sample(x, y);
  if (!c) return null;
  if (c[0] === 255) return c;
  const inset = 0.08; // the rim's width: outside the square shrunk by this much on each side
  const inner = sample((x - 0.5) / (1 - 2 * inset) + 0.5, (y - 0.5) / (1 - 2 * inset) + 0.5);
  return inner ? null : [255, 255, 255];
}

function png(size, draw = sample) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = draw((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128, 192]) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
writeFileSync(new URL("../assets/icon-outline-32.png", import.meta.url), png(32, sampleOutline));

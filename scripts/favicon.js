/* favicon.ico for the served root (browsers ask for /favicon.ico on every page): the add-in's
 * PNG icons in one ICO file. An ICO may hold PNG images as they are (Windows Vista and every
 * browser read them): a 6-byte header, a 16-byte entry per image, then the PNGs. Used by
 * webpack.config.js; tested in test/scripts/favicon.test.ts. */
"use strict";

/** Width and height of a PNG, from its IHDR chunk (bytes 16-23, big-endian). */
function pngSize(png) {
  const signature = "89504e470d0a1a0a";
  if (png.length < 24 || png.subarray(0, 8).toString("hex") !== signature || png.toString("latin1", 12, 16) !== "IHDR")
    throw new Error("favicon: not a PNG file");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** One ICO holding the given PNG images (each at most 256 x 256). */
function icoFromPngs(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: an icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map((png) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`favicon: a ${width} x ${height} image is larger than an icon holds (256 x 256)`);
    const e = Buffer.alloc(16);
    e.writeUInt8(width === 256 ? 0 : width, 0); // 0 means 256
    e.writeUInt8(height === 256 ? 0 : height, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}

module.exports = { icoFromPngs, pngSize };

/**
 * favicon.ico (scripts/favicon.js): the add-in's PNG icons in one ICO, laid out by hand here:
 * a 6-byte header (0, type 1, count), 16 bytes per image, then the PNGs as they are.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { icoFromPngs, pngSize } = require("../../scripts/favicon.js") as {
  icoFromPngs(pngs: Buffer[]): Buffer;
  pngSize(png: Buffer): { width: number; height: number };
};

const assets = join(__dirname, "..", "..", "assets");
const png16 = readFileSync(join(assets, "icon-16.png"));
const png32 = readFileSync(join(assets, "icon-32.png"));

test("an ICO of the 16 and 32 px icons: header, two entries, then the PNGs at the offsets the entries give", () => {
  expect(pngSize(png16)).toEqual({ width: 16, height: 16 });
  expect(pngSize(png32)).toEqual({ width: 32, height: 32 });
  const ico = icoFromPngs([png16, png32]);
  // 6 + 2 x 16 = 38 bytes before the first image.
  expect(ico.length).toBe(38 + png16.length + png32.length);
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
  // Entry 1 at byte 6: 16 x 16, 32 bits, its size, at offset 38.
  expect([ico[6], ico[7], ico.readUInt16LE(6 + 4), ico.readUInt16LE(6 + 6)]).toEqual([16, 16, 1, 32]);
  expect([ico.readUInt32LE(6 + 8), ico.readUInt32LE(6 + 12)]).toEqual([png16.length, 38]);
  // Entry 2 at byte 22: 32 x 32, after the first PNG.
  expect([ico[22], ico[23], ico.readUInt32LE(22 + 8), ico.readUInt32LE(22 + 12)]).toEqual([32, 32, png32.length, 38 + png16.length]);
  expect(ico.subarray(38, 38 + png16.length).equals(png16)).toBe(true);
  expect(ico.subarray(38 + png16.length).equals(png32)).toBe(true);
});

test("anything but a PNG is refused", () => {
  expect(() => icoFromPngs([Buffer.from("GIF89a not a png at all....")])).toThrow("favicon: not a PNG file");
});

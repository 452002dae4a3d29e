/**
 * An HTML rendering of a sheet of the fake workbook, as Excel would show it: column letters and
 * row numbers, gridlines, column widths, fonts, fills, number formats applied to the values a
 * spreadsheet engine calculated, text overflowing into empty neighbours, an Excel table's
 * header and banding, and conditional-format fills. For screenshots a person can judge.
 */
import type { FakeSheet, FakeTable } from "../helpers/fake-excel";
import { columnLetter } from "../../src/sheets/layout";

export type Shown = number | string | boolean | null | { error: string };

/** A number as Excel shows it in one of the formats the sheets use. */
export function formatValue(v: Shown, format: string): string {
  if (v === null || v === "") return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const section = v < 0 && format.includes(";") ? format.split(";")[1] : format.split(";")[0];
  const neg = v < 0 && !format.includes(";") ? "-" : "";
  const n = Math.abs(v);
  const group = (x: string) => x.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fixed = (d: number) => {
    const [i, f] = n.toFixed(d).split(".");
    return f ? `${group(i)}.${f}` : group(i);
  };
  if (section === "yyyy-mm-dd hh:mm") {
    const t = new Date(Date.UTC(1899, 11, 30) + Math.round(v * 1440) * 60000).toISOString();
    return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
  }
  if (section === "yyyy-mm-dd") return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86400000).toISOString().slice(0, 10);
  if (section === "@" || section === "General") return String(v);
  const suffix = /"([^"]*)"$/.exec(section)?.[1] ?? "";
  const body = section.replace(/"[^"]*"$/, "");
  if (body.endsWith("%")) {
    const d = (body.split(".")[1] ?? "").replace("%", "").length;
    return `${neg}${(n * 100).toFixed(d)}%${suffix}`;
  }
  const dollars = body.startsWith("$") || body.startsWith("-$");
  const decimals = body.split(".")[1] ?? "";
  const min = (decimals.match(/0/g) ?? []).length;
  const max = decimals.length;
  let text = fixed(max);
  if (max > min) {
    // "0.00##": drop trailing zeros down to the minimum.
    const [i, f] = text.split(".");
    text = `${i}.${f.slice(0, min)}${f.slice(min).replace(/0+$/, "")}`;
  }
  const sign = section !== format.split(";")[0] ? "-" : neg;
  return `${sign}${dollars ? "$" : ""}${text}${suffix}`;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderSheet(
  sheet: FakeSheet,
  tables: readonly FakeTable[],
  value: (address: string) => Shown,
  cfFills: (address: string) => { fill: string; fontColor?: string; bold?: boolean } | null,
  area: { rows: number; cols: number },
  title: string,
): string {
  const px = (pt: number) => Math.round((pt * 96) / 72);
  const widths = Array.from({ length: area.cols }, (_x, c) => px(sheet.columnWidths.get(c) ?? 48));
  const tableAt = (r: number, c: number) => tables.find((t) => t.sheet === sheet && r >= t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1);
  const shown = (r: number, c: number) => {
    const a = `${columnLetter(c)}${r + 1}`;
    const cell = sheet.cells.get(`${r},${c}`);
    return cell ? formatValue(value(a), cell.numberFormat) : "";
  };
  const total = 36 + widths.reduce((a, b) => a + b, 0);
  let html = `<table class="grid" style="width:${total}px"><colgroup><col style="width:36px">${widths.map((w) => `<col style="width:${w}px">`).join("")}</colgroup>`;
  html += `<tr><th class="corner"></th>${widths.map((_w, c) => `<th>${columnLetter(c)}</th>`).join("")}</tr>`;
  for (let r = 0; r < area.rows; r++) {
    html += `<tr><th class="rownum">${r + 1}</th>`;
    for (let c = 0; c < area.cols; c++) {
      const cell = sheet.cells.get(`${r},${c}`);
      const a = `${columnLetter(c)}${r + 1}`;
      const text = shown(r, c);
      const t = tableAt(r, c);
      const style: string[] = [];
      let fill = cell?.fill;
      let color = cell?.color;
      let bold = cell?.bold;
      if (t) {
        if (r === t.r0) {
          fill = "#4472C4";
          color = "#FFFFFF";
          bold = true;
        } else if ((r - t.r0) % 2 === 1) fill = fill ?? "#D9E1F2";
        style.push("border-bottom:1px solid #8EA9DB");
      }
      const cf = cfFills(a);
      if (cf) {
        fill = cf.fill;
        color = cf.fontColor ?? color;
        bold = cf.bold || bold;
      }
      if (fill) style.push(`background:${fill}`);
      if (color) style.push(`color:${color}`);
      if (bold) style.push("font-weight:700");
      if (cell?.italic) style.push("font-style:italic");
      if (cell?.size) style.push(`font-size:${Math.round((cell.size * 96) / 72)}px`);
      if (cell?.border) style.push("border-bottom:1px solid #7F7F7F");
      const numeric = typeof value(a) === "number" && !(cell?.numberFormat === "@");
      if (numeric) style.push("text-align:right");
      const wrap = cell?.wrap || (t && r === t.r0);
      const nextEmpty = c + 1 >= area.cols || (shown(r, c + 1) === "" && !tableAt(r, c + 1));
      const cls = wrap ? "wrap" : !numeric && nextEmpty && !t ? "spill" : "clip";
      html += `<td class="${cls}" style="${style.join(";")}">${text === "" ? "" : `<span>${escape(text)}</span>`}</td>`;
    }
    html += "</tr>";
  }
  html += "</table>";
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>
    body { margin: 0; background: #fff; font-family: Calibri, Carlito, "Liberation Sans", Arial, sans-serif; font-size: 15px; }
    .tab { font: 13px "Segoe UI", Arial, sans-serif; padding: 4px 10px; background: #f3f3f3; border-bottom: 1px solid #d4d4d4; }
    .tab b { background: #fff; padding: 4px 12px; border: 1px solid #d4d4d4; border-bottom: 2px solid #217346; color: #217346; }
    table.grid { border-collapse: collapse; table-layout: fixed; }
    th { background: #f3f3f3; color: #555; font: 12px "Segoe UI", Arial, sans-serif; font-weight: 400; border: 1px solid #d4d4d4; height: 20px; }
    td { border: 1px solid #e1e1e1; padding: 1px 3px; height: 20px; white-space: nowrap; vertical-align: bottom; }
    td.clip { overflow: hidden; text-overflow: clip; }
    td.spill { overflow: visible; position: relative; }
    td.spill span { position: relative; z-index: 1; }
    td.wrap { white-space: normal; vertical-align: top; line-height: 1.2; }
  </style></head><body><div class="tab"><b>${escape(title)}</b></div>${html}</body></html>`;
}

/**
 * PNG and SVG downloads of a chart. The chart's SVG takes its colours partly from CSS; the
 * export inlines the computed styles, adds a background, the title and the legend, so the file
 * reads the same outside the page.
 */

const STYLE_PROPS = [
  "fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "fill-opacity", "stroke-opacity",
  "font-size", "font-family", "font-weight", "text-anchor", "dominant-baseline", "visibility",
];

export interface LegendEntry {
  label: string;
  color: string;
}

export interface ExportOptions {
  title: string;
  legend: LegendEntry[];
  background: string;
  text: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const LEGEND_ROW_PX = 18;

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** One chart SVG with its computed styles inlined, placed at (x, y). */
function inlineSvg(svg: SVGSVGElement, x: number, y: number): { markup: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute("width")) || 800);
  const height = Math.round(box.height || Number(svg.getAttribute("height")) || 400);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = svg.querySelectorAll("*");
  const to = clone.querySelectorAll("*");
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) target.style.setProperty(p, v);
    }
  });
  clone.setAttribute("x", String(Math.round(x)));
  clone.setAttribute("y", String(Math.round(y)));
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.removeAttribute("style");
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** Break a title into lines that fit `width` pixels (about 7.5 px per character at 14 px). */
function wrap(text: string, width: number): string[] {
  const perLine = Math.max(20, Math.floor(width / 7.5));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A standalone SVG document of the chart in `container`: its drawing(s) where they sit on
 * screen, panel headings marked `data-export-text`, the title above and the legend below.
 */
export function chartSvg(container: HTMLElement, options: ExportOptions): { text: string; width: number; height: number } | null {
  const svgs = [...container.querySelectorAll<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface")];
  if (svgs.length === 0) return null;
  const origin = container.getBoundingClientRect();
  const width = Math.max(320, Math.round(origin.width));
  const titleLines = wrap(options.title, width - 16);
  const top = titleLines.length * 18 + 12;
  let bottom = top;
  const parts: string[] = [];
  for (const svg of svgs) {
    const r = svg.getBoundingClientRect();
    const part = inlineSvg(svg, r.left - origin.left, top + r.top - origin.top);
    parts.push(part.markup);
    bottom = Math.max(bottom, top + r.top - origin.top + part.height);
  }
  for (const el of container.querySelectorAll<HTMLElement>("[data-export-text]")) {
    const r = el.getBoundingClientRect();
    parts.push(`<text x="${Math.round(r.left - origin.left)}" y="${Math.round(top + r.top - origin.top + 14)}" font-size="12" font-weight="600" fill="${options.text}" font-family="system-ui, sans-serif">${escapeXml(el.textContent ?? "")}</text>`);
  }
  const perRow = Math.max(1, Math.floor(width / 220));
  const legendRows = Math.ceil(options.legend.length / perRow);
  const height = bottom + legendRows * LEGEND_ROW_PX + 8;
  const legend = options.legend.map((e, i) => {
    const x = 8 + (i % perRow) * 220;
    const ly = bottom + Math.floor(i / perRow) * LEGEND_ROW_PX + 12;
    return `<rect x="${x}" y="${ly - 9}" width="10" height="10" fill="${e.color}"/><text x="${x + 14}" y="${ly}" font-size="12" fill="${options.text}" font-family="system-ui, sans-serif">${escapeXml(e.label)}</text>`;
  }).join("");
  const title = titleLines.map((l, i) => `<text x="8" y="${18 + i * 18}" font-size="14" font-weight="600" fill="${options.text}" font-family="system-ui, sans-serif">${escapeXml(l)}</text>`).join("");
  const text =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${options.background}"/>` + title + parts.join("") + legend + `</svg>`;
  return { text, width, height };
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

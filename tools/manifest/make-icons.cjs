'use strict';
// Draws BillingBot's Teams app icons: a receipt with a speech bubble.
//
//   node tools/manifest/make-icons.cjs [--out <folder>]     (default: manifest/ of this repo)
//
// Writes color.png (192x192: the receipt and an amber speech bubble on the brand colour, full bleed, opaque) and
// outline.png (32x32: the same picture in white on a fully transparent background; every pixel is white, only its
// alpha varies, as Teams requires). The drawing is geometry in a 192-unit square, sampled several times a pixel for
// smooth edges, so the same script always gives the same pixels. The brand colour is the manifest's accentColor.

const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const BRAND = [0x0f, 0x76, 0x6e]; // #0F766E, manifest.json's accentColor
const WHITE = [0xff, 0xff, 0xff];
const LINE = [0x9f, 0xcf, 0xcb];  // the receipt's text lines, a light tint of the brand colour
const AMBER = [0xf5, 0x9e, 0x0b]; // the speech bubble

// ---- Geometry, in design units (0..192), y downwards. Signed distances: negative inside. ----

function roundRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx, qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function circle(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

// Exact distance to a triangle (inside negative).
function triangle(a, b, c) {
  const edges = [[a, b], [b, c], [c, a]];
  const orientation = Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  return (x, y) => {
    let distance = Infinity, inside = true;
    for (const [p, q] of edges) {
      const ex = q[0] - p[0], ey = q[1] - p[1], wx = x - p[0], wy = y - p[1];
      const t = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
      distance = Math.min(distance, Math.hypot(wx - ex * t, wy - ey * t));
      if (Math.sign(ex * wy - ey * wx) === -orientation) inside = false;
    }
    return inside ? -distance : distance;
  };
}

const union = (...shapes) => (x, y) => Math.min(...shapes.map(s => s(x, y)));

// The receipt: rounded at the top, torn (a zigzag of teeth) at the bottom.
const RECEIPT = { left: 44, right: 124, top: 32, bottom: 150 };
function insideReceipt(x, y, teeth, depth) {
  const { left, right, top, bottom } = RECEIPT;
  if (x < left || x > right || y < top) return false;
  if (roundRect(left, top, right, bottom + 20, 10)(x, y) > 0) return false;
  const phase = (((x - left) / (right - left)) * teeth) % 1;
  return y <= bottom - depth * Math.abs(phase * 2 - 1);
}

// The speech bubble over the receipt's lower right corner, its tail pointing down to the left.
const BUBBLE = union(
  roundRect(98, 100, 168, 152, 16),
  triangle([108, 146], [128, 146], [102, 170]));
const DOTS = [circle(116, 126, 6), circle(133, 126, 6), circle(150, 126, 6)];

// Text on the receipt: a title bar, lines, and the total. The outline keeps fewer, thicker lines (32 px).
const DETAILED_TEXT = [
  { shape: roundRect(58, 48, 102, 58, 5), color: BRAND },
  { shape: roundRect(58, 70, 110, 76, 3), color: LINE },
  { shape: roundRect(58, 84, 96, 90, 3), color: LINE },
  { shape: roundRect(58, 98, 88, 104, 3), color: LINE },
  { shape: roundRect(58, 116, 84, 126, 5), color: BRAND },
];
const OUTLINE_TEXT = [
  roundRect(58, 52, 108, 63, 5),
  roundRect(58, 76, 90, 87, 5),
];

// ---- The two pictures ----

// Both pictures keep a ring of background round the bubble, so it stands off the receipt. The outline, drawn at
// 32 px, has fewer and deeper teeth, a wider ring and fewer, thicker lines, or they would blur into grey.
const COLOR = { teeth: 6, depth: 8, gap: 6 };
const OUTLINE = { teeth: 4, depth: 12, gap: 9 };

/** The colour icon's colour at a point. */
function colorAt(x, y) {
  const bubble = BUBBLE(x, y);
  if (bubble <= 0) {
    return DOTS.some(dot => dot(x, y) <= 0) ? WHITE : AMBER;
  }
  if (bubble <= COLOR.gap || !insideReceipt(x, y, COLOR.teeth, COLOR.depth)) return BRAND;
  const text = DETAILED_TEXT.find(t => t.shape(x, y) <= 0);
  return text ? text.color : WHITE;
}

/** Whether the outline icon is white at a point (else transparent). */
function outlineAt(x, y) {
  const bubble = BUBBLE(x, y);
  if (bubble <= 0) return !DOTS.some(dot => dot(x, y) <= 0);
  if (bubble <= OUTLINE.gap || !insideReceipt(x, y, OUTLINE.teeth, OUTLINE.depth)) return false;
  return !OUTLINE_TEXT.some(line => line(x, y) <= 0);
}

// The picture spans x 44..168 and y 32..170 of the design square; each icon centres it and gives it a share of
// its width (the colour icon leaves Teams room to round its corners; the outline fills its 32 px but a pixel).
const PICTURE = { x: 106, y: 101, height: 138 };

/**
 * Averages samples*samples points of each pixel; sample(x, y) takes design units and returns [r, g, b, a] in 0..1
 * (premultiplied). The picture's height becomes fill times the icon's size.
 */
function render(size, samples, fill, sample) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const scale = PICTURE.height / (fill * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = PICTURE.x + (px + (sx + 0.5) / samples - size / 2) * scale;
          const y = PICTURE.y + (py + (sy + 0.5) / samples - size / 2) * scale;
          const value = sample(x, y);
          for (let k = 0; k < 4; k++) sum[k] += value[k];
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const offset = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) {
        // Un-premultiply; a fully transparent pixel is stored as transparent white.
        png.data[offset + k] = alpha === 0 ? 255 : Math.round((sum[k] / n / alpha) * 255);
      }
      png.data[offset + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9, filterType: 4 });
}

function colorIcon() {
  return render(192, 4, 0.72, (x, y) => {
    const [r, g, b] = colorAt(x, y);
    return [r / 255, g / 255, b / 255, 1];
  });
}

function outlineIcon() {
  return render(32, 16, 0.9, (x, y) => (outlineAt(x, y) ? [1, 1, 1, 1] : [0, 0, 0, 0]));
}

function main(argv) {
  let out = path.resolve(__dirname, '..', '..', 'manifest');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) {
      out = path.resolve(argv[++i]);
    } else {
      process.stderr.write(`make-icons: unknown argument "${argv[i]}"; usage: make-icons.cjs [--out <folder>]\n`);
      process.exit(2);
    }
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(out, 'outline.png'), outlineIcon());
  process.stdout.write(`make-icons: wrote color.png (192x192) and outline.png (32x32) in ${out}\n`);
}

main(process.argv.slice(2));

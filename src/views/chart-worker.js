// Draws the report chart off the main thread (see src/views/report-chart.ts): Chart.js on a Skia canvas
// takes a few hundred milliseconds of CPU, which on the main thread would hold up every ack.
// Plain JavaScript importing only npm packages, because a worker does not inherit the TypeScript loader.
// Input (workerData): { width, panelHeight, panels: Chart.js bar configurations, JSON only }.
// Output: one message with the PNG's bytes, the panels one above the other.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

// On Linux a thread has its own nice value: drawing gives way to the main thread's acks on a busy machine.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 19);
} catch {
  // Not Linux: the drawing runs at normal priority.
}

// Loaded after the priority drops (static imports load before any code runs): loading Chart.js and
// Skia takes about as much CPU as drawing (40–90 ms against 50–80 ms, measured).
const [{ createCanvas, loadImage }, { Chart, registerables }] = await Promise.all([import('@napi-rs/canvas'), import('chart.js')]);
Chart.register(...registerables);

/** Chart.js draws on a transparent canvas; a PNG for Slack wants white. */
const whiteBackground = {
  id: 'background',
  beforeDraw(chart) {
    chart.ctx.fillStyle = '#ffffff';
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
  },
};

function panel(config, width, height) {
  const canvas = createCanvas(width, height);
  // Chart.js accepts any object with getContext('2d'); the Skia canvas is one.
  const chart = new Chart(canvas, { ...config, plugins: [whiteBackground] });
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

const { width, panelHeight, panels } = workerData;
const whole = createCanvas(width, panelHeight * panels.length);
const ctx = whole.getContext('2d');
for (const [index, config] of panels.entries()) ctx.drawImage(await loadImage(panel(config, width, panelHeight)), 0, index * panelHeight);
const png = whole.toBuffer('image/png');
parentPort.postMessage(png);

// The report's chart: Chart.js configurations built here, drawn on a Skia canvas (@napi-rs/canvas, no
// browser) by src/views/chart-worker.js on a thread of its own, so that drawing never holds up an ack.
import { Worker } from 'node:worker_threads';
import type { ChartConfiguration } from 'chart.js';
import { campaignReference } from '../domain/brief.js';
import { STAGE_LABELS } from '../domain/participation.js';
import type { CampaignReport } from '../domain/report.js';
import { truncate } from './mrkdwn.js';

/** 1200 px wide, text 26 px and up: still readable when Slack shows the preview at about a third of that. */
export const CHART_WIDTH = 1200;
const PANEL_HEIGHT = 640;
export const CHART_HEIGHT = PANEL_HEIGHT * 2;
const MAX_INFLUENCERS = 10;
const FONT = { family: 'DejaVu Sans, Arial, sans-serif', size: 26 };

/** What the chart worker draws: panels one above the other. JSON only, as it crosses to the worker. */
export interface ChartDrawing {
  width: number;
  panelHeight: number;
  panels: Array<ChartConfiguration<'bar'>>;
}

function panel(title: string, labels: string[], values: number[], color: string): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels: labels.length ? labels : ['(none yet)'], datasets: [{ data: values.length ? values : [0], backgroundColor: color }] },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: 24 },
      plugins: { legend: { display: false }, title: { display: true, text: title, font: { ...FONT, size: 34, weight: 'bold' }, color: '#1d1c1d' } },
      scales: {
        x: { beginAtZero: true, ticks: { font: FONT, precision: 0 }, grid: { color: '#e8e8e8' } },
        y: { ticks: { font: FONT, color: '#1d1c1d' }, grid: { display: false } },
      },
    },
  };
}

/** Two panels: the stage funnel, then engagements per influencer (the top ten). */
export function reportChartDrawing(report: CampaignReport): ChartDrawing {
  const ref = campaignReference(report.campaign.id);
  const people = report.participants
    .filter((p) => p.metrics.engagements > 0 || p.posts.length > 0)
    .sort((a, b) => b.metrics.engagements - a.metrics.engagements)
    .slice(0, MAX_INFLUENCERS);
  return {
    width: CHART_WIDTH,
    panelHeight: PANEL_HEIGHT,
    panels: [
      panel(
        `${ref} · participants by stage`,
        report.funnel.map((s) => STAGE_LABELS[s.stage]),
        report.funnel.map((s) => s.count),
        '#4a154b',
      ),
      panel(
        `${ref} · engagements per influencer`,
        people.map((p) => truncate(p.participant.influencerName, 24)),
        people.map((p) => p.metrics.engagements),
        '#2eb67d',
      ),
    ],
  };
}

/** Drawings wait for the one before: five reports at once would be five Skia heaps (+150 MB) on two cores. */
let previous: Promise<unknown> = Promise.resolve();

/** The PNG, drawn by a worker thread of its own that ends with the drawing (Skia's memory goes with it), one drawing at a time. */
export function reportChart(report: CampaignReport): Promise<Buffer> {
  const drawing = reportChartDrawing(report);
  const png = previous.then(() => draw(drawing));
  previous = png.catch(() => undefined);
  return png;
}

function draw(drawing: ChartDrawing): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./chart-worker.js', import.meta.url), { workerData: drawing, execArgv: [] });
    worker.once('message', (png: Uint8Array) => resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The chart worker stopped (exit code ${code}) before drawing the chart.`)));
  });
}

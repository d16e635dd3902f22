// The report's chart, drawn in the process: Chart.js on a Skia canvas (@napi-rs/canvas), no browser.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartItem, registerables } from 'chart.js';
import { campaignReference } from '../domain/brief.js';
import { STAGE_LABELS } from '../domain/participation.js';
import type { CampaignReport } from '../domain/report.js';
import { truncate } from './mrkdwn.js';

Chart.register(...registerables);

/** 1200 px wide, text 26 px and up: still readable when Slack shows the preview at about a third of that. */
export const CHART_WIDTH = 1200;
const PANEL_HEIGHT = 640;
export const CHART_HEIGHT = PANEL_HEIGHT * 2;
const MAX_INFLUENCERS = 10;
const FONT = { family: 'DejaVu Sans, Arial, sans-serif', size: 26 };

function panel(title: string, labels: string[], values: number[], color: string): Buffer {
  const canvas = createCanvas(CHART_WIDTH, PANEL_HEIGHT);
  const config: ChartConfiguration<'bar'> = {
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
    plugins: [{ id: 'background', beforeDraw: (chart) => { chart.ctx.fillStyle = '#ffffff'; chart.ctx.fillRect(0, 0, chart.width, chart.height); } }],
  };
  // Chart.js accepts any object with getContext('2d'); the Skia canvas is one.
  const chart = new Chart(canvas as unknown as ChartItem, config);
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

/** Two panels, one above the other: the stage funnel, then engagements per influencer (the top ten). */
export async function reportChart(report: CampaignReport): Promise<Buffer> {
  const ref = campaignReference(report.campaign.id);
  const funnel = panel(`${ref} · participants by stage`, report.funnel.map((s) => STAGE_LABELS[s.stage]), report.funnel.map((s) => s.count), '#4a154b');
  const people = report.participants
    .filter((p) => p.metrics.engagements > 0 || p.posts.length > 0)
    .sort((a, b) => b.metrics.engagements - a.metrics.engagements)
    .slice(0, MAX_INFLUENCERS);
  const engagements = panel(
    `${ref} · engagements per influencer`,
    people.map((p) => truncate(p.participant.influencerName, 24)),
    people.map((p) => p.metrics.engagements),
    '#2eb67d',
  );
  const whole = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const ctx = whole.getContext('2d');
  ctx.drawImage(await loadImage(funnel), 0, 0);
  ctx.drawImage(await loadImage(engagements), 0, PANEL_HEIGHT);
  return whole.toBuffer('image/png');
}

import type { DigitRun } from './load.js';

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 150, top: 24, bottom: 48 };
const SERIES = [
  { system: 'callgate', key: 'p99', label: 'Callgate p99', colour: '#c0392b', dash: '' },
  { system: 'callgate', key: 'p50', label: 'Callgate p50', colour: '#c0392b', dash: '5 4' },
  { system: 'baseline', key: 'p99', label: 'baseline p99', colour: '#2c3e50', dash: '' },
  { system: 'baseline', key: 'p50', label: 'baseline p50', colour: '#2c3e50', dash: '5 4' },
] as const;

/** Digit feedback latency (log scale) against concurrency (log scale), as an SVG. */
export function latencyChart(
  levels: { concurrency: number; callgate: DigitRun; baseline: DigitRun }[],
): string {
  const values = levels.flatMap((level) =>
    SERIES.map((series) => level[series.system].latency[series.key]),
  );
  const yMin = Math.max(0.1, Math.min(...values) / 1.5);
  const yMax = Math.max(...values) * 1.5;
  const xs = levels.map((level) => level.concurrency);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) * 10)];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (c: number) => MARGIN.left + (Math.log(c / xMin) / Math.log(xMax / xMin)) * plotWidth;
  const y = (ms: number) =>
    MARGIN.top + plotHeight - (Math.log(ms / yMin) / Math.log(yMax / yMin)) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="16" font-weight="bold">Digit feedback latency (ms, log) by concurrent sign-ins</text>`,
  ];
  for (const tick of ticks(yMin, yMax)) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  for (const c of xs) {
    parts.push(
      `<line x1="${x(c)}" x2="${x(c)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/>`,
      `<text x="${x(c)}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle">${c}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">concurrent sign-ins (C, log)</text>`,
  );
  SERIES.forEach((series, index) => {
    const points = levels
      .map((level) => `${x(level.concurrency)},${y(level[series.system].latency[series.key])}`)
      .join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${series.colour}" stroke-width="2" stroke-dasharray="${series.dash}"/>`,
    );
    for (const level of levels) {
      const value = level[series.system].latency[series.key];
      parts.push(
        `<circle cx="${x(level.concurrency)}" cy="${y(value)}" r="3" fill="${series.colour}"/>`,
      );
    }
    const legendY = MARGIN.top + 20 + index * 18;
    const legendX = WIDTH - MARGIN.right + 12;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${series.colour}" stroke-width="2" stroke-dasharray="${series.dash}"/>`,
      `<text x="${legendX + 30}" y="${legendY}">${series.label}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** 1-2-5 steps across the range. */
function ticks(min: number, max: number): number[] {
  const result: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const value = Math.round(step * decade * 1000) / 1000;
      if (value >= min && value <= max) result.push(value);
    }
  }
  return result;
}

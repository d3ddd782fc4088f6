/**
 * Line icons (24×24, stroked, after Feather's shapes, MIT), built as SVG elements: decorative,
 * hidden from assistive technology, coloured by `currentColor` from the CSS.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

const SHAPES = {
  phone: [
    [
      'path',
      'M22 16.92v3a2 2 0 0 1-2.18 2 19.79 19.79 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.79 19.79 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72 12.84 12.84 0 0 0 .7 2.81 2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45 12.84 12.84 0 0 0 2.81.7A2 2 0 0 1 22 16.92z',
    ],
  ],
  check: [['polyline', '20 6 9 17 4 12']],
  x: [
    ['line', '18 6 6 18'],
    ['line', '6 6 18 18'],
  ],
  volume: [
    ['polygon', '11 5 6 9 2 9 2 15 6 15 11 19 11 5'],
    ['path', 'M19.07 4.93a10 10 0 0 1 0 14.14M15.54 8.46a5 5 0 0 1 0 7.07'],
  ],
  mute: [
    ['polygon', '11 5 6 9 2 9 2 15 6 15 11 19 11 5'],
    ['line', '23 9 17 15'],
    ['line', '17 9 23 15'],
  ],
  alert: [
    ['circle', '12 12 10'],
    ['line', '12 8 12 12'],
    ['line', '12 16 12.01 16'],
  ],
  shield: [['path', 'M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z']],
  clock: [
    ['circle', '12 12 10'],
    ['polyline', '12 6 12 12 16 14'],
  ],
} as const;

export type IconName = keyof typeof SHAPES;

export function icon(name: IconName, className = ''): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `icon ${className}`.trim());
  for (const [tag, data] of SHAPES[name]) svg.appendChild(shape(tag, data));
  return svg;
}

function shape(tag: string, data: string): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  const numbers = data.split(' ');
  if (tag === 'path') element.setAttribute('d', data);
  else if (tag === 'polyline' || tag === 'polygon') element.setAttribute('points', data);
  else if (tag === 'line') {
    const [x1, y1, x2, y2] = numbers;
    Object.entries({ x1, y1, x2, y2 }).forEach(([k, v]) => element.setAttribute(k, v));
  } else if (tag === 'circle') {
    const [cx, cy, r] = numbers;
    Object.entries({ cx, cy, r }).forEach(([k, v]) => element.setAttribute(k, v));
  }
  return element;
}

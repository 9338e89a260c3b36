import type { Reveal } from '#shared/protocol/views';
import { t } from '../../i18n/index.ts';
import { COLORS, cssColor } from '../../state/theme.ts';
import { el, num } from '../../ui/format.ts';

/** How the class moved: right-sign share, the picks per layer, and every move as a dot (Δz, ΔC). */
export function classPicture(r: Reveal, eps: number): HTMLElement {
  const c = r.classMoves;
  const share = Math.round(c.rightSignShare * 100);
  const bar = el(
    'div',
    {
      class: 'share-bar',
      role: 'meter',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': String(share),
      'aria-label': t('cls.reveal.rightSign', { p: `${share}%` }),
    },
    el('span', { class: 'share-fill', style: `width:${share}%` }),
  );
  const facts = el(
    'p',
    { class: 'class-facts' },
    el('strong', { class: 'right-sign' }, t('cls.reveal.rightSign', { p: `${share}%` })),
    ' · ',
    t('cls.reveal.answered', { n: c.answered, total: c.players }),
    c.meanQuality === null ? '' : ` · ${t('cls.reveal.meanQ', { q: num(c.meanQuality, 2) })}`,
  );
  const picks = el('div', { class: 'pick-grid', 'aria-label': t('cls.reveal.picks') });
  const max = Math.max(1, ...c.counts.flat());
  // counts[i] is engine layer i + 1: the book's layer i + 2, the output layer L.
  const L = c.counts.length + 1;
  c.counts.forEach((col, i) => {
    const book = i + 2;
    const column = el(
      'div',
      { class: 'pick-col' },
      el('span', { class: 'pick-layer' }, `l = ${book === L ? 'L' : book}`),
    );
    col.forEach((n, j) => {
      const best = r.best.l === i + 1 && r.best.j === j;
      column.append(
        el(
          'span',
          {
            class: `pick-cell${best ? ' best' : ''}`,
            title: t('cls.reveal.pickCount', { l: book, j: j + 1, n }),
            style: `--fill:${(n / max).toFixed(3)}`,
          },
          String(n),
        ),
      );
    });
    picks.append(column);
  });
  return el(
    'section',
    { class: 'class-picture' },
    el('h2', {}, t('cls.reveal.class')),
    facts,
    bar,
    el(
      'div',
      { class: 'class-row' },
      scatter(r, eps),
      el('figure', { class: 'picks' }, el('figcaption', {}, t('cls.reveal.picks')), picks),
    ),
  );
}

/** The q-th quantile (0…1) of sorted values, linearly interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * The ΔC axis of the scatter: the 5th to 95th percentile of the class's ΔC,
 * widened to hold 0, the best move and the gradient demon's. One overshoot
 * far out no longer squeezes 300 moves into a line; a move beyond the range
 * is drawn at the edge as a ▲ or ▼.
 */
export function scatterRange(
  deltaCs: readonly number[],
  marks: readonly number[],
): [number, number] {
  const sorted = [...deltaCs].sort((a, b) => a - b);
  const lo = Math.min(quantile(sorted, 0.05), 0, ...marks);
  const hi = Math.max(quantile(sorted, 0.95), 0, ...marks);
  const pad = (hi - lo) * 0.08 || 1e-3;
  return [lo - pad, hi + pad];
}

/**
 * Every move as a dot: Δz across (−ε…ε), ΔC up. Filled blue with the right
 * sign, hollow vermillion without; translucent and smaller as the class
 * grows, so 300 moves read as a density. The gradient demon's × and then the
 * best move's × are drawn last, on top of everything.
 */
function scatter(r: Reveal, eps: number): HTMLElement {
  const w = 420;
  const h = 240;
  const canvas = el('canvas', { class: 'scatter', width: String(w), height: String(h) });
  const ctx = canvas.getContext('2d');
  const moves = r.classMoves.moves;
  if (ctx) {
    const [lo, hi] = scatterRange(
      moves.map((m) => m.deltaC),
      [r.best.deltaC, r.gradient.deltaC],
    );
    const top = 12;
    const bottom = h - 12;
    const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
    const x = (dz: number) => 12 + ((dz + eps) / (2 * eps)) * (w - 24);
    ctx.strokeStyle = cssColor(COLORS.muted);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, y(0));
    ctx.lineTo(w, y(0));
    ctx.moveTo(x(0), 0);
    ctx.lineTo(x(0), h);
    ctx.stroke();
    const n = moves.length;
    const radius = n > 150 ? 4 : n > 40 ? 5 : 7;
    const alpha = n > 150 ? 0.35 : n > 40 ? 0.5 : 0.75;
    for (const m of moves) {
      const cx = x(m.dz);
      const v = m.deltaC;
      ctx.beginPath();
      if (v > hi || v < lo) {
        // Off the scale: a triangle at the edge, pointing the way it went.
        const cy = v > hi ? top - 4 : bottom + 4;
        const d = v > hi ? -1 : 1;
        ctx.moveTo(cx - radius, cy - d * radius);
        ctx.lineTo(cx + radius, cy - d * radius);
        ctx.lineTo(cx, cy);
        ctx.closePath();
      } else ctx.arc(cx, y(v), radius, 0, 2 * Math.PI);
      ctx.globalAlpha = alpha;
      if (m.rightSign) {
        ctx.fillStyle = cssColor(COLORS.positive);
        ctx.fill();
      } else {
        ctx.strokeStyle = cssColor(COLORS.negative);
        ctx.lineWidth = 2.5;
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    }
    const star = (dz: number, dc: number, color: number) => {
      const cx = x(dz);
      const cy = y(dc);
      // A white halo first, so the mark stands out of a dense cloud.
      for (const [stroke, width] of [
        ['#fff', 8],
        [cssColor(color), 4],
      ] as const) {
        ctx.strokeStyle = stroke;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(cx - 10, cy - 10);
        ctx.lineTo(cx + 10, cy + 10);
        ctx.moveTo(cx + 10, cy - 10);
        ctx.lineTo(cx - 10, cy + 10);
        ctx.stroke();
      }
    };
    star(r.gradient.dz, r.gradient.deltaC, COLORS.gradient);
    star(r.best.dz, r.best.deltaC, COLORS.best);
  }
  canvas.setAttribute('aria-label', t('cls.reveal.scatter'));
  return el(
    'figure',
    { class: 'scatter-fig' },
    canvas,
    el(
      'figcaption',
      {},
      `${t('cls.reveal.scatter')} · ε = ${num(eps, 2)} · `,
      el('span', { class: 'key-best' }, `× ${t('result.legendBest')}`),
      ' · ',
      el('span', { class: 'key-gradient' }, `× ${t('result.legendGradient')}`),
    ),
  );
}

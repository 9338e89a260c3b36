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

/** Every move as a dot: Δz across (−ε…ε), ΔC up; filled blue with the right sign, hollow vermillion without. */
function scatter(r: Reveal, eps: number): HTMLElement {
  const w = 420;
  const h = 240;
  const canvas = el('canvas', { class: 'scatter', width: String(w), height: String(h) });
  const ctx = canvas.getContext('2d');
  const moves = r.classMoves.moves;
  if (ctx) {
    const pts = [...moves.map((m) => m.deltaC), r.best.deltaC, r.gradient.deltaC, 0];
    const lo = Math.min(...pts);
    const hi = Math.max(...pts);
    const pad = (hi - lo) * 0.1 || 1e-3;
    const y = (v: number) => h - 12 - ((v - (lo - pad)) / (hi - lo + 2 * pad)) * (h - 24);
    const x = (dz: number) => 12 + ((dz + eps) / (2 * eps)) * (w - 24);
    ctx.strokeStyle = cssColor(COLORS.muted);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, y(0));
    ctx.lineTo(w, y(0));
    ctx.moveTo(x(0), 0);
    ctx.lineTo(x(0), h);
    ctx.stroke();
    for (const m of moves) {
      ctx.beginPath();
      ctx.arc(x(m.dz), y(m.deltaC), 7, 0, 2 * Math.PI);
      if (m.rightSign) {
        ctx.fillStyle = cssColor(COLORS.positive);
        ctx.globalAlpha = 0.75;
        ctx.fill();
        ctx.globalAlpha = 1;
      } else {
        ctx.strokeStyle = cssColor(COLORS.negative);
        ctx.lineWidth = 3;
        ctx.stroke();
      }
    }
    const star = (dz: number, dc: number, color: number) => {
      ctx.strokeStyle = cssColor(color);
      ctx.lineWidth = 4;
      const cx = x(dz);
      const cy = y(dc);
      ctx.beginPath();
      ctx.moveTo(cx - 10, cy - 10);
      ctx.lineTo(cx + 10, cy + 10);
      ctx.moveTo(cx + 10, cy - 10);
      ctx.lineTo(cx - 10, cy + 10);
      ctx.stroke();
    };
    star(r.best.dz, r.best.deltaC, COLORS.best);
    star(r.gradient.dz, r.gradient.deltaC, COLORS.gradient);
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

import type { DemonStanding, Final } from '#shared/protocol/views';
import { lang, t } from '../../i18n/index.ts';
import { fetchReport, listSessions, type Report, reportCsvUrl } from '../../net/api.ts';
import { el, num, signed } from '../../ui/format.ts';
import { errorCode, errorText } from '../errors.ts';
import { demonLine, leaderboardTable, podium, ranked } from '../standings.ts';
import { LossChart } from './lossChart.ts';

/** Rows of the final standings on one page of the end screen: it fits a 1366×768 projector beside the podium. */
export const STANDINGS_PAGE = 10;

/**
 * The end of a session, laid out for a projector that must not scroll: a head
 * with the CSV and the report one click away, the podium first with the
 * standings beside it a page at a time ("… and 51 more"), and below them a
 * region of its own that scrolls — the report per player per round and the
 * past sessions. Each part is its own section, so a later screen (a concept
 * check's results) is one more section in `sections`.
 */
export async function endView(
  root: HTMLElement,
  sessionId: string,
  token: string,
  final: Final | null,
): Promise<void> {
  const reportBox = el(
    'section',
    { class: 'report card', tabindex: '-1' },
    el('p', {}, t('cls.end.loading')),
  );
  const past = el('section', { class: 'past card' });
  const top = el('div', { class: 'end-top' });
  const csv = el(
    'a',
    { class: 'button primary csv', href: reportCsvUrl(sessionId, token), download: '' },
    t('cls.end.csv'),
  );
  const toReport = el('button', { type: 'button', class: 'to-report' }, t('cls.end.showReport'));
  toReport.addEventListener('click', () => {
    reportBox.scrollIntoView({ block: 'start' });
    reportBox.focus({ preventScroll: true });
  });
  const more = el('div', { class: 'end-more' }, reportBox, past);
  root.replaceChildren(
    el(
      'div',
      { class: 'end-head' },
      el('h1', { class: 'end-title' }, t('cls.end.title')),
      el(
        'div',
        { class: 'actions end-actions' },
        csv,
        toReport,
        el('a', { class: 'button', href: 'host.html' }, t('cls.end.new')),
      ),
    ),
    top,
    more,
  );
  const loss = new LossChart();
  const side = (
    standings: Final['standings'],
    demon: DemonStanding,
    curve: number[],
    rounds: number,
  ) => {
    top.append(
      el('div', { class: 'end-podium' }, podium(standings, demon), loss.root),
      el('div', { class: 'end-side' }, demonLine(demon), pagedStandings(standings, demon)),
    );
    loss.set(curve, rounds);
  };
  if (final) side(final.standings, final.demon, final.lossCurve, final.rounds);
  try {
    const report = await fetchReport(sessionId, token);
    if (!final) side(report.standings, report.demon, report.lossCurve, report.settings.rounds);
    csv.setAttribute('download', `backprop-demon-${report.code}.csv`);
    reportBox.replaceChildren(...reportTable(report, token));
  } catch (e) {
    reportBox.replaceChildren(el('p', { class: 'error-text' }, errorText(e)));
  }
  await pastSessions(past, token, sessionId);
}

/** The final standings a page at a time, with the count of all players and of those on later pages. */
function pagedStandings(standings: Final['standings'], demon: DemonStanding): HTMLElement {
  const players = ranked(standings, demon);
  const n = players.length;
  const pages = Math.max(1, Math.ceil(n / STANDINGS_PAGE));
  const box = el('section', { class: 'end-standings', 'aria-live': 'polite' });
  const heading = el('h2', { class: 'standings-count' }, t('cls.end.standings', { n }));
  const table = el('div', { class: 'standings-page' });
  const where = el('span', { class: 'page-where' });
  const rest = el('p', { class: 'board-more' });
  const prev = el('button', { type: 'button', class: 'page-prev' }, t('cls.end.prevPage'));
  const nextB = el('button', { type: 'button', class: 'page-next' }, t('cls.end.nextPage'));
  let page = 0;
  const show = () => {
    const from = page * STANDINGS_PAGE;
    const to = Math.min(n, from + STANDINGS_PAGE);
    // The benchmark's row goes where its points put it: on that page only.
    const at = players.findIndex((e) => e.score < demon.score);
    const demonPage = Math.min(pages - 1, Math.floor((at < 0 ? n : at) / STANDINGS_PAGE));
    const benchmark = standings.filter((e) => e.bot && !players.includes(e));
    const shown = [...players.slice(from, to), ...(page === demonPage ? benchmark : [])];
    shown.sort((a, b) => b.score - a.score);
    // Marked ranked, a demon kept off this page draws no row here (standings.ts).
    const here = demon.ranked || page === demonPage ? demon : { ...demon, ranked: true };
    table.replaceChildren(leaderboardTable(shown, STANDINGS_PAGE, undefined, here));
    where.textContent = n ? t('cls.end.pageOf', { from: from + 1, to, n }) : '';
    rest.textContent = n - to > 0 ? t('cls.more', { n: n - to }) : '';
    prev.disabled = page === 0;
    nextB.disabled = page >= pages - 1;
  };
  prev.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    show();
  });
  nextB.addEventListener('click', () => {
    page = Math.min(pages - 1, page + 1);
    show();
  });
  show();
  const pager = el('div', { class: 'pager' }, prev, where, nextB, rest);
  prev.hidden = pages === 1;
  nextB.hidden = pages === 1;
  box.append(heading, table, pager);
  return box;
}

function reportTable(r: Report, token: string): HTMLElement[] {
  const rounds = r.rounds.map((x) => x.round);
  const players = r.players.filter((p) => !p.kicked);
  const byKey = new Map(r.rows.map((row) => [`${row.round}:${row.playerId}`, row]));
  const head = el('tr', {}, el('th', { scope: 'col' }, t('cls.board.name')));
  for (const n of rounds)
    head.append(el('th', { scope: 'col', class: 'num' }, t('cls.end.round', { n })));
  head.append(el('th', { scope: 'col', class: 'num' }, t('cls.end.total')));
  const body = el('tbody', {});
  const order = [...players].sort(
    (a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname),
  );
  for (const p of order) {
    const tr = el('tr', { 'data-id': p.id }, el('th', { scope: 'row', class: 'name' }, p.nickname));
    for (const n of rounds) {
      const row = byKey.get(`${n}:${p.id}`);
      const detail = row?.moved
        ? // The report's l and j are the wire's (0-based); a person reads the book's layer and neuron.
          `${t('play.neuron', { l: (row.l ?? 0) + 1, j: (row.j ?? 0) + 1 })} · Δz ${signed(row.dz ?? 0)} · ΔC ${signed(row.deltaC ?? 0)} · q ${num(row.quality ?? 0, 2)} · ${row.rightSign ? '✓' : '✗'}${row.saturated ? ` · ${t('cls.end.col.sat')}` : ''} · ${num(row.seconds ?? 0, 2)} s`
        : t('cls.end.noMove');
      tr.append(
        el(
          'td',
          { class: `num cell${row?.moved ? '' : ' none'}`, title: detail, 'data-round': String(n) },
          String(row?.points ?? 0),
          el(
            'span',
            { class: 'cell-detail' },
            row?.moved ? `${row.rightSign ? '✓' : '✗'} q ${num(row.quality ?? 0, 2)}` : '—',
          ),
        ),
      );
    }
    tr.append(el('td', { class: 'num total' }, String(p.score)));
    body.append(tr);
  }
  const csv = el(
    'a',
    {
      class: 'button primary csv',
      href: reportCsvUrl(r.sessionId, token),
      download: `backprop-demon-${r.code}.csv`,
    },
    t('cls.end.csv'),
  );
  return [
    el('h2', {}, t('cls.end.report')),
    el(
      'div',
      { class: 'table-scroll' },
      el('table', { class: 'report-table' }, el('thead', {}, head), body),
    ),
    el(
      'div',
      { class: 'actions' },
      csv,
      el('a', { class: 'button', href: 'host.html' }, t('cls.end.new')),
    ),
  ];
}

/** The host's sessions on this server, newest first, each with its report. */
export async function pastSessions(
  box: HTMLElement,
  token: string,
  current?: string,
): Promise<void> {
  box.replaceChildren(el('h2', {}, t('cls.past.heading')));
  try {
    const list = await listSessions(token);
    if (!list.length) {
      box.append(el('p', {}, t('cls.past.none')));
      return;
    }
    const ul = el('ul', { class: 'past-list' });
    for (const s of [...list].sort((a, b) => b.createdAt - a.createdAt)) {
      // In the page's language, not the browser's: the rest of the row is.
      const date = new Date(s.createdAt).toLocaleString(lang());
      const li = el(
        'li',
        { class: s.sessionId === current ? 'current' : '' },
        el(
          'span',
          {},
          t('cls.past.row', {
            code: s.code,
            date,
            players: s.players,
            round: s.round,
            rounds: s.rounds,
          }),
          ' · ',
          s.endedAt ? t('cls.past.ended') : t('cls.past.running'),
        ),
        el(
          'a',
          {
            class: 'button',
            href: `host.html?code=${s.code}&session=${encodeURIComponent(s.sessionId)}`,
          },
          s.endedAt ? t('cls.past.report') : t('cls.past.open'),
        ),
        el('a', { class: 'button', href: reportCsvUrl(s.sessionId, token), download: '' }, 'CSV'),
      );
      ul.append(li);
    }
    box.append(ul);
  } catch (e) {
    // A token from an older database knows no sessions here: that is an empty list, not an error.
    if (errorCode(e) === 'UNAUTHORIZED') box.append(el('p', {}, t('cls.past.none')));
    else box.append(el('p', { class: 'error-text' }, errorText(e)));
  }
}

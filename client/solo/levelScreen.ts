import { applyBiasNudge } from '#shared/engine/index';
import {
  LEVELS,
  type LevelDef,
  LevelKind,
  levelPuzzle,
  raceStars,
  starsFor,
} from '#shared/game/levels';
import { gradientRace } from '#shared/game/race';
import { createPlayView } from '../game/playView.ts';
import { onLangChange, t } from '../i18n/index.ts';
import { PickMode } from '../state/playStore.ts';
import { el, num, signed } from '../ui/format.ts';
import { renderRich } from '../ui/math.ts';
import { starString } from './campaignList.ts';
import { handPanel } from './handPanel.ts';
import { SoloJudge } from './judge.ts';
import { loadProgress, recordStars } from './progress.ts';

/** One campaign level: intro, one or more moves judged in the page, then stars and a recap. */
export async function levelScreen(
  level: LevelDef,
  host: HTMLElement,
  storage: Storage | undefined,
) {
  const index = LEVELS.indexOf(level);
  const view = createPlayView(() => submit());
  const { store, movePanel, result, side } = view;
  const judge = new SoloJudge(store);
  const totalMoves = level.moves ?? 1;
  let moveIndex = 0;
  let qualities: number[] = [];
  let race = { you: 0, gradient: 0 };
  // The gradient demon races on its own copy of the network, from the same start.
  let demonRun: { deltaC: number }[] = [];

  const title = el('h1', {});
  const cost = el('span', { class: 'cost' });
  const budget = el('span', { class: 'budget' });
  const moves = el('span', { class: 'moves' });
  const raceLine = el('span', { class: 'race' });
  const head = el('div', { class: 'play-head' }, title, cost, budget, moves, raceLine);
  const done = el('section', { class: 'level-done', hidden: '' });
  const hand =
    level.kind === LevelKind.HandDelta
      ? handPanel(store, () => {
          movePanel.enabled = true;
          movePanel.render();
        })
      : null;
  if (hand) side.prepend(hand.root);
  result.root.after(done);
  const main = el('main', { class: 'play' }, head, view.root);
  const intro = introModal(level, index, () => {
    intro.hidden = true;
    (document.activeElement as HTMLElement | null)?.blur();
  });
  host.append(main, intro);

  const renderHead = () => {
    title.textContent = `${t('campaign.level', { n: index + 1 })} · ${t(`level.${level.id}.title`)}`;
    cost.textContent = t('play.cost', { c: num(store.trace.cost, 4) });
    budget.textContent = t('play.budget', { e: num(store.eps, 2) });
    moves.textContent =
      totalMoves > 1 ? t('campaign.moveOf', { n: moveIndex + 1, total: totalMoves }) : '';
    raceLine.textContent =
      level.race && qualities.length > 0
        ? `${t('race.you', { you: signed(race.you) })} · ${t('race.gradient', { g: signed(race.gradient) })}`
        : '';
  };
  store.subscribe(renderHead);
  onLangChange(renderHead);

  const start = () => {
    const { puzzle } = levelPuzzle(level);
    moveIndex = 0;
    qualities = [];
    race = { you: 0, gradient: 0 };
    demonRun = level.race ? gradientRace(puzzle.network, puzzle.batch, puzzle.eps, totalMoves) : [];
    done.hidden = true;
    store.allowedLayers = level.layers ?? null;
    store.load(puzzle.network, puzzle.batch, puzzle.eps, puzzle.show);
    if (level.kind === LevelKind.Weight) store.setMode(PickMode.Weight);
    movePanel.enabled = !hand;
    hand?.reset();
    movePanel.render();
  };

  const submit = () => {
    // Δz = 0 would only waste the level: the button stays off until Δz is set.
    if (store.locked || !movePanel.enabled || store.dz === 0) return;
    const r = level.kind === LevelKind.Weight ? judge.judgeWeight() : judge.judgeNeuron();
    if (!r) return;
    qualities.push(r.quality);
    race.you += r.move.deltaC;
    race.gradient += demonRun[moveIndex]?.deltaC ?? 0;
    store.showResult(r);
    const last = moveIndex + 1 >= totalMoves;
    result.actions.replaceChildren();
    if (!last) {
      const next = el(
        'button',
        { type: 'button', class: 'primary next-move' },
        t('campaign.nextMove'),
      );
      next.addEventListener('click', () => {
        if (r.move.k === undefined) applyBiasNudge(store.network, r.move.l, r.move.j, r.move.dz);
        moveIndex++;
        store.nextMove();
      });
      result.actions.append(next);
      next.focus();
    } else finish();
  };

  const finish = () => {
    const q = qualities.reduce((a, b) => a + b, 0) / qualities.length;
    // A race is won or lost on the whole run against the gradient demon, not on each move's q.
    const stars = level.race ? raceStars(race.you, race.gradient) : starsFor(level, q);
    recordStars(storage, loadProgress(storage), level.id, stars);
    const nextLevel = LEVELS[index + 1];
    const recap = el('p', { class: 'recap' });
    renderRich(recap, t(`level.${level.id}.recap`));
    const retry = el('button', { type: 'button', class: 'retry' }, t('campaign.retry'));
    retry.addEventListener('click', start);
    const buttons = el('div', { class: 'actions' }, retry);
    if (nextLevel && stars > 0) {
      buttons.append(
        el(
          'a',
          { class: 'button primary', href: `play.html?level=${nextLevel.id}` },
          t('campaign.next'),
        ),
      );
    }
    buttons.append(el('a', { class: 'button', href: 'play.html' }, t('campaign.back')));
    done.replaceChildren(
      el('h2', {}, t('campaign.finished')),
      el(
        'p',
        {
          class: 'stars',
          'data-stars': String(stars),
          'aria-label': t('campaign.stars', { n: stars }),
        },
        starString(stars),
      ),
      el('p', {}, t('campaign.meanQ', { q: num(q, 2) })),
      el('h3', {}, t('campaign.recap')),
      recap,
      buttons,
    );
    done.hidden = false;
  };

  start();
  await view.game;
  return store;
}

function introModal(level: LevelDef, index: number, close: () => void): HTMLElement {
  const body = el('div', { class: 'intro-text' });
  const h = el('h2', {});
  const go = el('button', { type: 'button', class: 'primary start' });
  go.addEventListener('click', close);
  const render = () => {
    h.textContent = `${t('campaign.level', { n: index + 1 })} · ${t(`level.${level.id}.title`)}`;
    renderRich(body, t(`level.${level.id}.intro`));
    go.textContent = t('campaign.start');
  };
  render();
  onLangChange(render);
  const card = el('div', { class: 'card', role: 'dialog', 'aria-modal': 'true' }, h, body, go);
  queueMicrotask(() => go.focus());
  return el('div', { class: 'modal' }, card);
}

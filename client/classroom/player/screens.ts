import type { Final, MoveResult, Reveal } from '#shared/protocol/views';
import { t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import { predictionWords } from '../../ui/predictPanel.ts';
import { revealMisconception } from '../revealMisconception.ts';
import { demonLine, leaderboardTable, podium, rankChange, ranked } from '../standings.ts';

/** The phone's screens between rounds, drawn from what the server said; names are text only. */

export function lobbyScreen(nickname: string, code: string): Node[] {
  return [
    el('h1', {}, t('cls.player.welcome', { name: nickname })),
    el('p', { class: 'big-note' }, t('cls.player.waitStart')),
    el('p', { class: 'lobby-code' }, `${t('cls.player.code')}: ${code}`),
  ];
}

/** After a round: the points it earned, the total and the place, with how the place moved. */
export function roundCard(
  reveal: Reveal,
  playerId: string,
  moved: boolean,
  score: number,
  prediction?: MoveResult['prediction'],
): HTMLElement {
  const mine = reveal.leaderboard.find((e) => e.id === playerId);
  const points = mine?.lastPoints ?? 0;
  return el(
    'div',
    { class: 'my-round card' },
    el(
      'p',
      { class: 'round-points' },
      moved ? t('cls.player.roundPoints', { n: points }) : t('cls.player.noMove'),
    ),
    el('p', { class: 'my-total' }, t('cls.player.score', { n: mine?.score ?? score })),
    mine
      ? el(
          'p',
          { class: 'my-rank' },
          t('cls.player.rank', {
            r: mine.rank ?? '–',
            n: ranked(reveal.leaderboard, reveal.demon).length,
          }),
          ' ',
          rankChange(mine.rankChange),
        )
      : '',
    prediction
      ? el(
          'p',
          { class: 'predict-result', 'data-score': String(prediction.score) },
          t('predict.result', {
            ...predictionWords({ sign: prediction.sign, size: prediction.size as 0 | 1 | 2 | 3 }),
            actual: t(
              (prediction.sign === 'down') === prediction.signRight
                ? 'predict.went.down'
                : 'predict.went.up',
            ),
            score: prediction.score,
          }),
        )
      : '',
    revealMisconception(reveal) ?? '',
    el('p', { class: 'hint' }, t('cls.player.waitNext')),
  );
}

export function endScreen(final: Final, playerId: string | undefined): (Node | string)[] {
  const mine = final.standings.find((e) => e.id === playerId);
  return [
    el('h1', {}, t('cls.player.final')),
    podium(final.standings, final.demon),
    mine
      ? el(
          'p',
          { class: 'my-place big-note' },
          t('cls.player.place', {
            r: mine.rank ?? '–',
            n: ranked(final.standings, final.demon).length,
            score: mine.score,
          }),
        )
      : '',
    demonLine(final.demon),
    leaderboardTable(final.standings, 50, playerId, final.demon),
    el('a', { class: 'button', href: '/' }, t('cls.player.another')),
  ];
}

export function kickedScreen(): Node[] {
  return [
    el('h1', {}, t('cls.player.kicked')),
    el('a', { class: 'button primary', href: '/' }, t('cls.player.another')),
  ];
}

import type { PlayerEntry } from '#shared/protocol/views';
import { t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';

/** Up to this many players, each name has a chip that ticks; above, a square each and the names still out. */
export const NAME_CHIPS_MAX = 40;
/** Names listed after "still thinking": the rest are counted. */
const THINKING_NAMES = 12;

/**
 * Who has moved this round, ticking as the server's progress messages name
 * them: name chips for a small class; for a lecture hall, a grid with one
 * square per player (filled once moved) and the names of those still
 * thinking, so the teacher can wait for the last few. Names only: nothing of
 * anyone's move shows before the reveal.
 */
export class WhoMoved {
  readonly root = el('div', { class: 'who-moved' });
  private readonly list = el('ul', { class: 'moved-list' });
  private readonly grid = el('div', { class: 'moved-grid', role: 'img' });
  private readonly thinking = el('p', { class: 'still-thinking', 'aria-live': 'polite' });
  /** The cells (or chips) by player id: a tick changes one class, nothing is rebuilt. */
  private readonly cells = new Map<string, HTMLElement>();
  private shape = '';

  render(players: PlayerEntry[]): void {
    const large = players.length > NAME_CHIPS_MAX;
    const shape = `${large}|${players.map((p) => `${p.id}${p.online ? '' : '~'}${p.timeFactor ?? ''}`).join(',')}`;
    if (shape !== this.shape) this.build(players, large, shape);
    for (const p of players) this.cells.get(p.id)?.classList.toggle('done', p.answered);
    if (!large)
      for (const p of players) {
        const tick = this.cells.get(p.id)?.firstElementChild;
        if (tick) tick.textContent = p.answered ? '✓' : '○';
      }
    const out = players.filter((p) => !p.answered);
    this.grid.setAttribute('aria-label', t('cls.round.progressGrid'));
    const names = out.slice(0, THINKING_NAMES).map((p) => p.nickname);
    const more = out.length - names.length;
    this.thinking.textContent = !out.length
      ? players.length
        ? t('cls.round.allMoved')
        : ''
      : `${t('cls.round.stillThinking', { names: names.join(', ') })}${more > 0 ? ` ${t('cls.more', { n: more })}` : ''}`;
    this.thinking.hidden = !large && out.length > 0;
  }

  private build(players: PlayerEntry[], large: boolean, shape: string): void {
    this.shape = shape;
    this.cells.clear();
    this.list.setAttribute('aria-label', t('cls.lobby.players', { n: players.length }));
    if (large) {
      this.grid.replaceChildren(
        ...players.map((p) => {
          const cell = el('span', {
            class: `moved-cell${p.online ? '' : ' away'}`,
            'data-id': p.id,
            title: p.nickname,
          });
          this.cells.set(p.id, cell);
          return cell;
        }),
      );
      this.grid.dataset['size'] = players.length <= 120 ? 'm' : players.length <= 220 ? 's' : 'xs';
      // The names still out above the squares: the part a teacher waits on stays in view.
      this.root.replaceChildren(this.thinking, this.grid);
      return;
    }
    this.list.replaceChildren(
      ...players.map((p) => {
        const chip = el(
          'li',
          { class: `moved-chip${p.online ? '' : ' away'}`, 'data-id': p.id },
          el('span', { class: 'tick', 'aria-hidden': 'true' }, '○'),
          el('span', { class: 'nick', title: p.nickname }, p.nickname),
          p.timeFactor && p.timeFactor !== 1
            ? el(
                'span',
                { class: 'time-tag', title: t('cls.time.factor', { f: p.timeFactor }) },
                `◷×${p.timeFactor}`,
              )
            : '',
        );
        this.cells.set(p.id, chip);
        return chip;
      }),
    );
    this.root.replaceChildren(this.list, this.thinking);
  }
}

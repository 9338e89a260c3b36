import { toCanvas } from 'qrcode';
import type { SessionSettings } from '#shared/protocol/schemas';
import { TIME_FACTORS, type TimeFactor } from '#shared/protocol/timing';
import type { PlayerEntry, Status } from '#shared/protocol/views';
import { applyI18n, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import { spacedCode } from '../page.ts';

export interface LobbyActions {
  kick(playerId: string): void;
  /** More time for one player (×1.5, ×2), or back to the class's (×1). */
  extraTime(playerId: string, factor: TimeFactor): void;
  lock(locked: boolean): void;
  start(): void;
}

/** The lobby on the projector: the code huge, the join link and its QR code, players as they come. */
export class LobbyView {
  readonly root: HTMLElement;
  private readonly code: HTMLElement;
  private readonly url: HTMLElement;
  private readonly localWarn: HTMLElement;
  private readonly qr: HTMLCanvasElement;
  private readonly list: HTMLUListElement;
  private readonly count: HTMLElement;
  private readonly lockButton: HTMLButtonElement;
  private readonly startButton: HTMLButtonElement;
  private readonly lockNote: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly hostLink: HTMLInputElement;
  private readonly copy: HTMLButtonElement;
  /** A slot for what other parts add beside the players (the concept check's count). */
  readonly extra = el('div', { class: 'lobby-extra' });
  private readonly justJoined: HTMLElement;
  private readonly keyHint: HTMLElement;
  /** One chip per player, kept between updates: 300 joins rebuild nothing already shown. */
  private readonly chips = new Map<string, { li: HTMLLIElement; key: string }>();
  private qrFor = '';
  private locked = false;

  constructor(private readonly actions: LobbyActions) {
    this.code = el('p', { class: 'big-code', 'aria-live': 'polite' });
    this.url = el('p', { class: 'join-url' });
    this.localWarn = el('p', { class: 'local-warn', role: 'note' });
    this.qr = el('canvas', { class: 'qr', width: '360', height: '360' });
    this.list = el('ul', { class: 'lobby-players', 'aria-live': 'polite' });
    this.count = el('h2', { class: 'lobby-count' });
    this.justJoined = el('p', { class: 'just-joined', 'aria-live': 'polite' });
    this.keyHint = el('span', { class: 'key-hint' });
    this.lockNote = el('p', { class: 'lock-note' });
    this.summary = el('p', { class: 'settings-summary' });
    this.lockButton = el('button', { type: 'button', class: 'lock-button' });
    this.startButton = el('button', { type: 'button', class: 'primary start-button' });
    this.hostLink = el('input', {
      class: 'host-link',
      readonly: '',
      'data-i18n-label': 'cls.lobby.hostLinkLabel',
    });
    this.lockButton.addEventListener('click', () => actions.lock(!this.locked));
    this.startButton.addEventListener('click', () => actions.start());
    const copy = el('button', { type: 'button', class: 'copy-button' });
    this.copy = copy;
    copy.addEventListener('click', () => {
      this.hostLink.select();
      void navigator.clipboard?.writeText(this.hostLink.value).then(() => {
        copy.textContent = t('cls.lobby.copied');
      });
    });
    this.root = el(
      'section',
      { class: 'host-lobby' },
      el(
        'div',
        { class: 'lobby-join card' },
        el('p', { class: 'code-label', 'data-i18n': 'cls.lobby.codeLabel' }),
        this.code,
        el('p', { class: 'join-at', 'data-i18n': 'cls.lobby.joinAt' }),
        this.url,
        this.localWarn,
        el(
          'figure',
          { class: 'qr-fig' },
          this.qr,
          el('figcaption', { 'data-i18n': 'cls.lobby.scan' }),
        ),
      ),
      el(
        'div',
        { class: 'lobby-side card' },
        el(
          'div',
          { class: 'lobby-head' },
          this.count,
          el('div', { class: 'actions' }, this.lockButton, this.startButton, this.keyHint),
        ),
        this.lockNote,
        this.extra,
        this.justJoined,
        this.list,
        this.summary,
        el(
          'details',
          { class: 'host-link-box' },
          el('summary', { 'data-i18n': 'cls.lobby.hostLink' }),
          el('div', { class: 'copy-row' }, this.hostLink, copy),
        ),
      ),
    );
  }

  update(
    code: string,
    joinUrl: string,
    hostUrl: string,
    status: Status,
    players: PlayerEntry[],
    settings: SessionSettings,
  ): void {
    this.locked = status.locked;
    this.code.textContent = spacedCode(code);
    this.code.dataset['code'] = code;
    this.url.textContent = joinUrl.replace(/^https?:\/\//, '');
    this.hostLink.value = hostUrl;
    const where = new URL(joinUrl, location.href).hostname;
    const local = where === 'localhost' || where.startsWith('127.') || where === '[::1]';
    this.localWarn.textContent = local ? t('cls.lobby.localWarn', { host: where }) : '';
    this.localWarn.hidden = !local;
    if (this.qrFor !== joinUrl) {
      this.qrFor = joinUrl;
      void toCanvas(this.qr, joinUrl, { width: 360, margin: 1, errorCorrectionLevel: 'M' }).then(
        () => {
          // The library fixes the canvas at 360 px inline; the style sheet sizes it to the screen.
          this.qr.style.removeProperty('width');
          this.qr.style.removeProperty('height');
        },
      );
    }
    this.showPlayers(players);
    this.lockButton.textContent = status.locked ? t('cls.lobby.unlock') : t('cls.lobby.lock');
    this.lockButton.setAttribute('aria-pressed', String(status.locked));
    this.lockNote.textContent = status.locked ? t('cls.lobby.locked') : '';
    this.startButton.textContent = t('cls.lobby.start');
    this.startButton.title = t('cls.keys.next');
    this.keyHint.textContent = t('cls.keys.next');
    if (this.copy.textContent !== t('cls.lobby.copied'))
      this.copy.textContent = t('cls.lobby.copy');
    this.summary.textContent = t('cls.lobby.settings', {
      rounds: settings.rounds,
      seconds: settings.secondsPerRound,
      eps: settings.eps,
      sgd: settings.sgdSteps,
    });
    applyI18n(this.root);
  }

  /** Start, for the clicker's Page Down. */
  get primary(): HTMLButtonElement {
    return this.startButton;
  }

  /** The players newest first, so that a student sees their name arrive at the top; the count large. */
  private showPlayers(players: PlayerEntry[]): void {
    const n = players.length;
    this.count.replaceChildren(
      el('span', { class: 'count-n' }, String(n)),
      el('span', { class: 'count-label' }, t('cls.lobby.joined')),
    );
    this.count.setAttribute('aria-label', t('cls.lobby.players', { n }));
    this.list.dataset['size'] = chipSize(n);
    const newest = [...players].reverse();
    const fresh = newest.slice(0, 3);
    this.justJoined.textContent = n
      ? t('cls.lobby.justJoined', { names: fresh.map((p) => p.nickname).join(', ') })
      : '';
    if (!n) {
      this.chips.clear();
      this.list.replaceChildren(el('li', { class: 'waiting' }, t('cls.lobby.waiting')));
      return;
    }
    const seen = new Set<string>();
    const items = newest.map((p, i) => {
      seen.add(p.id);
      const key = `${p.nickname}|${p.online}|${p.timeFactor ?? 1}|${t('cls.lobby.away')}`;
      let chip = this.chips.get(p.id);
      if (!chip || chip.key !== key) {
        chip = { li: this.chip(p), key };
        this.chips.set(p.id, chip);
      }
      chip.li.classList.toggle('fresh', i < fresh.length);
      return chip.li;
    });
    for (const id of this.chips.keys()) if (!seen.has(id)) this.chips.delete(id);
    this.list.replaceChildren(...items);
  }

  private chip(p: PlayerEntry): HTMLLIElement {
    const kick = el(
      'button',
      {
        type: 'button',
        class: 'kick',
        'aria-label': t('cls.lobby.kickLabel', { name: p.nickname }),
      },
      '×',
    );
    kick.addEventListener('click', () => this.actions.kick(p.id));
    const f = p.timeFactor ?? 1;
    // One button cycles ×1 → ×1.5 → ×2 → ×1: a quiet accommodation, set before or during the game.
    const time = el(
      'button',
      {
        type: 'button',
        class: `time${f !== 1 ? ' more' : ''}`,
        'aria-label': t('cls.time.give', { name: p.nickname, f }),
        title: t('cls.time.give', { name: p.nickname, f }),
      },
      f !== 1 ? `◷×${f}` : '◷',
    );
    time.addEventListener('click', () => {
      const i = TIME_FACTORS.indexOf(f as TimeFactor);
      this.actions.extraTime(p.id, TIME_FACTORS[(i + 1) % TIME_FACTORS.length]!);
    });
    return el(
      'li',
      { class: `player-chip${p.online ? '' : ' away'}`, 'data-id': p.id },
      el('span', { class: 'nick', title: p.nickname }, p.nickname),
      p.online ? '' : el('span', { class: 'away-tag' }, t('cls.lobby.away')),
      time,
      kick,
    );
  }
}

/** Chip type by class size: large for a room of 20, small enough for a lecture hall of 300 on one screen. */
function chipSize(n: number): string {
  return n <= 24 ? 'l' : n <= 60 ? 'm' : n <= 140 ? 's' : 'xs';
}

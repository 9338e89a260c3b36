import { toCanvas } from 'qrcode';
import type { SessionSettings } from '#shared/protocol/schemas';
import type { PlayerEntry, Status } from '#shared/protocol/views';
import { applyI18n, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';
import { spacedCode } from '../page.ts';

export interface LobbyActions {
  kick(playerId: string): void;
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
  private qrFor = '';
  private locked = false;

  constructor(private readonly actions: LobbyActions) {
    this.code = el('p', { class: 'big-code', 'aria-live': 'polite' });
    this.url = el('p', { class: 'join-url' });
    this.localWarn = el('p', { class: 'local-warn', role: 'note' });
    this.qr = el('canvas', { class: 'qr', width: '360', height: '360' });
    this.list = el('ul', { class: 'lobby-players', 'aria-live': 'polite' });
    this.count = el('h2', {});
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
        this.count,
        this.list,
        this.lockNote,
        this.extra,
        el('div', { class: 'actions' }, this.lockButton, this.startButton),
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
    this.count.textContent = t('cls.lobby.players', { n: players.length });
    const items = players.map((p) => {
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
      return el(
        'li',
        { class: `player-chip${p.online ? '' : ' away'}`, 'data-id': p.id },
        el('span', { class: 'nick' }, p.nickname),
        p.online ? '' : el('span', { class: 'away-tag' }, t('cls.lobby.away')),
        kick,
      );
    });
    if (items.length) this.list.replaceChildren(...items);
    else this.list.replaceChildren(el('li', { class: 'waiting' }, t('cls.lobby.waiting')));
    this.lockButton.textContent = status.locked ? t('cls.lobby.unlock') : t('cls.lobby.lock');
    this.lockButton.setAttribute('aria-pressed', String(status.locked));
    this.lockNote.textContent = status.locked ? t('cls.lobby.locked') : '';
    this.startButton.textContent = t('cls.lobby.start');
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
}

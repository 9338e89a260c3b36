import './joinForm.css';
import { NICKNAME_MAX } from '#shared/protocol/codes';
import { CODE_LENGTH, cleanCode, isJoinCode } from '#shared/protocol/joinCode';
import { onLangChange, t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';

export interface JoinForm {
  root: HTMLFormElement;
  code: HTMLInputElement;
  nickname: HTMLInputElement;
  button: HTMLButtonElement;
  message: HTMLElement;
  busy(on: boolean): void;
}

export interface JoinFormOptions {
  /** `home`: the first page, which sends the player on to the join page; `player`: the join page itself. */
  page: 'home' | 'player';
  code: string;
  name: string;
  /** Called with a six-digit code and a non-blank nickname. */
  submit(code: string, name: string): void;
}

/**
 * Code and nickname: large fields, a numeric keypad for the code, one tap to
 * join. The one join form, on the first page and on the join page; it keeps
 * itself in the page's language.
 */
export function joinForm(o: JoinFormOptions): JoinForm {
  const prefix = o.page === 'player' ? 'join-' : '';
  const codeInput = el('input', {
    id: `${prefix}code`,
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'off',
    pattern: `[0-9]{${CODE_LENGTH}}`,
    maxlength: String(CODE_LENGTH),
    value: o.code,
  });
  const nickname = el('input', {
    id: `${prefix}nickname`,
    name: 'nickname',
    maxlength: String(NICKNAME_MAX),
    autocomplete: 'nickname',
    value: o.name,
  });
  const codeLabel = el('span', {});
  const nameLabel = el('span', {});
  const title = el(o.page === 'player' ? 'h1' : 'h2', {});
  const button = el('button', { type: 'submit', class: 'primary join-button' });
  const message = el('p', { class: 'form-message error-text', role: 'alert' });
  const root = el(
    'form',
    { class: o.page === 'player' ? 'join player-join' : 'join', novalidate: '' },
    title,
    el('label', { class: 'field' }, codeLabel, codeInput),
    el('label', { class: 'field' }, nameLabel, nickname),
    button,
    message,
  );
  let working = false;
  const render = () => {
    title.textContent = t('cls.joinTitle');
    codeLabel.textContent = t('cls.player.code');
    nameLabel.textContent = t('cls.player.nickname');
    button.textContent = working ? t('cls.player.joining') : t('cls.player.join');
  };
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = cleanCode(codeInput.value);
    if (!isJoinCode(c)) {
      message.textContent = t('home.codeInvalid');
      codeInput.focus();
      return;
    }
    const n = nickname.value.trim();
    if (!n) {
      message.textContent = t('cls.err.NICKNAME_INVALID');
      nickname.focus();
      return;
    }
    message.textContent = '';
    o.submit(c, n);
  });
  render();
  onLangChange(render);
  return {
    root,
    code: codeInput,
    nickname,
    button,
    message,
    busy(on) {
      working = on;
      button.disabled = on;
      render();
    },
  };
}

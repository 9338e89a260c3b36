import { NICKNAME_MAX } from '#shared/protocol/codes';
import { t } from '../../i18n/index.ts';
import { el } from '../../ui/format.ts';

export interface JoinForm {
  root: HTMLFormElement;
  code: HTMLInputElement;
  nickname: HTMLInputElement;
  button: HTMLButtonElement;
  message: HTMLElement;
  render(): void;
  busy(on: boolean): void;
}

/** Code and nickname: large fields, a numeric keypad for the code, one tap to join. */
export function joinForm(
  code: string,
  name: string,
  submit: (code: string, name: string) => void,
): JoinForm {
  const codeInput = el('input', {
    id: 'join-code',
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'off',
    pattern: '[0-9]{6}',
    maxlength: '6',
    value: code,
  });
  const nickname = el('input', {
    id: 'join-nickname',
    name: 'nickname',
    maxlength: String(NICKNAME_MAX),
    autocomplete: 'nickname',
    value: name,
  });
  const codeLabel = el('span', {});
  const nameLabel = el('span', {});
  const title = el('h1', {});
  const button = el('button', { type: 'submit', class: 'primary join-button' });
  const message = el('p', { class: 'form-message error-text', role: 'alert' });
  const root = el(
    'form',
    { class: 'join player-join', novalidate: '' },
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
    const c = codeInput.value.replace(/\D/g, '');
    if (!/^\d{6}$/.test(c)) {
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
    submit(c, n);
  });
  render();
  return {
    root,
    code: codeInput,
    nickname,
    button,
    message,
    render,
    busy(on) {
      working = on;
      button.disabled = on;
      render();
    },
  };
}

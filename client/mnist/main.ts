import '../styles.css';
import './lab.css';
import { lang, onLangChange } from '../i18n/index.ts';
import { el, setText } from '../ui/format.ts';
import { header, keepTranslated } from '../ui/shell.ts';
import { keepMnistTranslated, mt } from './i18n.ts';
import { Lab } from './lab.ts';
import { loadMnist } from './load.ts';

// The MNIST lab's page. The digits (1.6 MB) are fetched only when the player
// presses the button, never by the first page or the join page.
const app = document.getElementById('app')!;
document.documentElement.lang = lang();

/** Size of the compressed file, for the button: the build's figure, rounded. */
const MB = '1.6';
const loadButton = el('button', { type: 'button', class: 'primary mnist-load' });
const bar = el('progress', { class: 'mnist-bar', max: '1', value: '0', hidden: '' });
const message = el('p', { class: 'form-message', 'aria-live': 'polite' });
const title = el('h1', { 'data-mi18n': 'mnist.title' });
const main = el(
  'main',
  { class: 'mnist' },
  title,
  el('p', { class: 'tagline', 'data-mi18n': 'mnist.intro' }),
  el('section', { class: 'mnist-load-box' }, loadButton, bar, message),
  el('p', { class: 'note', 'data-mi18n': 'mnist.credit' }),
);
app.append(
  header([
    { href: '../', key: 'nav.home' },
    { href: '../play.html', key: 'nav.levels' },
    { href: '../play.html?sandbox=1', key: 'nav.sandbox' },
  ]),
  main,
);
keepTranslated(document, 'app.title');
keepMnistTranslated(document);
let status: () => string = () => '';
const label = () => {
  setText(loadButton, mt('mnist.load', { mb: MB }));
  setText(message, status());
};
label();
onLangChange(label);

loadButton.addEventListener('click', async () => {
  loadButton.disabled = true;
  bar.hidden = false;
  try {
    const { data, bytes } = await loadMnist((p) => {
      if (p.phase === 'download') {
        const f = p.total ? p.received / p.total : 0;
        bar.value = f;
        status = () => mt('mnist.loading', { pct: Math.round(f * 100) });
      } else {
        bar.removeAttribute('value');
        status = () => mt('mnist.checking');
      }
      setText(message, status());
    });
    bar.value = 1;
    status = () =>
      mt('mnist.loaded', {
        train: data.nTrain.toLocaleString('en-US'),
        test: data.nTest.toLocaleString('en-US'),
      });
    setText(message, status());
    main.querySelector('.mnist-load-box')!.classList.add('done');
    main.append(new Lab(data, bytes).root);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    status = () => mt('mnist.loadFailed', { why });
    setText(message, status());
    loadButton.disabled = false;
  }
});

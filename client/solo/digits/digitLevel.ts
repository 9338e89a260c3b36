import './digits.css';
import { image, imagesToBatch, type MnistData, testIndex } from '#shared/data/mnist';
import { networkHash } from '#shared/data/mnistTraining';
import { cloneNetwork, type Network, networkFromJSON } from '#shared/engine/index';
import type { LevelDef } from '#shared/game/levels';
import type { MnistLevelSpec } from '#shared/game/mnistLevel';
import { onLangChange, t } from '../../i18n/index.ts';
import { keepMnistTranslated, mt } from '../../mnist/i18n.ts';
import { type LoadProgress, loadMnist } from '../../mnist/load.ts';
import { el, setText } from '../../ui/format.ts';
import { levelScreen } from '../levelScreen.ts';
import { digitPlayView } from './playView.ts';
import type { BuildReply } from './protocol.ts';

/** The level's network and digit, as the worker built them from the packed digits. */
interface Built {
  network: Network;
  test: number;
  label: number;
}

/** Trains the level's network in a worker (one epoch: a second or two) and picks its digit. */
function buildInWorker(
  bytes: Uint8Array<ArrayBuffer>,
  spec: MnistLevelSpec,
  onTrained: (fraction: number) => void,
): Promise<Built> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Built>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<BuildReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') return onTrained(msg.fraction);
      worker.terminate();
      if (msg.type === 'error') return reject(new Error(msg.message));
      const network = networkFromJSON(msg.network);
      // The copy must be the worker's network bit for bit, or the scores would differ from Node's.
      if (networkHash(network) !== msg.hash) return reject(new Error('network copy differs'));
      resolve({ network, test: msg.test, label: msg.label });
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the worker failed'));
    };
    const copy = bytes.slice().buffer;
    worker.postMessage({ bytes: copy, spec }, [copy]);
  });
}

/**
 * The MNIST level: downloads the packed digits only now that the player opened
 * it (a progress bar meanwhile), trains the book's [784,30,10] for the level
 * in a worker, then hands the campaign's level screen a puzzle of one test
 * digit and a stage that draws layer 1 as that digit's 28×28 image.
 */
export async function digitLevelScreen(
  level: LevelDef,
  host: HTMLElement,
  storage: Storage | undefined,
): Promise<void> {
  const spec = level.mnist;
  if (!spec) throw new Error(`level ${level.id} is not an MNIST level`);
  const title = el('h1', {});
  const bar = el('progress', { class: 'mnist-bar', max: '1', value: '0' });
  const message = el('p', { class: 'form-message', 'aria-live': 'polite' });
  const retry = el('button', { type: 'button', class: 'retry', hidden: '' });
  const box = el(
    'main',
    { class: 'digit-loading' },
    title,
    el('p', { class: 'tagline', 'data-mi18n': 'digits.why' }),
    el('div', { class: 'mnist-load-box' }, bar, message, retry),
    el('p', { class: 'note', 'data-mi18n': 'mnist.credit' }),
  );
  host.append(box);
  keepMnistTranslated(box);
  let status = () => mt('digits.starting');
  const label = () => {
    setText(title, t(`level.${level.id}.title`));
    setText(message, status());
    setText(retry, t('campaign.retry'));
  };
  label();
  onLangChange(label);
  const say = (s: () => string) => {
    status = s;
    setText(message, s());
  };
  const onProgress = (p: LoadProgress) => {
    if (p.phase === 'download') {
      const f = p.total ? Math.min(1, p.received / p.total) : 0;
      bar.value = f;
      say(() => mt('mnist.loading', { pct: Math.round(f * 100) }));
    } else {
      bar.removeAttribute('value');
      say(() => mt('mnist.checking'));
    }
  };

  let loaded: { data: MnistData; built: Built };
  try {
    const { data, bytes } = await loadMnist(onProgress);
    bar.value = 0;
    say(() => mt('digits.training', { n: data.nTrain.toLocaleString('en-US') }));
    const built = await buildInWorker(bytes, spec, (f) => {
      bar.value = f;
    });
    loaded = { data, built };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    bar.value = 0;
    say(() => mt('mnist.loadFailed', { why }));
    retry.hidden = false;
    retry.addEventListener('click', () => location.reload());
    return;
  }
  const { data, built } = loaded;
  const at = testIndex(data, built.test);
  const batch = imagesToBatch(data, at, 1);
  box.remove();
  await levelScreen(level, host, storage, {
    // Each start (and Try again) from the trained network as built: kept moves change a copy.
    puzzle: () => ({ network: cloneNetwork(built.network), batch, eps: spec.eps, show: 'delta' }),
    view: (onSubmit) =>
      digitPlayView(
        { pixels: image(data, at).slice(), label: built.label, test: built.test },
        onSubmit,
      ),
  });
}

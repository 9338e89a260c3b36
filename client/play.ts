import './styles.css';
import { levelById } from '#shared/game/levels';
import { lang } from './i18n/index.ts';
import { campaignList } from './solo/campaignList.ts';
import { levelScreen } from './solo/levelScreen.ts';
import { isUnlocked, loadProgress } from './solo/progress.ts';
import { sandboxScreen, settingsFromQuery } from './solo/sandbox.ts';
import { header, keepTranslated } from './ui/shell.ts';

// The game page: the campaign list, one level, or the sandbox, chosen by the query string.
const app = document.getElementById('app')!;
document.documentElement.lang = lang();
const query = new URLSearchParams(location.search);
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

app.append(
  header([
    { href: '/', key: 'nav.home' },
    { href: 'play.html', key: 'nav.levels' },
    { href: 'play.html?sandbox=1', key: 'nav.sandbox' },
  ]),
);

const level = levelById(query.get('level') ?? '');
if (query.has('sandbox')) {
  void sandboxScreen(app, settingsFromQuery(query), query.get('play') === '1');
  keepTranslated(document, 'sandbox.title');
} else if (level && isUnlocked(loadProgress(storage), level.id)) {
  // The MNIST level brings its digits, worker and stage in a chunk of its own, fetched only here.
  if (level.mnist)
    void import('./solo/digits/digitLevel.ts').then((m) => m.digitLevelScreen(level, app, storage));
  else void levelScreen(level, app, storage);
  keepTranslated(document, `level.${level.id}.title`);
} else {
  app.append(campaignList(storage));
  keepTranslated(document, 'campaign.title');
}

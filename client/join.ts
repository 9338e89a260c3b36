import './styles.css';
import './classroom/classroom.css';
import './classroom/player/player.css';
import { playerApp } from './classroom/player/playerApp.ts';
import { lang } from './i18n/index.ts';
import { keepTranslated } from './ui/shell.ts';

// The player's page: a phone in a class game. Phaser loads only when the first round does.
document.documentElement.lang = lang();
playerApp(document.getElementById('app')!);
keepTranslated(document, 'cls.joinTitle');

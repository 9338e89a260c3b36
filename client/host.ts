import './styles.css';
import './classroom/classroom.css';
import './classroom/host/setup.css';
import './classroom/host/game.css';
import './classroom/host/projector.css';
import { hostApp } from './classroom/host/hostApp.ts';
import { lang } from './i18n/index.ts';
import { keepTranslated } from './ui/shell.ts';

// The host's page, for the projector: create a session, run its rounds, show the podium and the report.
document.documentElement.lang = lang();
document.body.classList.add('host-page');
hostApp(document.getElementById('app')!);
keepTranslated(document, 'cls.hostTitle');
